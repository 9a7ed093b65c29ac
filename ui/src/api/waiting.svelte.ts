// Which calls to the shell have been waiting longer than a moment (another process holding
// the database, a long import, a large document): the window shows it instead of seeming
// frozen. Commands run off the window's main thread, so the window keeps painting meanwhile.

/** After this long a call counts as waiting. */
export const SLOW_MS = 400;

let slow = $state(0);

/** Whether some call has been waiting longer than [`SLOW_MS`]. */
export function waiting(): boolean {
  return slow > 0;
}

/** Counts `pending` as waiting once it has taken longer than [`SLOW_MS`], until it settles. */
export async function watched<T>(pending: Promise<T>): Promise<T> {
  let counted = false;
  const timer = setTimeout(() => {
    counted = true;
    slow += 1;
  }, SLOW_MS);
  try {
    return await pending;
  } finally {
    clearTimeout(timer);
    if (counted) slow -= 1;
  }
}
