// Helpers for the browser tests: run a throwaway `mfx` server, drive Debian's Chromium with
// playwright-core, run axe-core, and check what every page must have.
//
// Every wait here has a timeout of at most 15 s (the server's readiness: 30 s), so a missing
// binary or a page that is not there fails the test with a message rather than hanging it.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, constants as fsConstants, mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { S } from './selectors.js';

export const HERE = dirname(fileURLToPath(import.meta.url));
export const REPO = resolve(HERE, '../..');
export const ARTIFACTS = join(HERE, 'artifacts');
export const PASSWORD = 'browser-test-password-1';

/** Timeouts, in milliseconds. */
export const TIMEOUT = {
  action: 10_000,
  navigation: 15_000,
  ready: 30_000,
  command: 15_000,
};

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** A one-page PDF, small but well formed (its cross-reference offsets computed). */
export function tinyPdf() {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A one-pixel PNG. */
export const ONE_PIXEL_PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f80f0000010100051' +
    '8d84e0000000049454e44ae426082',
  'hex',
);

/** The accounts that startServer creates. */
export const ACCOUNTS = {
  claire: { email: 'claire@example.fr', partner: 'seine-saint-denis', role: 'editor', displayName: 'Claire Martin', password: PASSWORD },
  lars: { email: 'lars@example.se', partner: 'orebro', role: 'editor', displayName: 'Lars Nilsson', password: PASSWORD },
  ana: { email: 'ana@example.ro', partner: 'bucharest-ilfov', role: 'coordinator', displayName: 'Ana Dumitru', password: PASSWORD },
  eva: { email: 'eva@example.ro', partner: 'bucharest-ilfov', role: 'admin', displayName: 'Eva Ionescu', password: PASSWORD },
};

/** The `mfx` binary: $MFX_BIN, or target/debug/mfx of this repository. */
export function binaryPath() {
  return process.env.MFX_BIN ? resolve(process.env.MFX_BIN) : resolve(HERE, '../../target/debug/mfx');
}

// The servers started by this process, to say so when one has stopped during a test.
const servers = new Set();

/** When a started server has exited: which, how, and the end of its log; else ''. */
export function serverExitNote() {
  return [...servers]
    .filter((s) => s.exited())
    .map((s) => `\n  mfx serve at ${s.base} has exited (${s.exited()}); the end of its log:\n${tail(s.logPath, 20)}`)
    .join('');
}

// Child processes still running, ended if this process exits without stopping them.
const children = new Set();
process.once('exit', () => {
  for (const child of children) {
    try { child.kill('SIGKILL'); } catch { /* already gone */ }
  }
});

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** Runs `binary args` to completion; rejects with its output when it fails or takes too long. */
function runCommand(binary, args, { env, cwd, input, timeout = TIMEOUT.command }) {
  return new Promise((resolveRun, reject) => {
    const child = spawn(binary, args, { env, cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    children.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => { stdout += chunk; });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`\`mfx ${args.join(' ')}\` did not finish within ${timeout / 1000} s\n${stderr}`));
    }, timeout);
    child.on('error', (error) => {
      clearTimeout(timer);
      children.delete(child);
      reject(new Error(`cannot run ${binary}: ${error.message}`));
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      children.delete(child);
      if (code === 0) resolveRun({ stdout, stderr });
      else reject(new Error(`\`mfx ${args.join(' ')}\` failed (${signal ?? `exit ${code}`}):\n${stderr}${stdout}`));
    });
    child.stdin.on('error', () => { /* the process may exit before reading */ });
    child.stdin.end(input ?? '');
  });
}

function tail(path, lines = 30) {
  try {
    return readFileSync(path, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** A function that calls `fn` the first time and afterwards returns its first promise. */
export function once(fn) {
  let promise;
  return () => (promise ??= fn());
}

/** The first line of an error's message, without terminal colours. */
export function firstLine(error) {
  // eslint-disable-next-line no-control-regex
  return String(error?.message ?? error).replace(/\u001b\[[0-9;]*m/g, '').split('\n')[0];
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts a throwaway server: a new SQLite database in a temporary folder, the three test
 * accounts, the demo content, then `mfx serve` on a free port, ready when /readyz answers 200.
 * Returns { base, stop(), accounts, dataDir, logPath, pid, addAccountWithOneTimePassword() }.
 */
export async function startServer({ binary = binaryPath() } = {}) {
  try {
    accessSync(binary, fsConstants.X_OK);
  } catch {
    throw new Error(
      `the mfx binary is missing or not executable at ${binary}: build it with \`cargo build\` ` +
        'in the repository, or set MFX_BIN to the binary to test',
    );
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'mfx-browser-'));
  const port = await freePort();
  const env = {
    ...process.env,
    MFX_DATABASE_URL: join(dataDir, 'mfx.sqlite3'),
    MFX_DATA_DIR: dataDir,
    MFX_LOG: 'warn',
    MFX_BIND: `127.0.0.1:${port}`,
    MFX_JWT_SECRET: randomBytes(32).toString('hex'),
  };
  const options = { env, cwd: REPO };
  const cleanup = () => {
    if (!process.env.MFX_KEEP_TMP) rmSync(dataDir, { recursive: true, force: true });
  };
  let child;
  try {
    for (const account of Object.values(ACCOUNTS)) {
      await runCommand(
        binary,
        ['user', 'add', '--email', account.email, '--partner', account.partner, '--role', account.role,
          '--display-name', account.displayName, '--password-stdin'],
        { ...options, input: `${account.password}\n` },
      );
    }
    await runCommand(binary, ['seed-demo'], options);
    // A digest for everyone, written as mail files, so the outbox page has rows.
    await runCommand(binary, ['digest', 'run', '--now'], options);

    const logPath = join(dataDir, 'serve.log');
    const log = openSync(logPath, 'a');
    child = spawn(binary, ['serve'], { env, cwd: REPO, stdio: ['ignore', log, log] });
    closeSync(log);
    children.add(child);
    let exited = null;
    child.on('exit', (code, signal) => {
      exited = signal ?? `exit ${code}`;
      children.delete(child);
    });
    child.on('error', (error) => { exited = error.message; });

    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + TIMEOUT.ready;
    let last = 'no answer';
    for (;;) {
      if (exited) throw new Error(`mfx serve stopped before it was ready (${exited}):\n${tail(logPath)}`);
      try {
        const response = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(2_000) });
        if (response.status === 200) break;
        last = `HTTP ${response.status}`;
      } catch (error) {
        last = error.cause?.code ?? error.message;
      }
      if (Date.now() > deadline) {
        throw new Error(`mfx serve was not ready within ${TIMEOUT.ready / 1000} s (last: ${last}):\n${tail(logPath)}`);
      }
      await sleep(100);
    }

    const entry = { base, logPath, exited: () => exited };
    servers.add(entry);
    const stop = async () => {
      servers.delete(entry);
      if (!exited) {
        const gone = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const timedOut = await Promise.race([gone.then(() => false), sleep(5_000).then(() => true)]);
        if (timedOut) {
          child.kill('SIGKILL');
          await Promise.race([gone, sleep(2_000)]);
        }
      }
      cleanup();
    };
    // A new account as an administrator makes it: with a one-time password, printed once.
    const addAccountWithOneTimePassword = async ({ email, partner, role, displayName }) => {
      const { stdout } = await runCommand(
        binary,
        ['user', 'add', '--email', email, '--partner', partner, '--role', role, '--display-name', displayName],
        options,
      );
      const found = /One-time password[^:]*:\s*(\S+)/.exec(stdout);
      if (!found) throw new Error(`\`mfx user add\` printed no one-time password:\n${stdout}`);
      return found[1];
    };
    return { base, stop, accounts: ACCOUNTS, dataDir, logPath, pid: child.pid, addAccountWithOneTimePassword };
  } catch (error) {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    cleanup();
    throw error;
  }
}

/** The options of every browser context the tests make. */
export function contextOptions({ javaScriptEnabled = true } = {}) {
  return {
    locale: 'en-GB',
    javaScriptEnabled,
    viewport: { width: 1280, height: 900 },
    // The pages may send a strict Content-Security-Policy; axe is injected as an inline script.
    bypassCSP: true,
  };
}

/** A new context and page of `browser`, with the tests' timeouts. */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext(contextOptions(options));
  context.setDefaultTimeout(TIMEOUT.action);
  context.setDefaultNavigationTimeout(TIMEOUT.navigation);
  const page = await context.newPage();
  return { context, page };
}

/** Launches headless Chromium; returns { browser, context, page }. */
export async function launch({ javaScriptEnabled = true } = {}) {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}: \`apt-get install -y chromium\``);
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: TIMEOUT.navigation,
  });
  const { context, page } = await newPage(browser, { javaScriptEnabled });
  return { browser, context, page };
}

/**
 * Why Chromium may have refused a page (it shows its own error page for an error status whose
 * body is empty or cannot be decoded): the status, and whether the body decodes.
 */
async function diagnose(page, url) {
  const options = { timeout: TIMEOUT.action, failOnStatusCode: false };
  try {
    const plain = await page.request.get(url, { ...options, headers: { 'accept-encoding': 'identity' } });
    const status = plain.status();
    let note = `; the server answers ${status}${status === 404 ? ' (page not found)' : ''} (${plain.headers()['content-type'] ?? 'no content type'})`;
    try {
      await page.request.get(url, options).then((r) => r.body());
    } catch (error) {
      if (/decompress|decod/i.test(error.message)) {
        note += ', and its compressed body cannot be decoded (a content-encoding header on a body not so encoded?)';
      }
    }
    return note;
  } catch {
    return '';
  }
}

/** Opens `url`; fails with the status when the page does not answer 2xx (or `expect`). */
export async function visit(page, url, { expect = 'ok' } = {}) {
  let response;
  try {
    response = await page.goto(url, { waitUntil: 'load', timeout: TIMEOUT.navigation });
  } catch (error) {
    throw new Error(`GET ${url} failed: ${firstLine(error)}${await diagnose(page, url)}${serverExitNote()}`);
  }
  const status = response?.status();
  if (expect === 'ok' && (status === undefined || status >= 400)) {
    throw new Error(`GET ${url} answered ${status ?? 'nothing'}${status === 404 ? ' (page not found)' : ''}`);
  }
  if (typeof expect === 'number' && status !== expect) {
    throw new Error(`GET ${url} answered ${status}, expected ${expect}`);
  }
  return response;
}

/** Clicks `locator` and waits for the navigation it causes; returns the response. */
export async function clickAndWait(page, locator, what = 'the button') {
  if ((await locator.count()) === 0) {
    throw new Error(`${what} is not on ${page.url()}`);
  }
  const [response] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load', timeout: TIMEOUT.navigation }),
    locator.first().click({ timeout: TIMEOUT.action }),
  ]).catch((error) => {
    throw new Error(`clicking ${what} on ${page.url()} did not load a page: ${firstLine(error)}${serverExitNote()}`);
  });
  return response;
}

/** Signs in at /{lang}/sign-in; returns the response of the page the form leads to. */
export async function signIn(page, base, lang, email, password) {
  await visit(page, `${base}/${lang}/sign-in`);
  await page.locator(S.signIn.email).first().fill(email, { timeout: TIMEOUT.action });
  await page.locator(S.signIn.password).first().fill(password, { timeout: TIMEOUT.action });
  return clickAndWait(page, page.locator(S.signIn.submit), 'the sign-in button');
}

/** Signs in and fails unless the browser left the sign-in page. */
export async function signInOk(page, base, lang, email, password) {
  const response = await signIn(page, base, lang, email, password);
  const path = new URL(page.url()).pathname;
  if (path.endsWith('/sign-in') || (response && response.status() >= 400)) {
    throw new Error(`signing in as ${email} at /${lang}/sign-in failed: HTTP ${response?.status()} at ${page.url()}`);
  }
  return response;
}

/** Signs out with the sign-out form; fails if the page still offers to sign out. */
export async function signOut(page) {
  await clickAndWait(page, page.locator(S.signOut), 'the sign-out button');
  if ((await page.locator(S.signOut).count()) > 0) {
    throw new Error(`after signing out, ${page.url()} still shows the sign-out form`);
  }
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page; the raw results. */
export async function runAxe(page) {
  await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(() =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
  );
}

/** One violation as the messages show it: { id, impact, help, targets } with the first 3 targets. */
function shownViolation(v) {
  return { id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((node) => node.target.join(' ')) };
}

/** The serious and critical violations, as `shownViolation` gives them. */
export function seriousViolations(results) {
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map(shownViolation);
}

/** Every violation, whatever its impact, as `shownViolation` gives them. */
export function allViolations(results) {
  return results.violations.map(shownViolation);
}

/** One line per violation, for an assertion message. */
export function formatViolations(violations) {
  return violations
    .map((v) => `  - [${v.impact}] ${v.id}: ${v.help}\n      ${v.targets.join('\n      ')}`)
    .join('\n');
}

/** The message ids of the English Fluent files (locales/en/*.ftl). */
export function loadFluentIds(dir = join(REPO, 'locales', 'en')) {
  const ids = new Set();
  if (!existsSync(dir)) return ids;
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.ftl')) continue;
    for (const line of readFileSync(join(dir, name), 'utf8').split('\n')) {
      const match = /^([a-z][a-z0-9-]*)\s*=/.exec(line);
      if (match) ids.add(match[1]);
    }
  }
  return ids;
}

const ID_LIKE = /(?<![\w-])[a-z]+(?:-[a-z0-9]+){2,}(?![\w-])/g;

/**
 * What every page must have: <html lang>, exactly one <main>, a skip link to #main, and no
 * raw Fluent message id in its visible text. Returns a list of problems (empty when fine).
 */
export async function pageProblems(page, lang, fluentIds) {
  const facts = await page.evaluate((skip) => ({
    lang: document.documentElement.lang,
    mains: document.querySelectorAll('main').length,
    skipHrefs: [...document.querySelectorAll(skip)].map((a) => a.getAttribute('href')),
    text: document.body ? document.body.innerText : '',
  }), S.skipLink);
  const problems = [];
  if (facts.lang !== lang) problems.push(`<html lang> is "${facts.lang}", expected "${lang}"`);
  if (facts.mains !== 1) problems.push(`${facts.mains} <main> elements, expected exactly 1`);
  if (!facts.skipHrefs.includes('#main')) {
    problems.push(`no skip link a.skip-link with href="#main" (found: ${JSON.stringify(facts.skipHrefs)})`);
  }
  const raw = [...new Set((facts.text.match(ID_LIKE) ?? []).filter((token) => fluentIds.has(token)))];
  if (raw.length > 0) problems.push(`raw Fluent message ids in the visible text: ${raw.join(', ')}`);
  return problems;
}

/**
 * What a page of the journeys must pass: the basics of `pageProblems` and axe (wcag2a, wcag2aa,
 * wcag21a, wcag21aa) at zero violations of any impact. Returns a list of problems.
 */
export async function cleanPageProblems(page, lang, fluentIds) {
  const problems = await pageProblems(page, lang, fluentIds);
  const violations = allViolations(await runAxe(page));
  if (violations.length > 0) problems.push(`axe: ${violations.length} violation(s):\n${formatViolations(violations)}`);
  return problems;
}

/** Fails, naming `what` and every problem, unless the page passes `cleanPageProblems`. */
export async function assertCleanPage(page, lang, fluentIds, what = page.url()) {
  const problems = await cleanPageProblems(page, lang, fluentIds);
  assert.deepEqual(problems, [], `${what}:\n- ${problems.join('\n- ')}`);
}

/** Saves a full-page screenshot to artifacts/<name>.png; never throws. */
export async function screenshotOnFailure(page, name) {
  if (!page || page.isClosed()) return null;
  try {
    mkdirSync(ARTIFACTS, { recursive: true });
    const path = join(ARTIFACTS, `${name.replace(/[^A-Za-z0-9._-]+/g, '_')}.png`);
    await page.screenshot({ path, fullPage: true, timeout: TIMEOUT.action });
    return path;
  } catch {
    return null;
  }
}

/** Runs `body`; on failure saves a screenshot and adds its path to the error. */
export async function withScreenshot(page, name, body) {
  try {
    return await body();
  } catch (error) {
    const path = await screenshotOnFailure(typeof page === 'function' ? page() : page, name);
    if (path && error instanceof Error) error.message += `\n  screenshot: ${path}`;
    throw error;
  }
}

/** Finds the href of the first document linked from a list page, e.g. kind 'practices'. */
export async function firstDocumentHref(page, base, lang, kind) {
  await visit(page, `${base}/${lang}/${kind}`);
  const pattern = S.documentHref[kind];
  const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => a.href));
  const found = hrefs.find((href) => {
    try {
      return pattern.test(new URL(href).pathname);
    } catch {
      return false;
    }
  });
  if (!found) throw new Error(`no link to a document matching ${pattern} on /${lang}/${kind}`);
  return new URL(found).pathname;
}

/** Polls until `locator` has attribute `name` equal to `value`; fails with what it has. */
export async function expectAttribute(locator, name, value, timeout = TIMEOUT.action) {
  const deadline = Date.now() + timeout;
  let actual;
  for (;;) {
    actual = (await locator.count()) > 0 ? await locator.first().getAttribute(name) : '(no such element)';
    if (actual === value) return;
    if (Date.now() > deadline) {
      throw new Error(
        `expected ${name}="${value}" on ${locator} at ${locator.page().url()}, found ${JSON.stringify(actual)}`,
      );
    }
    await sleep(100);
  }
}

/** Polls until `locator` (its first element) is there and its text contains `text`. */
export async function expectText(locator, text, timeout = TIMEOUT.action) {
  const deadline = Date.now() + timeout;
  let actual;
  for (;;) {
    actual = (await locator.count()) > 0 ? await locator.first().innerText() : null;
    if (actual !== null && actual.includes(text)) return;
    if (Date.now() > deadline) {
      throw new Error(
        `expected ${locator} on ${locator.page().url()} to contain ${JSON.stringify(text)}, ` +
          (actual === null ? 'but there is no such element' : `found ${JSON.stringify(actual)}`),
      );
    }
    await sleep(100);
  }
}

/** Waits until one element of `locator` is visible; fails naming the selector. */
export async function expectVisible(locator, what = String(locator), timeout = TIMEOUT.action) {
  try {
    await locator.filter({ visible: true }).first().waitFor({ state: 'visible', timeout });
  } catch {
    throw new Error(`expected ${what} to be visible on ${locator.page().url()} within ${timeout / 1000} s`);
  }
}

/** Calls the JSON API; the parsed body, failing unless the status is `expect`. */
export async function api(base, method, path, { token, body, expect = 200 } = {}) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  assert.equal(response.status, expect, `${method} ${path}: ${text}`);
  return text ? JSON.parse(text) : null;
}

/** An access token for the account, from the JSON API's sign-in. */
export async function apiToken(base, email, password) {
  return (await api(base, 'POST', '/api/v1/auth/login', { body: { email, password } })).access_token;
}
