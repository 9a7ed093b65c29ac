import { describe, expect, it } from 'vitest';
import { CommandError } from '../api';
import { answer, askThen, pending } from './confirm.svelte';
import { toasts } from './toast.svelte';

/** Lets the pending promise chain run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('asking before a removal', () => {
  it('does nothing when the person says no', async () => {
    let done = 0;
    const asked = askThen('Delete: Singapore 2016?', 'Delete', async () => done++);
    expect(pending()?.message).toBe('Delete: Singapore 2016?');
    expect(pending()?.danger).toBe(true);
    answer(false);
    expect(await asked).toBe(false);
    expect(done).toBe(0);
  });

  it('removes, then reloads, when the person agrees', async () => {
    const steps: string[] = [];
    const asked = askThen(
      'Delete?',
      'Delete',
      async () => steps.push('remove'),
      async () => steps.push('reload'),
    );
    answer(true);
    expect(await asked).toBe(true);
    expect(steps).toEqual(['remove', 'reload']);
  });

  it('shows a refused removal in the window instead of losing it', async () => {
    const before = toasts().length;
    let reloaded = false;
    const asked = askThen(
      'Delete?',
      'Delete',
      async () => {
        throw new CommandError({
          kind: 'not_found',
          message: 'no task with id x',
          violations: [],
          code: '',
          params: {},
        });
      },
      () => (reloaded = true),
    );
    answer(true);
    expect(await asked).toBe(false);
    await settle();
    expect(reloaded).toBe(false);
    const shown = toasts().slice(before);
    expect(shown).toHaveLength(1);
    expect(shown[0]?.tone).toBe('error');
  });
});
