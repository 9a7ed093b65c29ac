import { describe, expect, it } from 'vitest';
import { toDeskError } from './index';

describe('errors from the shell', () => {
  it('keeps a structured error exactly as sent', () => {
    const sent = {
      kind: 'validation',
      message: 'Title must not be empty',
      violations: [{ field: 'title', rule: 'required', message: 'Title must not be empty' }],
    };
    expect(toDeskError(sent)).toEqual(sent);
  });

  it('turns a bare string from Tauri into an internal error, never losing the text', () => {
    expect(toDeskError('command not allowed')).toEqual({
      kind: 'internal',
      message: 'command not allowed',
      violations: [],
    });
  });

  it('does not trust an object with an unknown kind', () => {
    const odd = { kind: 'teapot', message: 'x', violations: [] };
    expect(toDeskError(odd).kind).toBe('internal');
  });
});
