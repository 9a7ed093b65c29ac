// Starts the real app under tauri-driver (which drives WebKitWebDriver) and hands the tests a
// WebDriver session. The display comes from the caller (`xvfb-run` in scripts/test.sh).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir, homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { remote } from 'webdriverio';

// The bench script's window measurements (tests/bench/) drive the app through the same
// WebDriver client; it is installed here, so they take it from this module.
export { remote };

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '../..');
export const appBinary =
  process.env.DESK_APP_BIN ?? join(repoRoot, 'target', 'debug', 'delegation-desk');
const driverBinary =
  process.env.TAURI_DRIVER ?? join(process.env.CARGO_HOME ?? join(homedir(), '.cargo'), 'bin', 'tauri-driver');
export const artifacts = join(here, 'artifacts');

export const deskBinary = process.env.DESK_CLI_BIN ?? join(repoRoot, 'target', 'debug', 'desk');

// Everything a test file writes goes under one folder of its own, removed when the file's
// process ends. /tmp stays short: GTK's file dialogs complete a typed path against the
// folders it passes through, and with hundreds of leftovers there the completion list took
// the Return meant for the dialog.
const scratchRoot = mkdtempSync(join(tmpdir(), 'desk-e2e-run-'));
// WebKit's helper processes may still be writing their shader cache there when the file
// ends; a folder that will not empty after a few tries is left behind with a word, rather
// than failing tests that passed.
process.on('exit', () => {
  try {
    rmSync(scratchRoot, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  } catch (error) {
    console.warn(`left ${scratchRoot} behind: ${error.message}`);
  }
});

/** A fresh folder for one test's files, inside this test file's scratch folder. */
export function scratchDir(prefix = 'desk-e2e-') {
  return mkdtempSync(join(scratchRoot, prefix));
}

// Every database the tests make is encrypted with one key kept in a key file of this run
// (`desk` creates the file with the first database); no test touches a keyring. Child
// processes (the CLI, tauri-driver and the app it starts) inherit the variable.
export const keyFile =
  process.env.DESK_KEY_FILE || join(scratchDir('desk-e2e-key-'), 'test.key');
process.env.DESK_KEY_FILE = keyFile;

/** A fresh database with the demo data set loaded through the `desk` CLI. */
export function demoDatabase() {
  const dir = scratchDir('desk-e2e-');
  const path = join(dir, 'desk.sqlite');
  execFileSync(deskBinary, ['--db', path, 'demo'], { stdio: 'ignore' });
  return path;
}

/** Runs the `desk` CLI on a database and returns its JSON output. */
export function deskJson(database, ...args) {
  return JSON.parse(execFileSync(deskBinary, ['--db', database, '--json', ...args], { encoding: 'utf8' }));
}

/** A fresh folder holding a new empty database (made with `desk init`, as a user would). */
export function tempDatabase() {
  const dir = scratchDir('desk-e2e-');
  const path = join(dir, 'desk.sqlite');
  execFileSync(deskBinary, ['--db', path, 'init'], { stdio: 'ignore' });
  return path;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitForPort(port, child, timeoutMs = 20000) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`tauri-driver exited with ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/status`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`tauri-driver did not listen on ${port} within ${timeoutMs} ms`);
}

/** Starts tauri-driver on its own ports; `stop()` ends it. */
export async function startDriver(port = 4444) {
  if (!existsSync(appBinary)) throw new Error(`the app is not built: ${appBinary}`);
  if (!existsSync(driverBinary)) throw new Error(`tauri-driver is not installed: ${driverBinary}`);
  // A home of its own for each run: the web view keeps its storage (language, last view,
  // filters) under XDG_DATA_HOME, and one test must not inherit another's.
  const home = scratchDir('desk-e2e-home-');
  const env = {
    ...process.env,
    XDG_DATA_HOME: join(home, 'data'),
    XDG_CONFIG_HOME: join(home, 'config'),
    XDG_CACHE_HOME: join(home, 'cache'),
  };
  const child = spawn(
    driverBinary,
    ['--port', String(port), '--native-port', String(port + 1), '--native-driver', '/usr/bin/WebKitWebDriver'],
    { stdio: ['ignore', 'inherit', 'inherit'], env },
  );
  await waitForPort(port, child);
  return {
    port,
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * Launches the app on `database` (with the run's key file unless `key` names another) and
 * returns the WebDriver session for its window.
 */
export async function openApp(driver, database, key = keyFile) {
  const browser = await remote({
    hostname: '127.0.0.1',
    port: driver.port,
    // WDIO_LOG=info prints every WebDriver command: which element a failed click aimed at.
    logLevel: process.env.WDIO_LOG ?? 'error',
    connectionRetryCount: 0,
    capabilities: {
      'tauri:options': { application: appBinary, args: ['--db', database, '--key-file', key] },
    },
  });
  // The page is ready when the app's shell has rendered.
  await browser.$('main.content').waitForExist({ timeout: 20000 });
  return browser;
}

/**
 * A suite's app: tauri-driver on `port` and the app on `database` in it, for `before`. A driver
 * whose app did not open is stopped here, since the suite never gets hold of it.
 */
export async function launchApp(port, database) {
  const driver = await startDriver(port);
  try {
    return { driver, browser: await openApp(driver, database) };
  } catch (e) {
    await driver.stop();
    throw e;
  }
}

/** Ends what `launchApp` began, for `after`: whichever part got going, even if a test failed. */
export async function closeApp(browser, driver) {
  await browser?.deleteSession().catch(() => {});
  await driver?.stop();
}

/** Types into the field `selector` once it shows, as a user would (what it held is replaced). */
export async function typeInto(browser, selector, text) {
  const el = browser.$(selector);
  await el.waitForDisplayed({ timeout: 5000 });
  await el.setValue(text);
}

/** Opens a screen through the sidebar, as a user would. */
export async function nav(browser, page) {
  await browser.$(`[data-testid="nav-${page}"]`).click();
}

/**
 * The text an element renders (its `innerText`). WebDriver's own getText leaves out text
 * in boxes that clip with an ellipsis, which a user still sees the start of.
 */
export async function textOf(element) {
  return String(await element.getProperty('innerText'));
}

/** Waits until the element matching `selector` shows text matching `pattern`. */
export async function waitForText(browser, selector, pattern, timeout = 10000) {
  await browser.waitUntil(
    async () => {
      const el = browser.$(selector);
      return (await el.isExisting()) && pattern.test(await textOf(el));
    },
    { timeout, timeoutMsg: `${selector} never showed ${pattern}` },
  );
}

/**
 * Clicks the row (`data-testid`) whose text matches `pattern`, once the list has stopped
 * changing (a list that filters as it is typed into replaces its rows meanwhile).
 */
export async function openRow(browser, testid, pattern, timeout = 10000) {
  let previous = '';
  await browser.waitUntil(
    async () => {
      try {
        const rows = await browser.$$(`[data-testid="${testid}"]`);
        const texts = [];
        for (const row of rows) texts.push(await textOf(row));
        const now = texts.join('\n');
        const stable = now === previous;
        previous = now;
        const index = texts.findIndex((text) => pattern.test(text));
        if (!stable || index < 0) return false;
        await rows[index].click();
        return true;
      } catch {
        return false; // A row was replaced while it was read.
      }
    },
    { timeout, interval: 300, timeoutMsg: `no row shows ${pattern}` },
  );
}

/**
 * A screenshot for people to look at: the window as the display shows it, taken by
 * ImageMagick's `import` from the X server once it is painted and two takes in a row are
 * the same (the last change painted; 5 s at most). WebKitWebDriver's own screenshot never
 * answers for a page drawn without GPU compositing, as the app's is (src-tauri/src/webkit.rs).
 * The window is found by its title and, among several open at once, by the place and size
 * WebDriver gives for the session's own.
 */
export async function screenshot(browser, name) {
  mkdirSync(artifacts, { recursive: true });
  await sleep(300);
  const rect = await browser.getWindowRect();
  const ids = execFileSync('xdotool', ['search', '--onlyvisible', '--name', '^Delegation Desk$'], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .filter(Boolean);
  const at = (id) => {
    const shell = execFileSync('xdotool', ['getwindowgeometry', '--shell', id], { encoding: 'utf8' });
    const value = (key) => Number(new RegExp(`^${key}=(\\d+)`, 'm').exec(shell)?.[1]);
    return { x: value('X'), y: value('Y'), width: value('WIDTH'), height: value('HEIGHT') };
  };
  const mine = ids.find((id) => {
    const g = at(id);
    return g.width === rect.width && g.height === rect.height && g.x === rect.x && g.y === rect.y;
  });
  const id = mine ?? ids[0];
  if (!id) throw new Error(`no window of the app on the display for the screenshot ${name}`);
  const file = join(artifacts, `${name}.png`);
  const before = join(artifacts, `${name}.before.png`);
  // A window not painted yet (just opened) is one colour; a window being painted differs
  // from its take before.
  const painted = () => execFileSync('identify', ['-format', '%k', file], { encoding: 'utf8' }).trim() !== '1';
  const same = () => spawnSync('compare', ['-metric', 'AE', before, file, 'null:'], { encoding: 'utf8' }).stderr.trim() === '0';
  const until = Date.now() + 5000;
  execFileSync('import', ['-window', id, file]);
  do {
    await sleep(150);
    renameSync(file, before);
    execFileSync('import', ['-window', id, file]);
  } while (!(painted() && same()) && Date.now() < until);
  rmSync(before, { force: true });
}

/**
 * Answers the system open, save or folder dialog as a person would: the dialog is a GTK
 * window of its own (opened by the shell, never by the page), found by its title; Ctrl+L
 * opens an Open or Select Folder dialog's location field, a Save dialog's name field already
 * has the focus and takes a whole path; then Return (a folder's path with no slash at its
 * end chooses that folder). Needs `xdotool` and the test's X display.
 */
export async function answerFileDialog(path, timeout = 20000) {
  const started = Date.now();
  let id = '';
  let title = '';
  while (!id && Date.now() - started < timeout) {
    for (const name of ['Open File', 'Save File', 'Select Folder']) {
      try {
        const found = execFileSync('xdotool', ['search', '--onlyvisible', '--name', `^${name}$`], { encoding: 'utf8' }).trim();
        if (found) {
          id = found.split('\n').pop();
          title = name;
        }
      } catch {
        // not open yet
      }
    }
    if (!id) await sleep(200);
  }
  if (!id) throw new Error('no file dialog appeared');
  await sleep(500);
  execFileSync('xdotool', ['windowfocus', '--sync', id]);
  // A folder dialog opens on Recent, where no folder can be chosen (its button stays
  // greyed and Return does nothing): Alt+Home goes to a real folder first.
  if (title === 'Select Folder') {
    execFileSync('xdotool', ['key', '--clearmodifiers', 'alt+Home']);
    await sleep(500);
  }
  if (title !== 'Save File') execFileSync('xdotool', ['key', '--clearmodifiers', 'ctrl+l']);
  else execFileSync('xdotool', ['key', '--clearmodifiers', 'ctrl+a']);
  await sleep(200);
  execFileSync('xdotool', ['type', '--delay', '10', path]);
  await sleep(200);
  // The location field completes a folder inline with its only subfolder (selected text):
  // Delete drops that, so Return chooses the folder typed.
  if (title === 'Select Folder') {
    await sleep(600);
    execFileSync('xdotool', ['key', 'Delete']);
    await sleep(200);
  }
  execFileSync('xdotool', ['key', 'Return']);
  // The dialog closes once it has taken the answer. A completion list that was still open
  // takes the first Return for itself; the typed path is then whole, so one more answers.
  const typed = Date.now();
  let again = false;
  while (Date.now() - started < timeout) {
    try {
      execFileSync('xdotool', ['search', '--onlyvisible', '--name', `^${title}$`]);
    } catch {
      return;
    }
    if (!again && Date.now() - typed > 2000) {
      again = true;
      execFileSync('xdotool', ['key', 'Return']);
    }
    await sleep(200);
  }
  throw new Error(`the ${title} dialog did not close`);
}
