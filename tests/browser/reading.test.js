// Reading and translating without leaving one's own interface language. An editor at Heart of
// Slovenia has her practice returned by the coordinator and sees the comment on the practice;
// once it is published she saves an English translation and stays in the Slovenian interface.
// The Romanian coordinator then reads the Slovenian text and the English translation through
// the page's language links, and the pages stay in Romanian; the English translation lacks the
// description, shown from the Slovenian original and labelled so. Each page passes axe.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ACCOUNTS,
  PASSWORD,
  clickAndWait,
  formatViolations,
  launch,
  loadFluentIds,
  newPage,
  pageProblems,
  runAxe,
  seriousViolations,
  signInOk,
  signOut,
  startServer,
  visit,
  withScreenshot,
  api,
  apiToken as token,
} from './harness.js';
import { S } from './selectors.js';

const TEST_TIMEOUT = 90_000;
const MAJA = { email: 'maja@example.si', partner: 'heart-of-slovenia', role: 'editor' };
const SLOVENIAN = {
  title: 'Zadružna mikroposojila za podeželje',
  summary: 'Zadruga posoja majhnim podjetjem na podeželju.',
  description: 'Posojila spremlja mentor iz lokalne skupnosti.',
};
const ENGLISH = { title: 'Cooperative microloans for the countryside', summary: 'A cooperative lends to small rural firms.' };
const COMMENT = 'Dodajte, komu je namenjeno.';

/** The page speaks `lang`, has no raw message id, and axe finds no serious violation. */
async function checkPage(page, lang, fluentIds) {
  const problems = await pageProblems(page, lang, fluentIds);
  const serious = seriousViolations(await runAxe(page));
  if (serious.length > 0) problems.push(`axe: ${serious.length} serious violation(s):\n${formatViolations(serious)}`);
  assert.deepEqual(problems, [], `${page.url()}`);
}

describe('content language apart from the interface language', () => {
  let server;
  let browser;
  let page;
  let id;
  let majaToken;
  let anaToken;
  const fluentIds = loadFluentIds();

  before(async () => {
    server = await startServer();
    ({ browser } = await launch());
    ({ page } = await newPage(browser));
    const admin = await token(server.base, ACCOUNTS.eva.email, ACCOUNTS.eva.password);
    await api(server.base, 'POST', '/api/v1/users', { token: admin, body: { ...MAJA, password: PASSWORD }, expect: 201 });
    majaToken = await token(server.base, MAJA.email, PASSWORD);
    anaToken = await token(server.base, ACCOUNTS.ana.email, ACCOUNTS.ana.password);
    const practice = await api(server.base, 'POST', '/api/v1/practices', {
      token: majaToken,
      expect: 201,
      body: { visibility: 'public', themes: ['microcredit'], text: SLOVENIAN },
    });
    id = practice.id;
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const move = (who, to, comment) =>
    api(server.base, 'POST', `/api/v1/practices/${id}/transitions`, { token: who, body: { to, comment } });

  test('a. the returned practice shows the coordinator’s comment to its editor', { timeout: TEST_TIMEOUT }, async () => {
    await move(majaToken, 'in_review');
    await move(anaToken, 'draft', COMMENT);
    await withScreenshot(page, 'reading-a', async () => {
      await signInOk(page, server.base, 'sl', MAJA.email, PASSWORD);
      await visit(page, `${server.base}/sl/practices/${id}`);
      const banner = page.locator('[role=status][data-returned]');
      assert.equal(await banner.count(), 1, 'the return banner');
      const said = await banner.innerText();
      assert.match(said, /Ana Dumitru/);
      assert.ok(said.includes(COMMENT), said);
      await checkPage(page, 'sl', fluentIds);
      await signOut(page);
      // A draft is not for visitors: the page is not found, and says nothing of the return.
      await visit(page, `${server.base}/sl/practices/${id}`, { expect: 404 });
      assert.equal(await page.locator('[data-returned]').count(), 0, 'visitors never see it');
    });
  });

  test('b. saving the English translation keeps the Slovenian interface', { timeout: TEST_TIMEOUT }, async () => {
    await move(majaToken, 'in_review');
    await move(anaToken, 'published');
    await withScreenshot(page, 'reading-b', async () => {
      await signInOk(page, server.base, 'sl', MAJA.email, PASSWORD);
      await visit(page, `${server.base}/sl/practices/${id}/translations/en`);
      const form = page.locator(S.practiceForm.form).first();
      await form.locator(S.practiceForm.title).fill(ENGLISH.title);
      await form.locator(S.practiceForm.summary).fill(ENGLISH.summary);
      const save = form.locator(S.practiceForm.save);
      await clickAndWait(page, (await save.count()) > 0 ? save : form.locator(S.practiceForm.anySubmit), 'the save button');
      const url = new URL(page.url());
      assert.equal(url.pathname, `/sl/practices/${id}`);
      assert.equal(url.searchParams.get('text'), 'en');
      assert.equal(await page.locator('h1').innerText(), ENGLISH.title);
      assert.equal(await page.locator('h1').getAttribute('lang'), 'en');
      assert.equal(await page.locator('[data-returned]').count(), 0, 'published: the document moved on');
      await checkPage(page, 'sl', fluentIds);
      await signOut(page);
    });
  });

  test('c. the Romanian coordinator reads the Slovenian and English texts in Romanian', { timeout: TEST_TIMEOUT }, async () => {
    await withScreenshot(page, 'reading-c', async () => {
      await signInOk(page, server.base, 'ro', ACCOUNTS.ana.email, ACCOUNTS.ana.password);
      await visit(page, `${server.base}/ro/practices/${id}`);
      await clickAndWait(page, page.locator('a[data-text="sl"]'), 'the Slovenian text link');
      assert.equal(new URL(page.url()).pathname, `/ro/practices/${id}`);
      assert.equal(await page.locator('h1').innerText(), SLOVENIAN.title);
      assert.equal(await page.locator('h1').getAttribute('lang'), 'sl');
      await checkPage(page, 'ro', fluentIds);
      await clickAndWait(page, page.locator('a[data-text="en"]'), 'the English text link');
      const url = new URL(page.url());
      assert.equal(url.pathname, `/ro/practices/${id}`, 'the interface stays Romanian');
      assert.equal(url.searchParams.get('text'), 'en');
      assert.equal(await page.locator('h1').innerText(), ENGLISH.title);
      assert.equal(await page.locator('[data-content]').getAttribute('lang'), 'en');
      assert.equal(await page.locator('a[data-text="en"]').getAttribute('aria-current'), 'true');
      // The description is not translated: shown from the Slovenian original, labelled in Romanian.
      const missing = page.locator('section[data-fallback-section="sl"]');
      assert.equal(await missing.count(), 1, 'the untranslated description, from the original');
      assert.equal(await missing.locator('div[lang="sl"]').innerText(), SLOVENIAN.description);
      assert.match(await missing.locator('p.meta').innerText(), /slovenă/);
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'ro');
      await checkPage(page, 'ro', fluentIds);
      // The language switcher changes the interface and keeps the chosen text.
      await clickAndWait(page, page.locator(S.languageLink('sv')), 'the switcher link to Swedish');
      const swedish = new URL(page.url());
      assert.equal(swedish.pathname, `/sv/practices/${id}`);
      assert.equal(swedish.searchParams.get('text'), 'en');
      assert.equal(await page.locator('h1').innerText(), ENGLISH.title);
    });
  });
});
