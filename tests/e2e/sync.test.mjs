// Many machines (issue #16), as the office meets it: device A (the `desk` CLI, its own
// database and key) shares the demo record through a folder; the window, on an empty
// database, chooses that folder in the system's folder dialog, types the passphrase and
// syncs, and the demo's delegations appear. The same title edited on both sides becomes a
// conflict: the sidebar counts it, the Conflicts screen shows both titles, Keep mine settles
// it, and the choice reaches device A at its next sync. Screenshots of Settings → Sync and
// the Conflicts screen, in Vietnamese, at 1280×800 and 960×600.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';
import {
  answerFileDialog,
  closeApp,
  deskBinary,
  launchApp,
  nav,
  openRow,
  screenshot,
  tempDatabase,
  textOf,
  waitForText,
} from './harness.mjs';

const SINGAPORE = '018fd2d0-0819-7186-9072-600a56b24d19';
const SINGAPORE_TITLE = 'Tham dự Phiên họp lần thứ 2 Dự án INELI-ASEAN tại Singapore';
const TITLE_A = 'Phiên họp INELI-ASEAN lần 2 (sửa trên máy A)';
const TITLE_WINDOW = 'Phiên họp INELI-ASEAN lần 2 tại Singapore (sửa trong cửa sổ)';
const PASSPHRASE = 'thư viện quốc gia 2026';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// The passphrase is typed in the window, never taken from the environment.
delete process.env.DESK_SYNC_PASSPHRASE;

describe('sharing the record between two machines', { timeout: 600000 }, () => {
  // Outside the crowded /tmp: the folder dialog is answered by typing the path.
  const scratch = mkdtempSync(join(homedir(), 'desk-sync-'));
  const folder = join(scratch, 'office-sync');
  const passFile = join(scratch, 'passphrase.txt');
  const deviceA = join(scratch, 'a', 'desk.sqlite');
  const keyA = join(scratch, 'a', 'a.key');
  const database = tempDatabase();
  let driver;
  let browser;

  /** `desk` on device A, with A's own key file. */
  const onA = (...args) => execFileSync(deskBinary, ['--db', deviceA, '--key-file', keyA, ...args], { encoding: 'utf8' });
  const syncA = () => onA('sync', '--folder', folder, '--passphrase-file', passFile);

  before(async () => {
    mkdirSync(folder);
    mkdirSync(join(scratch, 'a'));
    writeFileSync(passFile, `${PASSPHRASE}\n`);
    onA('demo');
    assert.match(syncA(), /Sent \d+ changes/);
    ({ driver, browser } = await launchApp(4980, database));
  });

  after(async () => {
    await closeApp(browser, driver);
    rmSync(scratch, { recursive: true, force: true });
  });

  /** Settings → Sync → Sync now (the passphrase typed while this computer keeps none). */
  async function syncNow() {
    await nav(browser, 'settings');
    await browser.$('[data-testid="sync-now"]').waitForDisplayed({ timeout: 10000 });
    const field = browser.$('[data-testid="sync-passphrase"]');
    if (await field.isExisting()) await field.setValue(PASSPHRASE);
    await browser.$('[data-testid="sync-now"]').scrollIntoView({ block: 'center' });
    await browser.$('[data-testid="sync-now"]').click();
    // Busy while it runs, then what it did.
    await waitForText(browser, '[data-testid="sync-outcome"]', /Đã gửi \d+ thay đổi/, 60000);
    return textOf(browser.$('[data-testid="sync-outcome"]'));
  }

  /** The two sizes of the screenshots, the smallest the window allows last. */
  async function shots(name) {
    for (const [w, h] of [
      [1280, 800],
      [960, 600],
    ]) {
      await browser.setWindowSize(w, h);
      await sleep(400);
      await screenshot(browser, `${name}-${w}x${h}`);
    }
    await browser.setWindowSize(1280, 800);
  }

  it('joins the office’s folder from an empty database and shows its delegations', async () => {
    await browser.setWindowSize(1280, 800);
    await nav(browser, 'settings');
    await waitForText(browser, '[data-testid="sync-folder"]', /Chưa chọn thư mục/);
    assert.equal(await browser.$('[data-testid="nav-conflicts"]').isExisting(), false, 'no Conflicts entry before syncing');
    await browser.$('[data-testid="choose-sync-folder"]').scrollIntoView({ block: 'center' });
    await browser.$('[data-testid="choose-sync-folder"]').click();
    await answerFileDialog(folder);
    await waitForText(browser, '[data-testid="sync-folder"]', new RegExp(`^${basename(folder)}$`));
    assert.ok(!(await textOf(browser.$('[data-testid="sync-panel"]'))).includes(scratch), 'the window never shows the path');

    // Without the passphrase: said next to its field, in Vietnamese.
    await browser.$('[data-testid="sync-now"]').click();
    await waitForText(browser, '[data-testid="error-passphrase"]', /Mật khẩu đồng bộ/);
    // A wrong one: refused, nothing applied.
    await browser.$('[data-testid="sync-passphrase"]').setValue('not the office’s');
    await browser.$('[data-testid="sync-now"]').click();
    await waitForText(browser, '[data-testid="sync-error"]', /không mở được thư mục này/, 60000);

    const said = await syncNow();
    assert.match(said, /Máy này đã tham gia thư mục chung của cơ quan/);
    assert.match(said, /Đã gửi \d+ thay đổi, nhận \d+; 0 xung đột cần giải quyết/);
    await waitForText(browser, '[data-testid="sync-last"]', /Lần đồng bộ gần nhất: \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/);
    assert.equal(await browser.$('[data-testid="choose-sync-folder"]').isExisting(), false, 'a joined device keeps its folder');
    await browser.$('[data-testid="nav-conflicts"]').waitForDisplayed({ timeout: 5000 });
    // The automatic sync is offered once joined, off until turned on, and says that it needs
    // the passphrase kept (these tests have no keyring).
    const auto = browser.$('[data-testid="sync-auto"]');
    assert.equal(await auto.isSelected(), false, 'off until turned on');
    assert.match(await textOf(browser.$('[data-testid="sync-panel"]')), /Cần máy này giữ mật khẩu/);
    await auto.scrollIntoView({ block: 'center' });
    await auto.click();
    // Kept by the database: still on after leaving Settings and coming back.
    await nav(browser, 'today');
    await nav(browser, 'settings');
    await browser.$('[data-testid="sync-auto"]').waitForDisplayed({ timeout: 10000 });
    await browser.waitUntil(() => browser.$('[data-testid="sync-auto"]').isSelected(), {
      timeout: 5000,
      timeoutMsg: 'the automatic sync stays on',
    });
    await browser.$('[data-testid="sync-panel"]').scrollIntoView({ block: 'start' });
    await shots('sync-panel-vi');

    await nav(browser, 'delegations');
    await waitForText(browser, '[data-testid="delegation-list"]', new RegExp(SINGAPORE_TITLE));
  });

  it('counts a title edited on both machines, and Keep mine settles it on both', async () => {
    // Device A changes the title and syncs, while the window changes it too.
    onA('delegation', 'edit', SINGAPORE, '--title', TITLE_A);
    assert.match(syncA(), /Sent 1 changes/);
    await openRow(browser, 'delegation-row', /INELI-ASEAN tại Singapore/);
    await waitForText(browser, '[data-testid="delegation-title"]', /Singapore/);
    await browser.$('[data-testid="edit-delegation"]').waitForClickable({ timeout: 5000 });
    await browser.$('[data-testid="edit-delegation"]').click();
    await browser.$('input[name="title"]').setValue(TITLE_WINDOW);
    await browser.$('[data-testid="save-delegation"]').click();
    await browser.$('[data-testid="delegation-form"]').waitForExist({ reverse: true, timeout: 5000 });
    await waitForText(browser, '[data-testid="delegation-title"]', /sửa trong cửa sổ/);

    const said = await syncNow();
    assert.match(said, /nhận 1; 1 xung đột cần giải quyết/);
    await waitForText(browser, '[data-testid="conflicts-badge"]', /^1$/);

    await nav(browser, 'conflicts');
    await waitForText(browser, '[data-testid="conflict"]', /sửa trên máy A/);
    const conflicts = await browser.$$('[data-testid="conflict"]');
    assert.equal(conflicts.length, 1);
    const card = conflicts[0];
    assert.match(await textOf(card), /Đoàn/);
    assert.match(await textOf(card.$('[data-testid="conflict-field"]')), /^Tên đoàn$/);
    assert.equal(await textOf(card.$('[data-testid="conflict-mine-value"]')), TITLE_WINDOW);
    assert.equal(await textOf(card.$('[data-testid="conflict-theirs-value"]')), TITLE_A);
    assert.match(await textOf(card.$('[data-testid="conflict-theirs"]')), /\d{2}\/\d{2}\/\d{4}/, 'when the other side changed it');
    await shots('conflicts-vi');
    // The same in English: the field by its label, the buttons in the reader's words.
    await browser.$('[data-testid="switch-language"]').click();
    await waitForText(browser, '[data-testid="conflict-field"]', /^Title$/);
    assert.match(await textOf(card.$('[data-testid="keep-mine"]')), /^Keep mine$/);
    assert.match(await textOf(card.$('[data-testid="conflict-mine"]')), /This device\s+Applied now/);
    await browser.setWindowSize(960, 600);
    await screenshot(browser, 'conflicts-en-960x600');
    await browser.setWindowSize(1280, 800);
    await browser.$('[data-testid="switch-language"]').click();
    await waitForText(browser, '[data-testid="conflict-field"]', /^Tên đoàn$/);

    await card.$('[data-testid="keep-mine"]').click();
    await browser.$('[data-testid="conflicts-empty"]').waitForDisplayed({ timeout: 10000 });
    assert.match(await textOf(browser.$('[data-testid="conflicts-empty"]')), /Không có xung đột/);
    await browser.$('[data-testid="conflicts-badge"]').waitForExist({ reverse: true, timeout: 5000 });
    await shots('conflicts-empty-vi');

    await nav(browser, 'delegations');
    await waitForText(browser, '[data-testid="delegation-list"]', /sửa trong cửa sổ/);

    // The choice travels: the window sends it, device A takes it at its next sync.
    assert.match(await syncNow(), /0 xung đột cần giải quyết/);
    syncA();
    const shown = JSON.parse(onA('--json', 'delegation', 'show', SINGAPORE));
    assert.equal(shown.delegation.title, TITLE_WINDOW);
    assert.deepEqual(JSON.parse(onA('--json', 'conflicts')), [], 'the conflict left device A’s list too');
  });
});
