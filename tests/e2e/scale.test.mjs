// A busy office's first screen: on a synthetic year (2,500 delegations, thousands of reports
// and settlements due), Today shows each section's count in full but asks the shell for its
// most urgent lines only, 50 at a time, so that the window is not blank for seconds while
// thousands of lines are sent and drawn; "Show more" fetches and draws the next ones. The
// Calendar opens such a year on a month.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync, realpathSync } from 'node:fs';
import { basename, join } from 'node:path';
import { appBinary, deskBinary, nav, openApp, scratchDir, screenshot, startDriver, textOf, waitForText } from './harness.mjs';

describe('Today on a busy year', { timeout: 180000 }, () => {
  const database = join(scratchDir('desk-e2e-scale-'), 'desk.sqlite');
  let driver;
  let browser;
  let due;

  before(async () => {
    execFileSync(deskBinary, ['synthetic', '--years', '1', '--out', database], { stdio: 'ignore' });
    // The whole agenda as the CLI gives it (2 MB of JSON: more than execFileSync's default buffer).
    const agenda = execFileSync(deskBinary, ['--db', database, '--json', 'warnings'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    due = JSON.parse(agenda).items.filter((item) => item.severity === 'overdue').length;
    driver = await startDriver(4820);
    browser = await openApp(driver, database);
  });

  after(async () => {
    await browser?.deleteSession().catch(() => {});
    await driver?.stop();
  });

  const overdue = () => browser.$$('[data-testid="agenda-overdue"] [data-testid="agenda-item"]');

  it('counts every overdue line and draws the first 20', async () => {
    assert.ok(due > 100, `the synthetic year has many overdue lines (${due})`);
    await browser.$('[data-testid="agenda-item"]').waitForExist({ timeout: 30000 });
    assert.equal((await overdue()).length, 20, 'only the most urgent 20 are drawn');
    const heading = await textOf(browser.$('h2.section.overdue .count'));
    assert.equal(Number(heading.replace(/\D/g, '')), due, `the heading counts them all (${heading})`);
    const more = browser.$('[data-testid="agenda-more-overdue"]');
    assert.match(await textOf(more), new RegExp(`Xem thêm 50 mục \\(${(due - 20).toLocaleString('vi-VN')} mục chưa hiện\\)`));
    await more.scrollIntoView();
    await screenshot(browser, 'today-busy-year');
  });

  it('draws 50 more at each click on "Show more"', async () => {
    await browser.$('[data-testid="agenda-more-overdue"]').click();
    await browser.waitUntil(async () => (await overdue()).length === 70, {
      timeout: 10000,
      timeoutMsg: 'the next 50 lines are drawn',
    });
  });

  it('opens the Calendar of a busy year on a month, not on thousands of rows', async () => {
    // A year's timeline of 2,500 trips is unreadable, and reading it sent the window 4.2 MB
    // at each visit on twenty years; the year stays one click away.
    const listed = execFileSync(deskBinary, ['--db', database, '--json', 'delegation', 'list', '--limit', '1'], {
      encoding: 'utf8',
    });
    const trips = JSON.parse(listed).total;
    await nav(browser, 'calendar');
    await waitForText(browser, '[data-testid="calendar-range"]', /^\d\d\/\d{4}$/);
    await browser.$('[data-testid="calendar"]').waitForExist({ timeout: 30000 });
    const drawn = (await browser.$$('[data-testid="calendar"] .label button.link')).length;
    assert.ok(drawn > 0 && drawn < trips / 4, `a month's trips (${drawn}) of the year's ${trips}`);
    await screenshot(browser, 'calendar-busy-year');
    // A busy month is hundreds of lines (727 on twenty synthetic years): the window draws a
    // screenful and the rest as they are scrolled to, down to the last person away.
    const lines = () => browser.$$('[data-testid="calendar"] .line:not(.head)');
    const held = await browser.execute(() => {
      const scroller = document.querySelector('[data-testid="calendar-lines"]');
      const line = scroller?.querySelector('.line');
      return scroller && line ? Math.round(scroller.scrollHeight / line.offsetHeight) : 0;
    });
    const shown = (await lines()).length;
    assert.ok(held > 2 * shown, `${shown} lines drawn of the month's ${held}`);
    await browser.execute(() => {
      const scroller = document.querySelector('[data-testid="calendar-lines"]');
      if (scroller) scroller.scrollTop = scroller.scrollHeight;
    });
    await browser.$('[data-testid="calendar-person"]').waitForExist({ timeout: 5000 });
    assert.ok((await lines()).length <= shown + 1, 'the lines scrolled past are let go');
    await screenshot(browser, 'calendar-busy-year-end');
    // Left and come back to (the Calendar is kept, hidden, meanwhile): the lines in view are
    // drawn, not a blank where the list thought it was scrolled to.
    await nav(browser, 'today');
    await nav(browser, 'calendar');
    await browser.waitUntil(
      () =>
        browser.execute(() => {
          const scroller = document.querySelector('[data-testid="calendar-lines"]');
          const box = scroller?.getBoundingClientRect();
          if (!box || box.height === 0) return false;
          const middle = document.elementFromPoint(box.left + 20, box.top + box.height / 2);
          return Boolean(middle?.closest('[data-testid="calendar-lines"] .line'));
        }),
      { timeout: 5000, timeoutMsg: 'the Calendar came back with its lines in view not drawn' },
    );
    // At the smallest window the month's day numbers would run together: every other one.
    await browser.setWindowSize(960, 600);
    const days = await browser.$$('[data-testid="calendar"] .track.cols span');
    assert.ok(await days[0].isDisplayed(), 'day 1 is shown');
    assert.equal(await days[1].isDisplayed(), false, 'day 2 gives its room to its neighbours');
    await screenshot(browser, 'calendar-busy-year-960x600');
    await browser.setWindowSize(1280, 800);
  });

  it('keeps two heaps, not one per thread its commands ran on, and gives large blocks back', () => {
    // glibc gives every thread that allocates a heap of its own and keeps in it what was
    // freed, and raises its thresholds as large blocks are freed; the app starts itself
    // with two arenas and fixed thresholds (src-tauri/src/memory.rs).
    const app = realpathSync(appBinary);
    const environs = running().filter((p) => p.exe === app);
    assert.ok(environs.length > 0, 'the window app is running');
    for (const { environ } of environs) {
      assert.ok(environ.includes('MALLOC_ARENA_MAX=2'), 'the app runs with two arenas');
      assert.ok(environ.includes('MALLOC_MMAP_THRESHOLD_=262144'), 'blocks of 256 KiB go back to the system whole');
      assert.ok(environ.includes('MALLOC_TRIM_THRESHOLD_=1048576'), "the heap's free top above 1 MiB goes back");
    }
  });

  it('gives back what a year of statistics read once the window is at rest', async () => {
    // The engine keeps SQLite's decrypted pages while the person works; 5 s after the last
    // call it gives them back (crates/desk-engine/src/serve.rs), and its allocator returns
    // them to the system (SQLite's own allocations included).
    await nav(browser, 'statistics');
    await browser.$('[data-testid="headline-outgoing-value"]').waitForDisplayed({ timeout: 60000 });
    const read = enginePss();
    await nav(browser, 'today');
    await browser.$('[data-testid="agenda-overdue"]').waitForDisplayed({ timeout: 20000 });
    // Five seconds without a call, the engine's once-a-second look, and a margin.
    await new Promise((done) => setTimeout(done, 8000));
    const rested = enginePss();
    assert.ok(read - rested >= 8, `the engine gave back at least 8 MiB at rest: ${read.toFixed(1)} → ${rested.toFixed(1)} MiB`);
  });

  it("keeps the page's script heap and the engine's near what they hold", () => {
    // What a screen held goes when the screen closes: the page's JavaScript heap is
    // collected whole (src-tauri/src/memory.rs), and the engine gives freed pages back at
    // once (src-tauri/src/engine.rs).
    const page = windowChildren('WebKitWebProcess');
    const engine = windowChildren('desk');
    assert.ok(page.length > 0, "the window's web process is running");
    assert.ok(engine.length > 0, "the window's engine is running");
    for (const { environ } of page) {
      assert.ok(environ.includes('JSC_useGenerationalGC=0'), 'the page collects its whole heap each time');
      assert.ok(environ.includes('JSC_useDFGJIT=0'), "the page's script runs without the optimising compilers");
    }
    for (const { environ } of engine) {
      assert.ok(environ.includes('MIMALLOC_PURGE_DELAY=0'), 'the engine gives freed pages back at once');
    }
  });
});

/** The processes the window app started whose program is named `program`. */
function windowChildren(program) {
  const all = running();
  const app = new Set(all.filter((p) => p.exe === realpathSync(appBinary)).map((p) => p.pid));
  return all.filter((p) => app.has(p.ppid) && basename(p.exe) === program);
}

/** The memory the window's engine holds (its proportional set size), in MiB. */
function enginePss() {
  const [engine] = windowChildren('desk');
  assert.ok(engine, "the window's engine is running");
  const kib = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${engine.pid}/smaps_rollup`, 'latin1'));
  return Number(kib[1]) / 1024;
}

/** Every process this user can read: its program, its parent and its environment. */
function running() {
  return readdirSync('/proc')
    .filter((pid) => /^\d+$/.test(pid))
    .flatMap((pid) => {
      try {
        // The parent is the fourth field, after the name in parentheses (which may hold spaces).
        const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        const environ = readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0');
        return [{ pid: Number(pid), ppid, exe: readlinkSync(`/proc/${pid}/exe`), environ }];
      } catch {
        return [];
      }
    });
}
