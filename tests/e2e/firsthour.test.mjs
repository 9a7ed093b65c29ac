// The first hour of a newcomer (issue #13), at the usual window size and at the smallest the
// window allows: an empty database with a way in, every tab reachable, titles told apart,
// moves back asked first, messages in the window's language that name their field, a
// preview drawn whole, figures that fit, and a last view that belongs to its database.
// Screenshots of each land in tests/e2e/artifacts/ with the window size in their name.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { deskBinary, deskJson, nav, openApp, screenshot, startDriver, tempDatabase, textOf, waitForText } from './harness.mjs';

const SINGAPORE = '018fd2d0-0819-7186-9072-600a56b24d19';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const SIZES = [
  { width: 1280, height: 800, port: 4750 },
  { width: 960, height: 600, port: 4760 },
];

for (const size of SIZES) {
  const tag = `${size.width}x${size.height}`;

  describe(`the first hour at ${tag}`, { timeout: 600000 }, () => {
    const database = tempDatabase();
    let driver;
    let browser;

    async function open(db) {
      browser = await openApp(driver, db);
      await browser.setWindowSize(size.width, size.height);
      await sleep(300);
    }

    async function close() {
      await browser?.deleteSession().catch(() => {});
      browser = null;
    }

    const go = (hash) => browser.execute((h) => (window.location.hash = h), hash);
    const shot = (name) => screenshot(browser, `firsthour-${name}-${tag}`);

    async function language(wanted) {
      const now = await browser.execute(() => document.documentElement.lang || localStorage.getItem('desk.lang') || 'vi');
      if (now !== wanted) await browser.$('[data-testid="switch-language"]').click();
      await browser.waitUntil(async () => (await browser.execute(() => localStorage.getItem('desk.lang') ?? 'vi')) === wanted);
    }

    before(async () => {
      execFileSync(deskBinary, ['--db', database, 'init'], { stdio: 'ignore' });
      driver = await startDriver(size.port);
      await open(database);
    });

    after(async () => {
      await close();
      await driver?.stop();
    });

    it('5. an empty database offers a new delegation and the demo, in both languages', async () => {
      await browser.$('[data-testid="today-welcome"]').waitForDisplayed({ timeout: 10000 });
      assert.match(await textOf(browser.$('[data-testid="today-welcome"]')), /Ctrl\+N/);
      assert.match(await textOf(browser.$('[data-testid="today-demo"]')), /Nạp dữ liệu mẫu/);
      assert.match(await textOf(browser.$('[data-testid="today-welcome"]')), /minh họa/, 'the demo is marked illustrative');
      await shot('today-empty-vi');
      await language('en');
      await waitForText(browser, '[data-testid="today-demo"]', /Load the demo data/);
      await shot('today-empty-en');
      await language('vi');
      await browser.$('[data-testid="today-demo"]').click();
      await browser.$('[data-testid="today-welcome"]').waitForExist({ reverse: true, timeout: 15000 });
      assert.equal(deskJson(database, 'delegation', 'list').length, 2, 'the demo is in the database');
    });

    it('5. the Calendar opens on the nearest year with delegations, and the year filter lists only those', async () => {
      await nav(browser, 'calendar');
      await waitForText(browser, '[data-testid="calendar-range"]', /^2017$/);
      await browser.$('[data-testid="calendar"]').waitForExist();
      // 2017 holds only the delegation the office hosted: its staff are not "away".
      assert.doesNotMatch(await textOf(browser.$('[data-testid="calendar"]')), /Vắng mặt|Đi vắng/);
      await shot('calendar-vi');
      await nav(browser, 'delegations');
      await browser.$('[data-testid="delegation-row"]').waitForExist({ timeout: 10000 });
      const years = await browser.$$('[data-testid="filter-year"] option').map((o) => o.getValue());
      assert.deepEqual(years.slice(1), ['2017', '2016']);
    });

    it('1. every delegation tab is in view and answers a click; the header shrinks on scroll', async () => {
      await go(`#/delegations/${SINGAPORE}/overview`);
      await waitForText(browser, '[data-testid="delegation-title"]', /Singapore/);
      await shot('delegation-vi');
      const tabs = await browser.$$('nav.tabs a').map((a) => a.getAttribute('data-testid'));
      assert.equal(tabs.length, 8);
      for (const tab of tabs) {
        const hit = await browser.execute((id) => {
          const el = document.querySelector(`[data-testid="${id}"]`);
          const r = el.getBoundingClientRect();
          const x = r.left + r.width / 2;
          const y = r.top + r.height / 2;
          const top = document.elementFromPoint(x, y);
          return { inView: r.right <= window.innerWidth && r.bottom <= window.innerHeight && r.left >= 0, same: top === el || el.contains(top) };
        }, tab);
        assert.ok(hit.inView, `${tab} is inside the window`);
        assert.ok(hit.same, `${tab} is not covered by anything`);
        await browser.$(`[data-testid="${tab}"]`).click();
        const name = tab.replace('tab-', '');
        await browser.waitUntil(async () => (await browser.execute(() => location.hash)).endsWith(`/${name}`), {
          timeoutMsg: `${tab} did not open`,
        });
      }
      await browser.$('[data-testid="tab-programme"]').click();
      await waitForText(browser, '.tab-body', /Khai mạc phiên họp/);
      await sleep(300);
      await browser.execute(() => document.querySelector('main.content').scrollTo(0, 600));
      // A loaded machine may take a moment to run the scroll handler and lay out again.
      await browser
        .waitUntil(async () => (await browser.$('[data-testid="delegation-header"]').getAttribute('class')).includes('compact'), {
          timeout: 5000,
        })
        .catch(() => {});
      const header = await browser.execute(() => {
        const h = document.querySelector('[data-testid="delegation-header"]');
        return { height: h.getBoundingClientRect().height, top: h.getBoundingClientRect().top, scrolled: document.querySelector('main.content').scrollTop, cls: h.className };
      });
      assert.ok(header.height <= 110, `the scrolled header is small: ${JSON.stringify(header)}`);
      assert.ok(await browser.$('[data-testid="tab-report"]').isDisplayed({ withinViewport: true }), 'the tabs stay pinned');
      await shot('delegation-scrolled-vi');
    });

    it('4. titles that differ at their end are told apart; dates and status stay in view', async () => {
      for (const end of ['Kuala Lumpur', 'Bangkok']) {
        deskJson(
          database,
          'delegation', 'add', '--direction', 'outgoing', '--country', 'MY', '--starts', '2017-03-06', '--ends', '2017-03-09',
          '--title', `Tham dự Hội thảo Thư viện Lãnh đạo Tương lai trong khuôn khổ Phiên họp lần thứ tư Dự án INELI-ASEAN tại ${end}`,
        );
      }
      await nav(browser, 'today');
      await nav(browser, 'delegations');
      await waitForText(browser, '[data-testid="delegation-list"]', /Kuala Lumpur|Bangkok/);
      const rows = await browser.execute(() =>
        [...document.querySelectorAll('[data-testid="delegation-row"]')].map((row) => {
          const title = row.querySelector('.title');
          const list = document.querySelector('[data-testid="delegation-list"]').getBoundingClientRect();
          const last = row.lastElementChild.getBoundingClientRect();
          return {
            text: row.innerText,
            tooltip: title.getAttribute('title'),
            lines: Math.round(title.getBoundingClientRect().height / parseFloat(getComputedStyle(title).lineHeight)),
            statusInView: last.right <= list.right && last.right <= window.innerWidth,
          };
        }),
      );
      for (const row of rows) {
        assert.ok(row.statusInView, `dates and status in view: ${row.text}`);
        assert.ok(row.tooltip && row.tooltip.length > 0, 'the whole title shows on hover');
      }
      const long = rows.filter((r) => /INELI-ASEAN tại (Kuala Lumpur|Bangkok)/.test(r.tooltip));
      assert.equal(long.length, 2);
      assert.ok(long.every((r) => r.lines >= 2), `long titles wrap to two lines: ${long.map((r) => r.lines)}`);
      await shot('delegations-long-titles-vi');
    });

    it('3 and 6. a move back asks first, the page follows at once, and the history says it in words', async () => {
      await go(`#/delegations/${SINGAPORE}/overview`);
      await waitForText(browser, '[data-testid="next-step"]', /đóng|kết thúc/i);
      const before = await textOf(browser.$('[data-testid="next-step"]'));
      await browser.$('[data-testid="move-reported"]').click();
      await browser.$('[data-testid="confirm"]').waitForDisplayed({ timeout: 5000 });
      assert.match(await textOf(browser.$('[data-testid="confirm"]')), /Mở lại hồ sơ đã đóng/);
      await shot('move-back-confirm-vi');
      await browser.keys('Escape');
      await browser.$('[data-testid="confirm"]').waitForExist({ reverse: true });
      assert.equal(await textOf(browser.$('[data-testid="next-step"]')), before, 'nothing moved without a yes');
      assert.equal(deskJson(database, 'delegation', 'show', SINGAPORE).delegation.status, 'closed');

      await browser.$('[data-testid="move-reported"]').click();
      await browser.$('[data-testid="confirm-yes"]').click();
      await browser.waitUntil(async () => (await textOf(browser.$('[data-testid="next-step"]'))) !== before, {
        timeoutMsg: 'the page did not follow the move',
      });
      assert.ok(await browser.$('[data-testid="move-closed"]').isExisting(), 'the moves from "reported" are offered');
      await waitForText(browser, '.history', /Trạng thái đổi từ “Đã kết thúc” sang “Đã báo cáo”/);
      assert.doesNotMatch(await textOf(browser.$('.history')), /\bclosed\b|\breported\b|→/);
      await shot('history-vi');
      await language('en');
      await waitForText(browser, '.history', /Status changed from “Closed” to “Reported”/);
      await shot('history-en');
      await language('vi');
      await browser.$('[data-testid="move-closed"]').click();
      await waitForText(browser, '[data-testid="next-step"]', new RegExp(before.slice(0, 8)));
    });

    it('2. an incomplete report is refused before any file dialog, in the window language, naming the field', async () => {
      const fresh = deskJson(
        database,
        'delegation', 'add', '--direction', 'outgoing', '--country', 'TH', '--starts', '2016-05-02', '--ends', '2016-05-04',
        '--title', 'Khảo sát thư viện Bangkok',
      );
      await go(`#/delegations/${fresh.id}/report`);
      await browser.$('[data-testid="export-vi"]').waitForExist({ timeout: 15000 });
      await browser.$('[data-testid="export-vi"]').click();
      let said = '';
      await browser.waitUntil(
        async () => {
          said = (await browser.$$('[data-testid="toast"]').map((el) => textOf(el))).join(' | ');
          return /không được để trống/.test(said);
        },
        { timeout: 5000, timeoutMsg: 'no message about the missing fields' },
      );
      assert.match(said, /Mục đích[^.]* không được để trống/);
      assert.doesNotMatch(said, /must be filled|Purpose/);
      await shot('report-incomplete-vi');
      await language('en');
      await browser.$('[data-testid="export-en"]').click();
      await browser.waitUntil(async () => /Purpose[^.]* is required/.test(await textOf(browser.$('body'))), {
        timeoutMsg: 'no English message for the English window',
      });
      await shot('report-incomplete-en');
      await language('vi');
    });

    it('7. a travel form names its own field and drops a message once the field is fixed', async () => {
      const id = deskJson(database, 'delegation', 'list').find((d) => d.title === 'Khảo sát thư viện Bangkok').id;
      await go(`#/delegations/${id}/travel`);
      await browser.$('[data-testid="add-segment"]').click();
      const form = browser.$('[data-testid="segment-form"]');
      await form.waitForDisplayed();
      const type = async (name, value) => form.$(`[name="${name}"]`).setValue(value);
      await type('from_place', 'HAN');
      await type('dep_date', '03/05/2016');
      await type('dep_time', '10:00');
      await type('to_place', 'BKK');
      await type('arr_date', '02/05/2016');
      await type('arr_time', '09:00');
      await browser.$('[data-testid="save-segment"]').click();
      const error = browser.$('[data-testid="error-arrives_local"]');
      await error.waitForDisplayed({ timeout: 5000 });
      const said = await textOf(error);
      assert.match(said, /Giờ đến/);
      assert.match(said, /Giờ đi/, 'arrival before departure names the departure');
      assert.doesNotMatch(said, /Ngày kết thúc/);
      await shot('segment-before-vi');
      await type('arr_date', '03/05/2016');
      await error.waitForExist({ reverse: true, timeout: 3000 });
      await type('arr_date', '31/02/2016');
      await browser.$('[data-testid="save-segment"]').click();
      await error.waitForDisplayed({ timeout: 5000 });
      assert.match(await textOf(error), /ngày \(dd\/mm\/yyyy\)/, 'a bad arrival date is said to be a date');
      await shot('segment-bad-date-vi');
      await browser.keys('Escape');
    });

    it('8. the report preview says it is working, then draws its pages whole and centred', async () => {
      await go(`#/delegations/${SINGAPORE}/report`);
      await browser.$('[data-testid="preview-page"]').waitForExist({ timeout: 20000 });
      await sleep(300);
      const fit = await browser.execute(() => {
        const panel = document.querySelector('aside.preview').getBoundingClientRect();
        const page = document.querySelector('[data-testid="preview-page"]').getBoundingClientRect();
        return { left: page.left - panel.left, right: panel.right - page.right, width: page.width };
      });
      assert.ok(fit.left >= 0 && fit.right >= 0, `the page is whole: ${JSON.stringify(fit)}`);
      assert.ok(Math.abs(fit.left - fit.right) <= 16, `the page is centred: ${JSON.stringify(fit)}`);
      assert.ok(fit.width > 150, `the page is drawn: ${JSON.stringify(fit)}`);
      await shot('report-preview-vi');
      // The sign of work: shown while the language changes and the pages are laid out again.
      const seen = await browser.executeAsync((done) => {
        const select = document.querySelector('aside.preview select');
        const watch = new MutationObserver(() => {
          if (document.querySelector('[data-testid="preview-working"]')) {
            watch.disconnect();
            done(true);
          }
        });
        watch.observe(document.querySelector('aside.preview'), { childList: true, subtree: true });
        select.value = 'en';
        select.dispatchEvent(new Event('change', { bubbles: true }));
        setTimeout(() => done(false), 5000);
      });
      assert.ok(seen, 'a sign of work while the preview is laid out');
    });

    it('9. the statistics figures stay inside their cards and Settings keeps its labels short', async () => {
      await go('#/statistics');
      await browser.$('[data-testid="headline-cost_vnd-value"]').waitForExist({ timeout: 15000 }).catch(() => {});
      const cards = await browser.execute(() =>
        [...document.querySelectorAll('[data-testid$="-value"]')]
          .filter((v) => v.closest('.headline'))
          .map((v) => {
            const card = v.closest('.headline').getBoundingClientRect();
            const r = v.getBoundingClientRect();
            return { id: v.dataset.testid, inside: r.right <= card.right + 0.5 && r.left >= card.left - 0.5 };
          }),
      );
      assert.ok(cards.length >= 3, 'the headline figures are there');
      for (const c of cards) assert.ok(c.inside, `${c.id} overflows its card`);
      await shot('statistics-vi');
      await nav(browser, 'settings');
      await browser.$('[data-testid="settings-deadlines"]').waitForExist({ timeout: 10000 });
      const labels = await browser.execute(() =>
        [...document.querySelectorAll('[data-testid="settings-deadlines"] .label')].map((l) =>
          Math.round(l.getBoundingClientRect().height / parseFloat(getComputedStyle(l).lineHeight || '18')),
        ),
      );
      assert.ok(labels.length >= 4 && labels.every((n) => n <= 2), `deadline labels on at most two lines: ${labels}`);
      const clipped = await browser.execute(() =>
        [...document.querySelectorAll('[data-testid="settings-form"] input:not([type=number])')]
          .filter((i) => i.value.length > 0 && i.getBoundingClientRect().width < 160)
          .map((i) => i.name),
      );
      assert.deepEqual(clipped, [], 'text fields are wide enough for their values');
      await shot('settings-vi');
    });

    it('11. a forgotten draft owes nothing, rates are grouped, months read "Sep", drop-downs show focus', async () => {
      await nav(browser, 'today');
      await browser.$('main .page').waitForExist();
      await sleep(500);
      const today = await textOf(browser.$('main'));
      assert.doesNotMatch(today, /Khảo sát thư viện Bangkok/, 'a draft with no members has no overdue report or settlement');
      await go(`#/delegations/${SINGAPORE}/money`);
      await waitForText(browser, '.tab-body', /× 22\.300/);
      await shot('money-vi');
      await language('en');
      await nav(browser, 'delegations');
      await waitForText(browser, '[data-testid="delegation-list"]', /5 Sep 2016 – 9 Sep 2016/);
      assert.doesNotMatch(await textOf(browser.$('[data-testid="delegation-list"]')), /Sept/);
      await browser.$('[data-testid="delegation-search"]').click();
      await browser.keys('Tab');
      const ring = await browser.execute(() => {
        const el = document.activeElement;
        const style = getComputedStyle(el);
        return { tag: el.tagName, outline: style.outlineStyle, width: style.outlineWidth };
      });
      assert.equal(ring.tag, 'SELECT');
      assert.notEqual(ring.outline, 'none', 'a drop-down reached with Tab shows its focus');
      await shot('focus-select-en');
      await language('vi');
    });

    it('10. the last view belongs to its database, and a view whose record is gone falls back to its list', async () => {
      await go(`#/delegations/${SINGAPORE}/travel`);
      await browser.$('[data-testid="segment-list"]').waitForExist({ timeout: 10000 });
      await close();

      const other = tempDatabase();
      execFileSync(deskBinary, ['--db', other, 'init'], { stdio: 'ignore' });
      await open(other);
      await browser.$('[data-testid="today-welcome"]').waitForDisplayed({ timeout: 10000 });
      assert.doesNotMatch(await textOf(browser.$('main')), /Không tìm thấy/);
      await close();

      await open(database);
      await browser.$('[data-testid="segment-list"]').waitForExist({ timeout: 10000 });
      assert.match(await browser.execute(() => location.hash), new RegExp(`${SINGAPORE}/travel$`));
      await close();

      // The same file, started afresh: the remembered delegation is not in it any more.
      rmSync(database, { force: true });
      rmSync(`${database}-wal`, { force: true });
      rmSync(`${database}-shm`, { force: true });
      execFileSync(deskBinary, ['--db', database, 'init'], { stdio: 'ignore' });
      await open(database);
      await waitForText(browser, '[data-testid="toast"]', /không còn nữa/);
      await browser.waitUntil(async () => (await browser.execute(() => location.hash)) === '#/delegations');
      await shot('last-view-gone-vi');
    });
  });
}
