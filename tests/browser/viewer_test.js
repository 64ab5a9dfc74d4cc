// The evidence map in a real browser (headless Chromium): the sample's page
// and a hostile one, checked against the sample's own JSON and against kg's
// answers on the command line (kg path, kg export, kg neighbors), which are
// computed by other code than the page's.
// Usage: node viewer_test.js --kg BUILD/cli/kg --root SOURCE_DIR --work DIR
'use strict';
const assert = require('assert');
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { SKIP, launch, openPage, check, report } = require('./browser');

const args = {};
for (let i = 2; i + 1 < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
const root = path.resolve(args.root || path.join(__dirname, '..', '..'));
const kg = args.kg;
const work = args.work;
if (!kg || !work) {
  console.error('usage: node viewer_test.js --kg KG --root SOURCE_DIR --work DIR');
  process.exit(2);
}
fs.mkdirSync(work, { recursive: true });
const sample = path.join(root, 'samples', 'openai.json');
const sampleData = JSON.parse(fs.readFileSync(sample, 'utf8'));

function runKg(argv) {
  return execFileSync(kg, argv, { encoding: 'utf8', timeout: 60000, stdio: ['ignore', 'pipe', 'pipe'] });
}

// `kg path ... --all-shortest --format json` as sorted entity sequences.
function kgPaths(from, to, extra) {
  let out;
  try {
    out = runKg(['path', sample, from, to, '--all-shortest', '--format', 'json', ...extra]);
  } catch (error) {
    if (error.status === 1) out = error.stdout;  // no path
    else throw error;
  }
  return JSON.parse(out).paths.map((p) => [p.steps.length ? (p.steps[0].forward ? p.steps[0].source : p.steps[0].target) : from]
    .concat(p.steps.map((s) => (s.forward ? s.target : s.source))).join(' > ')).sort();
}

// Where an entity is drawn, in page coordinates.
async function entityPoint(page, id) {
  return page.evaluate((id) => {
    const viewer = window.kgViewer;
    const index = viewer.data.entities.findIndex((entity) => entity.id === id);
    const node = viewer.cy.$id('e' + index);
    const box = document.getElementById('graph').getBoundingClientRect();
    const p = node.renderedPosition();
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);
}

async function setControl(page, id, value, event) {
  await page.evaluate((id, value, event) => {
    const control = document.getElementById(id);
    control.value = value;
    control.dispatchEvent(new Event(event, { bubbles: true }));
  }, id, value, event);
}

// Relations the page shows, as "source type target date" with ids.
async function shownRelations(page) {
  return page.evaluate(() => {
    const viewer = window.kgViewer;
    return viewer.cy.edges().filter((edge) => edge.id()[0] === 'r' && !edge.hasClass('hidden')).map((edge) => {
      const relation = viewer.data.relations[+edge.id().slice(1)];
      const ids = viewer.data.entities;
      return [ids[relation.source].id, relation.type, ids[relation.target].id, relation.date || ''].join(' ');
    }).sort();
  });
}

async function sampleChecks(browser) {
  const file = path.join(work, 'openai.html');
  runKg(['render', sample, '-o', file]);
  const size = fs.statSync(file).size;
  await check('the sample page is under 1 MB', () => assert(size < 1024 * 1024, `${size} bytes`));
  await check('the page forbids remote loads (Content-Security-Policy)', () => {
    const html = fs.readFileSync(file, 'utf8');
    assert(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/.test(html));
  });

  const page = await openPage(browser, file, 1280, 800);
  await check('a remote load is refused by the page itself', async () => {
    const outcome = await page.evaluate(() => new Promise((resolve) => {
      const image = new Image();
      image.onload = () => resolve('loaded');
      image.onerror = () => resolve('refused');
      document.addEventListener('securitypolicyviolation', () => resolve('refused by CSP'), { once: true });
      image.src = 'http://127.0.0.1:9/probe.png';
      setTimeout(() => resolve('timeout'), 3000);
    }));
    assert.strictEqual(outcome, 'refused by CSP');
    // Chromium reports the refusal as a console error: the probe's own, not the page's.
    page.problems = page.problems.filter((problem) => !problem.includes('127.0.0.1:9/probe.png'));
    page.requests = page.requests.filter((url) => url !== 'http://127.0.0.1:9/probe.png');
  });

  await check('every entity and relation of the sample is drawn', async () => {
    const shown = await page.evaluate(() => window.kgViewer.shown());
    assert.deepStrictEqual(shown, { relations: sampleData.relations.length, entities: sampleData.entities.length });
  });

  await check('clicking Elon Musk shows the quote of his funding relation', async () => {
    const point = await entityPoint(page, 'musk');
    await page.mouse.click(point.x, point.y);
    await page.waitForFunction(() => !document.getElementById('panel').hidden, { timeout: 5000 });
    const panel = await page.$eval('#panel-body', (body) => body.textContent);
    assert(panel.startsWith('Elon Musk'), panel.slice(0, 80));
    const funding = sampleData.relations.filter((r) => r.source === 'musk' && r.type === 'funded');
    assert(funding.length > 0);
    for (const relation of funding) {
      for (const evidence of relation.evidence) assert(panel.includes(evidence.quote), `missing quote: ${evidence.quote}`);
    }
  });

  await check('clicking a relation on the drawing shows its evidence alone', async () => {
    const relation = sampleData.relations.find((r) => r.source === 'microsoft' && r.type === 'funded');
    const point = await page.evaluate((relation) => {
      const viewer = window.kgViewer, ids = viewer.data.entities.map((e) => e.id);
      const r = viewer.data.relations.findIndex((x) => ids[x.source] === relation.source && ids[x.target] === relation.target &&
        x.type === relation.type);
      const middle = viewer.cy.$id('r' + r).renderedMidpoint();
      const box = document.getElementById('graph').getBoundingClientRect();
      return { x: box.left + middle.x, y: box.top + middle.y };
    }, relation);
    await page.mouse.click(point.x, point.y);
    const panel = await page.$eval('#panel-body', (body) => body.textContent);
    assert(panel.startsWith('Microsoft funded OpenAI'), panel.slice(0, 80));
    for (const evidence of relation.evidence) assert(panel.includes(evidence.quote), `missing quote: ${evidence.quote}`);
    const musk = await entityPoint(page, 'musk');
    await page.mouse.click(musk.x, musk.y);
  });

  await check('the selection lives in the URL fragment and a reload restores it', async () => {
    await page.evaluate(() => document.querySelector('#legend-relations button[data-type="competed"]').click());
    const url = page.url();
    assert(/sel=musk/.test(url) && /hr=competed/.test(url), url);
    await page.reload({ waitUntil: 'load' });
    await page.waitForFunction(() => window.kgViewer !== undefined);
    const restored = await page.evaluate(() => ({
      selected: window.kgViewer.state.selected >= 0 ? window.kgViewer.data.entities[window.kgViewer.state.selected].id : null,
      hidden: Array.from(window.kgViewer.state.hiddenRelations),
    }));
    assert.deepStrictEqual(restored, { selected: 'musk', hidden: ['competed'] });
    await page.evaluate(() => document.querySelector('#legend-relations button[data-type="competed"]').click());
  });

  await check('the legend hides a relation type: as kg export --exclude-relations', async () => {
    await page.evaluate(() => document.querySelector('#legend-relations button[data-type="rejected"]').click());
    const shown = await shownRelations(page);
    await page.evaluate(() => document.querySelector('#legend-relations button[data-type="rejected"]').click());
    const exported = JSON.parse(runKg(['export', sample, '--to', 'json', '--exclude-relations', 'rejected']));
    const expected = exported.relations.map((r) => [r.source, r.type, r.target, r.date || ''].join(' ')).sort();
    assert.deepStrictEqual(shown, expected);
  });

  await check('the slider at 2015 hides the 2016 Microsoft funding, as kg export --as-of 2015', async () => {
    const microsoftFunding = 'microsoft funded openai 2016';
    assert((await shownRelations(page)).includes(microsoftFunding));
    await setControl(page, 'time-mode', 'asof', 'change');
    await setControl(page, 'asof', '2015', 'input');
    const shown = await shownRelations(page);
    assert(!shown.includes(microsoftFunding));
    const exported = JSON.parse(runKg(['export', sample, '--to', 'json', '--as-of', '2015']));
    const expected = exported.relations.map((r) => [r.source, r.type, r.target, r.date || ''].join(' ')).sort();
    assert.deepStrictEqual(shown, expected);
    const counts = await page.$eval('#counts', (p) => p.textContent);
    assert(counts.startsWith(`${expected.length} of ${sampleData.relations.length} relations`), counts);
  });

  await check('undated relations: hidden, then only those', async () => {
    await setControl(page, 'time-mode', 'all', 'change');
    await setControl(page, 'undated', 'exclude', 'change');
    const dated = await shownRelations(page);
    await setControl(page, 'undated', 'only', 'change');
    const undated = await shownRelations(page);
    await setControl(page, 'undated', 'include', 'change');
    const expectUndated = sampleData.relations.filter((r) => !r.date && !r.until).length;
    assert.strictEqual(undated.length, expectUndated);
    assert.strictEqual(dated.length, sampleData.relations.length - expectUndated);
  });

  await check('the path Ilya -> Microsoft is highlighted and listed as kg path lists it', async () => {
    await page.click('#path-from', { clickCount: 3 });
    await page.type('#path-from', 'Ilya');
    await page.click('#path-to', { clickCount: 3 });
    await page.type('#path-to', 'Microsoft');
    await page.click('#path-find');
    const paths = await page.evaluate(() => window.kgViewer.paths().map((p) => p.join(' > ')).sort());
    assert.deepStrictEqual(paths, kgPaths('ilya', 'microsoft', []));
    const listed = await page.$$eval('#path-result .path', (boxes) => boxes.length);
    assert.strictEqual(listed, paths.length);
    const highlighted = await page.evaluate(() => window.kgViewer.cy.nodes('.onpath').map((n) => n.id()));
    assert(highlighted.length >= 3);
  });

  await check('paths follow the filters and window, as kg path with the same filters', async () => {
    await page.evaluate(() => document.querySelector('#legend-relations button[data-type="rejected"]').click());
    let paths = await page.evaluate(() => window.kgViewer.paths().map((p) => p.join(' > ')).sort());
    assert.deepStrictEqual(paths, kgPaths('ilya', 'microsoft', ['--exclude-relations', 'rejected']));
    await setControl(page, 'time-mode', 'asof', 'change');
    await setControl(page, 'asof', '2016', 'input');
    await setControl(page, 'direction', 'out', 'change');
    paths = await page.evaluate(() => window.kgViewer.paths().map((p) => p.join(' > ')).sort());
    assert.deepStrictEqual(paths, kgPaths('ilya', 'microsoft', ['--exclude-relations', 'rejected', '--as-of', '2016', '--direction', 'out']));
    await page.evaluate(() => document.querySelector('#legend-relations button[data-type="rejected"]').click());
    await setControl(page, 'direction', 'any', 'change');
    await setControl(page, 'time-mode', 'all', 'change');
    await page.click('#path-clear');
  });

  await check('a typo finds Elon Musk, and his neighbourhood is kg neighbors --depth 1', async () => {
    await page.click('#search');
    await page.type('#search', 'Elon Msuk');
    await page.keyboard.press('Enter');
    const selected = await page.evaluate(() => window.kgViewer.data.entities[window.kgViewer.state.selected].id);
    assert.strictEqual(selected, 'musk');
    await setControl(page, 'depth', '1', 'change');
    const shown = await page.evaluate(() => window.kgViewer.cy.nodes().filter((n) => n.id()[0] === 'e' && !n.hasClass('hidden'))
      .map((n) => window.kgViewer.data.entities[+n.id().slice(1)].id).sort());
    const expected = JSON.parse(runKg(['neighbors', sample, 'musk', '--depth', '1', '--format', 'json'])).entities.map((e) => e.id).sort();
    assert.deepStrictEqual(shown, expected);
    await setControl(page, 'depth', '0', 'change');
  });

  await check('the keyboard moves the selection and zooms', async () => {
    await page.focus('#graph');
    const state = () => page.evaluate(() => ({ selected: window.kgViewer.state.selected, zoom: window.kgViewer.cy.zoom() }));
    const before = await state();
    await page.keyboard.press('ArrowRight');
    await new Promise((r) => setTimeout(r, 400));  // the move centres the entity in 250 ms
    const moved = await state();
    await page.keyboard.press('+');
    const zoomed = await state();
    assert.notStrictEqual(moved.selected, before.selected);
    assert(zoomed.zoom > moved.zoom * 1.2, `${moved.zoom} -> ${zoomed.zoom}`);
    await page.keyboard.press('f');
  });

  await check('Play steps the as-of slider through the years', async () => {
    const years = sampleData.relations.map((r) => r.date).filter(Boolean).map((d) => +d.slice(0, 4));
    const first = Math.min(...years);
    await page.click('#play');
    const start = await page.evaluate(() => window.kgViewer.state.asOf);
    await page.waitForFunction((first) => +window.kgViewer.state.asOf === first + 1, { timeout: 5000 }, first);
    await page.click('#play');  // stop
    const pressed = await page.$eval('#play', (b) => b.getAttribute('aria-pressed'));
    assert.strictEqual(start, String(first));
    assert.strictEqual(pressed, 'false');
    await setControl(page, 'time-mode', 'all', 'change');
  });

  await check('text has a contrast of at least 4.5:1 against its background (WCAG AA)', async () => {
    const low = await page.evaluate(() => {
      const rgb = (text) => (text.match(/[\d.]+/g) || []).map(Number);
      const luminance = ([r, g, b]) => [r, g, b].map((v) => {
        v /= 255;
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
      }).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
      const background = (node) => {
        for (; node; node = node.parentElement) {
          const colour = rgb(getComputedStyle(node).backgroundColor);
          if (colour.length === 3 || colour[3] > 0) return colour.slice(0, 3);
        }
        return [255, 255, 255];
      };
      const problems = [];
      let checked = 0;
      document.querySelectorAll('h1, h2, h3, h4, label, p, li, a, button, blockquote, .meta, .status, .hint, .source, option')
        .forEach((node) => {
          if (!node.textContent.trim() || !node.getClientRects().length) return;
          const fg = luminance(rgb(getComputedStyle(node).color)), bg = luminance(background(node));
          const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
          checked++;
          if (ratio < 4.5) problems.push(`${node.tagName}.${node.className} "${node.textContent.trim().slice(0, 20)}": ${ratio.toFixed(2)}`);
        });
      return { problems, checked };
    });
    assert.deepStrictEqual(low.problems, []);
    assert(low.checked > 50, `only ${low.checked} texts checked`);
  });

  await check('PNG and SVG of the view download', async () => {
    const client = await page.createCDPSession();
    const downloads = path.join(work, 'downloads');
    fs.rmSync(downloads, { recursive: true, force: true });
    fs.mkdirSync(downloads);
    await client.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
    await page.click('#download-png');
    await page.click('#download-svg');
    const deadline = Date.now() + 10000;
    const ready = () => ['kg-view.png', 'kg-view.svg'].every((f) => fs.existsSync(path.join(downloads, f)));
    while (!ready() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert(ready(), 'downloads missing');
    assert(fs.readFileSync(path.join(downloads, 'kg-view.png')).subarray(1, 4).toString() === 'PNG');
    const svg = fs.readFileSync(path.join(downloads, 'kg-view.svg'), 'utf8');
    assert(svg.startsWith('<svg') && svg.includes('>Elon Musk<'), svg.slice(0, 100));
  });

  await check('the README screenshot: a path and Musk\'s evidence, at 1280x800', async () => {
    await page.evaluate(() => {
      const viewer = window.kgViewer, index = (id) => viewer.data.entities.findIndex((e) => e.id === id);
      viewer.state.path = [index('ilya'), index('microsoft')];
      viewer.select(index('musk'), false);
      document.getElementById('toggle-controls').click();  // more room for the drawing
      viewer.cy.fit(viewer.cy.nodes('.onpath'), 10);
    });
    await new Promise((r) => setTimeout(r, 1600));  // the search highlight fades after 1.5 s
    const highlighted = await page.evaluate(() => window.kgViewer.cy.nodes('.onpath').length);
    assert(highlighted >= 3);
    await page.screenshot({ path: path.join(work, 'viewer.png') });
  });

  await check('no console error and no request beyond the file', () => {
    assert.deepStrictEqual(page.problems, []);
    assert.deepStrictEqual(page.requests, []);
  });
  await page.close();

  await check('every view opens without a console error or warning', async () => {
    for (const view of [['--cluster', 'community'], ['--cluster', 'type', '--engine', 'dot'], ['--collapse-hubs', '2'],
      ['--focus', 'musk', '--depth', '2'], ['--path', 'ilya', 'microsoft'], ['--diff', '2016', '2017']]) {
      const viewFile = path.join(work, 'view.html');
      runKg(['render', sample, '-o', viewFile, ...view]);
      const viewPage = await openPage(browser, viewFile, 1280, 800);
      const shown = await viewPage.evaluate(() => window.kgViewer.shown());
      assert(shown.entities > 0 && shown.relations > 0, view.join(' '));
      assert.deepStrictEqual(viewPage.problems, [], view.join(' '));
      await viewPage.close();
    }
  });

  const phone = await openPage(browser, file, 390, 844);
  await check('at phone width nothing overflows sideways and the graph keeps room', async () => {
    const layout = await phone.evaluate(() => ({
      width: document.documentElement.scrollWidth,
      graph: document.getElementById('graph').getBoundingClientRect().height,
    }));
    assert(layout.width <= 390, `page is ${layout.width} px wide`);
    assert(layout.graph >= 300, `graph is ${layout.graph} px high`);
    await phone.screenshot({ path: path.join(work, 'viewer-phone.png') });
    assert.deepStrictEqual(phone.problems, []);
  });
  await phone.close();
}

// Names, quotes, sources and URLs that would run as markup or script if the
// page ever treated data as HTML.
async function hostileChecks(browser) {
  const hostile = {
    kg: 1,
    name: '</script><script>window.pwned = "title"</script>',
    sources: [
      { id: 's1', title: '<img src=x onerror="window.pwned = \'source\'">', url: 'javascript:window.pwned = "link"' },
      { id: 's2', title: 'a real site', url: 'https://example.org/a?b=<c>' },
    ],
    entities: [
      { id: 'a', name: '</script><script>window.pwned = "name"</script>', type: 'person', aliases: ['<b>bold</b>'] },
      { id: 'b', name: '<img src=x onerror="window.pwned = \'img\'">', type: '<i>type</i>' },
      { id: 'c', name: 'line\u2028separator & \u2029 friends', type: 'person' },
    ],
    relations: [
      { source: 'a', target: 'b', type: 'funded', date: '2016',
        evidence: [{ source: 's1', quote: '<script>window.pwned = "quote"</script>' }, { source: 's2', quote: 'plain' }] },
      { source: 'b', target: 'c', type: 'knew', evidence: [{ source: 's1', quote: '"]}</script><script>window.pwned=1</script>' }] },
    ],
  };
  const input = path.join(work, 'hostile.json');
  const file = path.join(work, 'hostile.html');
  fs.writeFileSync(input, JSON.stringify(hostile));
  runKg(['render', input, '-o', file]);
  const page = await openPage(browser, file, 1280, 800);
  await check('hostile names, quotes and URLs stay text and nothing runs', async () => {
    for (const id of ['a', 'b']) {
      const point = await entityPoint(page, id);
      await page.mouse.click(point.x, point.y);
      await page.waitForFunction(() => !document.getElementById('panel').hidden, { timeout: 5000 });
    }
    const outcome = await page.evaluate(() => ({
      pwned: window.pwned,
      images: document.images.length,
      scripts: document.scripts.length,
      title: document.getElementById('title').textContent,
      panel: document.getElementById('panel-body').textContent,
      links: Array.from(document.querySelectorAll('#panel a[href]')).map((a) => a.getAttribute('href')).filter((h) => h !== '#'),
      names: window.kgViewer.data.entities.map((e) => e.name),
    }));
    assert.strictEqual(outcome.pwned, undefined);
    assert.strictEqual(outcome.images, 0);
    assert.strictEqual(outcome.scripts, 3);  // the data, Cytoscape and the page's own
    assert(outcome.title.startsWith(hostile.name), outcome.title);
    assert(outcome.panel.includes(hostile.entities[1].name) && outcome.panel.includes(hostile.relations[0].evidence[0].quote));
    assert(outcome.panel.includes('javascript:window.pwned = "link", not a web link'), outcome.panel);
    assert.deepStrictEqual(outcome.links, ['https://example.org/a?b=%3Cc%3E']);
    assert.deepStrictEqual(outcome.names, hostile.entities.map((e) => e.name));
    assert.deepStrictEqual(page.problems, []);
    assert.deepStrictEqual(page.requests, []);
  });
  await page.close();
}

(async () => {
  const browser = await launch(root);
  if (!browser) process.exit(SKIP);
  try {
    await sampleChecks(browser);
    await hostileChecks(browser);
  } finally {
    await browser.close();
  }
  process.exit(report());
})().catch((error) => {
  console.error(error.stack || String(error));
  process.exit(1);
});
