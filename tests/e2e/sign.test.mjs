// Signing in the window, as the office does it with a PKCS#12 file: the signature and seal
// images and the test CA's root are set in Settings → Signature through the system's open
// dialog; the annual report is signed from the Statistics screen (a wrong password first:
// a clear message, no file); poppler's pdfsig finds the file's signature valid and trusted.
// The hosting kit's invitation letters are signed with the same dialog. Then the signed
// report is attached to a delegation and its Verify button says who signed, when (+07:00),
// with which certificate, unchanged and trusted, in both languages.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { answerFileDialog, closeApp, demoDatabase, launchApp, nav, openRow, scratchDir, screenshot, textOf, waitForText } from './harness.mjs';

const PASSWORD = '1234';

/** A test CA, a signer's PKCS#12 file and an NSS database trusting the CA (for pdfsig). */
function makePki(dir) {
  const openssl = (...args) => execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '30',
    '-subj', '/CN=Desk E2E Test CA/O=Desk Tests', '-addext', 'basicConstraints=critical,CA:TRUE',
    '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  writeFileSync(join(dir, 'signer.cnf'), 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n');
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'signer.key', '-out', 'signer.csr', '-utf8',
    '-subj', '/CN=Nguyễn Thị Hồng Nhung/O=Thư viện Quốc gia Việt Nam');
  openssl('x509', '-req', '-in', 'signer.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial',
    '-out', 'signer.crt', '-days', '30', '-extfile', 'signer.cnf');
  openssl('pkcs12', '-export', '-inkey', 'signer.key', '-in', 'signer.crt', '-certfile', 'ca.crt',
    '-out', 'signer.p12', '-passout', `pass:${PASSWORD}`, '-name', 'signer');
  const nss = join(dir, 'nss');
  mkdirSync(nss);
  execFileSync('certutil', ['-N', '-d', `sql:${nss}`, '--empty-password']);
  execFileSync('certutil', ['-A', '-d', `sql:${nss}`, '-n', 'testca', '-t', 'C,C,C', '-i', join(dir, 'ca.crt')]);
  return nss;
}

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A transparent RGBA PNG, black ink where `ink(x, y)`. */
function png(path, w, h, ink) {
  const rows = Buffer.alloc((w * 4 + 1) * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) rows[y * (w * 4 + 1) + 1 + x * 4 + 3] = ink(x, y) ? 255 : 0;
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  header[8] = 8;
  header[9] = 6;
  writeFileSync(path, Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]));
}

function pdfsig(nss, file) {
  try {
    return execFileSync('pdfsig', ['-nssdir', `sql:${nss}`, file], { encoding: 'utf8', env: { ...process.env, TZ: 'Asia/Ho_Chi_Minh' } });
  } catch (e) {
    return `${e.stdout ?? ''}${e.stderr ?? ''}`;
  }
}

describe('signing in the window', { timeout: 300000 }, () => {
  const database = demoDatabase();
  const dir = scratchDir('desk-e2e-sign-');
  const nss = makePki(dir);
  const signature = join(dir, 'signature.png');
  const seal = join(dir, 'seal.png');
  png(signature, 400, 160, (x, y) => Math.abs(y - (80 + 50 * Math.sin(x / 40) * (1 - x / 500))) < 5 && x > 20 && x < 380);
  png(seal, 400, 400, (x, y) => {
    const r = Math.hypot(x - 200, y - 200);
    return (r > 180 && r < 195) || (r > 100 && r < 110) || r < 30;
  });
  const signed = join(dir, 'BaoCaoNam-da-ky.pdf');
  let driver;
  let browser;

  before(async () => ({ driver, browser } = await launchApp(4790, database)));
  after(() => closeApp(browser, driver));

  const text = async (selector) => textOf(browser.$(selector));

  it('keeps the signature and seal images and the trusted root set in Settings', async () => {
    await nav(browser, 'settings');
    await browser.$('[data-testid="signature-settings"]').waitForDisplayed({ timeout: 10000 });
    for (const [kind, file] of [['signature', signature], ['seal', seal]]) {
      await browser.$(`[data-testid="choose-${kind}-image"]`).click();
      await answerFileDialog(file);
      await browser.$(`[data-testid="sign-image-${kind}"] img`).waitForExist({ timeout: 10000 });
    }
    await browser.$('[data-testid="add-trusted-root"]').click();
    await answerFileDialog(join(dir, 'ca.crt'));
    await waitForText(browser, '[data-testid="trusted-roots"]', /Desk E2E Test CA/);
    // A file that is no certificate is refused, in the window's language.
    await browser.$('[data-testid="add-trusted-root"]').click();
    await answerFileDialog(signature);
    await waitForText(browser, '[data-testid="signature-error"]', /không phải là chứng thư số/);
    await screenshot(browser, 'settings-signature-vi');
  });

  async function openSignDialog() {
    await browser.$('[data-testid="export-menu"]').click();
    await browser.$('[data-testid="sign-annual"]').waitForDisplayed({ timeout: 5000 });
    await browser.$('[data-testid="sign-annual"]').click();
    await browser.$('[data-testid="sign-dialog"]').waitForDisplayed({ timeout: 5000 });
    await browser.$('[data-testid="sign-kind"]').selectByAttribute('value', 'p12');
  }

  it('refuses a wrong password with a clear message and writes nothing', async () => {
    await nav(browser, 'statistics');
    await waitForText(browser, '[data-testid="stats-range"]', /2017/);
    await openSignDialog();
    await browser.$('[data-testid="sign-pin"]').setValue('0000');
    await browser.$('[data-testid="confirm-sign"]').click();
    await answerFileDialog(join(dir, 'signer.p12'));
    await waitForText(browser, '[data-testid="sign-error"]', /Mã PIN \(hoặc mật khẩu tệp PKCS#12\) không đúng\. Chưa ghi tệp nào/, 20000);
    assert.equal(existsSync(signed), false, 'no file was written');
    await screenshot(browser, 'sign-wrong-password-vi');
    await browser.keys('Escape');
    await browser.$('[data-testid="sign-dialog"]').waitForDisplayed({ reverse: true, timeout: 5000 });
  });

  it('signs the annual report with a PKCS#12 file: pdfsig finds it valid and trusted', async () => {
    await openSignDialog();
    await browser.$('[data-testid="sign-pin"]').setValue(PASSWORD);
    await browser.$('[data-testid="confirm-sign"]').click();
    await answerFileDialog(join(dir, 'signer.p12'));
    await answerFileDialog(signed);
    await browser.$('[data-testid="sign-dialog"]').waitForDisplayed({ reverse: true, timeout: 30000 });
    await browser.waitUntil(async () => existsSync(signed), { timeout: 10000, timeoutMsg: 'the signed file was not written' });
    const sig = pdfsig(nss, signed);
    for (const expected of ['Signer Certificate Common Name: Nguyễn Thị Hồng Nhung', 'ETSI.CAdES.detached', 'Total document signed', 'Signature is Valid.', 'Certificate is Trusted.']) {
      assert.ok(sig.includes(expected), `pdfsig says ${expected}:\n${sig}`);
    }
    const words = execFileSync('pdftotext', [signed, '-'], { encoding: 'utf8' });
    assert.match(words, /Ký bởi: THƯ VIỆN QUỐC GIA VIỆT NAM/);
    assert.match(words, /Thời gian ký: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00/);
  });

  it('signs the invitation letters from the hosting kit with the same dialog', async () => {
    const letters = join(dir, 'Invitations-signed.pdf');
    await nav(browser, 'delegations');
    await waitForText(browser, '[data-testid="delegation-list"]', /Đăng cai Phiên họp lần thứ 3/);
    await openRow(browser, 'delegation-row', /Đăng cai Phiên họp lần thứ 3/);
    await waitForText(browser, '[data-testid="delegation-title"]', /Phiên họp lần thứ 3/);
    await browser.$('[data-testid="tab-hosting"]').click();
    await browser.$('[data-testid="hosting-print"]').click();
    await browser.$('[data-testid="sign-invitations"]').waitForDisplayed({ timeout: 10000 });
    // Only the papers with a signature block offer it.
    assert.equal(await browser.$('[data-testid="sign-badges"]').isExisting(), false);
    assert.ok(await browser.$('[data-testid="sign-visa_letters"]').isExisting());
    await browser.$('[data-testid="sign-invitations"]').click();
    await browser.$('[data-testid="sign-dialog"]').waitForDisplayed({ timeout: 5000 });
    await browser.$('[data-testid="sign-kind"]').selectByAttribute('value', 'p12');
    await browser.$('[data-testid="sign-pin"]').setValue(PASSWORD);
    await browser.$('[data-testid="confirm-sign"]').click();
    await answerFileDialog(join(dir, 'signer.p12'));
    await answerFileDialog(letters);
    await browser.$('[data-testid="sign-dialog"]').waitForDisplayed({ reverse: true, timeout: 60000 });
    await browser.waitUntil(async () => existsSync(letters), { timeout: 10000, timeoutMsg: 'the signed letters were not written' });
    const sig = pdfsig(nss, letters);
    for (const expected of ['Total document signed', 'Signature is Valid.', 'Certificate is Trusted.']) {
      assert.ok(sig.includes(expected), `pdfsig says ${expected}:\n${sig}`);
    }
    assert.match(execFileSync('pdftotext', [letters, '-'], { encoding: 'utf8' }), /Signed by: NATIONAL LIBRARY OF VIET NAM/);
  });

  it('verifies a signed PDF attachment: who, when, which certificate, unchanged, trusted', async () => {
    await nav(browser, 'delegations');
    await browser.$('[data-testid="delegation-list"]').waitForExist();
    await waitForText(browser, '[data-testid="delegation-list"]', /Singapore/);
    await openRow(browser, 'delegation-row', /Singapore/);
    await waitForText(browser, '[data-testid="delegation-title"]', /Singapore/);
    await browser.$('[data-testid="tab-documents"]').click();
    await browser.$('[data-testid="attach-files"]').waitForDisplayed({ timeout: 10000 });
    await browser.$('[data-testid="attach-files"]').click();
    await answerFileDialog(signed);
    await waitForText(browser, '[data-testid="attachment-list"]', /BaoCaoNam-da-ky\.pdf/);
    const rows = await browser.$$('[data-testid="attachment-row"]');
    let row;
    for (const r of rows) if (/BaoCaoNam-da-ky/.test(await textOf(r))) row = r;
    await row.$('[data-testid="verify-attachment"]').click();
    await browser.$('[data-testid="verify-dialog"]').waitForDisplayed({ timeout: 10000 });
    await waitForText(browser, '[data-testid="verify-verdict"]', /Chữ ký hợp lệ, văn bản không bị thay đổi.*tin cậy/);
    assert.match(await text('[data-testid="verify-signer"]'), /Nguyễn Thị Hồng Nhung/);
    assert.match(await text('[data-testid="verify-time"]'), /\+07:00$/);
    assert.match(await text('[data-testid="verify-certificate"]'), /Desk E2E Test CA/);
    assert.match(await text('[data-testid="verify-changed"]'), /^Không/);
    assert.match(await text('[data-testid="verify-trust"]'), /dẫn đến một chứng thư gốc tin cậy/);
    await screenshot(browser, 'verify-attachment-vi');
    await browser.keys('Escape');
    await browser.$('[data-testid="verify-dialog"]').waitForDisplayed({ reverse: true, timeout: 5000 });
    // The same facts in English.
    await browser.$('[data-testid="switch-language"]').click();
    await row.$('[data-testid="verify-attachment"]').click();
    await waitForText(browser, '[data-testid="verify-verdict"]', /The signature is valid, the document is unchanged.*trusted/);
    assert.match(await text('[data-testid="verify-changed"]'), /^No: the signature covers the whole file/);
    await screenshot(browser, 'verify-attachment-en');
    await browser.keys('Escape');
  });
});
