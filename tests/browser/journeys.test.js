// The partner staff's journeys end to end in a real browser, each page checked in its language
// and with axe:
//
// 1. An editor at Heart of Slovenia signs in for the first time with the one-time password an
//    administrator gave her and must set her own; she writes a good practice in Slovenian,
//    attaches a PDF and a photo, adds an English translation (and stays in the Slovenian
//    interface), and submits it for review. When the coordinator returns it with a comment,
//    she reads the comment on the practice.
// 2. The coordinator at Bucharest-Ilfov reviews it in Romanian: the page lists the original and
//    the translation with their states, reads the English text without leaving the Romanian
//    interface, returns it with a comment, and later publishes it.
// 4. A viewer at Örebro reads in Swedish: search finds the practice with a plain-text passage
//    and the match marked, its title labelled as English; the practice shows the English
//    translation and the untranslated description from the Slovenian original, labelled.
//    The search and practice pages are then checked in all six languages.
//
// The steps share state and run in order; a step whose prerequisite failed is skipped.

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ACCOUNTS,
  ONE_PIXEL_PNG,
  PASSWORD,
  assertCleanPage,
  tinyPdf,
  api,
  apiToken,
  clickAndWait,
  expectText,
  launch,
  loadFluentIds,
  once,
  signIn,
  signInOk,
  signOut,
  startServer,
  visit,
  withScreenshot,
} from './harness.js';
import { LANGUAGES, S } from './selectors.js';

const TEST_TIMEOUT = 120_000;
const MAJA = { email: 'maja.kos@example.si', partner: 'heart-of-slovenia', role: 'editor', displayName: 'Maja Kos' };
const OWN_PASSWORD = 'lipov list na kamniški bistrici';
const INGRID = { email: 'ingrid@example.se', partner: 'orebro', role: 'viewer' };
const SLOVENIAN = {
  title: 'Zadružna mikroposojila za kmetije',
  summary: 'Zadruga daje **mikroposojila** majhnim kmetijam.',
  description: 'Vsako posojilo spremlja svetovalec iz zadruge.',
};
const ENGLISH = { title: 'Cooperative microloans for farms', summary: 'A cooperative lends to small farms.' };
const COMMENT = 'Navedite, koliko kmetij je prejelo posojilo.';


let server;
let browser;
let page;
let folder;
let oneTime;
const fluentIds = loadFluentIds();
const state = { id: null, password: false, written: false, submitted: false, returned: false, published: false };

const setUp = once(async () => {
  server = await startServer();
  oneTime = await server.addAccountWithOneTimePassword(MAJA);
  ({ browser, page } = await launch());
  folder = mkdtempSync(join(tmpdir(), 'mfx-journeys-'));
  writeFileSync(join(folder, 'porocilo.pdf'), tinyPdf());
  writeFileSync(join(folder, 'kmetija.png'), ONE_PIXEL_PNG);
});

after(async () => {
  await browser?.close();
  await server?.stop();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

const pathname = () => new URL(page.url()).pathname;

/** The page speaks `lang`, shows no message id, and axe finds no violation. */
async function expectClean(lang) {
  await assertCleanPage(page, lang, fluentIds);
}

async function move(to, comment) {
  if (comment !== undefined) await page.locator(`#comment-${to}`).fill(comment);
  await clickAndWait(page, page.locator(S.practicePage.transitionSubmit(to)), `the move to ${to}`);
}

describe('1 and 2: a Slovenian editor and the Romanian coordinator', { timeout: TEST_TIMEOUT * 8 }, () => {
  test('1a. the first sign-in asks for her own password, in Slovenian', { timeout: TEST_TIMEOUT }, async () => {
    await setUp();
    await withScreenshot(page, 'journeys-1a', async () => {
      await signIn(page, server.base, 'sl', MAJA.email, oneTime);
      assert.equal(pathname(), '/sl/account/password');
      await expectClean('sl');
      await page.locator(S.passwordForm.current).fill(oneTime);
      await page.locator(S.passwordForm.next).fill(OWN_PASSWORD);
      await clickAndWait(page, page.locator(S.passwordForm.submit), 'the password button');
      assert.notEqual(pathname(), '/sl/account/password', 'the new password is accepted');
      state.password = true;
    });
  });

  test('1b. she writes the practice in Slovenian and attaches a PDF and a photo', { timeout: TEST_TIMEOUT }, async (t) => {
    if (!state.password) return t.skip('no password of her own');
    await withScreenshot(page, 'journeys-1b', async () => {
      await visit(page, `${server.base}/sl/practices/new`);
      await expectClean('sl');
      const form = page.locator(S.practiceForm.form).first();
      await form.locator(S.practiceForm.title).fill(SLOVENIAN.title);
      await form.locator(S.practiceForm.summary).fill(SLOVENIAN.summary);
      await form.locator(S.practiceForm.description).fill(SLOVENIAN.description);
      await form.locator(S.practiceForm.visibility).selectOption('public');
      await form.locator(S.practiceForm.theme('microcredit')).check();
      await clickAndWait(page, form.locator(S.practiceForm.save), 'the save button');
      const match = pathname().match(/^\/sl\/practices\/([0-9a-f-]{36})$/);
      assert.ok(match, `the practice's page: ${page.url()}`);
      state.id = match[1];
      for (const file of ['porocilo.pdf', 'kmetija.png']) {
        await page.locator(S.files.input).setInputFiles(join(folder, file));
        await clickAndWait(page, page.locator(S.files.upload), 'the upload button');
        assert.equal(await page.locator(S.files.row(file)).count(), 1, `${file} is listed`);
      }
      await expectClean('sl');
      state.written = true;
    });
  });

  test('1c. she adds an English translation and stays in Slovenian, then submits', { timeout: TEST_TIMEOUT }, async (t) => {
    if (!state.written) return t.skip('no practice');
    await withScreenshot(page, 'journeys-1c', async () => {
      await visit(page, `${server.base}/sl/practices/${state.id}/translations/en`);
      await expectClean('sl');
      const form = page.locator(S.practiceForm.form).first();
      await form.locator(S.practiceForm.title).fill(ENGLISH.title);
      await form.locator(S.practiceForm.summary).fill(ENGLISH.summary);
      const save = form.locator(S.practiceForm.save);
      await clickAndWait(page, (await save.count()) > 0 ? save : form.locator(S.practiceForm.anySubmit), 'the save button');
      const url = new URL(page.url());
      assert.equal(url.pathname, `/sl/practices/${state.id}`, 'the Slovenian interface');
      assert.equal(url.searchParams.get('text'), 'en');
      assert.equal(await page.locator('h1').innerText(), ENGLISH.title);
      await move('in_review');
      assert.equal(await page.locator(S.practicePage.status).getAttribute('data-status'), 'in_review');
      await expectClean('sl');
      await signOut(page);
      state.submitted = true;
    });
  });

  test('2a. the coordinator reviews it in Romanian and returns it with a comment', { timeout: TEST_TIMEOUT }, async (t) => {
    if (!state.submitted) return t.skip('not submitted');
    await withScreenshot(page, 'journeys-2a', async () => {
      await signInOk(page, server.base, 'ro', ACCOUNTS.ana.email, ACCOUNTS.ana.password);
      await visit(page, `${server.base}/ro/practices/${state.id}`);
      await expectClean('ro');
      // Every language of the practice with its state.
      assert.equal(await page.locator('a[data-text="sl"]').count(), 1, 'the Slovenian original is listed');
      assert.equal(await page.locator('a[data-text="en"]').count(), 1, 'the English translation is listed');
      await clickAndWait(page, page.locator('a[data-text="en"]'), 'the English text link');
      assert.equal(pathname(), `/ro/practices/${state.id}`, 'the interface stays Romanian');
      assert.equal(await page.locator('[data-content]').getAttribute('lang'), 'en');
      await expectClean('ro');
      // Returning needs a comment; the page says so in Romanian before anything is lost.
      await move('draft', COMMENT);
      assert.equal(await page.locator(S.practicePage.status).getAttribute('data-status'), 'draft');
      await expectClean('ro');
      await signOut(page);
      state.returned = true;
    });
  });

  test('1d. she reads the comment on the practice, submits again, and it is published', { timeout: TEST_TIMEOUT }, async (t) => {
    if (!state.returned) return t.skip('not returned');
    await withScreenshot(page, 'journeys-1d', async () => {
      await signInOk(page, server.base, 'sl', MAJA.email, OWN_PASSWORD);
      await visit(page, `${server.base}/sl/practices/${state.id}`);
      const banner = page.locator('[role=status][data-returned]');
      assert.equal(await banner.count(), 1, 'the return is on the practice');
      await expectText(banner, COMMENT);
      await expectText(banner, 'Ana Dumitru');
      await expectClean('sl');
      await move('in_review');
      await signOut(page);
      await signInOk(page, server.base, 'ro', ACCOUNTS.ana.email, ACCOUNTS.ana.password);
      await visit(page, `${server.base}/ro/practices/${state.id}`);
      await move('published');
      assert.equal(await page.locator(S.practicePage.status).getAttribute('data-status'), 'published');
      await signOut(page);
      state.published = true;
    });
  });
});

describe('4: a viewer at Örebro reads in Swedish', { timeout: TEST_TIMEOUT * 3 }, () => {
  test('4a. search shows a plain passage with the match marked and the title’s language', { timeout: TEST_TIMEOUT }, async (t) => {
    if (!state.published) return t.skip('not published');
    await withScreenshot(page, 'journeys-4a', async () => {
      const admin = await apiToken(server.base, ACCOUNTS.eva.email, ACCOUNTS.eva.password);
      await api(server.base, 'POST', '/api/v1/users', { token: admin, body: { ...INGRID, password: PASSWORD }, expect: 201 });
      await signInOk(page, server.base, 'sv', INGRID.email, PASSWORD);
      await visit(page, `${server.base}/sv/search?q=mikroposojil`);
      const hit = page.locator('ul.cards li', { has: page.locator(`a[href$="/practices/${state.id}"]`) });
      assert.equal(await hit.count(), 1, 'the practice is found');
      const passage = hit.locator('p.passage');
      const text = await passage.innerText();
      assert.ok(!text.includes('**'), `plain text: ${text}`);
      assert.match(await passage.locator('mark').first().innerText(), /^mikroposojil/i);
      assert.equal(await hit.locator('[data-shown-in="en"]').count(), 1, 'the English title says so');
      await expectText(hit.locator('[data-shown-in="en"]'), 'engelska');
      await expectClean('sv');
    });
  });

  test('4b. the practice shows the missing description from the Slovenian original', { timeout: TEST_TIMEOUT }, async (t) => {
    if (!state.published) return t.skip('not published');
    await withScreenshot(page, 'journeys-4b', async () => {
      await visit(page, `${server.base}/sv/practices/${state.id}`);
      assert.equal(await page.locator('h1').innerText(), ENGLISH.title);
      assert.equal(await page.locator(S.practicePage.fallbackBanner).count(), 1, 'the fallback is said');
      const missing = page.locator('section[data-fallback-section="sl"]');
      assert.equal(await missing.count(), 1, 'the untranslated description');
      assert.equal(await missing.locator('div[lang="sl"]').innerText(), SLOVENIAN.description);
      await expectText(missing.locator('p.meta'), 'slovenska');
      await expectClean('sv');
    });
  });

  test('4c. the search and practice pages in all six languages', { timeout: TEST_TIMEOUT }, async (t) => {
    if (!state.published) return t.skip('not published');
    await withScreenshot(page, 'journeys-4c', async () => {
      for (const lang of LANGUAGES) {
        await visit(page, `${server.base}/${lang}/search?q=mikroposojil`);
        assert.ok((await page.locator('p.passage mark').count()) > 0, `${lang}: the match is marked`);
        await expectClean(lang);
        await visit(page, `${server.base}/${lang}/practices/${state.id}`);
        await expectClean(lang);
      }
    });
  });
});
