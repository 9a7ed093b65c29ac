// Scratch probe (not committed): where the window's start goes, from the page's own clock.
import { keyFile, remote, startDriver } from '../e2e/harness.mjs';
const [bin, db, port] = [process.argv[2], process.argv[3], 4900];
const driver = await startDriver(port);
try {
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const browser = await remote({ hostname: '127.0.0.1', port, logLevel: 'error', connectionRetryCount: 0,
      capabilities: { 'tauri:options': { application: bin, args: ['--db', db, '--key-file', keyFile] } } });
    const session = performance.now() - t0;
    await browser.$(process.argv[4] ?? '[data-testid="agenda-item"], [data-testid="today-empty"]').waitForExist({ timeout: 60000, interval: 20 });
    const found = performance.now() - t0;
    const page = await browser.execute(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const res = performance.getEntriesByType('resource').map((r) => `${r.name.replace(/^.*\/\//, '').slice(0, 40)} ${r.startTime.toFixed(0)}-${r.responseEnd.toFixed(0)}`);
      const lines = document.querySelectorAll('[data-testid="agenda-item"]').length;
      const marks = performance.getEntriesByType('mark').map((m) => `${m.name}@${m.startTime.toFixed(0)}`).join(' ');
      return { marks, dcl: nav?.domContentLoadedEventEnd?.toFixed(0), load: nav?.loadEventEnd?.toFixed(0), now: performance.now().toFixed(0), timeOrigin: performance.timeOrigin, lines, res };
    });
    console.log(JSON.stringify({ session: session.toFixed(0), found: found.toFixed(0), ...page }, null, 1));
    await browser.deleteSession();
  }
} finally { await driver.stop(); }
