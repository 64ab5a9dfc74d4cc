// The live evidence map (kg serve's page at /) in a real browser (headless
// Chromium), against a server started here on the sample: what it draws is
// checked against kg's answers on the command line (kg neighbors, kg path),
// computed by other code than the page's and the server's.
// Usage: node live_test.js --kg BUILD/cli/kg --root SOURCE_DIR
// Every wait is bounded; the servers are stopped (SIGTERM) whatever happens.
'use strict';
const assert = require('assert');
const { execFileSync, spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const { SKIP, WAIT_MS, launch, check, report } = require('./browser');

const args = {};
for (let i = 2; i + 1 < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
const root = path.resolve(args.root || path.join(__dirname, '..', '..'));
const kg = args.kg;
if (!kg) {
  console.error('usage: node live_test.js --kg KG --root SOURCE_DIR');
  process.exit(2);
}
const sample = path.join(root, 'samples', 'openai.json');
const sampleData = JSON.parse(fs.readFileSync(sample, 'utf8'));
const TEST_MS = 150000;  // the whole test, servers and browser included
const STOP_MS = 3000;    // a server's exit after SIGTERM (it promises 2 s)

function runKg(argv) {
  return execFileSync(kg, argv, { encoding: 'utf8', timeout: 60000, stdio: ['ignore', 'pipe', 'pipe'] });
}

// `kg neighbors SAMPLE ID --depth 1` as sorted ids.
function kgNeighbours(id) {
  return JSON.parse(runKg(['neighbors', sample, id, '--depth', '1', '--format', 'json'])).entities.map((e) => e.id).sort();
}

// `kg path SAMPLE FROM TO --all-shortest` as sorted "a > b > c" lines.
function kgPaths(from, to) {
  const answer = JSON.parse(runKg(['path', sample, from, to, '--all-shortest', '--format', 'json']));
  return answer.paths.map((p) => [p.steps[0].forward ? p.steps[0].source : p.steps[0].target]
    .concat(p.steps.map((s) => (s.forward ? s.target : s.source))).join(' > ')).sort();
}

// `kg serve SAMPLE --port 0 ARGS`, once it has said where it listens.
const servers = [];
function startServer(extra) {
  return new Promise((resolve, reject) => {
    const child = spawn(kg, ['serve', sample, '--port', '0', ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
    servers.push(child);
    let said = '';
    const timer = setTimeout(() => reject(new Error(`kg serve printed no port in ${WAIT_MS} ms: ${said}`)), WAIT_MS);
    const listen = (chunk) => {
      said += chunk;
      const found = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(said);
      if (found) {
        clearTimeout(timer);
        resolve({ child, url: found[1] });
      }
    };
    child.stdout.on('data', listen);
    child.stderr.on('data', listen);
    child.on('exit', (code) => reject(new Error(`kg serve exited with ${code} before listening: ${said}`)));
  });
}

// SIGTERM, then the exit code; SIGKILL and null when it does not exit in time.
function stopServer(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve(null);
    }, STOP_MS);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    child.kill('SIGTERM');
  });
}

// A page of the live map, waited for until its first piece is drawn;
// console problems and requests beyond `origin` are collected.
async function openLive(browser, url, origin) {
  const page = await browser.newPage();
  page.setDefaultTimeout(WAIT_MS);
  page.problems = [];
  page.foreign = [];
  await page.setViewport({ width: 1280, height: 800 });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warn') page.problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => page.problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    if (!request.url().startsWith(origin + '/') && !request.url().startsWith('data:')) page.foreign.push(request.url());
  });
  await page.goto(url, { waitUntil: 'load', timeout: WAIT_MS });
  await settled(page);
  return page;
}

// Until no fetch is under way, its piece is drawn (or the failure said)
// and the view has stopped moving to it.
async function settled(page) {
  await page.waitForFunction(() => window.kgViewer !== undefined && !window.kgViewer.busy() &&
    !/^Fetching/.test(document.getElementById('live-status').textContent) && !window.kgViewer.cy.animated(),
  { timeout: WAIT_MS });
}

// Ids of the entities drawn and not hidden, sorted.
async function drawnIds(page) {
  return page.evaluate(() => window.kgViewer.cy.nodes().filter((n) => n.id()[0] === 'e' && !n.hasClass('hidden'))
    .map((n) => window.kgViewer.data.entities[+n.id().slice(1)].id).sort());
}

// Where an entity is drawn, in page coordinates, once the view is centred on
// it (the last fetch may have moved the view elsewhere).
async function entityPoint(page, id) {
  return page.evaluate((id) => {
    const viewer = window.kgViewer;
    const node = viewer.cy.$id('e' + viewer.data.entities.findIndex((entity) => entity.id === id));
    viewer.cy.center(node);
    const box = document.getElementById('graph').getBoundingClientRect();
    const p = node.renderedPosition();
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);
}

function union(a, b) {
  return Array.from(new Set(a.concat(b))).sort();
}

async function liveChecks(browser) {
  const server = await startServer(['--quiet']);
  const origin = server.url;

  await check('the page at / holds no graph, may connect only to its own origin, and needs no fetch of assets', async () => {
    const html = await (await fetch(origin + '/')).text();
    assert(!html.includes('Elon Musk'), 'a name from the graph is in the page');
    assert(/content="default-src 'none'; connect-src 'self'; script-src 'unsafe-inline';/.test(html), html.slice(0, 400));
  });

  // The busiest entity of the sample, counted from its own relations.
  const degree = new Map();
  for (const relation of sampleData.relations) {
    for (const end of [relation.source, relation.target]) degree.set(end, (degree.get(end) || 0) + 1);
  }
  const busiest = Array.from(degree.entries()).sort((a, b) => b[1] - a[1])[0][0];
  const page = await openLive(browser, origin + '/', origin);

  await check(`without ?focus the map opens on the busiest entity (${busiest}): its neighbours, as kg neighbors`, async () => {
    assert.deepStrictEqual(await drawnIds(page), kgNeighbours(busiest));
    const selected = await page.evaluate(() => window.kgViewer.data.entities[window.kgViewer.state.selected].id);
    assert.strictEqual(selected, busiest);
  });

  await check('the evidence panel shows the quotes of Musk\'s funding relations', async () => {
    const panel = await page.$eval('#panel-body', (body) => body.textContent);
    assert(panel.startsWith('Elon Musk'), panel.slice(0, 80));
    const funding = sampleData.relations.filter((r) => r.source === 'musk' && r.type === 'funded');
    assert(funding.length > 0);
    for (const relation of funding) {
      for (const evidence of relation.evidence) assert(panel.includes(evidence.quote), `missing quote: ${evidence.quote}`);
    }
  });

  // A neighbour of Musk with neighbours of its own that Musk lacks.
  const musk = kgNeighbours('musk');
  const growing = musk.filter((id) => id !== 'musk').find((id) => kgNeighbours(id).some((n) => !musk.includes(n)));
  assert(growing, 'no neighbour of musk reaches further');
  await check(`"Add its neighbours" on ${growing} adds its neighbours, as kg neighbors`, async () => {
    const point = await entityPoint(page, growing);
    await page.mouse.click(point.x, point.y);
    await page.waitForFunction((id) => document.getElementById('panel-body').textContent.includes('id ' + id), {}, growing);
    await page.click('#panel-body button.expand');
    await settled(page);
    assert.deepStrictEqual(await drawnIds(page), union(musk, kgNeighbours(growing)));
  });

  // One more, opened by a double click on the drawing.
  const before = await drawnIds(page);
  const further = before.find((id) => kgNeighbours(id).some((n) => !before.includes(n)));
  await check(`a double click on ${further} adds its neighbours`, async () => {
    assert(further, 'nothing left to open');
    const point = await entityPoint(page, further);
    await page.mouse.click(point.x, point.y, { count: 2 });
    await settled(page);
    assert.deepStrictEqual(await drawnIds(page), union(before, kgNeighbours(further)));
    const selected = await page.evaluate(() => window.kgViewer.data.entities[window.kgViewer.state.selected].id);
    assert.strictEqual(selected, further);
  });

  await check('the path box highlights Musk -> Microsoft as kg path lists it', async () => {
    await page.click('#path-from', { clickCount: 3 });
    await page.type('#path-from', 'Elon Musk');
    await page.click('#path-to', { clickCount: 3 });
    await page.type('#path-to', 'Microsoft');
    await page.click('#path-find');
    await settled(page);
    const paths = await page.evaluate(() => window.kgViewer.paths().map((p) => p.join(' > ')).sort());
    assert.deepStrictEqual(paths, kgPaths('musk', 'microsoft'));
    const highlighted = await page.evaluate(() => window.kgViewer.cy.nodes('.onpath')
      .map((n) => window.kgViewer.data.entities[+n.id().slice(1)].id).sort());
    assert.deepStrictEqual(highlighted, ['microsoft', 'musk']);
  });

  await check('no console error, no request beyond the server', () => {
    assert.deepStrictEqual(page.problems, []);
    assert.deepStrictEqual(page.foreign, []);
  });
  await page.close();

  // A small start: the path and the search must fetch what the page lacks.
  const small = await openLive(browser, origin + '/?focus=trevor', origin);
  await check('?focus=trevor starts there; a path to Microsoft fetches the entities on it', async () => {
    assert.deepStrictEqual(await drawnIds(small), kgNeighbours('trevor'));
    await small.type('#path-from', 'Trevor');
    await small.type('#path-to', 'Microsoft');
    await small.click('#path-find');
    await settled(small);
    const paths = await small.evaluate(() => window.kgViewer.paths().map((p) => p.join(' > ')));
    const expected = kgPaths('trevor', 'microsoft');
    assert(paths.length >= 1 && paths.every((p) => expected.includes(p)), `${paths} not among ${expected}`);
    assert((await drawnIds(small)).includes('microsoft'));
  });
  await check('the Find box finds DeepMind through the server and opens its neighbourhood', async () => {
    assert(!(await drawnIds(small)).includes('deepmind'));
    await small.click('#search');
    await small.type('#search', 'DeepMind');
    await small.waitForFunction(() => document.querySelectorAll('#search-results li').length > 0 &&
      document.getElementById('search-results').textContent.includes('DeepMind'), { timeout: WAIT_MS });
    await small.keyboard.press('Enter');
    await settled(small);
    const shown = await drawnIds(small);
    for (const id of kgNeighbours('deepmind')) assert(shown.includes(id), `${id} missing`);
    const selected = await small.evaluate(() => window.kgViewer.data.entities[window.kgViewer.state.selected].id);
    assert.strictEqual(selected, 'deepmind');
  });
  await check('the small map: no console error', () => assert.deepStrictEqual(small.problems, []));
  await small.close();

  await check('the server stops on SIGTERM with exit code 0', async () => assert.strictEqual(await stopServer(server.child), 0));
}

// With --token: the page opens without it (it holds no data) and sends the
// token it was given in the URL fragment with every fetch.
async function tokenChecks(browser) {
  const server = await startServer(['--quiet', '--token', 's3cret']);
  const origin = server.url;
  await check('with --token the API refuses a request without it', async () => {
    assert.strictEqual((await fetch(origin + '/api/v1/subgraph')).status, 401);
    assert.strictEqual((await fetch(origin + '/')).status, 200);
  });
  const page = await openLive(browser, origin + '/?focus=musk#token=s3cret', origin);
  await check('/#token=T draws the map, and the token leaves the URL', async () => {
    assert.deepStrictEqual(await drawnIds(page), kgNeighbours('musk'));
    assert(!page.url().includes('s3cret'), page.url());
    assert.deepStrictEqual(page.problems, []);
  });
  await page.close();
  await check('the token server stops on SIGTERM with exit code 0', async () => assert.strictEqual(await stopServer(server.child), 0));
}

let browser = null;
const deadline = setTimeout(() => {
  console.error(`live_test: over ${TEST_MS} ms, stopping`);
  finish(1);
}, TEST_MS);

async function finish(code) {
  clearTimeout(deadline);
  await Promise.all(servers.map(stopServer));
  if (browser) await browser.close().catch(() => {});
  process.exit(code);
}

(async () => {
  browser = await launch(root);
  if (!browser) return finish(SKIP);
  await liveChecks(browser);
  await tokenChecks(browser);
  return finish(report());
})().catch((error) => {
  console.error(error.stack || String(error));
  finish(1);
});
