import { describe, expect, it } from 'vitest';
import { toDeskError } from './index';

describe('errors from the shell', () => {
  it('keeps a structured error exactly as sent', () => {
    const sent = {
      kind: 'validation',
      message: 'Title must not be empty',
      violations: [{ field: 'title', rule: 'required', message: 'Title must not be empty' }],
      code: '',
      params: {},
    };
    expect(toDeskError(sent)).toEqual(sent);
  });

  it('turns a bare string from Tauri into an internal error, never losing the text', () => {
    expect(toDeskError('command not allowed')).toEqual({
      kind: 'internal',
      message: 'command not allowed',
      violations: [],
      code: '',
      params: {},
    });
  });

  it('does not trust an object with an unknown kind', () => {
    const odd = { kind: 'teapot', message: 'x', violations: [] };
    expect(toDeskError(odd).kind).toBe('internal');
  });
});

describe("errors said in the window's language", () => {
  it('translate a coded failure with its parameters, not the English message', async () => {
    const { describe: say } = await import('../lib/forms');
    const { setLang } = await import('../lib/i18n/index.svelte');
    const refused = {
      kind: 'conflict' as const,
      message: 'a delegation cannot move from closed to draft; from closed it can move to reported',
      violations: [],
      code: 'status_move',
      params: { from: 'closed', to: 'draft' },
    };
    setLang('vi');
    expect(say(refused)).toBe('Không thể chuyển đoàn từ “Đã kết thúc” sang “Nháp”.');
    setLang('en');
    expect(say(refused)).toBe('A delegation cannot go from “Closed” to “Draft”.');
  });

  it('say that a call was cut short when the engine stopped under it', async () => {
    const { describe: say } = await import('../lib/forms');
    const { setLang } = await import('../lib/i18n/index.svelte');
    const stopped = {
      kind: 'internal' as const,
      message: 'the engine stopped before it answered, and what the call was writing was not kept; try again',
      violations: [],
      code: 'engine_stopped',
      params: {},
    };
    setLang('vi');
    expect(say(stopped)).toBe('Thao tác bị dừng trước khi xong; không có gì của nó được ghi lại. Hãy thử lại.');
    setLang('en');
    expect(say(stopped)).toBe('The operation stopped before it finished, and nothing of it was kept. Try again.');
  });

  it("name each refused field in the window's language", async () => {
    const { describe: say } = await import('../lib/forms');
    const { setLang } = await import('../lib/i18n/index.svelte');
    setLang('vi');
    const incomplete = {
      kind: 'validation' as const,
      message: 'Purpose must be filled in before the report is final or printed',
      violations: [{ field: 'purpose', rule: 'required' as const, message: 'Purpose must be filled in' }],
      code: '',
      params: {},
    };
    expect(say(incomplete)).toBe('Mục đích không được để trống.');
  });
});
