// The hosting kit, driven as the international-cooperation office uses it for a delegation it
// receives: a partner's guest list with one bad row is read and previewed, the bad row is
// named by row and column, the good rows are imported; two guests share a room, pickups are
// made from the flights, the duty checklist is applied with an assignee, and guests are
// ticked at the welcome desk. Then every hosting screen of the demo's Hanoi session, in both
// languages and both themes, for people to look at.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { answerFileDialog, closeApp, demoDatabase, deskJson, launchApp, nav, scratchDir, screenshot, textOf, typeInto, waitForText } from './harness.mjs';

/** An ISO date `days` after today, and the same day written dd/mm/yyyy. */
function day(days) {
  const d = new Date();
  d.setUTCHours(12, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() + days);
  const iso = d.toISOString().slice(0, 10);
  const [y, m, dd] = iso.split('-');
  return { iso, typed: `${dd}/${m}/${y}` };
}

const starts = day(20);
const ends = day(22);
const arrives = day(19);

// As a partner sends it: names in their own scripts with the passport form beside them, and
// row 3 with a date of birth that does not exist (31 February).
const GUEST_LIST = [
  'Full name,Name in passport,Nationality,Passport No.,Date of expiry,Date of birth,Gender,Organisation,Arrival flight,Arrival date',
  `ສົມພອນ ແກ້ວມະນີ,SOMPHONE KEOMANY,Lào,LA1234567,01/06/2035,12/03/1975,M,National Library of Laos,QV 311,${arrives.typed} 10:40`,
  'សុខ ចាន់ធី,SOK CHANTHY,Campuchia,KH7654321,01/06/2035,31/02/1980,F,National Library of Cambodia,,',
  `กนกวรรณ ทองดี,KANOKWAN THONGDEE,Thái Lan,TH5550001,01/06/2035,01/01/1982,F,National Library of Thailand,TG 560,${arrives.typed} 12:05`,
  `Tan Li Ting,,Singapore,E9876543F,01/06/2035,03/04/1985,F,National Library Board Singapore,SQ 176,${arrives.typed} 10:50`,
].join('\n');

const LAO = 'ສົມພອນ ແກ້ວມະນີ';
const THAI = 'กนกวรรณ ทองดี';
const KHMER = 'សុខ ចាន់ធី';

describe('hosting a delegation', { timeout: 240000 }, () => {
  const database = demoDatabase();
  const folder = scratchDir('desk-e2e-guests-');
  const guestFile = join(folder, 'guest list (ASEAN).csv');
  writeFileSync(guestFile, GUEST_LIST);
  // A new delegation we host, with our secretary on it to take the duties.
  const delegation = deskJson(
    database,
    'delegation', 'add', '--direction', 'incoming', '--title', 'Hội thảo Thư viện số ASEAN',
    '--country', 'VN', '--city', 'Hà Nội', '--starts', starts.iso, '--ends', ends.iso,
    '--event', 'ASEAN Digital Library Workshop',
  );
  const secretary = deskJson(database, 'search', 'dang quoc dat').find((g) => g.kind === 'person').hits[0].record_id;
  deskJson(database, 'member', 'add', '--delegation', delegation.id, '--person', secretary, '--role', 'secretary');

  let driver;
  let browser;

  before(async () => ({ driver, browser } = await launchApp(4640, database)));
  after(() => closeApp(browser, driver));

  const type = (selector, text) => typeInto(browser, selector, text);

  async function section(name) {
    await browser.$(`[data-testid="hosting-${name}"]`).click();
  }

  async function openDelegation(search, title) {
    await nav(browser, 'delegations');
    await browser.$('[data-testid="delegation-list"]').waitForExist();
    await type('[data-testid="delegation-search"]', search);
    await waitForText(browser, '[data-testid="delegation-list"]', title);
    // The list filters as it is typed into: once it stops changing, open the row.
    let previous = '';
    await browser.waitUntil(
      async () => {
        try {
          const rows = await browser.$$('[data-testid="delegation-row"]');
          const texts = [];
          for (const row of rows) texts.push(await textOf(row));
          const now = texts.join('\n');
          const stable = now === previous;
          previous = now;
          const index = texts.findIndex((text) => title.test(text));
          if (!stable || index < 0) return false;
          await rows[index].click();
          return true;
        } catch {
          return false; // A row was replaced while it was read.
        }
      },
      { timeout: 10000, interval: 300, timeoutMsg: `no row shows ${title}` },
    );
    await waitForText(browser, '[data-testid="delegation-title"]', title);
  }

  it('shows the Hosting tab for a delegation we receive, and not for one we send', async () => {
    await openDelegation('phien hop lan thu 2', /Singapore/);
    assert.equal(await browser.$('[data-testid="tab-hosting"]').isExisting(), false, 'no hosting kit for a trip abroad');
    await openDelegation('hoi thao thu vien so', /Thư viện số ASEAN/);
    await browser.$('[data-testid="tab-hosting"]').click();
    await waitForText(browser, '[data-testid="hosting-body"]', /Chưa có đại biểu/);
  });

  it('previews a guest list chosen in the open dialog and names the bad row by row and column', async () => {
    await browser.$('[data-testid="import-guests"]').click();
    await browser.$('[data-testid="choose-guest-file"]').click();
    await answerFileDialog(guestFile);
    await waitForText(browser, '[data-testid="import-summary"]', /4 dòng · 1 dòng có lỗi/);
    const problems = await browser.$$('[data-testid="import-problem"]');
    assert.equal(problems.length, 1, 'one problem in the file');
    assert.match(
      await textOf(problems[0]),
      /Dòng 3, cột F \(Date of birth\): ngày không hợp lệ/,
      'the problem names its row, column and header',
    );
    const rows = await browser.$$('[data-testid="import-row"]');
    assert.equal(rows.length, 4);
    assert.match(await rows[1].getAttribute('class'), /\bbad\b/, 'row 3 is highlighted');
    assert.doesNotMatch(await rows[0].getAttribute('class'), /\bbad\b/, 'row 2 is not');
    assert.equal((await rows[1].$$('td.problem')).length, 1, 'the one bad cell is marked');
    assert.match(await textOf(rows[0]), new RegExp(LAO), 'a Lao name is shown as written');
    assert.match(await textOf(rows[2]), new RegExp(THAI), 'a Thai name is shown as written');
    assert.equal(await browser.$('[data-testid="import-all"]').isEnabled(), false, 'all-or-nothing is refused while a row has a problem');
    assert.equal(await browser.$('[data-testid="import-skip"]').isSelected(), true, 'skipping is offered at once');
    await screenshot(browser, 'hosting-import-preview');
  });

  it('reads the list again when a column is given another field', async () => {
    await browser.$('.mapping summary').click();
    await browser.$('[data-testid="column-F"]').selectByAttribute('value', '');
    await waitForText(browser, '[data-testid="import-summary"]', /không có lỗi/);
    assert.equal(await browser.$('[data-testid="import-all"]').isEnabled(), true, 'without the date of birth, nothing is wrong');
    await browser.$('[data-testid="column-F"]').selectByAttribute('value', 'born_on');
    await waitForText(browser, '[data-testid="import-summary"]', /1 dòng có lỗi/);
    await waitForText(browser, '[data-testid="column-mapping"]', /bạn đã chọn/);
    await screenshot(browser, 'hosting-import-mapping');
  });

  it('imports the good rows, skipping the bad one', async () => {
    await browser.$('[data-testid="import-skip"]').click();
    await waitForText(browser, '[data-testid="import-now"]', /Nhập 3 đại biểu/);
    await browser.$('[data-testid="import-now"]').click();
    await browser.$('[data-testid="import-dialog"]').waitForExist({ reverse: true, timeout: 10000 });
    await waitForText(browser, '[data-testid="toast"]', /Đã nhập 3 đại biểu \(bỏ qua 1 dòng/);
    await waitForText(browser, '[data-testid="guest-count"]', /^3 đại biểu$/);
    const list = await textOf(browser.$('[data-testid="guest-list"]'));
    assert.match(list, new RegExp(LAO));
    assert.match(list, new RegExp(THAI));
    assert.match(list, /Tan Li Ting/);
    assert.doesNotMatch(list, new RegExp(KHMER), 'the bad row was left out');
    assert.match(list, /QV 311/, 'the arrival flight was read');
    await screenshot(browser, 'hosting-guests');
  });

  it('puts two guests in one room, who then share it', async () => {
    await section('rooms');
    await browser.$('[data-testid="add-room"]').click();
    await type('input[name="hotel"]', 'Hotel Nikko Hanoi');
    await type('input[name="room"]', 'Twin 501');
    await browser.$('[data-testid="save-room"]').click();
    await browser.$('[data-testid="room-dialog"]').waitForExist({ reverse: true, timeout: 5000 });
    await waitForText(browser, '[data-testid="room-list"]', /Twin 501/);
    for (const name of [LAO, THAI]) {
      const items = await browser.$$('[data-testid="unassigned-guest"]');
      let found = false;
      for (const item of items) {
        if ((await textOf(item)).includes(name)) {
          const options = await item.$$('[data-testid="assign-room"] option');
          await item.$('[data-testid="assign-room"]').selectByAttribute('value', await options[1].getAttribute('value'));
          found = true;
          break;
        }
      }
      assert.ok(found, `${name} waits for a room`);
      await waitForText(browser, '[data-testid="room-list"]', new RegExp(name));
    }
    const room = await textOf(browser.$('[data-testid="room-row"]'));
    assert.match(room, new RegExp(`${LAO}[\\s\\S]*${THAI}|${THAI}[\\s\\S]*${LAO}`), 'both sleep in Twin 501');
    assert.match(room, /2 người ở chung/);
    await waitForText(browser, '[data-testid="nights-list"]', new RegExp(`${LAO}[\\s\\S]*${THAI}`));
    assert.match(await textOf(browser.$('[data-testid="rooming-summary"]')), /1 đại biểu chưa có phòng/);
    await screenshot(browser, 'hosting-rooms');
  });

  it('makes pickups from the flights read with the guest list', async () => {
    await section('transfers');
    await waitForText(browser, '[data-testid="transfer-count"]', /0 lượt/);
    await browser.$('[data-testid="make-transfers"]').click();
    await waitForText(browser, '[data-testid="transfer-count"]', /3 lượt/);
    const board = await textOf(browser.$('[data-testid="transfer-board"]'));
    assert.match(board, /10:40[\s\S]*Đón[\s\S]*QV 311/, 'the first pickup meets QV 311 at 10:40');
    assert.match(board, /SQ 176/);
    assert.match(board, /TG 560/);
    await screenshot(browser, 'hosting-transfers');
  });

  it('applies the duty checklist to our secretary', async () => {
    await section('duties');
    await browser.$('[data-testid="checklist-lines"]').waitForExist();
    await browser.$('[data-testid="checklist-assignee"]').selectByAttribute('value', secretary);
    await browser.$('[data-testid="apply-checklist"]').click();
    await waitForText(browser, '[data-testid="checklist-result"]', /Đã thêm 13 công việc \(0 việc đã có\)/);
    await screenshot(browser, 'hosting-duties');
    await browser.$('[data-testid="open-tasks"]').click();
    await browser.$('[data-testid="task-card"]').waitForExist({ timeout: 5000 });
    const cards = await browser.$$('[data-testid="task-card"]');
    assert.equal(cards.length, 13, 'thirteen duties in the Tasks tab');
    assert.match(await textOf(browser.$('.tab-body')), /Đặng Quốc Đạt/, 'each is the secretary’s');
    assert.match(await textOf(browser.$('.tab-body')), /Gửi thư mời đại biểu các nước/);
  });

  it('shows the duties due this week or overdue on Today, and opens their tasks', async () => {
    await nav(browser, 'today');
    await browser.$('[data-testid="agenda-item"]').waitForExist({ timeout: 10000 });
    const duties = [];
    for (const item of await browser.$$('[data-testid="agenda-item"][data-kind="task_due"]')) {
      const text = await textOf(item);
      if (text.includes('Hội thảo Thư viện số ASEAN')) duties.push(text);
    }
    // The workshop starts in 20 days: six duties are overdue (90 to 21 days before) and
    // "book vehicles and interpreters" (14 days before) is due within the week.
    assert.equal(duties.length, 7, `seven duties on Today: ${duties.join(' | ')}`);
    assert.ok(duties.some((d) => d.includes('Gửi thư mời đại biểu các nước')), 'the invitations are overdue');
    assert.ok(duties.some((d) => d.includes('Thuê xe và phiên dịch')), 'vehicles are due this week');
    assert.ok(!duties.some((d) => d.includes('In thẻ đại biểu')), 'badges (7 days before) are not due yet');
    await screenshot(browser, 'hosting-today');
    for (const item of await browser.$$('[data-testid="agenda-item"][data-kind="task_due"]')) {
      if ((await textOf(item)).includes('Gửi thư mời đại biểu các nước')) {
        await item.click();
        break;
      }
    }
    await waitForText(browser, '[data-testid="delegation-title"]', /Hội thảo Thư viện số ASEAN/);
    await browser.$('[data-testid="task-card"]').waitForExist({ timeout: 5000 });
  });

  it('ticks a guest at the welcome desk and counts the arrivals', async () => {
    await browser.$('[data-testid="tab-hosting"]').click();
    await section('checkin');
    await waitForText(browser, '[data-testid="checkin-count"]', /0 \/ 3/);
    const items = await browser.$$('[data-testid="checkin-list"] li');
    for (const item of items) {
      if ((await textOf(item)).includes(LAO)) await item.$('[data-testid="checkin-tick"]').click();
    }
    await waitForText(browser, '[data-testid="checkin-count"]', /1 \/ 3/);
    await browser.$('[data-testid="checkin-missing"]').click();
    await waitForText(browser, '[data-testid="checkin-list"]', new RegExp(THAI));
    const missing = await textOf(browser.$('[data-testid="checkin-list"]'));
    assert.doesNotMatch(missing, new RegExp(LAO), 'who has arrived is filtered out');
    assert.equal((await browser.$$('[data-testid="checkin-list"] li')).length, 2);
    await screenshot(browser, 'hosting-checkin');
    await browser.$('[data-testid="checkin-missing"]').click();
  });

  it('offers every paper and list of the hosting kit', async () => {
    await section('print');
    for (const p of ['programme', 'transfers', 'rooming', 'badges', 'tent_cards', 'invitations', 'visa_letters']) {
      assert.ok(await browser.$(`[data-testid="print-${p}"]`).isExisting(), `a button for ${p}`);
    }
    for (const l of ['guests', 'rooming', 'transfers']) {
      assert.ok(await browser.$(`[data-testid="export-${l}-xlsx"]`).isExisting(), `${l} as XLSX`);
    }
    await screenshot(browser, 'hosting-print');
  });

  it('shows the demo Hanoi session on every hosting screen, in Vietnamese', async () => {
    await openDelegation('phien hop lan thu 3', /Đăng cai Phiên họp lần thứ 3/);
    await browser.$('[data-testid="tab-hosting"]').click();
    await section('guests');
    await waitForText(browser, '[data-testid="guest-count"]', /^63 đại biểu$/);
    await screenshot(browser, 'hosting-demo-guests-vi');
    await section('rooms');
    await browser.$('[data-testid="room-list"]').waitForExist();
    await screenshot(browser, 'hosting-demo-rooms-vi');
    await section('transfers');
    await browser.$('[data-testid="transfer-board"]').waitForExist();
    await screenshot(browser, 'hosting-demo-transfers-vi');
    await section('checkin');
    await waitForText(browser, '[data-testid="checkin-count"]', /\/ 63/);
    const ticks = await browser.$$('[data-testid="checkin-tick"]');
    for (const tick of ticks.slice(0, 5)) await tick.click();
    await waitForText(browser, '[data-testid="checkin-count"]', /5 \/ 63/);
    await screenshot(browser, 'hosting-demo-checkin-vi');
    await section('duties');
    await browser.$('[data-testid="checklist-lines"]').waitForExist();
    await screenshot(browser, 'hosting-demo-duties-vi');
  });

  it('shows them in English and in the dark theme', async () => {
    await browser.$('[data-testid="switch-language"]').click();
    await browser.execute(() => document.documentElement.setAttribute('data-theme', 'dark'));
    await section('guests');
    await waitForText(browser, '[data-testid="guest-count"]', /^63 guests$/);
    await screenshot(browser, 'hosting-demo-guests-en-dark');
    await section('rooms');
    await browser.$('[data-testid="room-list"]').waitForExist();
    await screenshot(browser, 'hosting-demo-rooms-en-dark');
    await section('transfers');
    await browser.$('[data-testid="transfer-board"]').waitForExist();
    await screenshot(browser, 'hosting-demo-transfers-en-dark');
    await section('checkin');
    await waitForText(browser, '[data-testid="checkin-count"]', /5 \/ 63\s+arrived/);
    await screenshot(browser, 'hosting-demo-checkin-en-dark');
    await section('duties');
    await browser.$('[data-testid="checklist-lines"]').waitForExist();
    await screenshot(browser, 'hosting-demo-duties-en-dark');
    await section('print');
    await screenshot(browser, 'hosting-demo-print-en-dark');
    await browser.$('[data-testid="import-guests"]').isExisting();
    await section('guests');
    await browser.$('[data-testid="import-guests"]').click();
    await browser.$('[data-testid="choose-guest-file"]').click();
    await answerFileDialog(guestFile);
    // The same list again, for another delegation: its guests are in the directory now.
    await waitForText(browser, '[data-testid="import-summary"]', /4 rows · 4 with problems/);
    const problems = await textOf(browser.$('[data-testid="import-problems"]'));
    assert.match(problems, /Row 3, column F \(Date of birth\): not a date/);
    assert.match(
      problems,
      new RegExp(`Row 2, column D \\(Passport No\\.\\): already in the directory: ${LAO}`),
      'a guest already in the directory is named, with the person they match',
    );
    await screenshot(browser, 'hosting-import-preview-en-dark');
    await browser.keys('Escape');
    await browser.execute(() => document.documentElement.removeAttribute('data-theme'));
  });
});
