// Asking "are you sure?" inside the window (never a browser pop-up), as a promise.
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
