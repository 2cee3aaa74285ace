// Pages read on a phone: at 390×844 the dashboard and a document's history (with an edit in it)
// fit the screen without sideways scrolling in all six languages — each table row becomes a
// block with the column's name before each value — and axe (WCAG 2.0/2.1 A and AA) reports zero
// violations. The history names each changed field and marks removed and added words.

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  cleanPageProblems,
  ACCOUNTS,
  contextOptions,
  launch,
  loadFluentIds,
  once,
  signInOk,
  startServer,
  visit,
  withScreenshot,
} from './harness.js';

const TEST_TIMEOUT = 240_000;
const LANGUAGES = ['en', 'fr', 'it', 'ro', 'sl', 'sv'];
const PHONE = { width: 390, height: 844 };

let server;
let browser;
let page;
let history;
const fluentIds = loadFluentIds();

/** A practice by Seine-Saint-Denis, edited once through the JSON API; its history's path. */
async function editedPractice(base) {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ACCOUNTS.claire.email, password: ACCOUNTS.claire.password }),
  });
  const token = (await login.json()).access_token;
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const created = await fetch(`${base}/api/v1/practices`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      visibility: 'public',
      themes: ['microcredit'],
      text: {
        title: 'Microcrédit accompagné',
        summary: 'Un microcrédit accompagné aide les allocataires du RSA à créer leur activité.',
      },
    }),
  });
  assert.equal(created.status, 201, await created.clone().text());
  const location = created.headers.get('location');
  const edited = await fetch(`${base}${location}`, {
    method: 'PATCH',
    headers: { ...headers, 'if-match': created.headers.get('etag') },
    body: JSON.stringify({
      themes: ['microcredit', 'financial_literacy'],
      text: { summary: 'Un microcrédit accompagné aide les allocataires du RSA et les jeunes à créer leur entreprise.' },
    }),
  });
  assert.equal(edited.status, 200, await edited.text());
  return `${location.replace('/api/v1', '')}/history`;
}

const setUp = once(async () => {
  server = await startServer();
  ({ browser } = await launch());
  const context = await browser.newContext({ ...contextOptions(), viewport: PHONE });
  page = await context.newPage();
  history = await editedPractice(server.base);
  await signInOk(page, server.base, 'en', ACCOUNTS.claire.email, ACCOUNTS.claire.password);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** No sideways scrolling at phone width, the page's basics, and axe at zero violations. */
async function checkOnPhone(lang, what) {
  const problems = await cleanPageProblems(page, lang, fluentIds);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  if (width > PHONE.width) problems.push(`the page is ${width} px wide at ${PHONE.width} px: it scrolls sideways`);
  if (problems.length > 0) assert.fail(`${what}:\n- ${problems.join('\n- ')}`);
}

describe('the dashboard and a history read on a phone', { timeout: TEST_TIMEOUT * 2 }, () => {
  test('the dashboard fits 390 px in every language', { timeout: TEST_TIMEOUT }, async () => {
    await setUp();
    await withScreenshot(() => page, 'phone-dashboard', async () => {
      for (const lang of LANGUAGES) {
        await visit(page, `${server.base}/${lang}/dashboard`);
        await checkOnPhone(lang, `/${lang}/dashboard at 390 px`);
        // Each value carries its column's name.
        const labelled = await page.locator('table.stacked td[data-label]').count();
        assert.ok(labelled > 0, `/${lang}/dashboard has stacked tables with labelled cells`);
      }
    });
  });

  test('a history with an edit fits 390 px and says what changed', { timeout: TEST_TIMEOUT }, async () => {
    await setUp();
    await withScreenshot(() => page, 'phone-history', async () => {
      for (const lang of LANGUAGES) {
        await visit(page, `${server.base}/${lang}${history}`);
        await checkOnPhone(lang, `/${lang}${history} at 390 px`);
        const text = await page.locator('main').innerText();
        assert.ok(!text.includes('text.summary') && !text.includes('themes'), `/${lang} history shows raw field ids`);
        assert.ok(await page.locator('dl.changes del').count() > 0, `/${lang} history marks removed words`);
        assert.ok(await page.locator('dl.changes ins').count() > 0, `/${lang} history marks added words`);
        assert.ok((await page.locator('dl.changes ins').allInnerTexts()).some((t) => t.includes('entreprise.')),
          `/${lang} history shows the added word`);
      }
    });
  });
});
