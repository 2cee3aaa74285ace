// Pages that used to mislead, walked in a real browser in all six languages, each page checked
// with axe (WCAG 2.0/2.1 A and AA) at zero violations:
// - a viewer is offered no "New", "Edit" or "Translate", and a new-document form is refused at
//   once with the translated "not allowed" page (before anything is typed);
// - "Add another action" on a new action plan brings the form back with one more row and
//   everything typed kept, nothing saved.
//
// The steps share one server; a step whose prerequisite failed is skipped.

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertCleanPage,
  ACCOUNTS,
  clickAndWait,
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
import { S } from './selectors.js';

const TEST_TIMEOUT = 180_000;
const LANGUAGES = ['en', 'fr', 'it', 'ro', 'sl', 'sv'];
const VIEWER = { email: 'karin@example.se', partner: 'orebro', role: 'viewer', displayName: 'Karin Berg' };
const VIEWER_PASSWORD = 'hagtornsbuske vid Svartån';

let server;
let browser;
let page;
const fluentIds = loadFluentIds();
const state = { viewer: false };

const setUp = once(async () => {
  server = await startServer();
  ({ browser, page } = await launch());
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Everything a page must have, and axe at zero violations. */
async function checkPage(lang, what) {
  await assertCleanPage(page, lang, fluentIds, what);
}

describe('pages offer only what the reader may do', { timeout: TEST_TIMEOUT * 3 }, () => {
  test('a viewer sets a password, then sees no writing offered', { timeout: TEST_TIMEOUT }, async () => {
    await setUp();
    const oneTime = await server.addAccountWithOneTimePassword(VIEWER);
    await withScreenshot(page, 'misleading-viewer', async () => {
      await signIn(page, server.base, 'sv', VIEWER.email, oneTime);
      await page.locator(S.passwordForm.current).fill(oneTime);
      await page.locator(S.passwordForm.next).fill(VIEWER_PASSWORD);
      await clickAndWait(page, page.locator(S.passwordForm.submit), 'the change button');
      state.viewer = true;
      for (const lang of LANGUAGES) {
        for (const collection of ['practices', 'meeting-notes', 'action-plans']) {
          await visit(page, `${server.base}/${lang}/${collection}`);
          assert.equal(await page.locator(`a[href="/${lang}/${collection}/new"]`).count(), 0,
            `/${lang}/${collection} offers a new document to a viewer`);
          await checkPage(lang, `/${lang}/${collection}`);
        }
        const documents = [];
        for (const collection of ['practices', 'action-plans']) {
          await visit(page, `${server.base}/${lang}/${collection}`);
          documents.push(await page.locator('ul.cards h2 a').first().getAttribute('href'));
        }
        for (const path of documents) {
          await visit(page, `${server.base}${path}`);
          assert.equal(await page.locator(`a[href="${path}/edit"]`).count(), 0, `${path} offers an edit`);
          assert.equal(await page.locator(`a[href^="${path}/translations/"]`).count(), 0, `${path} offers a translation`);
          await checkPage(lang, path);
        }
      }
    });
  });

  test('a viewer opening a new-document form is refused at once, in each language', { timeout: TEST_TIMEOUT }, async (t) => {
    if (!state.viewer) return t.skip('the viewer is not signed in');
    await withScreenshot(page, 'misleading-refused', async () => {
      for (const lang of LANGUAGES) {
        await visit(page, `${server.base}/${lang}/practices/new`, { expect: 403 });
        assert.equal(await page.locator('textarea, input[name="title"]').count(), 0, 'nothing to type in');
        await checkPage(lang, `/${lang}/practices/new`);
      }
      await signOut(page);
    });
  });
});

describe('another action row without JavaScript', { timeout: TEST_TIMEOUT * 2 }, () => {
  test('"Add another action" keeps everything typed and adds one row, in each language', { timeout: TEST_TIMEOUT }, async () => {
    await setUp();
    await withScreenshot(page, 'misleading-add-action', async () => {
      await signInOk(page, server.base, 'sv', ACCOUNTS.lars.email, ACCOUNTS.lars.password);
      for (const lang of LANGUAGES) {
        await visit(page, `${server.base}/${lang}/action-plans/new`);
        assert.equal(await page.locator('input[name^="action-"][name$="-title"]').count(), 1, 'one row to begin with');
        await checkPage(lang, `/${lang}/action-plans/new`);
        const title = `Handlingsplan (${lang})`;
        await page.locator('input[name="title"]').fill(title);
        await page.locator('input[name="action-0-title"]').fill('Rådgivning för nya företagare');
        await page.locator('select[name="action-0-status"]').selectOption('in_progress');
        const response = await clickAndWait(page, page.locator('button[name="add_action"]'), 'the add-another-action button');
        assert.equal(response.status(), 200);
        assert.equal(new URL(page.url()).pathname, `/${lang}/action-plans/new`);
        assert.equal(await page.locator('input[name^="action-"][name$="-title"]').count(), 2, 'two rows');
        assert.equal(await page.locator('input[name="title"]').inputValue(), title);
        assert.equal(await page.locator('input[name="action-0-title"]').inputValue(), 'Rådgivning för nya företagare');
        assert.equal(await page.locator('select[name="action-0-status"]').inputValue(), 'in_progress');
        assert.equal(await page.locator('input[name="action-1-title"]').inputValue(), '');
        assert.equal(await page.locator('[role="alert"]').count(), 0, 'no error shown');
        await checkPage(lang, `/${lang}/action-plans/new (another row)`);
        await page.locator('input[name="action-1-title"]').fill('Mentorskap');
        await clickAndWait(page, page.locator('button[name="add_action"]'), 'the add-another-action button');
        assert.equal(await page.locator('input[name^="action-"][name$="-title"]').count(), 3, 'three rows');
        assert.equal(await page.locator('input[name="action-1-title"]').inputValue(), 'Mentorskap');
      }
    });
  });
});
