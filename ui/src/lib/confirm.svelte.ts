// Asking "are you sure?" inside the window (never a browser pop-up), as a promise.
import { failureText } from './forms';
import { notify } from './toast.svelte';
interface Pending {
  message: string;
  confirmLabel: string;
  danger: boolean;
  resolve: (yes: boolean) => void;
}

const state = $state<{ pending: Pending | null }>({ pending: null });

export function pending(): Pending | null {
  return state.pending;
}

export function ask(message: string, confirmLabel: string, danger = false): Promise<boolean> {
  return new Promise((resolve) => {
    state.pending?.resolve(false);
    state.pending = { message, confirmLabel, danger, resolve };
  });
}

export function answer(yes: boolean): void {
  const p = state.pending;
  state.pending = null;
  p?.resolve(yes);
}

/**
 * Asks first (a removal: the confirm button is red); when the person agrees, runs `work`
 * then `after` (reloading what is shown). A failure is shown as a toast in the window's
 * language rather than lost as an unhandled rejection. True when the work was done.
 */
export async function askThen(
  message: string,
  confirmLabel: string,
  work: () => Promise<unknown>,
  after: () => unknown = () => {},
): Promise<boolean> {
  if (!(await ask(message, confirmLabel, true))) return false;
  try {
    await work();
    await after();
    return true;
  } catch (e) {
    notify(failureText(e), { tone: 'error' });
    return false;
  }
}
