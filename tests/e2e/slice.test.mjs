// The foundation's thin slice, as a user meets it in the real window: create a delegation,
// see it listed, be refused a bad date range with the reason next to the field, restart the
// app and find the delegation still there.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closeApp, launchApp, nav, openApp, screenshot, tempDatabase, textOf, waitForText } from './harness.mjs';

describe('a delegation created in the window', () => {
  const database = tempDatabase();
  let driver;
  let browser;

  before(async () => ({ driver, browser } = await launchApp(4444, database)));
  after(() => closeApp(browser, driver));

  async function fillForm({ title, country, starts, ends }) {
    await browser.$('[data-testid="new-delegation"]').click();
    const form = browser.$('[data-testid="delegation-form"]');
    await form.waitForDisplayed({ timeout: 5000 });
    await browser.$('input[name="title"]').setValue(title);
    await browser.$('select[name="country"]').selectByAttribute('value', country);
    await browser.$('input[name="starts_on"]').setValue(starts);
    await browser.$('input[name="ends_on"]').setValue(ends);
    await browser.$('[data-testid="save-delegation"]').click();
  }

  it('starts empty, in Vietnamese', async () => {
    await nav(browser, 'delegations');
    const empty = browser.$('[data-testid="empty-list"]');
    await empty.waitForDisplayed({ timeout: 10000 });
    assert.match(await empty.getText(), /Chưa có đoàn nào/, 'a fresh database shows the empty state');
    assert.equal(await browser.$('h1').getText(), 'Đoàn công tác', 'Vietnamese is the default language');
  });

  it('is saved from the form and listed with its dates as dd/mm/yyyy', async () => {
    await fillForm({
      title: 'Dự phiên họp lần thứ 2 INELI-ASEAN',
      country: 'SG',
      starts: '06/09/2016',
      ends: '09/09/2016',
    });
    // Saving opens the new delegation; the list shows it too.
    await waitForText(browser, '[data-testid="delegation-title"]', /INELI-ASEAN/);
    await nav(browser, 'delegations');
    const row = browser.$('[data-testid="delegation-row"]');
    await row.waitForDisplayed({ timeout: 10000 });
    const text = await textOf(row);
    assert.match(text, /Dự phiên họp lần thứ 2 INELI-ASEAN/, 'the title is shown as typed, diacritics kept');
    assert.match(text, /Singapore/, 'the country is shown by name');
    assert.match(text, /06\/09\/2016 – 09\/09\/2016/, 'the dates read day first');
    assert.match(text, /Đoàn ra/, 'the direction is shown');
    assert.match(text, /Nháp/, 'a new delegation is a Draft');
    assert.equal(
      await browser.$('[data-testid="delegation-form"]').isExisting(),
      false,
      'the form closes after saving',
    );
    await screenshot(browser, 'slice-list');
  });

  it('refuses an end date before the start date, next to the field, and writes nothing', async () => {
    await fillForm({ title: 'Đoàn vào INELI-ASEAN lần 3', country: 'VN', starts: '30/11/2017', ends: '27/11/2017' });
    const error = browser.$('[data-testid="error-ends_on"]');
    await error.waitForDisplayed({ timeout: 5000 });
    assert.equal(await error.getText(), 'Ngày kết thúc không được trước ngày bắt đầu.');
    assert.equal(await browser.$('input[name="ends_on"]').getAttribute('aria-invalid'), 'true');
    await screenshot(browser, 'slice-invalid-range');

    // Esc on a form with typed changes asks before discarding them.
    await browser.keys('Escape');
    await browser.$('[data-testid="confirm"]').waitForDisplayed({ timeout: 5000 });
    await browser.$('[data-testid="confirm-yes"]').click();
    await browser.$('[data-testid="delegation-form"]').waitForExist({ reverse: true, timeout: 5000 });
    const rows = await browser.$$('[data-testid="delegation-row"]');
    assert.equal(rows.length, 1, 'the refused delegation was not saved');
  });

  it('is still listed after the app restarts', async () => {
    await browser.deleteSession();
    browser = await openApp(driver, database);
    await nav(browser, 'delegations');
    const row = browser.$('[data-testid="delegation-row"]');
    await row.waitForDisplayed({ timeout: 10000 });
    assert.match(await textOf(row), /Dự phiên họp lần thứ 2 INELI-ASEAN/);
    assert.match(await browser.$('[data-testid="delegation-count"]').getText(), /^1 đoàn$/);
  });
});
