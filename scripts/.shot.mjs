import { chromium } from 'playwright-core';
const [,, file, ...sels] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless'] });
const p = await b.newPage({ viewport: { width: 1280, height: 900 } });
const errs = [];
p.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errs.push(m.text()); });
p.on('pageerror', (e) => errs.push(e.message));
await p.goto('file://' + file);
for (const [i, sel] of sels.entries()) {
  const el = p.locator(sel).first();
  await el.scrollIntoViewIfNeeded();
  await p.waitForTimeout(1500);
  await el.screenshot({ path: `/tmp/cw/shot-${i}.png` });
}
console.log(errs);
await b.close();
