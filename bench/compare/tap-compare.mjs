// Taps one button N times on a page, with Playwright's tap (pixel-7 emulation: isMobile, hasTouch)
// and with chromedriver (W3C find + click under mobileEmulation), timing each tap until the
// page's click handler has run. Usage: node tap-compare.mjs BASE_URL PAGE N
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';

const [base, pageName, nArg] = process.argv.slice(2);
const N = Number(nArg || 100);
const url = `${base}/${pageName}`;
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
const PIXEL7 = { width: 412, height: 915, dpr: 2.625,
  ua: 'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36' };

const pct = (a, p) => { const s = [...a].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.floor(p / 100 * s.length))]; };
const report = (name, ms) => console.log(`${name}\tp50 ${pct(ms, 50).toFixed(1)} ms\tp90 ${pct(ms, 90).toFixed(1)} ms\tn ${ms.length}`);

async function playwright(mobile) {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS, headless: true });
  const ctx = await browser.newContext(mobile
    ? { viewport: { width: PIXEL7.width, height: PIXEL7.height }, deviceScaleFactor: PIXEL7.dpr, isMobile: true, hasTouch: true, userAgent: PIXEL7.ua }
    : { viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  await page.goto(url);
  const ms = [];
  for (let i = 1; i <= N + 5; i++) {
    // Armed before the tap, resolved by the page's own click (a bubbling listener runs after onclick).
    const done = page.evaluate(n => new Promise(resolve => {
      if ((window.clicks || 0) >= n) return resolve();
      document.addEventListener('click', function h() {
        if ((window.clicks || 0) >= n) { document.removeEventListener('click', h); resolve(); }
      });
    }), i);
    const t0 = performance.now();
    if (mobile) await page.tap('#b'); else await page.click('#b');
    await done;
    if (i > 5) ms.push(performance.now() - t0);
  }
  await browser.close();
  return ms;
}

async function wd(port, method, path, body) {
  const r = await fetch(`http://127.0.0.1:${port}${path}`, { method, headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body) });
  const j = await r.json();
  if (!r.ok) throw new Error(`${method} ${path}: ${JSON.stringify(j)}`);
  return j.value;
}

async function chromedriver(mobile) {
  const port = 9515 + Math.floor(Math.random() * 1000);
  const proc = spawn('/usr/bin/chromedriver', [`--port=${port}`], { stdio: 'ignore' });
  try {
    for (let i = 0; ; i++) {
      try { await wd(port, 'GET', '/status'); break; } catch (e) { if (i > 100) throw e; await new Promise(r => setTimeout(r, 50)); }
    }
    const opts = { binary: '/usr/bin/chromium', args: FLAGS };
    if (mobile) opts.mobileEmulation = { deviceMetrics: { width: PIXEL7.width, height: PIXEL7.height, pixelRatio: PIXEL7.dpr, touch: true, mobile: true }, userAgent: PIXEL7.ua };
    const s = await wd(port, 'POST', '/session', { capabilities: { alwaysMatch: { browserName: 'chrome', 'goog:chromeOptions': opts } } });
    const sid = s.sessionId;
    await wd(port, 'POST', `/session/${sid}/url`, { url });
    const ms = [];
    for (let i = 1; i <= N + 5; i++) {
      const t0 = performance.now();
      const el = await wd(port, 'POST', `/session/${sid}/element`, { using: 'css selector', value: '#b' });
      const id = Object.values(el)[0];
      await wd(port, 'POST', `/session/${sid}/element/${id}/click`, {});
      // click returns once its events are dispatched; wait until the page's handler ran (one round trip)
      await wd(port, 'POST', `/session/${sid}/execute/async`, { args: [i], script: `const n = arguments[0], done = arguments[1];
        if ((window.clicks || 0) >= n) return done();
        document.addEventListener('click', function h() { if ((window.clicks || 0) >= n) { document.removeEventListener('click', h); done(); } });` });
      if (i > 5) ms.push(performance.now() - t0);
    }
    await wd(port, 'DELETE', `/session/${sid}`);
    return ms;
  } finally {
    proc.kill();
  }
}

for (const mobile of [true, false]) {
  const tag = mobile ? 'pixel-7' : 'desktop';
  report(`playwright ${mobile ? 'tap' : 'click'} ${tag} ${pageName}`, await playwright(mobile));
  report(`chromedriver find+click ${tag} ${pageName}`, await chromedriver(mobile));
}
