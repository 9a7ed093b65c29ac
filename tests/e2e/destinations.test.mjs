// A trip to several countries, as a user makes it in the real window: a second country is
// added in the form with its cities, a country chosen twice is refused next to its field,
// and the Delegations list and the calendar name both countries.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closeApp, deskJson, launchApp, nav, screenshot, tempDatabase, textOf, waitForText } from './harness.mjs';

describe('a trip to two countries made in the window', () => {
  const database = tempDatabase();
  // This year, so that the calendar (which opens on this year) shows the trip.
  const year = new Date().getFullYear();
  let driver;
  let browser;

  before(async () => ({ driver, browser } = await launchApp(4444, database)));
  after(() => closeApp(browser, driver));

  it('refuses a country chosen twice, then saves Singapore and Malaysia in order', async () => {
    await nav(browser, 'delegations');
    await browser.$('[data-testid="new-delegation"]').click();
    await browser.$('[data-testid="delegation-form"]').waitForDisplayed({ timeout: 5000 });
    await browser.$('input[name="title"]').setValue('Khảo sát thư viện Singapore và Malaysia');
    await browser.$('select[name="country"]').selectByAttribute('value', 'SG');
    await browser.$('input[name="cities"]').setValue('Singapore');
    await browser.$('input[name="starts_on"]').setValue(`07/10/${year}`);
    await browser.$('input[name="ends_on"]').setValue(`12/10/${year}`);

    await browser.$('[data-testid="add-destination"]').click();
    const second = browser.$('select[name="more_destinations.0.country"]');
    await second.waitForDisplayed({ timeout: 5000 });
    await second.selectByAttribute('value', 'SG');
    await browser.$('[data-testid="save-delegation"]').click();
    const error = browser.$('[data-testid="error-more_destinations.0.country"]');
    await error.waitForDisplayed({ timeout: 5000 });
    assert.equal(await error.getText(), 'Quốc gia đã có.', 'the repeated country is refused next to it, in Vietnamese');

    await second.selectByAttribute('value', 'MY');
    const cities = browser.$('input[name="more_destinations.0.cities"]');
    await cities.setValue('Kuala Lumpur');
    assert.equal(await second.getValue(), 'MY', 'the second country shows as chosen');
    assert.equal(await cities.getValue(), 'Kuala Lumpur');
    await browser.pause(300);
    await screenshot(browser, 'destinations-form');
    await browser.$('[data-testid="save-delegation"]').click();
    await waitForText(browser, '[data-testid="delegation-title"]', /Khảo sát thư viện/);

    const [saved] = deskJson(database, 'delegation', 'list');
    assert.deepEqual(
      [saved.country, saved.cities, saved.more_destinations],
      ['SG', 'Singapore', [{ country: 'MY', cities: 'Kuala Lumpur' }]],
      'both countries are stored in the order chosen, each with its cities',
    );
  });

  it('shows both countries in the list and the calendar', async () => {
    await nav(browser, 'delegations');
    const row = browser.$('[data-testid="delegation-row"]');
    await row.waitForDisplayed({ timeout: 10000 });
    assert.match(await textOf(row), /Singapore, Malaysia/, 'the list names both countries in order');

    await nav(browser, 'calendar');
    await waitForText(browser, '[data-testid="calendar-countries"]', /Singapore, Malaysia/);
    await screenshot(browser, 'destinations-calendar');
  });
});
