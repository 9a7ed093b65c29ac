// Safe at rest, as a user meets it in the window: a damaged database opens the recovery
// screen (not a message on stderr), and "Restore the newest" brings the office's records
// back; a database whose key is not on this computer opens the unlock screen, which takes
// the key of the recovery sheet; Settings shows the backups and the recovery sheet.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { answerFileDialog, scratchDir, demoDatabase, deskBinary, deskJson, nav, openApp, screenshot, startDriver, textOf, waitForText } from './harness.mjs';

const PORT = 4900;

describe('a damaged or locked database in the window', () => {
  let driver;
  let browser;

  after(async () => {
    await browser?.deleteSession().catch(() => {});
    await driver?.stop();
  });

  it('shows the recovery screen on a damaged file and restores the newest backup', async () => {
    const database = demoDatabase();
    const before = deskJson(database, 'delegation', 'list');
    execFileSync(deskBinary, ['--db', database, 'backup'], { stdio: 'ignore' });
    // A failing disk: four pages in the middle of the file overwritten.
    const pages = Math.floor(statSync(database).size / 4096);
    execFileSync('dd', ['if=/dev/urandom', `of=${database}`, 'bs=4096', `seek=${Math.floor(pages / 2)}`, 'count=4', 'conv=notrunc'], {
      stdio: 'ignore',
    });

    driver = await startDriver(PORT);
    browser = await openApp(driver, database);
    const screen = browser.$('[data-testid="recovery-screen"]');
    await screen.waitForDisplayed({ timeout: 15000 });
    assert.equal(await screen.getAttribute('data-state'), 'damaged');
    assert.match(await textOf(browser.$('h1')), /Cơ sở dữ liệu cần sửa chữa/, 'said in Vietnamese, the default');
    assert.ok((await browser.$$('[data-testid="backup"]').length) >= 1, 'the backups are listed');
    await screenshot(browser, 'safety-recovery');

    await browser.$('[data-testid="restore-newest"]').click();
    await browser.$('[data-testid="confirm-yes"]').click();
    await browser.$('[data-testid="nav-delegations"]').waitForDisplayed({ timeout: 15000 });
    await nav(browser, 'delegations');
    await waitForText(browser, '[data-testid="delegation-row"]', /INELI-ASEAN/);
    assert.equal((await browser.$$('[data-testid="delegation-row"]').length), before.length, 'every delegation is back');
    await browser.deleteSession();
    browser = null;
    const check = execFileSync(deskBinary, ['--db', database, 'check'], { encoding: 'utf8' });
    assert.match(check, /integrity: ok/);
  });

  it('asks for the key of the recovery sheet when this computer has none that opens it', async () => {
    const database = demoDatabase();
    const sheet = execFileSync(deskBinary, ['--db', database, 'key', 'recovery'], { encoding: 'utf8' });
    const key = sheet.split('\n').find((l) => /Key:/.test(l)).split(':').pop().trim();
    const wrong = join(scratchDir('desk-e2e-wrong-'), 'wrong.key');
    writeFileSync(wrong, `${'ab'.repeat(32)}\n`);
    const before = readFileSync(database);

    browser = await openApp(driver, database, wrong);
    const screen = browser.$('[data-testid="recovery-screen"]');
    await screen.waitForDisplayed({ timeout: 15000 });
    assert.equal(await screen.getAttribute('data-state'), 'locked');
    assert.ok(readFileSync(database).equals(before), 'the locked file is not touched');
    await browser.$('[data-testid="unlock-key"]').setValue('not a key');
    await browser.$('[data-testid="unlock"]').click();
    await waitForText(browser, '[data-testid="unlock-form"]', /64/);
    await screenshot(browser, 'safety-unlock');

    await browser.$('[data-testid="unlock-key"]').setValue(key);
    await browser.$('[data-testid="unlock"]').click();
    await browser.$('[data-testid="nav-delegations"]').waitForDisplayed({ timeout: 15000 });
    await nav(browser, 'delegations');
    await waitForText(browser, '[data-testid="delegation-row"]', /INELI-ASEAN/);

    // Settings → Security and Backups.
    await nav(browser, 'settings');
    await browser.$('[data-testid="show-recovery-sheet"]').click();
    await waitForText(browser, '[data-testid="recovery-sheet"]', /desk\.sqlite/);
    const shown = await textOf(browser.$('[data-testid="recovery-sheet"]'));
    assert.ok(shown.includes(key), 'the sheet shows the key to print');
    // The newest of a day is kept: the copy made by hand now heads the list.
    await browser.$('[data-testid="backup-now"]').click();
    await waitForText(browser, '[data-testid="backup"]', /làm tay/);
    await screenshot(browser, 'safety-settings');
  });
});

describe('a long import in the window', { timeout: 300000 }, () => {
  let driver;
  let browser;
  // Outside the crowded /tmp: the file dialog is answered by typing the path.
  const folder = mkdtempSync(join(homedir(), 'desk-import-'));

  after(async () => {
    await browser?.deleteSession().catch(() => {});
    await driver?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('shows how far the import is, and Cancel leaves the list as it was', async () => {
    const database = demoDatabase();
    const exported = join(folder, 'export.json');
    execFileSync(deskBinary, ['--db', database, 'export', '--out', exported], { stdio: 'ignore' });
    const base = JSON.parse(readFileSync(exported, 'utf8'));
    // Enough records that the import is still running when Cancel is clicked.
    const delegations = Array.from({ length: 50000 }, (_, k) => ({ ...base.delegations[0], id: randomUUID(), title: `Đoàn nhập ${k}` }));
    const big = join(folder, 'big.json');
    // Only the new delegations: every other list of the file emptied (their ids are taken).
    const empty = Object.fromEntries(Object.entries(base).filter(([, v]) => Array.isArray(v)).map(([k]) => [k, []]));
    writeFileSync(big, JSON.stringify({ ...base, ...empty, settings: null, delegations }));
    const before = deskJson(database, 'delegation', 'list').length;

    driver = await startDriver(PORT + 10);
    browser = await openApp(driver, database);
    await browser.$('[data-testid="nav-settings"]').waitForDisplayed({ timeout: 15000 });
    await nav(browser, 'settings');
    await browser.$('[data-testid="import-data"]').scrollIntoView();
    await browser.$('[data-testid="import-data"]').click();
    await answerFileDialog(big);
    // "n trên N": the bar moves while the records are written.
    const count = browser.$('[data-testid="import-progress-count"]');
    await browser.waitUntil(async () => (await count.isExisting()) && /[1-9][\d.]* trên 50\.\d{3}/.test(await count.getText()), {
      timeout: 120000,
      interval: 100,
      timeoutMsg: 'the import showed no progress',
    });
    await screenshot(browser, 'import-progress-vi');
    await browser.$('[data-testid="import-progress-cancel"]').click();
    await waitForText(browser, '[data-testid="toast"]', /Đã dừng nhập dữ liệu; không có gì thay đổi/, 60000);
    await browser.$('[data-testid="import-progress"]').waitForExist({ reverse: true, timeout: 10000 });
    await screenshot(browser, 'import-cancelled-vi');
    assert.equal(deskJson(database, 'delegation', 'list').length, before, 'not one delegation was added');
    await nav(browser, 'delegations');
    await waitForText(browser, '[data-testid="delegation-count"]', new RegExp(`^${before} đoàn$`));
  });
});
