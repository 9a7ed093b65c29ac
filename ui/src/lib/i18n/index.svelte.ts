// The chosen language, as reactive state: every `t(...)` in a template re-renders when it
// changes. Vietnamese is the default.
import { en } from './en';
import { vi, type Key } from './vi';

export type Lang = 'vi' | 'en';
export type { Key };

export const dictionaries: Record<Lang, Record<Key, string>> = { vi, en };

const STORAGE_KEY = 'desk.lang';

function initial(): Lang {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    return saved === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

const state = $state<{ lang: Lang }>({ lang: initial() });

export function lang(): Lang {
  return state.lang;
}

export function setLang(next: Lang): void {
  state.lang = next;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, next);
  } catch {
    // A locked-down profile without storage still switches for this session.
  }
  if (typeof document !== 'undefined') document.documentElement.lang = next;
}

/** Fills `{name}` placeholders; unknown placeholders stay visible rather than vanish. */
export function interpolate(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function translate(l: Lang, key: Key, params?: Record<string, string | number>): string {
  return interpolate(dictionaries[l][key], params);
}

export function t(key: Key, params?: Record<string, string | number>): string {
  return translate(state.lang, key, params);
}
