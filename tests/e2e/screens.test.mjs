// Every screen, on the demo data, in both languages: reachable from the sidebar and showing
// the INELI-ASEAN story. Screenshots land in tests/e2e/artifacts/ for people to look at.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { answerFileDialog, closeApp, demoDatabase, deskBinary, launchApp, nav, scratchDir, screenshot, textOf, waitForText } from './harness.mjs';

const SINGAPORE = '018fd2d0-0819-7186-9072-600a56b24d19';

describe('the demo story on every screen', () => {
  const database = demoDatabase();
  let driver;
  let browser;

  before(async () => ({ driver, browser } = await launchApp(4464, database)));
  after(() => closeApp(browser, driver));

  it('lists both delegations, newest first, in Vietnamese', async () => {
    await nav(browser, 'delegations');
    await waitForText(browser, '[data-testid="delegation-list"]', /Đăng cai Phiên họp lần thứ 3/);
    const rows = await browser.$$('[data-testid="delegation-row"]');
    assert.equal(rows.length, 2);
    assert.match(await textOf(rows[0]), /Đoàn vào/);
    assert.match(await textOf(rows[0]), /27\/11\/2017 – 30\/11\/2017/);
    assert.match(await textOf(rows[1]), /Singapore/);
    await screenshot(browser, 'delegations-vi');
  });

  it('opens the Singapore delegation with its members, travel and programme', async () => {
    await browser.$$('[data-testid="delegation-row"]')[1].click();
    await waitForText(browser, '[data-testid="delegation-title"]', /Singapore/);
    await screenshot(browser, 'delegation-overview-vi');
    await browser.$('[data-testid="tab-members"]').click();
    await waitForText(browser, '[data-testid="member-list"]', /Trần Mỹ Dung/);
    assert.equal((await browser.$$('[data-testid="member-row"]')).length, 6, 'six members');
    await screenshot(browser, 'delegation-members-vi');
    await browser.$('[data-testid="tab-travel"]').click();
    await waitForText(browser, '[data-testid="segment-list"]', /HAN/);
    const first = await textOf(browser.$$('[data-testid="segment-row"]')[0]);
    assert.match(first, /23:50/, 'the departure in Hanoi local time');
    assert.match(first, /\+07:00/, 'with its offset');
    assert.match(first, /03:10/, 'the arrival in Singapore local time');
    assert.match(first, /\+08:00/);
    assert.match(first, /2 giờ 20 phút/, 'the duration counts both zones');
    await screenshot(browser, 'delegation-travel-vi');
    await browser.$('[data-testid="tab-programme"]').click();
    await waitForText(browser, '.tab-body', /Khai mạc phiên họp/);
    await screenshot(browser, 'delegation-programme-vi');
    await browser.$('[data-testid="tab-money"]').click();
    await waitForText(browser, '[data-testid="total-actual"]', /₫/);
    await screenshot(browser, 'delegation-money-vi');
    await browser.$('[data-testid="tab-documents"]').click();
    await waitForText(browser, '[data-testid="attachment-list"]', /\.jpg/);
    await screenshot(browser, 'delegation-documents-vi');
    // A photo previews inside the window.
    await browser.$('[data-testid="attachment-row"] button.link').click();
    await browser.$('[data-testid="preview-image"]').waitForDisplayed({ timeout: 5000 });
    await browser.keys('Escape');
  });

  it('previews a PDF inside the window, page by page', async () => {
    // Attached as a person would: the shell's open dialog, answered with xdotool.
    const pdf = join(scratchDir('desk-e2e-pdf-'), 'preview.pdf');
    execFileSync(deskBinary, ['--db', database, 'report', 'export', '--delegation', SINGAPORE, '--out', pdf]);
    await browser.$('[data-testid="attach-files"]').click();
    await answerFileDialog(pdf);
    await waitForText(browser, '[data-testid="attachment-list"]', /\.pdf/);
    const rows = await browser.$$('[data-testid="attachment-row"]');
    await rows[rows.length - 1].$('button.link').click();
    await browser.waitUntil(async () => (await browser.$$('canvas[data-testid="pdf-page"]')).length >= 2, {
      timeout: 15000,
      timeoutMsg: 'the PDF pages were not drawn',
    });
    await screenshot(browser, 'delegation-pdf-preview-vi');
    await browser.keys('Escape');
  });

  it('shows people, organisations, the calendar and settings', async () => {
    await nav(browser, 'people');
    await browser.$('[data-testid="people-search"]').setValue('tran my');
    await waitForText(browser, '.page', /Trần Mỹ Dung/);
    assert.equal((await browser.$$('[data-testid="person-row"]')).length, 1, 'typing without diacritics narrows to her');
    await screenshot(browser, 'people-vi');
    await nav(browser, 'organisations');
    await waitForText(browser, '[data-testid="organisation-list"]', /Thư viện Quốc gia Việt Nam/);
    await screenshot(browser, 'organisations-vi');
    await nav(browser, 'settings');
    await waitForText(browser, '[data-testid="database-path"]', /\.sqlite/);
    await screenshot(browser, 'settings-vi');
  });

  it('asks before letting an unsaved setting go, and keeps what was saved', async () => {
    const place = browser.$('[data-testid="settings-form"] input[name="place"]');
    await place.waitForDisplayed({ timeout: 5000 });
    const saved = await place.getValue();
    const field = await place;
    // This very field is marked, to know it again on the way back.
    await browser.execute((el) => (el.dataset.firstVisit = 'yes'), field);
    await field.setValue('Thành phố chưa lưu');
    await nav(browser, 'people');
    await browser.$('[data-testid="confirm-yes"]').click();
    await browser.$('[data-testid="people-search"]').waitForDisplayed({ timeout: 5000 });
    // Ctrl+S on another screen saves nothing of the change let go.
    await browser.keys(['Control', 's']);
    await nav(browser, 'settings');
    await browser.waitUntil(async () => (await field.getValue()) === saved, {
      timeout: 5000,
      timeoutMsg: 'the change let go came back',
    });
    // The same fields are shown again, not made anew: WebKit keeps memory for every text
    // field made and painted, and Settings has 23 of them.
    const shown = await browser.execute(
      () => document.querySelector('[data-testid="settings-form"] input[name="place"]')?.dataset.firstVisit,
    );
    assert.equal(shown, 'yes', 'the field kept from the first visit is the one shown');
    await field.setValue('Hải Phòng');
    await browser.keys(['Control', 's']);
    await browser.$('[data-testid="save-settings"]').waitForEnabled({ timeout: 5000, reverse: true });
    await nav(browser, 'today');
    await nav(browser, 'settings');
    await browser.waitUntil(async () => (await field.getValue()) === 'Hải Phòng', { timeout: 5000 });
    await field.setValue(saved);
    await browser.keys(['Control', 's']);
    await browser.$('[data-testid="save-settings"]').waitForEnabled({ timeout: 5000, reverse: true });
  });

  it('keeps the Calendar where it was left, with what changed meanwhile', async () => {
    const desk = (...args) => execFileSync(deskBinary, ['--db', database, ...args], { encoding: 'utf8' });
    const title = JSON.parse(desk('--json', 'delegation', 'show', SINGAPORE)).title;
    await nav(browser, 'calendar');
    await waitForText(browser, '[data-testid="calendar-range"]', /^2017$/);
    // The page is marked, to know it again on the way back.
    await browser.execute(() => (document.querySelector('.calendar-page').dataset.firstVisit = 'yes'));
    await browser.$('[data-testid="calendar-previous"]').click();
    await waitForText(browser, '[data-testid="calendar-range"]', /^2016$/);
    await waitForText(browser, '[data-testid="calendar"]', /Singapore/);
    await nav(browser, 'people');
    assert.equal(await browser.$('[data-testid="calendar-range"]').isDisplayed(), false, 'the Calendar is out of sight');
    desk('delegation', 'edit', SINGAPORE, '--title', 'Đoàn đổi tên khi Lịch đã đóng');
    await nav(browser, 'calendar');
    // The year chosen is kept, and its trips are read again.
    await waitForText(browser, '[data-testid="calendar"]', /Đoàn đổi tên khi Lịch đã đóng/);
    assert.equal(await textOf(browser.$('[data-testid="calendar-range"]')), '2016');
    // Made once: WebKit keeps memory for every page made and painted, visit after visit.
    const shown = await browser.execute(() => document.querySelector('.calendar-page')?.dataset.firstVisit);
    assert.equal(shown, 'yes', 'the Calendar shown on return is the one from the first visit');
    desk('delegation', 'edit', SINGAPORE, '--title', title);
    await browser.$('[data-testid="calendar-next"]').click();
    await waitForText(browser, '[data-testid="calendar-range"]', /^2017$/);
  });

  it('switches every label to English and back', async () => {
    await browser.$('[data-testid="switch-language"]').click();
    await nav(browser, 'delegations');
    await waitForText(browser, 'h1', /^Delegations$/);
    const row = await textOf(browser.$$('[data-testid="delegation-row"]')[1]);
    assert.match(row, /Outgoing/);
    assert.match(row, /5 Sept? 2016 – 9 Sept? 2016/, 'English dates with month names');
    await screenshot(browser, 'delegations-en');
    await nav(browser, 'calendar');
    await browser.$('[data-testid="calendar-range"]').waitForExist();
    await screenshot(browser, 'calendar-en');
    await browser.$('[data-testid="switch-language"]').click();
    await waitForText(browser, '[data-testid="nav-delegations"]', /Đoàn công tác/);
  });
});
