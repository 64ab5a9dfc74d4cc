// The evidence map's speed (issue 13, point 5): generates a graph of N
// entities and M relations, has kg write its page, opens it in headless
// Chromium and reads, through the page's Performance API, the time to the
// first frame with the whole graph drawn and the frame rate while panning
// and zooming. Prints one JSON line per size.
//
//   node bench/viewer_speed.js --kg build/cli/kg --work /tmp/viewer-bench [--sizes 2000:10000,5000:25000] [--runs 3]
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { launch, openPage } = require('../tests/browser/browser');

const args = { sizes: '2000:10000', runs: '3' };
for (let i = 2; i + 1 < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
const root = path.resolve(__dirname, '..');

// A deterministic generator (xorshift32), so every run measures the same graph.
function random(seed) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    return x / 4294967296;
  };
}

// Scale-free-ish: each relation's target is drawn from the ends of earlier
// relations half of the time, so some entities become hubs.
function generate(entities, relations) {
  const next = random(entities * 7919 + relations);
  const types = ['funded', 'recruited', 'rejected', 'competed', 'owned', 'advised', 'led', 'paid'];
  const kinds = ['person', 'company', 'lab', 'group'];
  const graph = {
    kg: 1, name: `generated ${entities} / ${relations}`,
    sources: [{ id: 's', title: 'generated', url: 'https://example.org/' }],
    entities: [], relations: [],
    relation_types: { competed: { symmetric: true, polarity: 'negative' } },
  };
  for (let e = 0; e < entities; ++e) graph.entities.push({ id: `e${e}`, name: `Entity ${e}`, type: kinds[e % kinds.length] });
  const ends = [];
  for (let r = 0; r < relations; ++r) {
    const source = Math.floor(next() * entities);
    let target = ends.length && next() < 0.5 ? ends[Math.floor(next() * ends.length)] : Math.floor(next() * entities);
    if (target === source) target = (source + 1) % entities;
    ends.push(source, target);
    const relation = { source: `e${source}`, target: `e${target}`, type: types[r % types.length],
      evidence: [{ source: 's', quote: `quote ${r}` }] };
    if (next() < 0.9) relation.date = String(2000 + Math.floor(next() * 25));
    graph.relations.push(relation);
  }
  return graph;
}

async function measure(browser, file) {
  const page = await openPage(browser, file, 1280, 800);
  await page.waitForFunction(() => performance.getEntriesByName('kg-first-paint').length > 0, { timeout: 30000 });
  const firstPaint = await page.evaluate(() => performance.getEntriesByName('kg-first-paint')[0].startTime);
  // A drag of 2 s and then 2 s of wheel zooming with the mouse, as a
  // reader would move the view (Cytoscape draws a texture and leaves edges
  // out only while the user moves it); the page counts frames meanwhile.
  const box = await page.$eval('#graph', (graph) => { const r = graph.getBoundingClientRect(); return { x: r.left, y: r.top, w: r.width, h: r.height }; });
  const centre = { x: box.x + box.w / 2, y: box.y + box.h / 2 };
  const countFrames = (ms) => page.evaluate((ms) => new Promise((resolve) => {
    const start = performance.now();
    let frames = 0, longest = 0, last = start;
    function frame(now) {
      frames++;
      longest = Math.max(longest, now - last);
      last = now;
      if (now - start < ms) requestAnimationFrame(frame);
      else resolve({ fps: frames / ((now - start) / 1000), longestFrameMs: longest });
    }
    requestAnimationFrame(frame);
  }), ms);
  await page.evaluate(() => window.kgViewer.cy.autoungrabify(true));  // a drag that starts on an entity pans too
  let counting = countFrames(2000);
  await page.mouse.move(centre.x, centre.y);
  await page.mouse.down();
  for (let until = Date.now() + 2000, i = 0; Date.now() < until; ++i) {
    await page.mouse.move(centre.x + 150 * Math.cos(i / 10), centre.y + 100 * Math.sin(i / 10));
  }
  await page.mouse.up();
  const pan = await counting;
  counting = countFrames(2000);
  for (let until = Date.now() + 2000, i = 0; Date.now() < until; ++i) {
    await page.mouse.wheel({ deltaY: Math.floor(i / 20) % 2 ? 40 : -40 });
  }
  const zoom = await counting;
  const motion = { fps: Math.min(pan.fps, zoom.fps), panFps: pan.fps, zoomFps: zoom.fps,
    longestFrameMs: Math.max(pan.longestFrameMs, zoom.longestFrameMs) };
  const problems = page.problems.slice();
  await page.close();
  return { firstPaintMs: Math.round(firstPaint), fps: Math.round(motion.fps * 10) / 10,
    panFps: Math.round(motion.panFps * 10) / 10, zoomFps: Math.round(motion.zoomFps * 10) / 10,
    longestFrameMs: Math.round(motion.longestFrameMs), problems };
}

(async () => {
  if (!args.kg || !args.work) {
    console.error('usage: node bench/viewer_speed.js --kg KG --work DIR [--sizes N:M,...] [--runs R]');
    process.exit(2);
  }
  fs.mkdirSync(args.work, { recursive: true });
  const browser = await launch(root);
  if (!browser) process.exit(77);
  try {
    for (const size of args.sizes.split(',')) {
      const [entities, relations] = size.split(':').map(Number);
      const input = path.join(args.work, `graph-${entities}-${relations}.json`);
      const page = path.join(args.work, `graph-${entities}-${relations}.html`);
      fs.writeFileSync(input, JSON.stringify(generate(entities, relations)));
      const started = Date.now();
      try {
        execFileSync(args.kg, ['render', input, '-o', page, '--quiet'], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 300000 });
      } catch (error) {
        console.log(JSON.stringify({ entities, relations, refused: String(error.stderr).trim() }));
        continue;
      }
      const renderSeconds = (Date.now() - started) / 1000;
      const runs = [];
      for (let run = 0; run < Number(args.runs); ++run) runs.push(await measure(browser, page));
      runs.sort((a, b) => a.firstPaintMs - b.firstPaintMs);
      const median = runs[Math.floor(runs.length / 2)];
      console.log(JSON.stringify({ entities, relations, bytes: fs.statSync(page).size, renderSeconds,
        firstPaintMs: runs.map((r) => r.firstPaintMs), medianFirstPaintMs: median.firstPaintMs,
        fps: runs.map((r) => r.fps), panFps: runs.map((r) => r.panFps), zoomFps: runs.map((r) => r.zoomFps), longestFrameMs: runs.map((r) => r.longestFrameMs),
        problems: runs.flatMap((r) => r.problems) }));
    }
  } finally {
    await browser.close();
  }
})().catch((error) => {
  console.error(error.stack || String(error));
  process.exit(1);
});
