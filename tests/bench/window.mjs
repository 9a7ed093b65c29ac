// The window figures of scripts/bench.sh, measured side by side: for Delegation Desk and the
// empty Tauri shell (tests/bench/empty-shell), alternating runs, each from a cold process:
//   start  ms from asking for the window to its first list in the DOM (WebDriver session
//          start included, for both), and to the first time the display showed the window
//          painted (sampled about every 100 ms from the X server, after the list was found);
//   idle   PSS of the whole process tree (app + WebKit processes) 10 s after that;
//   split  when each page began (on this script's clock) and, for Delegation Desk, when its
//          script ran and Today's first lines arrived (on the page's clock);
//   walk   (Delegation Desk only) PSS after a scripted walk through every screen and 10 s
//          at rest, as the idle figure is taken 10 s after the start, and the PSS after 10 s
//          of the same run, so the two can be divided; also the PSS 2 s after the walk, while
//          what the last screens held has not been collected yet.
// Delegation Desk draws its page without GPU compositing (src-tauri/src/webkit.rs); the shell
// is measured as Tauri makes it and, for a like-for-like figure, also drawn the same way
// (WebKit's WEBKIT_DISABLE_COMPOSITING_MODE, through a second driver).
// Prints one JSON object. Run under a display (xvfb-run) with tauri-driver installed:
//   node tests/bench/window.mjs --desk BIN --db FILE [--shell BIN] [--runs 5] [--walk-seconds 600]
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync, realpathSync } from 'node:fs';
import { basename } from 'node:path';
import { keyFile, remote, startDriver } from '../e2e/harness.mjs';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => {
    if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1]]);
    return pairs;
  }, []),
);
const runs = Number(args.runs ?? 5);
const walkSeconds = Number(args['walk-seconds'] ?? 600);
const port = Number(args.port ?? 4800);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Every process id with its parent, from /proc. */
function processes() {
  const out = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      let exe = '';
      try {
        exe = readlinkSync(`/proc/${name}/exe`);
      } catch {
        // another user's process, or gone
      }
      out.push({ pid: Number(name), ppid, exe });
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** PSS in MiB of the processes running `binary` and all their descendants. */
function treePss(binary) {
  const all = processes();
  const real = realpathSync(binary);
  const tree = new Set(all.filter((p) => p.exe === real).map((p) => p.pid));
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of all) {
      if (!tree.has(p.pid) && tree.has(p.ppid)) {
        tree.add(p.pid);
        grew = true;
      }
    }
  }
  let kib = 0;
  // The same by program (the window, its engine, WebKit's web and network processes), so
  // that a change can be traced to the process it moved.
  const byProgram = {};
  for (const pid of tree) {
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      const pss = Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
      const program = basename(all.find((p) => p.pid === pid)?.exe ?? '?');
      kib += pss;
      byProgram[program] = Math.round(((byProgram[program] ?? 0) + pss / 1024) * 10) / 10;
    } catch {
      // gone meanwhile
    }
  }
  return { mib: kib / 1024, processes: tree.size, byProgram };
}

async function open(binary, appArgs, on = port) {
  return remote({
    hostname: '127.0.0.1',
    port: on,
    logLevel: 'error',
    connectionRetryCount: 0,
    capabilities: { 'tauri:options': { application: binary, args: appArgs } },
  });
}

/**
 * When the display first showed the window painted, in ms since `started`: the screen's
 * top-left corner (where the window opens under Xvfb) is taken by ImageMagick's `import`
 * about every 100 ms until it holds more than one colour (the bare screen and a window GTK
 * has mapped but WebKit not painted yet are one colour). A list in the DOM is not yet a
 * list on the screen: a composited page shows it 100-400 ms later here. Null after 4 s.
 */
function paintedAt(started) {
  const until = performance.now() + 4000;
  while (performance.now() < until) {
    const at = performance.now() - started;
    const colours = execFileSync('sh', ['-c', 'import -window root -crop 400x300+0+0 png:- | identify -format %k -'], {
      encoding: 'utf8',
    }).trim();
    if (colours !== '1') return at;
  }
  return null;
}

/** One cold start: ms to the first list, then PSS after 10 s; the window is closed after. */
async function once(binary, appArgs, listSelector, walk, on = port) {
  const started = performance.now();
  const browser = await open(binary, appArgs, on);
  await browser.$(listSelector).waitForExist({ timeout: 60000, interval: 20 });
  const startMs = performance.now() - started;
  const paintedMs = paintedAt(started);
  // The page's own clock: how long it had existed when its list was found, and its marks
  // (Delegation Desk's `desk:script`, `desk:today-answered`, `desk:today-frame`), to split
  // the start into the window's making, the page's work and the time until WebDriver saw it.
  const page = await browser.execute(() => ({
    now: performance.now(),
    marks: Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
  }));
  const pageOriginMs = performance.now() - started - page.now;
  await sleep(10000);
  const idle = treePss(binary);
  let walked = null;
  let walkedBusy = null;
  if (walk) {
    await walk(browser);
    await sleep(2000);
    walkedBusy = treePss(binary);
    await sleep(8000);
    walked = treePss(binary);
  }
  await browser.deleteSession();
  return {
    startMs,
    paintedMs,
    pageOriginMs,
    scriptMs: page.marks['desk:script'] ?? null,
    linesMs: page.marks['desk:today-answered'] ?? null,
    frameMs: page.marks['desk:today-frame'] ?? null,
    idleMib: idle.mib,
    processes: idle.processes,
    idleByProgram: idle.byProgram,
    walkedMib: walked?.mib ?? null,
    walkedBusyMib: walkedBusy?.mib ?? null,
    walkedByProgram: walked?.byProgram ?? null,
  };
}

/** Every screen in turn, a delegation and a person opened from their lists, as a person would click through them, for `seconds`. */
async function walkEveryScreen(browser) {
  const pages = ['today', 'delegations', 'calendar', 'people', 'organisations', 'statistics', 'trash', 'settings'];
  const until = Date.now() + walkSeconds * 1000;
  let rounds = 0;
  while (Date.now() < until) {
    for (const page of pages) {
      const link = browser.$(`[data-testid="nav-${page}"]`);
      if (await link.isExisting()) await link.click();
      await sleep(400);
      const row = { delegations: 'delegation-row', people: 'person-row' }[page];
      if (row) {
        // Open the first record of the list and come back, then scroll the list, as people do.
        const first = browser.$(`[data-testid="${row}"]`);
        if ((await first.isExisting()) && (await first.isClickable())) {
          await first.click();
          await sleep(600);
          await link.click();
          await sleep(300);
        }
        // Found in the page: WebKitWebDriver does not hand an element argument to the script.
        await browser.execute(() => document.querySelector('[data-testid="virtual-list"]')?.scrollBy(0, 20000));
        await sleep(300);
      }
    }
    rounds += 1;
  }
  return rounds;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : null;
};

const driver = await startDriver(port);
// The driver's apps inherit its environment: the second one's draw without compositing.
process.env.WEBKIT_DISABLE_COMPOSITING_MODE = '1';
const alikeDriver = args.shell ? await startDriver(port + 2) : null;
delete process.env.WEBKIT_DISABLE_COMPOSITING_MODE;
const desk = [];
const shell = [];
const shellAlike = [];
try {
  for (let i = 0; i < runs; i++) {
    // Alternating, so that whatever else the machine does falls on both.
    if (args.shell) shell.push(await once(args.shell, [], '[data-testid="row"]', null));
    if (args.shell) shellAlike.push(await once(args.shell, [], '[data-testid="row"]', null, port + 2));
    const last = i === runs - 1;
    desk.push(
      await once(
        args.desk,
        // The key file of the run (DESK_KEY_FILE): the window has no keyring to ask.
        ['--db', args.db, '--key-file', keyFile],
        '[data-testid="agenda-item"], [data-testid="today-empty"]',
        last ? walkEveryScreen : null,
      ),
    );
  }
} finally {
  await driver.stop();
  await alikeDriver?.stop();
}
const walked = desk[desk.length - 1];
console.log(
  JSON.stringify({
    runs,
    walk_seconds: walkSeconds,
    desk_start_ms: median(desk.map((r) => r.startMs)),
    shell_start_ms: median(shell.map((r) => r.startMs)),
    // To the window painted on the display (null when it never was within 4 s).
    desk_painted_ms: median(desk.map((r) => r.paintedMs).filter((x) => x !== null)),
    shell_painted_ms: median(shell.map((r) => r.paintedMs).filter((x) => x !== null)),
    shell_alike_painted_ms: median(shellAlike.map((r) => r.paintedMs).filter((x) => x !== null)),
    // The start split: when the page began (bench clock), when its script ran and its first
    // lines arrived (page clock); the rest of the start is WebDriver seeing them.
    desk_page_origin_ms: median(desk.map((r) => r.pageOriginMs)),
    shell_page_origin_ms: median(shell.map((r) => r.pageOriginMs)),
    desk_page_script_ms: median(desk.map((r) => r.scriptMs).filter((x) => x !== null)),
    desk_page_lines_ms: median(desk.map((r) => r.linesMs).filter((x) => x !== null)),
    // The first frame after Today's lines were drawn (none when WebDriver found them first).
    desk_page_frame_ms: median(desk.map((r) => r.frameMs).filter((x) => x !== null)),
    desk_idle_mib: median(desk.map((r) => r.idleMib)),
    shell_idle_mib: median(shell.map((r) => r.idleMib)),
    // The shell drawn without compositing, as Delegation Desk's page is.
    shell_alike_start_ms: median(shellAlike.map((r) => r.startMs)),
    shell_alike_idle_mib: median(shellAlike.map((r) => r.idleMib)),
    desk_processes: walked.processes,
    walk_idle_mib: walked.idleMib,
    walk_after_mib: walked.walkedMib,
    walk_after_2s_mib: walked.walkedBusyMib,
    // MiB by program, idle and after the walk, in the run that walked; the shell's last idle.
    walk_idle_by_program: walked.idleByProgram,
    walk_after_by_program: walked.walkedByProgram,
    shell_idle_by_program: shell[shell.length - 1]?.idleByProgram ?? null,
  }),
);
