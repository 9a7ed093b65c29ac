// The charts draw on a canvas, which CSS does not reach: they read the theme's colours from
// the CSS variables of app.css when they draw, and draw again when the theme changes (the
// setting in the app, or the system's light/dark switch).
import type { Tone } from './stats';

const state = $state({ version: 0 });
let watching = false;

function watch(): void {
  if (watching || typeof window === 'undefined') return;
  watching = true;
  new MutationObserver(() => state.version++).observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['data-theme'],
  });
  window.matchMedia?.('(prefers-color-scheme: dark)').addEventListener('change', () => state.version++);
}

/** Changes whenever the theme does; read it in an effect to draw again. */
export function themeVersion(): number {
  watch();
  return state.version;
}

export interface Palette {
  tones: Record<Tone, string>;
  text: string;
  muted: string;
  grid: string;
  surface: string;
  font: string;
}

const VARIABLES: Record<Tone, string> = {
  outgoing: '--outgoing',
  incoming: '--incoming',
  accent: '--accent',
  ok: '--outgoing',
  late: '--incoming',
  danger: '--danger',
  muted: '--muted',
};

/** The colours in force now. */
export function palette(): Palette {
  const style = getComputedStyle(document.documentElement);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const tones = Object.fromEntries(
    Object.entries(VARIABLES).map(([tone, name]) => [tone, read(name, '#888888')]),
  ) as Record<Tone, string>;
  return {
    tones,
    text: read('--text', '#1c2430'),
    muted: read('--muted', '#5d6878'),
    grid: read('--border', '#dde1e7'),
    surface: read('--surface', '#ffffff'),
    font: getComputedStyle(document.body).fontFamily,
  };
}
