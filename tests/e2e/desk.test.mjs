// The everyday desk, driven as a user would: a new outgoing delegation with two members and
// a flight (local times and duration), the search palette without diacritics, the trash,
// and the languages.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closeApp, demoDatabase, launchApp, nav, screenshot, textOf, typeInto, waitForText } from './harness.mjs';

// Dates relative to today, so the trip is always ahead (Today only warns about trips not
// yet over): it leaves in 45 days and lasts five.
function day(offset) {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return d;
}
const dmy = (d) => `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
const START = dmy(day(45));
const END = dmy(day(49));

describe('a working day at the desk', { timeout: 120000 }, () => {
  const database = demoDatabase();
  let driver;
  let browser;

  before(async () => ({ driver, browser } = await launchApp(4484, database)));
  after(() => closeApp(browser, driver));

  const type = (selector, text) => typeInto(browser, selector, text);

  it('creates an outgoing delegation with Ctrl+N', async () => {
    await nav(browser, 'delegations');
    await browser.$('[data-testid="delegation-list"]').waitForExist();
    await browser.keys(['Control', 'n']);
    await type('input[name="title"]', 'Hội nghị CONSAL XVIII tại Kuala Lumpur');
    await browser.$('select[name="country"]').selectByAttribute('value', 'MY');
    await type('input[name="cities"]', 'Kuala Lumpur');
    await type('input[name="starts_on"]', START);
    await type('input[name="ends_on"]', END);
    await browser.$('[data-testid="save-delegation"]').click();
    await waitForText(browser, '[data-testid="delegation-title"]', /CONSAL XVIII/);
    await waitForText(browser, '[data-testid="next-step"]', /trình duyệt/);
  });

  it('adds two members, the first as head', async () => {
    await browser.$('[data-testid="tab-members"]').click();
    for (const name of ['tran my', 'le van thanh']) {
      await browser.$('[data-testid="add-member"]').click();
      await type('[data-testid="member-filter"]', name);
      await browser.$('[data-testid="member-candidate"]').click();
      await browser.$('[data-testid="save-member"]').click();
      await browser.$('[data-testid="member-dialog"]').waitForExist({ reverse: true, timeout: 5000 });
    }
    const rows = await browser.$$('[data-testid="member-row"]');
    assert.equal(rows.length, 2, 'two members');
    assert.match(await textOf(rows[0]), /Trưởng đoàn\s+Trần Mỹ Dung/, 'the first added leads');
    assert.match(await textOf(rows[1]), /Lê Văn Thành/);
  });

  it('adds a flight and shows local times with zones and the duration', async () => {
    await browser.$('[data-testid="tab-travel"]').click();
    await browser.$('[data-testid="add-segment"]').click();
    await type('input[name="carrier"]', 'Malaysia Airlines');
    await type('input[name="number"]', 'MH 753');
    await type('input[name="from_place"]', 'HAN');
    await type('input[name="from_tz"]', 'Asia/Ho_Chi_Minh');
    await type('input[name="dep_date"]', START);
    await type('input[name="dep_time"]', '12:50');
    await type('input[name="to_place"]', 'KUL');
    await type('input[name="to_tz"]', 'Asia/Kuala_Lumpur');
    await type('input[name="arr_date"]', START);
    await type('input[name="arr_time"]', '17:10');
    await browser.$('[data-testid="save-segment"]').click();
    await waitForText(browser, '[data-testid="segment-list"]', /MH 753/);
    const row = await textOf(browser.$('[data-testid="segment-row"]'));
    assert.ok(row.includes(`${START} 12:50 +07:00`), `departure as entered, in Hanoi time: ${row}`);
    assert.ok(row.includes(`${START} 17:10 +08:00`), `arrival as entered, in Kuala Lumpur time: ${row}`);
    assert.match(row, /3 giờ 20 phút/, '12:50 +07 to 17:10 +08 is 3 h 20 min');
    await screenshot(browser, 'desk-flight');
  });

  it('refuses a flight that lands before it takes off, on the arrival field', async () => {
    await browser.$('[data-testid="add-segment"]').click();
    await type('input[name="from_place"]', 'KUL');
    await type('input[name="from_tz"]', 'Asia/Kuala_Lumpur');
    await type('input[name="dep_date"]', END);
    await type('input[name="dep_time"]', '18:00');
    await type('input[name="to_place"]', 'HAN');
    await type('input[name="to_tz"]', 'Asia/Ho_Chi_Minh');
    await type('input[name="arr_date"]', END);
    await type('input[name="arr_time"]', '16:30');
    await browser.$('[data-testid="save-segment"]').click();
    await waitForText(browser, '[data-testid="error-arrives_local"]', /.+/);
    await browser.keys('Escape');
    await browser.$('[data-testid="travel-dialog"]').waitForExist({ reverse: true, timeout: 5000 });
    assert.equal((await browser.$$('[data-testid="segment-row"]')).length, 1, 'nothing was added');
  });

  it('warns on Today that a member’s passport will not last', async () => {
    await nav(browser, 'today');
    await waitForText(browser, '.page', /Hộ chiếu của Trần Mỹ Dung hết hạn 20\/01\/2017/);
    const items = await browser.$$('[data-testid="agenda-item"]');
    const texts = [];
    for (const item of items) texts.push(await textOf(item));
    const warning = texts.find((x) => x.includes('Hộ chiếu của Trần Mỹ Dung') && x.includes('CONSAL XVIII'));
    assert.ok(warning, `a passport warning for the new trip: ${texts.join(' | ')}`);
    await screenshot(browser, 'desk-today');
    // It opens the person it is about.
    await items[texts.indexOf(warning)].click();
    await waitForText(browser, '[data-testid="person-name"]', /Trần Mỹ Dung/);
  });

  it('computes the estimate and shows what changes when the dates change', async () => {
    await nav(browser, 'delegations');
    await type('[data-testid="delegation-search"]', 'consal xviii');
    await waitForText(browser, '[data-testid="delegation-count"]', /^1 đoàn$/);
    await browser.$('[data-testid="delegation-row"]').click();
    await browser.$('[data-testid="tab-money"]').click();
    await waitForText(browser, '[data-testid="estimate"]', /Công tác phí/);
    const perDiem = async () => {
      const found = [];
      for (const line of await browser.$$('[data-testid="estimate-line"]')) {
        const text = await textOf(line);
        if (text.includes('Công tác phí')) found.push(text);
      }
      return found;
    };
    const before = await perDiem();
    assert.equal(before.length, 2, `a per-diem line per member: ${before}`);
    assert.ok(before.every((l) => /5 ngày/.test(l)), `five days, travel days included: ${before}`);
    // The button is below the fold: scrolled to, the header shrinks to its title and tabs,
    // and the button stays where it was on the page (a click aimed at it lands on it).
    const place = () =>
      browser.execute(async () => {
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        const main = document.querySelector('main');
        const button = document.querySelector('[data-testid="save-estimate"]');
        const header = document.querySelector('[data-testid="delegation-header"]');
        return [button.getBoundingClientRect().top + main.scrollTop, header.getBoundingClientRect().height];
      });
    const [aimed, tall] = await place();
    await browser.$('[data-testid="save-estimate"]').scrollIntoView({ block: 'end' });
    const [landed, short] = await place();
    assert.ok(short < tall, `the header shrank once the page scrolled: ${tall} → ${short}`);
    assert.equal(landed, aimed, 'the Save button did not move on the page');
    await browser.$('[data-testid="save-estimate"]').click();
    await waitForText(browser, '[data-testid="toast"]', /Đã lưu dự toán/);
    await waitForText(browser, '[data-testid="estimate-no-changes"]', /Không có thay đổi/);
    // One more day abroad: back at the top of the page, where the header shows its tools
    // again (a scrolled page keeps only the title and the tabs pinned).
    await browser.execute(() => document.querySelector('main')?.scrollTo(0, 0));
    await browser.$('[data-testid="edit-delegation"]').waitForClickable({ timeout: 5000 });
    await browser.$('[data-testid="edit-delegation"]').click();
    await browser.$('input[name="ends_on"]').setValue(dmy(day(50)));
    await browser.$('[data-testid="save-delegation"]').click();
    await browser.$('[data-testid="delegation-form"]').waitForExist({ reverse: true, timeout: 5000 });
    await browser.$('[data-testid="tab-overview"]').click();
    await browser.$('[data-testid="tab-money"]').click();
    await waitForText(browser, '[data-testid="estimate-changes"]', /Thay đổi/);
    const after = await perDiem();
    assert.ok(after.every((l) => /6 ngày/.test(l)), `six days after the change: ${after}`);
    await screenshot(browser, 'desk-estimate');
    await browser.$('[data-testid="delegation-search"]').isExisting();
  });

  it('finds a person with Ctrl+K typed without diacritics', async () => {
    await browser.keys(['Control', 'k']);
    await type('[data-testid="palette-input"]', 'dang quoc dat');
    await waitForText(browser, '[data-testid="palette"]', /Đặng Quốc Đạt/);
    await screenshot(browser, 'desk-palette');
    await browser.keys('Enter');
    await waitForText(browser, '[data-testid="person-name"]', /Đặng Quốc Đạt/);
    await waitForText(browser, '.page', /Đăng cai Phiên họp lần thứ 3/);
  });

  it('moves a delegation to the trash and restores it', async () => {
    await nav(browser, 'delegations');
    await type('[data-testid="delegation-search"]', 'consal xviii');
    await waitForText(browser, '[data-testid="delegation-count"]', /^1 đoàn$/);
    await browser.$('[data-testid="delegation-row"]').click();
    await browser.$('[data-testid="trash-delegation"]').click();
    await waitForText(browser, '[data-testid="toast"]', /thùng rác/);
    await browser.$('[data-testid="delegation-search"]').clearValue();
    await nav(browser, 'trash');
    await waitForText(browser, '[data-testid="trash-list"]', /CONSAL XVIII/);
    await browser.$('[data-testid="restore-delegation"]').click();
    await browser.$('[data-testid="trash-empty"]').waitForExist({ timeout: 5000 });
    await nav(browser, 'delegations');
    await waitForText(browser, '[data-testid="delegation-list"]', /CONSAL XVIII/);
    const rows = await browser.$$('[data-testid="delegation-row"]');
    assert.equal(rows.length, 3, 'the two demo delegations and the restored one');
  });
});
