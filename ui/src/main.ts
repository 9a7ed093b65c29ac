// The UI font is bundled (no network): Be Vietnam Pro, made for Vietnamese, SIL OFL 1.1.
import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/500.css';
import '@fontsource/be-vietnam-pro/600.css';
// Guests' names in their own scripts (Lao, Khmer, Thai, Myanmar), SIL OFL 1.1: only the
// script's own letters, loaded when a name needs them; Latin text stays in Be Vietnam Pro.
import '@fontsource/noto-sans-lao/lao-400.css';
import '@fontsource/noto-sans-lao/lao-600.css';
import '@fontsource/noto-sans-khmer/khmer-400.css';
import '@fontsource/noto-sans-khmer/khmer-600.css';
import '@fontsource/noto-sans-thai/thai-400.css';
import '@fontsource/noto-sans-thai/thai-600.css';
import '@fontsource/noto-sans-myanmar/myanmar-400.css';
import '@fontsource/noto-sans-myanmar/myanmar-600.css';
import './app.css';
import './lib/fonts.css';
import { mount } from 'svelte';
import App from './App.svelte';
import { lang } from './lib/i18n/index.svelte';
import { applyTheme, savedTheme } from './lib/theme';
import { answered, askEarly } from './lib/today';

// A mark on the page's own clock for the start figures of the bench (tests/bench/window.mjs).
performance.mark('desk:script');
// Before anything is mounted: the window opens on Today as a rule (lib/today.ts).
askEarly();
document.documentElement.lang = lang();
applyTheme(savedTheme());

// How long the first screen waits for the engine's first answers (lib/today.ts): they come
// within ~10 ms of being asked from an engine that is ready; from a slower one, "Loading…" is
// drawn meanwhile. Mounted at once, the window drew its frame with "Loading…" (~35 ms here)
// before it could take the answers that were already waiting.
const WAIT_FOR_ANSWERS_MS = 250;

const target = document.getElementById('app');
if (target) void answered(WAIT_FOR_ANSWERS_MS).then(() => mount(App, { target }));
