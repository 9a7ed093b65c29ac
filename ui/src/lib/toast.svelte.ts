// Short messages at the corner of the window: "Saved", "Moved to the trash — Undo".
export interface Toast {
  id: number;
  text: string;
  tone: 'info' | 'error';
  action?: { label: string; run: () => void };
}

const state = $state<{ toasts: Toast[] }>({ toasts: [] });
let next = 1;

export function toasts(): Toast[] {
  return state.toasts;
}

export function dismiss(id: number): void {
  state.toasts = state.toasts.filter((t) => t.id !== id);
}

export function notify(text: string, options: Partial<Omit<Toast, 'id' | 'text'>> = {}): void {
  const toast: Toast = {
    id: next++,
    text,
    tone: options.tone ?? 'info',
    ...(options.action ? { action: options.action } : {}),
  };
  state.toasts = [...state.toasts, toast];
  setTimeout(() => dismiss(toast.id), toast.action ? 8000 : 4000);
}
