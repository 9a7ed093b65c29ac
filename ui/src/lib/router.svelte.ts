// Where the user is: a hash route ("#/delegations/ID/travel"). The last view is remembered
// and reopened at the next start.
const STORAGE_KEY = 'desk.route';

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
  if (window.location.hash) return window.location.hash;
  try {
    return window.localStorage.getItem(STORAGE_KEY) ?? '';
  } catch {
    return '';
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
  try {
    window.localStorage.setItem(STORAGE_KEY, target);
  } catch {
    // Storage can be unavailable; the route still changes.
  }
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
    try {
      window.localStorage.setItem(STORAGE_KEY, href(next));
    } catch {
      // ignore
    }
  });
}
