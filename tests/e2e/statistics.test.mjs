// The year in numbers on the demo data set: 2016 is the trip of six to the 2nd INELI-ASEAN
// session in Singapore, 2017 the 3rd session hosted in Ha Noi. The money below is the one
// worked out by hand in tests/it/stats.rs: Singapore's actual spending 41 338 840 ₫,
// estimate 35 996 000 ₫, advance 33 911 200 ₫.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { answerFileDialog, closeApp, demoDatabase, launchApp, nav, scratchDir, screenshot, textOf, waitForText } from './harness.mjs';

describe('statistics', { timeout: 180000 }, () => {
  const database = demoDatabase();
  let driver;
  let browser;

  before(async () => ({ driver, browser } = await launchApp(4600, database)));
  after(() => closeApp(browser, driver));

  const text = async (selector) => textOf(browser.$(selector));

  async function chooseYear(year) {
    await browser.$('[data-testid="stats-year"]').selectByAttribute('value', String(year));
    await waitForText(browser, '[data-testid="stats-range"]', new RegExp(`^Số liệu ${year},|^Figures for ${year},`));
  }

  /** Clicks the bar of `category` on a chart's canvas, where the chart says it drew it. */
  async function clickBar(chart, category) {
    const canvas = browser.$(`[data-testid="canvas-${chart}"]`);
    await canvas.waitForDisplayed({ timeout: 5000 });
    // A chart is drawn once it comes near the screen, as a person scrolls to it.
    await canvas.scrollIntoView();
    let bars = [];
    await browser.waitUntil(
      async () => {
        bars = JSON.parse((await canvas.getAttribute('data-bars')) || '[]');
        return bars.some((b) => b.category === category);
      },
      { timeout: 5000, timeoutMsg: `no bar for ${category} on the ${chart} chart` },
    );
    const bar = bars.find((b) => b.category === category);
    const size = await canvas.getSize();
    // WebDriver clicks relative to the element's centre.
    await canvas.click({ x: Math.round(bar.x - size.width / 2), y: Math.round(bar.y - size.height / 2) });
  }

  it('opens on the latest year with delegations', async () => {
    await nav(browser, 'statistics');
    await waitForText(browser, 'h1', /Thống kê/);
    await waitForText(browser, '[data-testid="stats-range"]', /2017/);
  });

  it('counts 2016: one delegation out, to Singapore, 30 person-days, its money in VND', async () => {
    await chooseYear(2016);
    assert.equal(await text('[data-testid="headline-outgoing-value"]'), '1');
    assert.equal(await text('[data-testid="headline-incoming-value"]'), '0');
    assert.equal(await text('[data-testid="headline-person_days_abroad-value"]'), '30', '6 people × 5 days');
    assert.equal(await text('[data-testid="headline-cost_vnd-value"]'), '41.338.840 ₫', 'the actual spending');
    assert.equal(await text('[data-testid="headline-outgoing-delta"]'), '↑ 1', 'none in 2015: no percentage of nothing');
    assert.match(await text('[data-testid="headline-trips-value"]'), /^6$/);
    await browser.$('[data-testid="canvas-country"]').waitForDisplayed();
    await screenshot(browser, 'statistics-2016-vi');
  });

  it('draws a chart once it comes near the screen', async () => {
    const last = browser.$('[data-testid="canvas-unit"]');
    await last.waitForExist({ timeout: 5000 });
    assert.equal(await last.getAttribute('data-bars'), null, 'the last chart, far below the first look, is not drawn');
    await last.scrollIntoView();
    await browser.waitUntil(async () => (await last.getAttribute('data-bars')) !== null, {
      timeout: 5000,
      timeoutMsg: 'the chart was not drawn once scrolled to',
    });
    await browser.execute(() => document.querySelector('main.content').scrollTo(0, 0));
  });

  it('shows the same numbers in the tables', async () => {
    await browser.$('[data-testid="chart-country-table"]').click();
    const country = await text('[data-testid="table-country"]');
    assert.match(country, /Singapore\s+1\s+0\s+1\s+6/, 'Singapore: 1 out, 0 in, 1 in all, 6 trips');

    await browser.$('[data-testid="chart-funding-table"]').click();
    const funding = await text('[data-testid="table-funding"]');
    assert.match(
      funding,
      /Kết hợp\s+41\.338\.840 ₫\s+1\s+0\s+41\.338\.840 ₫\s+35\.996\.000 ₫\s+33\.911\.200 ₫/,
      'mixed funding: cost, 1 out, 0 in, actual, estimate, advance',
    );
    assert.match(funding, /Ngân sách nhà nước\s+0 ₫/);

    await browser.$('[data-testid="chart-unit-table"]').click();
    const units = await text('[data-testid="table-unit"]');
    assert.match(units, /Thư viện tỉnh Khánh Hòa\s+5\s+1\s+1/, 'a provincial official counts under her library');

    await browser.$('[data-testid="chart-reports-table"]').click();
    assert.match(await text('[data-testid="table-reports"]'), /Đúng hạn\s+1/, 'filed on 20 Sep, due 24 Sep');
    await screenshot(browser, 'statistics-2016-tables-vi');

    for (const chart of ['country', 'funding', 'unit', 'reports']) {
      await browser.$(`[data-testid="chart-${chart}-chart"]`).click();
    }
  });

  it('lists the delegation behind the Singapore bar and opens it', async () => {
    await clickBar('country', 'Singapore');
    const list = browser.$('[data-testid="stats-delegations"]');
    await list.waitForDisplayed({ timeout: 5000 });
    // The screen holds the figures alone: the delegations behind one are asked for at the click.
    await browser.$('[data-testid="stats-line"]').waitForExist({ timeout: 10000 });
    const lines = await browser.$$('[data-testid="stats-line"]');
    assert.equal(lines.length, 1);
    assert.match(await textOf(lines[0]), /INELI-ASEAN/);
    assert.match(await textOf(lines[0]), /05\/09\/2016 – 09\/09\/2016/);
    await screenshot(browser, 'statistics-bar-list-vi');
    await lines[0].click();
    await waitForText(browser, '[data-testid="delegation-title"]', /Singapore/);
  });

  it('comes back to the same year, then counts 2017: one delegation in', async () => {
    await nav(browser, 'statistics');
    await waitForText(browser, '[data-testid="stats-range"]', /^Số liệu 2016,/);
    await browser.$('[data-testid="stats-year-next"]').click();
    await waitForText(browser, '[data-testid="stats-range"]', /^Số liệu 2017,/);
    assert.equal(await text('[data-testid="headline-incoming-value"]'), '1');
    assert.equal(await text('[data-testid="headline-outgoing-value"]'), '0');
    assert.match(await text('[data-testid="headline-outgoing-delta"]'), /↓ 1 \(−100%\)/);
    assert.equal(await text('[data-testid="headline-cost_vnd-value"]'), '494.406.000 ₫');
    await clickBar('month', 'T11');
    await waitForText(browser, '[data-testid="stats-delegations"]', /Đăng cai Phiên họp lần thứ 3/);
    await browser.keys('Escape');
    await browser.$('[data-testid="stats-delegations"]').waitForExist({ reverse: true, timeout: 5000 });
    await screenshot(browser, 'statistics-2017-vi');
  });

  it('gives its charts’ pixels back when the screen closes', async () => {
    // Held by the page's script, as WebKit holds a canvas taken out until its next collection.
    const drawn = await browser.execute(() => {
      window.drawnCharts = [...document.querySelectorAll('canvas[data-bars]')];
      return window.drawnCharts.map((c) => c.width * c.height);
    });
    assert.ok(drawn.length >= 2 && drawn.every((pixels) => pixels > 0), 'the charts in view are drawn');
    await nav(browser, 'today');
    let left = [];
    await browser.waitUntil(
      async () => {
        left = await browser.execute(() => window.drawnCharts.map((c) => [c.isConnected, c.width * c.height]));
        return left.every(([connected]) => !connected);
      },
      { timeout: 5000, timeoutMsg: 'the charts stayed in the page' },
    );
    assert.deepEqual(left, drawn.map(() => [false, 0]), 'no chart left holds its pixels');
    await browser.execute(() => delete window.drawnCharts);
    await nav(browser, 'statistics');
    await waitForText(browser, '[data-testid="stats-range"]', /^Số liệu 2017,/);
  });

  it('names the field of a range that ends before it starts', async () => {
    await browser.$('[data-testid="stats-mode-range"]').click();
    await browser.$('[data-testid="stats-from"]').setValue('01/12/2017');
    await browser.$('[data-testid="stats-to"]').setValue('01/01/2017');
    await browser.$('[data-testid="stats-show"]').click();
    await waitForText(browser, '[data-testid="error-to"]', /ngày kết thúc/i);
    await browser.$('[data-testid="stats-from"]').setValue('1/9/2016');
    await browser.$('[data-testid="stats-to"]').setValue('31/12/2017');
    await browser.$('[data-testid="stats-show"]').click();
    await waitForText(browser, '[data-testid="stats-range"]', /01\/09\/2016 – 31\/12\/2017/);
    assert.equal(await text('[data-testid="headline-outgoing-value"]'), '1');
    assert.equal(await text('[data-testid="headline-incoming-value"]'), '1');
    await browser.$('[data-testid="stats-mode-year"]').click();
    await waitForText(browser, '[data-testid="stats-range"]', /^Số liệu 2017,/);
    await browser.$('[data-testid="stats-year-prev"]').click();
    await waitForText(browser, '[data-testid="stats-range"]', /^Số liệu 2016,/);
  });

  it('speaks English when asked', async () => {
    await browser.$('[data-testid="switch-language"]').click();
    await waitForText(browser, 'h1', /^Delegations in numbers$/);
    await waitForText(browser, '[data-testid="stats-range"]', /^Figures for 2016, compared with 2015/);
    assert.match(await text('[data-testid="headline-person_days_abroad"]'), /Person-days abroad/);
    assert.match(await text('[data-testid="chart-country"]'), /By country/);
    assert.equal(await text('[data-testid="headline-cost_vnd-value"]'), '41,338,840 ₫');
    await browser.$('[data-testid="chart-funding-table"]').click();
    assert.match(await text('[data-testid="table-funding"]'), /Mixed\s+41,338,840 ₫/);
    await browser.$('[data-testid="chart-funding-chart"]').click();
    await browser.$('[data-testid="export-menu"]').click();
    await browser.$('[data-testid="export-pdf-en"]').waitForDisplayed({ timeout: 5000 });
    assert.equal(await text('[data-testid="export-pdf-vi"]'), 'PDF report (Vietnamese)');
    assert.equal(await text('[data-testid="export-xlsx"]'), 'XLSX workbook');
    await screenshot(browser, 'statistics-2016-en-export-menu');
    await browser.$('h1').click();
    await browser.$('[data-testid="export-pdf-en"]').waitForDisplayed({ reverse: true, timeout: 5000 });
    await screenshot(browser, 'statistics-2016-en');
  });

  it('writes the annual report and the workbook where the save dialog says', async () => {
    // The save dialog is the shell's GTK window: answered as a person would, with xdotool.
    const dir = scratchDir('desk-e2e-annual-');
    const pdf = join(dir, 'AnnualReport-2016.pdf');
    const xlsx = join(dir, 'Statistics-2016.xlsx');
    for (const [button, file] of [['export-pdf-en', pdf], ['export-xlsx', xlsx]]) {
      await browser.$('[data-testid="export-menu"]').click();
      await browser.$(`[data-testid="${button}"]`).click();
      await answerFileDialog(file);
      await browser.waitUntil(() => existsSync(file), { timeout: 20000, timeoutMsg: `${file} was not written` });
      await browser.pause(500);
    }
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    assert.match(text, /Singapore/, 'the country named as the window named it');
    assert.match(text, /41,338,840/, 'the Singapore cost in the report');
    assert.equal(readFileSync(xlsx).subarray(0, 2).toString(), 'PK', 'an XLSX is a zip file');

    const refused = await browser.executeAsync((done) => {
      window.__TAURI_INTERNALS__
        .invoke('get_stats', { range: { from: '2017-12-31', to: '2017-01-01' } })
        .then(() => done(null))
        .catch((e) => done(e));
    });
    assert.equal(refused?.kind, 'validation');
    assert.deepEqual(refused.violations.map((v) => [v.field, v.rule]), [['to', 'end_before_start']]);
  });

  it('draws its charts again in the colours of the dark theme', async () => {
    const colours = () =>
      browser.execute(() => {
        const canvas = document.querySelector('[data-testid="canvas-country"]');
        const context = canvas.getContext('2d');
        const bar = JSON.parse(canvas.dataset.bars)[0];
        const ratio = canvas.width / canvas.getBoundingClientRect().width;
        return Array.from(context.getImageData(Math.round(bar.x * ratio), Math.round(bar.y * ratio), 1, 1).data.slice(0, 3));
      });
    const light = await colours();
    await browser.execute(() => document.documentElement.setAttribute('data-theme', 'dark'));
    await browser.waitUntil(async () => (await colours()).join() !== light.join(), {
      timeout: 5000,
      timeoutMsg: 'the Singapore bar kept its light-theme colour',
    });
    await screenshot(browser, 'statistics-2016-en-dark');
    await browser.execute(() => document.querySelector('[data-testid="chart-country"]').scrollIntoView());
    await screenshot(browser, 'statistics-2016-en-dark-charts');
    await browser.execute(() => document.documentElement.setAttribute('data-theme', 'light'));
  });

  it('fills a wide screen', async () => {
    await browser.setWindowSize(1920, 1080);
    await browser.execute(() => document.querySelector('main.content').scrollTo(0, 0));
    await screenshot(browser, 'statistics-2016-en-wide');
  });
});
