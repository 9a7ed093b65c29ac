// A compromised page, a busy database and a crashed engine, against the real window: a page
// that names a path (`/etc/passwd`, a file in the home folder) reaches nothing; while
// another `desk` process imports 10,000 delegations into the same database the window
// answers clicks at once; and when the engine that runs the commands dies (as it would on
// a crafted file), the window stays open and its next call starts another.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, readlinkSync, realpathSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { appBinary, deskBinary, nav, openApp, startDriver, tempDatabase, waitForText } from './harness.mjs';

describe('hardened', { timeout: 240000 }, () => {
  const database = tempDatabase();
  const desk = (...args) => execFileSync(deskBinary, ['--db', database, ...args], { encoding: 'utf8' });
  let driver;
  let browser;

  before(async () => {
    desk('init');
    desk('delegation', 'add', '--direction', 'outgoing', '--title', 'Đoàn khảo sát Singapore', '--country', 'SG', '--starts', '2026-03-02', '--ends', '2026-03-06');
    driver = await startDriver(4700);
    browser = await openApp(driver, database);
  });

  after(async () => {
    await browser?.deleteSession().catch(() => {});
    await driver?.stop();
  });

  /** Calls a command as a script in the page could, and returns its error (or null). */
  const refusal = (command, args) =>
    browser.executeAsync(
      (command, args, done) =>
        window.__TAURI_INTERNALS__
          .invoke(command, args)
          .then(() => done(null))
          .catch((e) => done(e)),
      command,
      args,
    );

  it('refuses every path a page names, to read or to write', async () => {
    const [delegation] = JSON.parse(desk('--json', 'delegation', 'list'));
    const secret = join(homedir(), '.bashrc');
    const target = join(homedir(), `desk-e2e-${process.pid}.csv`);
    const attempts = [
      ['add_attachment_file', { input: { delegation_id: delegation.id, person_id: null, kind: '', file_name: '', caption: '' }, file: '/etc/passwd' }],
      ['add_attachment_file', { input: { delegation_id: delegation.id, person_id: null, kind: '', file_name: '', caption: '' }, file: secret }],
      ['preview_guest_file', { delegationId: delegation.id, file: '/etc/passwd', sheet: null, mapping: null }],
      ['import_rate_table_file', { file: secret }],
      ['export_calendar_ics', { from: '2026-01-01', to: '2026-12-31', file: target }],
      ['export_itinerary_pdf', { delegationId: delegation.id, person: null, language: 'vi', file: target }],
    ];
    for (const [command, args] of attempts) {
      const error = await refusal(command, args);
      assert.equal(error?.kind, 'validation', `${command} ${args.file}: ${JSON.stringify(error)}`);
      assert.deepEqual(error.violations.map((v) => [v.field, v.rule]), [['file', 'unknown_record']], command);
    }
    // The old way of naming a file is not even an argument any more.
    const old = await refusal('add_attachment_file', { input: { delegation_id: delegation.id, person_id: null, kind: '', file_name: '', caption: '' }, path: '/etc/passwd' });
    assert.notEqual(old, null, 'a path argument is refused');
    assert.equal(existsSync(target), false, 'nothing was written in the home folder');
    const attachments = JSON.parse(desk('--json', 'delegation', 'show', delegation.id));
    assert.equal(JSON.stringify(attachments).includes('passwd'), false, 'nothing was attached');
  });

  /** The window's engines: `desk engine` processes whose parent is the window app. */
  const engines = () => {
    const app = realpathSync(appBinary);
    const engine = join(dirname(app), 'desk');
    const procs = readdirSync('/proc')
      .filter((pid) => /^\d+$/.test(pid))
      .flatMap((pid) => {
        try {
          const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
          const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
          return [{ pid: Number(pid), ppid, exe: readlinkSync(`/proc/${pid}/exe`) }];
        } catch {
          return [];
        }
      });
    const windows = new Set(procs.filter((p) => p.exe === app).map((p) => p.pid));
    return procs.filter((p) => p.exe === engine && windows.has(p.ppid)).map((p) => p.pid);
  };

  it('stays open when its engine dies, and the next call starts another', async () => {
    const [first] = engines();
    assert.ok(first, 'the window runs its engine');
    process.kill(first, 'SIGKILL');
    // The engine's end is noticed by the window; nothing of the window goes with it.
    for (let i = 0; i < 50 && engines().includes(first); i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(engines().includes(first), false, 'the engine is gone');
    await nav(browser, 'delegations');
    await waitForText(browser, '[data-testid="delegation-list"]', /Đoàn khảo sát Singapore/);
    const [second] = engines();
    assert.ok(second && second !== first, `a new engine serves the window (${first} → ${second})`);
    const info = await browser.executeAsync((done) =>
      window.__TAURI_INTERNALS__.invoke('app_info', {}).then(done, (e) => done({ error: e })),
    );
    assert.ok(info.schema_version > 0, `the database is open again: ${JSON.stringify(info)}`);
  });

  it('keeps answering clicks while another process imports 10,000 delegations', async () => {
    const IMPORTED = 20000;
    const file = join(dirname(database), 'export.json');
    desk('export', '--out', file);
    const base = JSON.parse(readFileSync(file, 'utf8'));
    // Twice the 10,000: on a quiet machine the keyed index imports 10,000 in about a
    // second, too quick to click through five screens while it runs.
    const delegations = Array.from({ length: IMPORTED }, (_, k) => ({ ...base.delegations[0], id: randomUUID(), title: `Đoàn nhập ${k}` }));
    const big = join(dirname(database), 'big.json');
    writeFileSync(big, JSON.stringify({ ...base, organisations: [], people: [], delegations }));

    const pages = ['people', 'delegations', 'organisations', 'today', 'calendar'];
    // From the click to the next painted frame: the window's main thread is free.
    const click = (page) =>
      browser.executeAsync((page, done) => {
        const started = performance.now();
        document.querySelector(`[data-testid="nav-${page}"]`).click();
        requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - started)));
      }, page);
    // Each screen once before, so that what is measured is the wait, not a first drawing.
    for (const page of pages) await click(page);
    const idle = [];
    for (const page of pages) idle.push(await click(page));
    const importing = spawn(deskBinary, ['--db', database, 'import', big], { stdio: 'ignore' });
    let finished = false;
    importing.on('exit', () => (finished = true));
    await new Promise((r) => setTimeout(r, 100));
    const timings = [];
    for (const page of pages) timings.push({ page, ms: await click(page), importing: !finished });
    console.log(`clicks when idle (ms): ${idle.map((ms) => ms.toFixed(0)).join(', ')}; during the import: ${JSON.stringify(timings)}`);
    const during = timings.filter((t) => t.importing);
    assert.ok(during.length >= 3, `the import was still running during the clicks: ${JSON.stringify(timings)}`);
    // The aim is 100 ms. A loaded 2-core machine running a debug build is slower than that
    // even on an idle database (120-250 ms there, and the importing process takes a core),
    // so the bound is 1 s or three times the same click when idle: what must never come
    // back is a frozen window (5.5 s when the commands ran on the main thread).
    during.forEach((t, i) => {
      const limit = Math.max(1000, 3 * idle[i]);
      assert.ok(t.ms < limit, `the click on ${t.page} answered in ${t.ms.toFixed(0)} ms (limit ${limit.toFixed(0)} ms)`);
    });
    // On a slow machine the import takes minutes: stop it as a crash would, then it must be
    // there whole or not at all.
    if (!finished) {
      importing.kill('SIGKILL');
      await new Promise((r) => importing.on('exit', r));
    }
    desk('check');
    const listed = JSON.parse(desk('--json', 'delegation', 'list'));
    assert.ok([1, IMPORTED + 1].includes(listed.length), `the import is whole or absent: ${listed.length}`);
  });
});
