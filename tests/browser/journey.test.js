// The user journey in a real browser: a French editor writes a practice and submits it for
// review, a Romanian coordinator publishes it, a Swedish editor translates it, the French
// editor approves the translation, and anonymous
// visitors read it in Swedish and, through the fallback, in Italian. Then validation errors,
// and the forms working without JavaScript.
//
// The steps share state and run in order; a step whose prerequisite failed is skipped.

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import {
  ACCOUNTS,
  clickAndWait,
  expectAttribute,
  expectText,
  expectVisible,
  launch,
  newPage,
  once,
  signIn,
  signInOk,
  signOut,
  startServer,
  visit,
  withScreenshot,
} from './harness.js';
import { S } from './selectors.js';

const TEST_TIMEOUT = 90_000;
const UUID_PAGE = (lang) => new RegExp(`^/${lang}/practices/[0-9a-f-]{36}$`);
const suffix = randomBytes(3).toString('hex');

const FRENCH = {
  title: `Microcrédit solidaire pour les jeunes de Saint-Denis ${suffix}`,
  summary: 'Un fonds de garantie local permet à de jeunes entrepreneurs d’obtenir un premier prêt.',
  description:
    'La ville, une banque coopérative et deux associations partagent le risque des prêts. ' +
    'Chaque emprunteur est accompagné par un mentor pendant dix-huit mois.',
};
const SWEDISH = {
  title: `Solidarisk mikrokredit för unga i Saint-Denis ${suffix}`,
  summary: 'En lokal garantifond gör att unga företagare kan få sitt första lån.',
};

let server;
let browser;
let page;
const state = { id: null, published: false, proposed: false, translated: false };

// Started by the first step, so that when the server cannot start, the steps fail with the reason.
const setUp = once(async () => {
  server = await startServer();
  ({ browser, page } = await launch());
});

const pathname = (p) => new URL(p.url()).pathname;

/** Clicks the form's save button (`name=action value=save`), else its first submit button. */
async function submitForm(p, form) {
  const save = form.locator(S.practiceForm.save);
  const button = (await save.count()) > 0 ? save : form.locator(S.practiceForm.anySubmit);
  return clickAndWait(p, button, 'the save button of the form');
}

/** The practice form in the main content; fails clearly when it is not on the page. */
async function practiceForm(p) {
  const form = p.locator(S.practiceForm.form).first();
  if ((await form.count()) === 0) throw new Error(`no form with input[name=title] in <main> on ${p.url()}`);
  return form;
}

/** Moves the practice shown on the page to `to` with its workflow form. */
async function transition(p, to) {
  await clickAndWait(p, p.locator(S.practicePage.transitionSubmit(to)), `the button of the form moving the practice to ${to}`);
  await expectAttribute(p.locator(S.practicePage.status), 'data-status', to);
}

describe('user journey', () => {
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('a. an editor signs in and creates a practice in French', { timeout: TEST_TIMEOUT }, async () => {
    await setUp();
    await withScreenshot(page, 'journey-a', async () => {
      await signInOk(page, server.base, 'fr', ACCOUNTS.claire.email, ACCOUNTS.claire.password);
      await visit(page, `${server.base}/fr/practices/new`);
      const form = await practiceForm(page);
      await form.locator(S.practiceForm.title).fill(FRENCH.title);
      await form.locator(S.practiceForm.summary).fill(FRENCH.summary);
      await form.locator(S.practiceForm.description).fill(FRENCH.description);
      await form.locator(S.practiceForm.visibility).selectOption('public');
      await form.locator(S.practiceForm.theme('microcredit')).check();
      await submitForm(page, form);
      assert.match(pathname(page), UUID_PAGE('fr'), `after saving, the browser is at ${page.url()}`);
      state.id = pathname(page).split('/').pop();
      await expectText(page.locator(S.h1), FRENCH.title);
    });
  });

  test('b. the editor submits it for review', { timeout: TEST_TIMEOUT }, async (t) => {
    if (!state.id) return t.skip('step a created no practice');
    await withScreenshot(page, 'journey-b', async () => {
      if (pathname(page) !== `/fr/practices/${state.id}`) await visit(page, `${server.base}/fr/practices/${state.id}`);
      await transition(page, 'in_review');
    });
  });

  test('c. a coordinator signs in in Romanian and publishes it', { timeout: TEST_TIMEOUT }, async (t) => {
    if (!state.id) return t.skip('step a created no practice');
    await withScreenshot(page, 'journey-c', async () => {
      await signOut(page);
      await signInOk(page, server.base, 'ro', ACCOUNTS.ana.email, ACCOUNTS.ana.password);
      await visit(page, `${server.base}/ro/practices/${state.id}`);
      await transition(page, 'published');
      state.published = true;
    });
  });

  test('d. a Swedish editor translates it into Swedish', { timeout: TEST_TIMEOUT }, async (t) => {
    if (!state.id) return t.skip('step a created no practice');
    await withScreenshot(page, 'journey-d', async () => {
      await signOut(page);
      await signInOk(page, server.base, 'sv', ACCOUNTS.lars.email, ACCOUNTS.lars.password);
      await visit(page, `${server.base}/sv/practices/${state.id}/translations/sv`);
      await expectVisible(
        page.locator(S.practicePage.inLanguage('fr'), { hasText: FRENCH.title }),
        'the French original (an element with lang="fr" holding its title)',
      );
      const form = await practiceForm(page);
      await form.locator(S.practiceForm.title).fill(SWEDISH.title);
      await form.locator(S.practiceForm.summary).fill(SWEDISH.summary);
      await submitForm(page, form);
      assert.equal(pathname(page), `/sv/practices/${state.id}`, `after saving the translation, the browser is at ${page.url()}`);
      // Proposed by another partner: readers keep the French original until it is approved.
      await expectText(page.locator(S.h1), FRENCH.title);
      state.proposed = true;
    });
  });

  test('d2. the French editor approves the Swedish translation', { timeout: TEST_TIMEOUT }, async (t) => {
    if (!state.proposed) return t.skip('step d proposed no translation');
    await withScreenshot(page, 'journey-d2', async () => {
      await signOut(page);
      await signInOk(page, server.base, 'fr', ACCOUNTS.claire.email, ACCOUNTS.claire.password);
      await visit(page, `${server.base}/fr/practices/${state.id}`);
      await expectVisible(
        page.locator(S.practicePage.pendingTranslation('sv'), { hasText: SWEDISH.title }),
        'the proposed Swedish translation in the review panel ([data-pending-translation=sv])',
      );
      await clickAndWait(page, page.locator(S.practicePage.approveTranslation('sv')), 'the button approving the Swedish translation');
      assert.equal(pathname(page), `/fr/practices/${state.id}`, `after approving, the browser is at ${page.url()}`);
      state.translated = true;
    });
  });

  test('e. anonymous visitors read it in Swedish, and in Italian through the fallback', { timeout: TEST_TIMEOUT }, async (t) => {
    if (!state.published || !state.translated) return t.skip('the practice was not published and translated (steps c, d)');
    await withScreenshot(page, 'journey-e', async () => {
      await signOut(page);
      await visit(page, `${server.base}/sv/practices/${state.id}`);
      await expectText(page.locator(S.h1), SWEDISH.title);
      await clickAndWait(page, page.locator(S.languageLink('it')), 'the language switcher link to Italian (a[hreflang=it])');
      assert.equal(pathname(page), `/it/practices/${state.id}`, `the Italian link led to ${page.url()}`);
      await expectVisible(page.locator(S.practicePage.fallbackBanner), 'the fallback banner ([role=status].banner-fallback)');
      await expectVisible(
        page.locator(S.practicePage.inLanguage('fr'), { hasText: FRENCH.title }),
        'the French title in an element with lang="fr"',
      );
    });
  });

  test('f. validation errors are shown next to the fields', { timeout: TEST_TIMEOUT }, async () => {
    await setUp();
    const { context, page: p } = await newPage(browser);
    try {
      await withScreenshot(p, 'journey-f', async () => {
        await signIn(p, server.base, 'en', ACCOUNTS.claire.email, 'not-the-right-password');
        assert.equal(pathname(p), '/en/sign-in', `wrong credentials led to ${p.url()}`);
        await expectVisible(p.locator(S.signIn.error), 'an error (.field-error or [role=alert]) after wrong credentials');

        await signInOk(p, server.base, 'en', ACCOUNTS.claire.email, ACCOUNTS.claire.password);
        await visit(p, `${server.base}/en/practices/new`);
        const form = await practiceForm(p);
        // Let the server, not the browser, refuse the empty title.
        await form.evaluate((f) => { f.noValidate = true; });
        await form.locator(S.practiceForm.title).fill('');
        await form.locator(S.practiceForm.summary).fill('A summary without a title.');
        const response = await submitForm(p, form);
        assert.equal(response?.status(), 422, `an empty title answered ${response?.status()} at ${p.url()}`);
        await expectVisible(p.locator(S.practiceForm.titleError), 'the title error (#title-error)');
        await expectAttribute(p.locator(S.practiceForm.title), 'aria-invalid', 'true');
      });
    } finally {
      await context.close();
    }
  });

  test('g. the forms work without JavaScript', { timeout: TEST_TIMEOUT }, async () => {
    await setUp();
    const plain = await launch({ javaScriptEnabled: false });
    try {
      await withScreenshot(plain.page, 'journey-g', async () => {
        const p = plain.page;
        await signInOk(p, server.base, 'en', ACCOUNTS.claire.email, ACCOUNTS.claire.password);
        await visit(p, `${server.base}/en/practices/new`);
        const form = await practiceForm(p);
        await form.locator(S.practiceForm.title).fill(`Without JavaScript ${suffix}`);
        await form.locator(S.practiceForm.summary).fill('Created with scripts turned off.');
        await submitForm(p, form);
        assert.match(pathname(p), UUID_PAGE('en'), `after saving without JavaScript, the browser is at ${p.url()}`);
      });
    } finally {
      await plain.browser.close();
    }
  });
});
