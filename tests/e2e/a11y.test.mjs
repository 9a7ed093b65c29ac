// Accessibility inside the real window: axe-core (bundled from npm, injected through
// WebDriver, no network) audits every screen in both languages and finds no serious or
// critical violation; every control has a name; a dialog takes the focus and gives it back.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { closeApp, demoDatabase, launchApp, nav, screenshot, waitForText } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const SINGAPORE = '018fd2d0-0819-7186-9072-600a56b24d19';
const HANOI = '018fd2d0-084c-724a-8498-c628eb0b144c';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

describe('accessibility of every screen', { timeout: 900000 }, () => {
  const database = demoDatabase();
  let driver;
  let browser;

  before(async () => ({ driver, browser } = await launchApp(4770, database)));
  after(() => closeApp(browser, driver));

  /** Serious and critical violations on what the window shows now, one line each. */
  async function audit(where) {
    await sleep(400);
    const loaded = await browser.execute(() => typeof window.axe !== 'undefined');
    if (!loaded) await browser.execute(AXE);
    const found = await browser.executeAsync((done) => {
      window.axe
        .run(document, { resultTypes: ['violations'] })
        .then((r) =>
          done(
            r.violations
              .filter((v) => v.impact === 'serious' || v.impact === 'critical')
              .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`),
          ),
        )
        .catch((e) => done([`axe failed: ${e}`]));
    });
    return found.map((line) => `${where}: ${line}`);
  }

  const SCREENS = [
    ['today', '#/today'],
    ['delegations', '#/delegations'],
    ...['overview', 'members', 'travel', 'programme', 'tasks', 'money', 'documents', 'report'].map((tab) => [
      `delegation-${tab}`,
      `#/delegations/${SINGAPORE}/${tab}`,
    ]),
    ['delegation-hosting', `#/delegations/${HANOI}/hosting`],
    ['people', '#/people'],
    ['organisations', '#/organisations'],
    ['calendar', '#/calendar'],
    ['statistics', '#/statistics'],
    ['settings', '#/settings'],
    ['conflicts', '#/conflicts'],
    ['trash', '#/trash'],
  ];

  for (const lang of ['vi', 'en']) {
    it(`finds no serious or critical violation on any screen (${lang})`, async () => {
      const current = await browser.execute(() => localStorage.getItem('desk.lang') ?? 'vi');
      if (current !== lang) await browser.$('[data-testid="switch-language"]').click();
      const problems = [];
      for (const [name, hash] of SCREENS) {
        await browser.execute((h) => (window.location.hash = h), hash);
        await browser.$('main .page').waitForExist({ timeout: 10000 });
        await sleep(600);
        problems.push(...(await audit(`${name} (${lang})`)));
      }
      // A dialog too: the new delegation form.
      await nav(browser, 'delegations');
      await browser.$('[data-testid="new-delegation"]').click();
      await browser.$('[role="dialog"]').waitForDisplayed();
      problems.push(...(await audit(`new delegation dialog (${lang})`)));
      await browser.keys('Escape');
      assert.deepEqual(problems, []);
    });
  }

  it('gives every control a name in both languages', async () => {
    const unnamed = [];
    for (const lang of ['vi', 'en']) {
      const current = await browser.execute(() => localStorage.getItem('desk.lang') ?? 'vi');
      if (current !== lang) await browser.$('[data-testid="switch-language"]').click();
      for (const [name, hash] of SCREENS) {
        await browser.execute((h) => (window.location.hash = h), hash);
        await browser.$('main .page').waitForExist({ timeout: 10000 });
        await sleep(500);
        const found = await browser.execute(() =>
          [...document.querySelectorAll('button, a[href], input, select, textarea')]
            .filter((el) => el.type !== 'hidden' && el.checkVisibility({ visibilityProperty: true, opacityProperty: true }))
            .filter((el) => {
              const label =
                el.getAttribute('aria-label') ||
                el.getAttribute('title') ||
                (el.labels && [...el.labels].map((l) => l.innerText).join(' ')) ||
                el.getAttribute('placeholder') ||
                (el.tagName !== 'INPUT' && el.tagName !== 'SELECT' && el.tagName !== 'TEXTAREA' ? el.innerText : '');
              return !label || !label.trim() || /^[×‹›+−-]$/.test(label.trim());
            })
            .map((el) => el.outerHTML.slice(0, 90)),
        );
        unnamed.push(...found.map((f) => `${name} (${lang}): ${f}`));
      }
    }
    assert.deepEqual(unnamed, []);
  });

  it('moves the focus into a dialog, keeps Tab inside it, and gives it back on close', async () => {
    await nav(browser, 'delegations');
    await waitForText(browser, 'h1', /./);
    const opener = browser.$('[data-testid="new-delegation"]');
    await opener.click();
    await browser.$('[role="dialog"]').waitForDisplayed();
    const inside = () => browser.execute(() => Boolean(document.activeElement?.closest('[role="dialog"]')));
    assert.ok(await inside(), 'the dialog has the focus');
    for (let i = 0; i < 30; i++) {
      await browser.keys('Tab');
      assert.ok(await inside(), `Tab ${i + 1} stayed inside the dialog`);
    }
    const ring = await browser.execute(() => {
      const s = getComputedStyle(document.activeElement);
      return s.boxShadow !== 'none' || s.outlineStyle !== 'none';
    });
    assert.ok(ring, 'the focused control shows it');
    await screenshot(browser, 'a11y-dialog-focus');
    await browser.keys('Escape');
    await browser.$('[role="dialog"]').waitForExist({ reverse: true });
    assert.equal(await browser.execute(() => document.activeElement?.dataset.testid), 'new-delegation', 'the focus went back');
  });
});
