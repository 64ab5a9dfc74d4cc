// Shared by the browser tests and bench/viewer_speed.js: finds Chromium and
// puppeteer-core, opens pages with every wait bounded, and records what a
// page did that it must not (console errors, requests to anything but the
// file itself).
'use strict';
const fs = require('fs');
const path = require('path');

const SKIP = 77;  // CTest's SKIP_RETURN_CODE for these tests
const CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const WAIT_MS = 15000;

function chromiumPath() {
  return CHROMIUM_PATHS.find((candidate) => fs.existsSync(candidate)) || null;
}

function puppeteer(root) {
  const modulePath = path.join(root, 'viewer', 'node_modules', 'puppeteer-core');
  try {
    return require(modulePath);
  } catch (error) {
    throw new Error(`puppeteer-core is not installed in viewer/node_modules: run scripts/install-deps.sh (${error.message})`);
  }
}

// A browser, or null (after saying why) when Chromium is not installed.
async function launch(root) {
  const executablePath = chromiumPath();
  if (!executablePath) {
    console.log(`SKIPPED: Chromium not found at ${CHROMIUM_PATHS.join(' or ')}; scripts/install-deps.sh installs it`);
    return null;
  }
  return puppeteer(root).launch({
    executablePath,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu'],
    timeout: WAIT_MS,
    protocolTimeout: WAIT_MS * 4,
  });
}

// A page at `width` x `height` whose problems are collected in page.problems.
async function openPage(browser, file, width, height) {
  const page = await browser.newPage();
  page.setDefaultTimeout(WAIT_MS);
  page.problems = [];
  page.requests = [];
  await page.setViewport({ width, height });
  page.on('console', (message) => {
    // Cytoscape reports misuse (a style mapping without data, say) as warnings.
    if (message.type() === 'error' || message.type() === 'warn') page.problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => page.problems.push(`page error: ${error.message}`));
  const self = 'file://' + path.resolve(file);
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(self) && !url.startsWith('data:') && !url.startsWith('blob:')) page.requests.push(url);
  });
  await page.goto(self, { waitUntil: 'load', timeout: WAIT_MS });
  await page.waitForFunction(() => window.kgViewer !== undefined, { timeout: WAIT_MS });
  return page;
}

// Named checks that go on after a failure, and their report: each test
// runs its checks through check() and ends with the exit code report() gives.
const results = [];
async function check(name, body) {
  try {
    await body();
    results.push(['ok', name]);
  } catch (error) {
    results.push(['FAILED', name, error.stack || String(error)]);
  }
}

function report() {
  for (const [status, name, detail] of results) {
    console.log(`${status}: ${name}`);
    if (detail) console.log(detail.split('\n').map((line) => '    ' + line).join('\n'));
  }
  const failed = results.filter((r) => r[0] !== 'ok').length;
  console.log(`${results.length - failed} of ${results.length} checks passed`);
  return failed ? 1 : 0;
}

module.exports = { SKIP, WAIT_MS, launch, openPage, check, report };
