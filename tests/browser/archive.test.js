// The static archive (`mfx archive DIR`) of the demo content, opened from the file system
// (file://…/index.html) with no server running: the language switcher leads to Italian, the
// search finds an Italian practice by the beginnings of its words typed with an accent it does
// not have, the result opens, the practice's lineage leads to the action plan it inspired, and
// the pages (home, a list, a practice, search, about) pass axe with no violation. With
// JavaScript off, the search page says that search needs it.

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { accessSync, constants as fsConstants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  TIMEOUT,
  assertCleanPage,
  binaryPath,
  clickAndWait,
  launch,
  loadFluentIds,
  newPage,
  once,
  withScreenshot,
} from './harness.js';
import { S } from './selectors.js';

const TEST_TIMEOUT = 120_000;
const fluentIds = loadFluentIds();
/** An Italian practice of the demo, which inspired an action of Seine-Saint-Denis' plan. */
const PRACTICE = 'Educazione finanziaria e gruppi di risparmio per donne migranti';

let dataDir;
let archiveDir;
let browser;
let page;
/**
 * Addresses the pages asked for that could not be read. axe's own requests for the stylesheets
 * (XHR, refused on file://, which axe allows for) are not the pages'.
 */
const failed = [];

/** Runs `mfx args` on the test's database; fails with its output. */
function mfx(args) {
  const run = spawnSync(binaryPath(), args, {
    env: {
      ...process.env,
      MFX_DATABASE_URL: join(dataDir, 'mfx.sqlite3'),
      MFX_DATA_DIR: dataDir,
      MFX_LOG: 'warn',
    },
    encoding: 'utf8',
    timeout: TIMEOUT.ready,
  });
  if (run.error) throw new Error(`cannot run ${binaryPath()}: ${run.error.message}`);
  if (run.status !== 0) throw new Error(`\`mfx ${args.join(' ')}\` failed (exit ${run.status}):\n${run.stderr}${run.stdout}`);
  return run.stdout;
}

const setUp = once(async () => {
  try {
    accessSync(binaryPath(), fsConstants.X_OK);
  } catch {
    throw new Error(`the mfx binary is missing at ${binaryPath()}: build it with \`cargo build\`, or set MFX_BIN`);
  }
  dataDir = mkdtempSync(join(tmpdir(), 'mfx-archive-'));
  archiveDir = join(dataDir, 'archive');
  mfx(['seed-demo']);
  const said = mfx(['archive', archiveDir]);
  assert.match(said, /Archived \d+ public document/);
  ({ browser, page } = await launch());
  page.on('requestfailed', (request) => {
    if (!['xhr', 'fetch'].includes(request.resourceType())) {
      failed.push(`${request.url()} (${request.failure()?.errorText})`);
    }
  });
});

after(async () => {
  await browser?.close();
  if (dataDir && !process.env.MFX_KEEP_TMP) rmSync(dataDir, { recursive: true, force: true });
});

/** The archive's file `path` as a file:// address. */
const fileUrl = (path) => pathToFileURL(join(archiveDir, path)).href;

/** Opens an address of the archive (file://). */
async function open(url) {
  await page.goto(url, { waitUntil: 'load', timeout: TIMEOUT.navigation });
}

describe('the static archive, opened from the file system', { timeout: TEST_TIMEOUT * 3 }, () => {
  test('language, search, a result and its lineage, without a server', { timeout: TEST_TIMEOUT }, async () => {
    await setUp();
    await withScreenshot(() => page, 'archive-journey', async () => {
      await open(fileUrl('index.html'));
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      await assertCleanPage(page, 'en', fluentIds, 'the archive\'s home page');
      assert.equal(await page.locator('a[href$="sign-in"], form[method=post]').count(), 0, 'nothing to sign in to');

      await clickAndWait(page, page.locator(`nav.languages ${S.languageLink('it')}`), 'the link to Italian');
      assert.equal(new URL(page.url()).protocol, 'file:');
      assert.ok(page.url().endsWith('/it/index.html'), page.url());
      assert.equal(await page.locator('html').getAttribute('lang'), 'it');

      await clickAndWait(page, page.locator('nav.main-nav a[href$="search.html"]'), 'the link to search');
      await assertCleanPage(page, 'it', fluentIds, 'the search page before a search');
      // The beginnings of the words, one with an accent the text does not have.
      await page.locator('#q').fill('EDUCAZIÓNE risparm donne');
      await clickAndWait(page, page.locator('#archive-search button[type=submit]'), 'the search button');
      assert.equal(new URL(page.url()).searchParams.get('q'), 'EDUCAZIÓNE risparm donne');
      const result = page.locator('#search-results li h2 a', { hasText: PRACTICE });
      await result.first().waitFor({ timeout: TIMEOUT.action });
      assert.match(await page.locator('#search-status').innerText(), /\d/);
      await assertCleanPage(page, 'it', fluentIds, 'the search page with results');

      await clickAndWait(page, result, 'the result');
      assert.match(page.url(), /\/it\/practices\/[0-9a-f-]{36}\.html$/);
      assert.equal((await page.locator('h1').innerText()).trim(), PRACTICE);
      await assertCleanPage(page, 'it', fluentIds, 'a practice');

      const lineage = page.locator('section.lineage ul a');
      assert.ok((await lineage.count()) > 0, 'the practice inspired an action plan');
      const plan = (await lineage.first().innerText()).trim();
      await clickAndWait(page, lineage.first(), 'the lineage link');
      assert.match(page.url(), /\/it\/action-plans\/[0-9a-f-]{36}\.html$/);
      assert.ok((await page.locator('main').innerText()).includes(plan), `the plan's page names ${plan}`);
      assert.ok(
        (await page.locator(`a[href$=".html"]`, { hasText: PRACTICE }).count()) > 0,
        'the plan links back to the practice',
      );
      assert.deepEqual(failed, [], 'every stylesheet, script and page the archive links to is there');
    });
  });

  test('the lists and the about page pass axe', { timeout: TEST_TIMEOUT }, async () => {
    await setUp();
    await withScreenshot(() => page, 'archive-pages', async () => {
      for (const [lang, path] of [['it', 'it/practices.html'], ['fr', 'fr/meeting-notes.html'], ['sl', 'sl/about.html']]) {
        await open(fileUrl(path));
        await assertCleanPage(page, lang, fluentIds, path);
      }
      const about = await page.locator('main').innerText();
      assert.ok(about.includes('CC BY 4.0'), 'the about page names the licence');
      assert.equal(await page.locator('a[href="https://creativecommons.org/licenses/by/4.0/"]').count(), 1);
      assert.deepEqual(failed, []);
    });
  });

  test('with JavaScript off, the search page says it needs it', { timeout: TEST_TIMEOUT }, async () => {
    await setUp();
    const { context, page: plain } = await newPage(browser, { javaScriptEnabled: false });
    try {
      await plain.goto(fileUrl('sv/search.html'), { waitUntil: 'load', timeout: TIMEOUT.navigation });
      const text = await plain.locator('main').innerText();
      assert.ok(text.includes('JavaScript'), text);
      assert.equal(await plain.locator('#search-results li').count(), 0);
    } finally {
      await context.close();
    }
  });
});
