// Drives the briefing page in headless Chromium through the DevTools protocol (puppeteer-core,
// never a downloaded browser) and checks what a reader sees (#14).
//
//   node browser_check.js MODULE_DIR CHROMIUM PAGE.html SCREENSHOT_DIR EXPECTED.json
//
// EXPECTED.json holds what the page must show, from `leverage --format json brief`: the partner
// ids in rank order and, for the first partner, the ties of its path. Prints one JSON line of
// results; exits 1 on the first failed check, with why.
'use strict';

const path = require('path');
const fs = require('fs');
const os = require('os');

const [moduleDir, chromium, pagePath, shotDir, expectedPath] = process.argv.slice(2);
const puppeteer = require(path.join(moduleDir, 'puppeteer-core'));
const expected = JSON.parse(fs.readFileSync(expectedPath, 'utf8'));

function fail(why) {
  console.error('FAIL: ' + why);
  process.exit(1);
}

(async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'leverage-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--user-data-dir=' + profile],
  });
  const results = {};
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1366, height: 900 });
    const errors = [];
    const requests = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.setRequestInterception(true);
    page.on('request', (r) => {
      const url = r.url();
      // The page itself is the only request allowed.
      if (url !== 'file://' + pagePath) requests.push(url);
      if (url.startsWith('file://') && url === 'file://' + pagePath) r.continue(); else r.abort();
    });
    await page.goto('file://' + pagePath, { waitUntil: 'load' });
    if (errors.length) fail('console errors: ' + errors.join(' | '));
    if (requests.length) fail('network requests: ' + requests.join(' '));
    results.console_errors = 0;
    results.requests = 0;

    // The table holds every partner, in rank order; so do the cards.
    const rows = await page.$$eval('#partners tbody tr', (rs) => rs.map((r) => r.getAttribute('data-id')));
    if (JSON.stringify(rows) !== JSON.stringify(expected.partners)) {
      fail('table rows ' + rows + ' != ' + expected.partners);
    }
    const cards = await page.$$eval('.card', (cs) => cs.map((c) => c.getAttribute('data-id')));
    if (JSON.stringify(cards) !== JSON.stringify(expected.partners)) fail('cards ' + cards);
    results.partners = rows.length;

    // The map draws land and says whose.
    const land = await page.$$eval('#basemap-main path', (ps) => ps.map((p) => p.getAttribute('d').length));
    if (!land.some((n) => n > 10000)) fail('no land outline on the map');
    const credit = await page.$eval('#map svg', (s) => s.textContent);
    if (!credit.includes('Natural Earth projection; Made with Natural Earth')) fail('no credit on the map');

    // Clicking a partner highlights its path and opens its card; the others dim.
    const id = expected.partners[1];
    await page.click('#partners tbody tr[data-id="' + id + '"]');
    const state = await page.evaluate((pid) => {
      const on = Array.from(document.querySelectorAll('#map path.tie.on')).map((p) =>
        p.getAttribute('data-from') + '>' + p.getAttribute('data-to'));
      const card = document.getElementById('card-' + pid);
      const shown = (el) => el && getComputedStyle(el).display !== 'none';
      const other = document.querySelector('.card:not([data-id="' + pid + '"]) table');
      const dimmed = document.querySelector('#map path.tie:not(.on)');
      return {
        on: Array.from(new Set(on)).sort(),
        open: card.classList.contains('open'),
        table_shown: shown(card.querySelector('table.figs')),
        other_hidden: !shown(other),
        dimmed: dimmed ? parseFloat(getComputedStyle(dimmed).opacity) : 1,
        selected_row: document.querySelector('#partners tr.selected').getAttribute('data-id'),
      };
    }, id);
    const want = expected.paths[id].slice().sort();
    if (JSON.stringify(state.on) !== JSON.stringify(want)) fail('highlighted ' + state.on + ' != ' + want);
    if (!state.open || !state.table_shown) fail('the card of ' + id + ' did not open');
    if (!state.other_hidden) fail('another card is open too');
    if (!(state.dimmed < 0.5)) fail('other ties are not dimmed: opacity ' + state.dimmed);
    if (state.selected_row !== id) fail('row not selected');
    results.click = { partner: id, highlighted: state.on };

    // A partner beyond the highlighted ones: its hidden path appears when it is picked.
    const late = expected.partners[expected.partners.length - 1];
    await page.click('#partners tbody tr[data-id="' + late + '"]');
    const lateOn = await page.$$eval('#map path.tie.on', (ps) =>
      ps.filter((p) => getComputedStyle(p).display !== 'none').length);
    if (lateOn < 1) fail('the path of ' + late + ' does not show');

    // Hovering over a tie shows its figures and sources.
    await page.click('#partners tbody tr[data-id="' + id + '"]');
    // The middle of a highlighted tie of the main view, in page coordinates (its ends sit
    // under actors' circles).
    const mid = await page.evaluate(() => {
      const p = document.querySelector('#paths-main path.tie.on');
      p.scrollIntoView({ block: 'center' });
      const pt = p.getPointAtLength(p.getTotalLength() / 2);
      const m = p.getScreenCTM();
      return { x: pt.x * m.a + pt.y * m.c + m.e, y: pt.x * m.b + pt.y * m.d + m.f };
    });
    await page.mouse.move(mid.x, mid.y);
    const tip = await page.$eval('#tip', (t) => ({ hidden: t.hidden, text: t.textContent }));
    if (tip.hidden || !/strength \d/.test(tip.text) || !/\(\d{4}, (official|published|derived|judgement)\)/.test(tip.text)) {
      fail('tie tooltip: ' + JSON.stringify(tip));
    }
    results.tooltip = tip.text.slice(0, 120);

    // The filter: unticking every basis but official hides the other figures in the cards.
    await page.evaluate(() => {
      document.querySelectorAll('input[name="basis"]').forEach((i) => {
        if (i.value !== 'official') i.click();
      });
    });
    const filt = await page.evaluate((pid) => {
      const rows = Array.from(document.querySelectorAll('#card-' + pid + ' tr.fig'));
      const visible = rows.filter((r) => getComputedStyle(r).display !== 'none');
      return {
        rows: rows.length,
        visible: visible.length,
        all_official: visible.every((r) => r.getAttribute('data-basis') === 'official'),
        hidden_ties: document.querySelectorAll('#map path.tie.filtered').length,
      };
    }, id);
    if (!(filt.visible < filt.rows) || !filt.all_official || filt.hidden_ties < 1) {
      fail('basis filter: ' + JSON.stringify(filt));
    }
    await page.evaluate(() => {
      document.querySelectorAll('input[name="basis"]').forEach((i) => { if (!i.checked) i.click(); });
    });
    // A channel filter: without trade, no trade row stays visible.
    await page.click('input[name="channel"][value="trade"]');
    const trade = await page.$$eval('.fig[data-channel="trade"]', (rs) =>
      rs.filter((r) => getComputedStyle(r).display !== 'none').length);
    if (trade !== 0) fail('channel filter left ' + trade + ' trade rows');
    await page.click('input[name="channel"][value="trade"]');
    results.filters = filt;

    // Sorting: by score ascending puts the last partner first.
    await page.click('#partners th:nth-child(3)');
    const first = await page.$eval('#partners tbody tr', (r) => r.getAttribute('data-id'));
    if (first !== expected.partners[expected.partners.length - 1]) fail('sort by score: ' + first);
    await page.click('#partners th:nth-child(1)');

    // Screenshots for a person to look at: the page with a partner selected, and print.
    await page.click('#partners tbody tr[data-id="' + expected.partners[0] + '"]');
    await page.evaluate(() => window.scrollTo(0, 0));
    fs.mkdirSync(shotDir, { recursive: true });
    const shot = path.join(shotDir, 'brief.png');
    await page.screenshot({ path: shot, fullPage: true });
    const map = await page.$('#map');
    await map.screenshot({ path: path.join(shotDir, 'brief-map.png') });
    const card = await page.$('#card-' + expected.partners[0]);
    await card.screenshot({ path: path.join(shotDir, 'brief-card.png') });
    const top = await page.$('#ranking');
    await top.screenshot({ path: path.join(shotDir, 'brief-table.png') });
    await page.emulateMediaType('print');
    await page.pdf({ path: path.join(shotDir, 'brief.pdf'), format: 'A4' });
    // The print view at A4's width (794 CSS pixels), its first two pages' worth.
    await page.setViewport({ width: 794, height: 1123 });
    await page.screenshot({ path: path.join(shotDir, 'brief-print.png'), clip: { x: 0, y: 0, width: 794, height: 2246 } });
    results.screenshot = shot;
    console.log(JSON.stringify(results));
  } finally {
    await browser.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
})().catch((e) => fail(String(e && e.stack || e)));
