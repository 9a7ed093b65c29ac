// The office's history, imported as a new user of the desk would: the summary spreadsheet
// is chosen in the open dialog, its rows are previewed with their problems, a name written
// without diacritics is confirmed as the person already in the directory, the demo's 2016
// trip is recognised, and the good rows are imported.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { answerFileDialog, closeApp, demoDatabase, deskJson, launchApp, nav, scratchDir, screenshot, textOf, waitForText } from './harness.mjs';

const HISTORY = [
  'TỔNG HỢP ĐOÀN RA, ĐOÀN VÀO',
  'STT,Đoàn ra/vào,Tên đoàn,Quốc gia,Thời gian,Thành phần đoàn,Kinh phí',
  '1,Ra,Hội thảo thư viện số hai nước,"Singapore, Ma-lai-xi-a",12-16/5/2019,"Nguyễn Thị Hồng Nhung (Phó Giám đốc); Lê Văn Thành",NSNN',
  '2,Ra,Khảo sát thư viện Hàn Quốc,Hàn Quốc,3-7/10/2018,Nguyen Thi Hong Nhung,Tài trợ',
  '3,Vào,Đoàn ngày không có thật,Nhật Bản,31/2/2019,Kim Min-ji,NSNN',
  '4,Ra,Dự Phiên họp INELI-ASEAN lần 2,Singapore,5-9/9/2016,Nguyễn Thị Hồng Nhung,NSNN',
].join('\n');

describe('importing the office history', { timeout: 240000 }, () => {
  const database = demoDatabase();
  const file = join(scratchDir('desk-e2e-history-'), 'Tong hop doan ra doan vao.csv');
  writeFileSync(file, HISTORY);
  let driver;
  let browser;

  before(async () => ({ driver, browser } = await launchApp(4660, database)));
  after(() => closeApp(browser, driver));

  it('previews the history with its problems and the trip already recorded', async () => {
    await nav(browser, 'delegations');
    await browser.$('[data-testid="import-history"]').click();
    await browser.$('[data-testid="choose-history-file"]').click();
    await answerFileDialog(file);
    await waitForText(browser, '[data-testid="history-summary"]', /4 dòng · 1 đoàn đã có · 2 dòng có lỗi/);
    const problems = await browser.$$('[data-testid="history-problem"]');
    assert.equal(problems.length, 1, 'one problem besides the possible match');
    assert.match(await textOf(problems[0]), /Dòng 5, cột E \(Thời gian\): không phải ngày.*31\/2\/2019/);
    const rows = await browser.$$('[data-testid="history-row"]');
    assert.match(await textOf(rows[0]), /Singapore, Malaysia|Xin-ga-po, Ma-lai-xi-a/, 'both countries, in order');
    assert.match(await textOf(rows[3]), /đã có trong hồ sơ/, 'the demo trip is recognised');
    const match = await browser.$('[data-testid="history-match"]');
    assert.match(await textOf(match), /Dòng 4: “Nguyen Thi Hong Nhung” có thể là Nguyễn Thị Hồng Nhung/);
    await screenshot(browser, 'history-import-preview-vi');
  });

  it('takes the person as the one in the directory and imports the good rows', async () => {
    await browser.$('[data-testid="match-same"]').click();
    await waitForText(browser, '[data-testid="history-summary"]', /1 dòng có lỗi/);
    assert.equal(await browser.$('[data-testid="history-match"]').isExisting(), false, 'nothing left to confirm');
    assert.equal(await browser.$('[data-testid="history-skip"]').isSelected(), true);
    await waitForText(browser, '[data-testid="history-import-now"]', /Nhập 2 đoàn/);
    await browser.$('[data-testid="history-import-now"]').click();
    await waitForText(browser, 'body', /Đã nhập 2 đoàn/);
    await waitForText(browser, '[data-testid="delegation-count"]', /^4 đoàn/);
    const found = deskJson(database, 'search', 'nguyen thi hong nhung').find((g) => g.kind === 'person');
    assert.equal(found.hits.length, 1, 'she is still one person');
    const two = deskJson(database, 'delegation', 'list').items ?? deskJson(database, 'delegation', 'list');
    assert.ok(two.some((d) => d.title === 'Khảo sát thư viện Hàn Quốc' && d.status === 'closed'), 'a past trip is filed as closed');
  });

  it('reads the same file again at the smallest window, in English: every trip is now recorded', async () => {
    await browser.setWindowSize(960, 600);
    await browser.$('[data-testid="switch-language"]').click();
    await browser.waitUntil(async () => (await browser.execute(() => localStorage.getItem('desk.lang'))) === 'en');
    await browser.$('[data-testid="import-history"]').click();
    await browser.$('[data-testid="choose-history-file"]').click();
    await answerFileDialog(file);
    await waitForText(browser, '[data-testid="history-summary"]', /4 rows · 3 already recorded · 1 with problems/);
    const button = browser.$('[data-testid="history-import-now"]');
    await button.scrollIntoView();
    assert.equal(await button.isDisplayed({ withinViewport: true }), true, 'the import button can be reached');
    assert.match(await textOf(button), /Import 0 delegations/);
    assert.equal(await button.isEnabled(), false, 'nothing left to add');
    await screenshot(browser, 'history-import-again-en-960x600');
  });
});
