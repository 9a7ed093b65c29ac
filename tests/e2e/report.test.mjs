// The mission report as a user writes it: the demo's final report opens locked with its
// preview; reopening asks why; what is typed is saved by itself and survives a restart.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closeApp, demoDatabase, launchApp, nav, openApp, screenshot, textOf, waitForText } from './harness.mjs';

describe('the mission report', { timeout: 180000 }, () => {
  const database = demoDatabase();
  let driver;
  let browser;

  before(async () => ({ driver, browser } = await launchApp(4504, database)));
  after(() => closeApp(browser, driver));

  async function openReport() {
    await nav(browser, 'delegations');
    await browser.$('[data-testid="delegation-row"]').waitForExist({ timeout: 10000 });
    await browser.$$('[data-testid="delegation-row"]')[1].click();
    await browser.$('[data-testid="tab-report"]').click();
    await browser.$('[data-testid="preview-page"]').waitForExist({ timeout: 15000 });
  }

  it('opens the final demo report locked, with a preview of its pages', async () => {
    await openReport();
    await waitForText(browser, '[data-testid="report-status"]', /Bản chính thức/);
    assert.equal(await browser.$('[data-testid="report-results"]').isEnabled(), false, 'a final report is locked');
    const pages = await browser.$$('[data-testid="preview-page"]');
    assert.ok(pages.length >= 2, `the preview shows the pages: ${pages.length}`);
    const preview = await textOf(browser.$('[data-testid="document-preview"]'));
    assert.match(preview, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    assert.match(preview, /Số: 15\/BC-TVQG/);
    await screenshot(browser, 'report-locked-vi');
  });

  it('sets the preview in the very typeface the PDF embeds, served by the app', async () => {
    // The preview places words where the PDF does, so a fallback face would overflow lines.
    const faces = await browser.executeAsync((done) => {
      const want = ['400 12px "Desk Serif"', '700 12px "Desk Serif"', 'italic 400 12px "Desk Serif"'];
      Promise.allSettled(want.map((f) => document.fonts.load(f))).then(() =>
        done([...document.fonts].filter((f) => f.family.includes('Desk Serif')).map((f) => `${f.weight} ${f.style} ${f.status}`)),
      );
    });
    for (const face of ['400 normal', '700 normal', '400 italic']) {
      assert.ok(faces.includes(`${face} loaded`), `the ${face} face loads from the app: ${faces.join(', ')}`);
    }
  });

  it('reopens with a reason, saves what is typed by itself, and keeps it after a restart', async () => {
    await browser.$('[data-testid="reopen-report"]').click();
    await browser.$('[data-testid="reopen-reason"]').setValue('Bổ sung kết quả');
    await browser.$('[data-testid="confirm-reopen"]').click();
    await waitForText(browser, '[data-testid="report-status"]', /Bản nháp/);
    const results = browser.$('[data-testid="report-results"]');
    await results.click();
    await browser.keys(['End']);
    await results.addValue(' Đoàn đã ký biên bản ghi nhớ với NLB.');
    await waitForText(browser, '[data-testid="save-state"]', /Đã tự động lưu/, 15000);
    await waitForText(browser, '[data-testid="report-versions"]', /trước khi mở lại/);
    await waitForText(browser, '[data-testid="document-preview"]', /biên bản ghi nhớ/, 15000);
    await screenshot(browser, 'report-editing-vi');

    await browser.deleteSession();
    browser = await openApp(driver, database);
    await browser.$('[data-testid="preview-page"]').waitForExist({ timeout: 15000 });
    const kept = await browser.$('[data-testid="report-results"]').getValue();
    assert.ok(kept.includes('Đoàn đã ký biên bản ghi nhớ với NLB.'), `the typed sentence survived the restart: ${kept}`);
  });

  it('refuses to make it final without results, naming the section', async () => {
    // Select everything in the section and delete it, as a user would.
    await browser.$('[data-testid="report-results"]').click();
    await browser.keys(['Control', 'a']);
    await browser.keys('Backspace');
    await waitForText(browser, '[data-testid="save-state"]', /Đã tự động lưu/, 15000);
    await browser.$('[data-testid="finalise-report"]').click();
    await waitForText(browser, '[data-testid="error-results"]', /không được để trống/);
    await waitForText(browser, '[data-testid="report-status"]', /Bản nháp/);
  });
});
