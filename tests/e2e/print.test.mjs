// Printing from the window: Print beside Export opens a print dialog (printer, copies, pages,
// sides) and the paper comes out of the printer. Needs CUPS with the virtual PDF printer
// "PDF" (scripts/print-test.sh sets it up; cups-pdf writes each job to ~/PDF/).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { closeApp, demoDatabase, launchApp, screenshot, waitForText } from './harness.mjs';

const SINGAPORE = '018fd2d0-0819-7186-9072-600a56b24d19';
const HANOI = '018fd2d0-084c-724a-8498-c628eb0b144c';
const OUT = join(homedir(), 'PDF');
const printed = () => (existsSync(OUT) ? readdirSync(OUT).filter((f) => f.endsWith('.pdf')) : []);
const info = (file) => execFileSync('pdfinfo', [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
const pages = (file) => Number(/Pages:\s+(\d+)/.exec(info(file))?.[1]);

describe('printing from the window', { timeout: 180000 }, () => {
  const database = demoDatabase();
  let driver;
  let browser;

  before(async () => ({ driver, browser } = await launchApp(4780, database)));
  after(() => closeApp(browser, driver));

  async function waitForJob(before) {
    let file = null;
    await browser.waitUntil(
      async () => {
        const fresh = printed().filter((f) => !before.includes(f));
        if (fresh.length === 0) return false;
        file = join(OUT, fresh[0]);
        try {
          return statSync(file).size > 0 && pages(file) > 0;
        } catch {
          return false;
        }
      },
      { timeout: 60000, interval: 500, timeoutMsg: 'nothing came out of the PDF printer' },
    );
    return file;
  }

  it('prints two pages of the mission report on the chosen printer, refusing bad pages first', async () => {
    await browser.execute((h) => (window.location.hash = h), `#/delegations/${SINGAPORE}/report`);
    await browser.$('[data-testid="print-report"]').waitForExist({ timeout: 15000 });
    await browser.$('[data-testid="print-report"]').click();
    const dialog = browser.$('[data-testid="print-dialog"]');
    await dialog.waitForDisplayed();
    await browser.waitUntil(
      async () => (await browser.$$('[data-testid="print-printer"] option').map((o) => o.getValue())).includes('PDF'),
      { timeout: 10000, timeoutMsg: 'the printer PDF is not offered' },
    );
    await browser.$('[data-testid="print-printer"]').selectByAttribute('value', 'PDF');
    await browser.$('[data-testid="print-pages"]').setValue('3-1');
    await browser.$('[data-testid="print-go"]').click();
    await waitForText(browser, '[data-testid="error-pages"]', /Trang/);
    await screenshot(browser, 'print-dialog-refused-vi');
    await browser.$('[data-testid="print-pages"]').setValue('1-2');
    await screenshot(browser, 'print-dialog-vi');
    const before = printed();
    await browser.$('[data-testid="print-go"]').click();
    await waitForText(browser, '[data-testid="toast"]', /Đã gửi tới máy in PDF/);
    const file = await waitForJob(before);
    assert.equal(pages(file), 2, 'pages 1-2 of the report');
    assert.match(info(file), /595(\.\d+)? x 842/, 'A4');
  });

  it('prints a hosting paper (badges) from its card', async () => {
    await browser.execute((h) => (window.location.hash = h), `#/delegations/${HANOI}/hosting`);
    await browser.$('[data-testid="hosting-print"]').waitForExist({ timeout: 15000 });
    await browser.$('[data-testid="hosting-print"]').click();
    await browser.$('[data-testid="printer-badges"]').waitForExist({ timeout: 15000 });
    await browser.$('[data-testid="printer-badges"]').click();
    await browser.$('[data-testid="print-dialog"]').waitForDisplayed();
    // The dialog asks CUPS for its printers first ("Đang tải…"), then offers A4 at 100 %.
    await waitForText(browser, '[data-testid="print-dialog"]', /100 %/, 15000);
    const before = printed();
    await browser.$('[data-testid="print-go"]').click();
    const file = await waitForJob(before);
    assert.ok(pages(file) >= 1);
    await screenshot(browser, 'print-badges-sent-vi');
  });

  it('prints the estimate and the settlement from the Money tab, beside their Export', async () => {
    await browser.execute((h) => (window.location.hash = h), `#/delegations/${SINGAPORE}/money`);
    for (const paper of ['estimate', 'settlement']) {
      const button = browser.$(`[data-testid="printer-${paper}"]`);
      await button.waitForExist({ timeout: 15000 });
      assert.ok(await browser.$(`[data-testid="print-${paper}"]`).isExisting(), `Export beside Print (${paper})`);
      await button.scrollIntoView();
      await button.click();
      await browser.$('[data-testid="print-dialog"]').waitForDisplayed();
      await waitForText(browser, '[data-testid="print-dialog"]', /100 %/, 15000);
      await browser.waitUntil(
        async () => (await browser.$$('[data-testid="print-printer"] option').map((o) => o.getValue())).includes('PDF'),
        { timeout: 10000, timeoutMsg: 'the printer PDF is not offered' },
      );
      await browser.$('[data-testid="print-printer"]').selectByAttribute('value', 'PDF');
      await screenshot(browser, `print-${paper}-dialog-vi`);
      const before = printed();
      await browser.$('[data-testid="print-go"]').click();
      const file = await waitForJob(before);
      assert.ok(pages(file) >= 1, `the ${paper} came out of the printer`);
      assert.match(info(file), /595(\.\d+)? x 842/, 'A4');
      await browser.$('[data-testid="print-dialog"]').waitForDisplayed({ reverse: true, timeout: 15000 });
    }
  });
});
