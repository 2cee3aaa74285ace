// Account administration in a real browser, in each of the six languages: the administrator
// opens the accounts from the menu, sees partner names and roles in words, makes a mistake
// in the new-account form (every value kept, the error beside the field), creates the account
// and reads its one-time password once, changes its role, deactivates and reactivates it and
// finds each change in its activity; the new person signs in with the one-time password and
// is sent to choose their own. axe finds no violation on the list, the form and the account.
//
// The steps of a language share state and run in order; a step whose prerequisite failed is
// skipped.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  assertCleanPage,
  ACCOUNTS,
  REPO,
  clickAndWait,
  launch,
  newPage,
  loadFluentIds,
  signIn,
  signInOk,
  startServer,
  visit,
  withScreenshot,
} from './harness.js';

const TEST_TIMEOUT = 120_000;
const LANGUAGES = ['en', 'fr', 'it', 'ro', 'sl', 'sv'];

/** The single-line messages of admin.ftl and core files in `lang`: id → text. */
function messages(lang) {
  const found = {};
  const dir = join(REPO, 'locales', lang);
  for (const name of ['admin.ftl', 'core.ftl', 'errors.ftl']) {
    let text = '';
    try {
      text = readFileSync(join(dir, name), 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n')) {
      const match = /^([a-z][a-z0-9_-]*) = (.*)$/.exec(line);
      if (match) found[match[1]] = match[2];
    }
  }
  return found;
}

/** No axe violation at all (wcag2a, wcag2aa, wcag21aa), and the page basics. */
async function checkPage(page, lang, fluentIds) {
  await assertCleanPage(page, lang, fluentIds);
}

const pathname = (p) => new URL(p.url()).pathname;

let server;
let browser;
const fluentIds = loadFluentIds();

before(async () => {
  server = await startServer();
  ({ browser } = await launch());
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

for (const lang of LANGUAGES) {
  describe(`account administration in ${lang}`, { timeout: TEST_TIMEOUT * 6 }, () => {
    const m = messages(lang);
    const email = `person.${lang}@example.si`;
    const state = { page: null, created: false, oneTime: null, account: null };

    test('the accounts list names partners and roles in words', { timeout: TEST_TIMEOUT }, async () => {
      ({ page: state.page } = await newPage(browser));
      const page = state.page;
      await withScreenshot(page, `admin-list-${lang}`, async () => {
        await signInOk(page, server.base, lang, ACCOUNTS.eva.email, ACCOUNTS.eva.password);
        await visit(page, `${server.base}/${lang}/`);
        await clickAndWait(page, page.locator(`nav.main-nav a[href="/${lang}/admin/users"]`), 'the accounts link');
        assert.equal(pathname(page), `/${lang}/admin/users`);
        const row = page.locator(`tr[data-account="${ACCOUNTS.claire.email}"]`);
        const text = await row.innerText();
        assert.match(text, /Claire Martin/);
        assert.match(text, /Département de la Seine-Saint-Denis/);
        assert.ok(text.includes(m['role-editor']), `the role in words: ${text}`);
        assert.ok(text.includes(m['admin-state-active']), text);
        assert.ok(!text.includes('seine-saint-denis'), `no slug: ${text}`);
        await checkPage(page, lang, fluentIds);
      });
    });

    test('a mistake in the new-account form keeps every value', { timeout: TEST_TIMEOUT }, async (t) => {
      const page = state.page;
      if (!page) return t.skip('no page');
      await withScreenshot(page, `admin-new-${lang}`, async () => {
        await clickAndWait(page, page.locator(`main a[href="/${lang}/admin/users/new"]`), 'the new account link');
        await checkPage(page, lang, fluentIds);
        await page.locator('input[name=email]').fill('not an email');
        await page.locator('input[name=display_name]').fill('Mojca Zupan');
        await page.locator('select[name=partner]').selectOption('heart-of-slovenia');
        await page.locator('select[name=role]').selectOption('coordinator');
        await page.locator('select[name=language]').selectOption('sl');
        await page.locator('select[name=time_zone]').selectOption('Europe/Ljubljana');
        const response = await clickAndWait(page, page.locator('main form button[type=submit]'), 'the create button');
        assert.equal(response.status(), 422);
        assert.equal(await page.locator('#email-error').innerText(), m['error-invalid_email']);
        assert.equal(await page.locator('input[name=email]').inputValue(), 'not an email');
        assert.equal(await page.locator('input[name=display_name]').inputValue(), 'Mojca Zupan');
        assert.equal(await page.locator('select[name=partner]').inputValue(), 'heart-of-slovenia');
        assert.equal(await page.locator('select[name=role]').inputValue(), 'coordinator');
        assert.equal(await page.locator('select[name=language]').inputValue(), 'sl');
        assert.equal(await page.locator('select[name=time_zone]').inputValue(), 'Europe/Ljubljana');
        await checkPage(page, lang, fluentIds);
      });
    });

    test('the created account’s one-time password is shown once', { timeout: TEST_TIMEOUT }, async (t) => {
      const page = state.page;
      if (!page) return t.skip('no page');
      await withScreenshot(page, `admin-created-${lang}`, async () => {
        await page.locator('input[name=email]').fill(email);
        await page.locator('select[name=role]').selectOption('editor');
        const response = await clickAndWait(page, page.locator('main form button[type=submit]'), 'the create button');
        assert.equal(response.status(), 200);
        assert.equal(response.headers()['cache-control'], 'no-store');
        state.oneTime = (await page.locator('#one-time-password').innerText()).trim();
        assert.ok(state.oneTime.length >= 12, state.oneTime);
        assert.ok(!page.url().includes(state.oneTime), 'not in the address');
        state.created = true;
        await clickAndWait(page, page.locator(`main a[href^="/${lang}/admin/users/"]`).first(), 'the account link');
        state.account = pathname(page);
        assert.ok(!(await page.content()).includes(state.oneTime), 'shown only once');
        assert.ok((await page.locator('main').innerText()).includes('Razvojni center Srca Slovenije'));
        await checkPage(page, lang, fluentIds);
      });
    });

    test('role change, deactivation and reactivation are in the activity', { timeout: TEST_TIMEOUT }, async (t) => {
      const page = state.page;
      if (!state.account) return t.skip('no account');
      await withScreenshot(page, `admin-account-${lang}`, async () => {
        await page.locator('select[name=role]').selectOption('viewer');
        await clickAndWait(page, page.locator(`form[action="${state.account}"] button[type=submit]`), 'the save button');
        assert.equal(pathname(page), state.account);
        assert.ok((await page.locator('[role=status]').innerText()).includes(m['notice-admin-saved']));
        await clickAndWait(page, page.locator(`form[action="${state.account}/deactivate"] button`), 'deactivate');
        assert.ok((await page.locator('#account-state').innerText()).startsWith(m['admin-state-deactivated']));
        await clickAndWait(page, page.locator(`form[action="${state.account}/reactivate"] button`), 'reactivate');
        assert.ok((await page.locator('#account-state').innerText()).startsWith(m['admin-state-active']));
        const activity = await page.locator('ul.activity').innerText();
        for (const id of ['admin-event-deactivated', 'admin-event-reactivated', 'admin-event-changed']) {
          assert.ok(activity.includes(m[id]), `${id} in ${activity}`);
        }
        assert.ok(activity.includes(m['role-viewer']), activity);
        await checkPage(page, lang, fluentIds);
      });
    });

    test('the new person signs in with it and must choose a password', { timeout: TEST_TIMEOUT }, async (t) => {
      if (!state.oneTime) return t.skip('no one-time password');
      const { context, page } = await newPage(browser);
      try {
        await withScreenshot(page, `admin-first-sign-in-${lang}`, async () => {
          await signIn(page, server.base, lang, email, state.oneTime);
          assert.equal(pathname(page), `/${lang}/account/password`);
        });
      } finally {
        await context.close();
        await state.page?.context().close();
      }
    });
  });
}
