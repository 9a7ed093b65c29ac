// Where the user is: a hash route ("#/delegations/ID/travel"). The last view is remembered
// and reopened at the next start, per database: the web view's storage is shared by every
// database the app opens, and a record of one does not exist in another.
const STORAGE_PREFIX = 'desk.route.';
let storageKey: string | null = null;

/** A short stable name for a database (FNV-1a of its identity): the key of its last view. */
export function databaseKey(identity: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < identity.length; i++) {
    h ^= identity.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return STORAGE_PREFIX + h.toString(16).padStart(8, '0');
}

function remember(target: string): void {
  if (!storageKey) return;
  try {
    window.localStorage.setItem(storageKey, target);
  } catch {
    // Storage can be unavailable; the route still changes.
  }
}

export type Route =
  | { page: 'today' }
  | { page: 'delegations' }
  | { page: 'delegation'; id: string; tab: string }
  | { page: 'people' }
  | { page: 'person'; id: string }
  | { page: 'organisations' }
  | { page: 'calendar' }
  | { page: 'statistics' }
  | { page: 'settings' }
  | { page: 'conflicts' }
  | { page: 'trash' };

export function parse(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [first, id, tab] = parts;
  switch (first) {
    case 'delegations':
      return id ? { page: 'delegation', id, tab: tab ?? 'overview' } : { page: 'delegations' };
    case 'people':
      return id ? { page: 'person', id } : { page: 'people' };
    case 'organisations':
    case 'calendar':
    case 'statistics':
    case 'settings':
    case 'conflicts':
    case 'trash':
    case 'today':
      return { page: first };
    default:
      return { page: 'today' };
  }
}

export function href(route: Route): string {
  switch (route.page) {
    case 'delegation':
      return `#/delegations/${encodeURIComponent(route.id)}/${route.tab}`;
    case 'person':
      return `#/people/${encodeURIComponent(route.id)}`;
    default:
      return `#/${route.page}`;
  }
}

function initialHash(): string {
  if (typeof window === 'undefined') return '';
  return window.location.hash;
}

/**
 * Called once the database is known: reopens the last view of that database (unless the
 * window was opened on a view already) and remembers views under its key from then on.
 */
export function restoreFor(identity: string): void {
  storageKey = databaseKey(identity);
  if (window.location.hash) return;
  let saved = '';
  try {
    saved = window.localStorage.getItem(storageKey) ?? '';
  } catch {
    // Nothing remembered then.
  }
  if (saved) {
    const to = parse(saved);
    window.location.hash = href(to);
    state.route = to;
  }
}

const state = $state<{ route: Route }>({ route: parse(initialHash()) });

/** Asked before leaving a view; resolves false to stay (an unsaved form may say no). */
let guard: (() => Promise<boolean>) | null = null;

export function setLeaveGuard(check: (() => Promise<boolean>) | null): void {
  guard = check;
}

async function mayLeave(): Promise<boolean> {
  if (!guard) return true;
  const ok = await guard();
  if (ok) guard = null;
  return ok;
}

export function route(): Route {
  return state.route;
}

export async function go(to: Route): Promise<void> {
  if (!(await mayLeave())) return;
  const target = href(to);
  if (window.location.hash !== target) window.location.hash = target;
  state.route = to;
  remember(target);
}

if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', async () => {
    const next = parse(window.location.hash);
    if (href(next) === href(state.route)) return;
    if (!(await mayLeave())) {
      window.location.hash = href(state.route);
      return;
    }
    state.route = next;
    remember(href(next));
  });
}
