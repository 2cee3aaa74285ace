// A new account's first sign-in in a real browser: with the one-time password an administrator
// gave out, every page sends the account to the password form, in its language; an easy
// password is refused with the reason in that language; a strong one is accepted and the
// account then works normally, and signs in with it next time.
//
// The steps share state and run in order; a step whose prerequisite failed is skipped.

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  clickAndWait,
  expectText,
  launch,
  once,
  signIn,
  signOut,
  startServer,
  visit,
  withScreenshot,
} from './harness.js';
import { S } from './selectors.js';

const TEST_TIMEOUT = 90_000;
const MAJA = { email: 'maja.novak@example.si', partner: 'heart-of-slovenia', role: 'editor', displayName: 'Maja Novak' };
const STRONG = 'kozolec ob cesti pod Triglavom';

let server;
let browser;
let page;
let oneTime;
const state = { signedIn: false, changed: false };

const setUp = once(async () => {
  server = await startServer();
  oneTime = await server.addAccountWithOneTimePassword(MAJA);
  ({ browser, page } = await launch());
});

const pathname = (p) => new URL(p.url()).pathname;

after(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a one-time password must be replaced first', { timeout: TEST_TIMEOUT * 4 }, () => {
  test('signing in with it leads to the password form, in Slovenian', { timeout: TEST_TIMEOUT }, async () => {
    await setUp();
    await withScreenshot(page, 'password-sign-in', async () => {
      await signIn(page, server.base, 'sl', MAJA.email, oneTime);
      assert.equal(pathname(page), '/sl/account/password');
      assert.equal(await page.locator('html').getAttribute('lang'), 'sl');
      await expectText(page.locator(S.passwordForm.required), 'enkratnim geslom');
      state.signedIn = true;
    });
  });

  test('every page sends the account back to the form', { timeout: TEST_TIMEOUT }, async (t) => {
    if (!state.signedIn) return t.skip('not signed in');
    await withScreenshot(page, 'password-every-page', async () => {
      for (const path of ['/sl/', '/sl/practices', '/sl/dashboard', '/sl/account', '/sl/search?q=mikro']) {
        await visit(page, `${server.base}${path}`);
        assert.equal(pathname(page), '/sl/account/password', `${path} leads to the form`);
      }
      // In another language the form speaks that language.
      await visit(page, `${server.base}/fr/practices`);
      assert.equal(pathname(page), '/fr/account/password');
      await expectText(page.locator(S.passwordForm.required), 'mot de passe à usage unique');
    });
  });

  test('an easy password is refused with the reason in the reader’s language', { timeout: TEST_TIMEOUT }, async (t) => {
    if (!state.signedIn) return t.skip('not signed in');
    await withScreenshot(page, 'password-weak', async () => {
      await visit(page, `${server.base}/sl/account/password`);
      await page.locator(S.passwordForm.current).fill(oneTime);
      await page.locator(S.passwordForm.next).fill('passwordpassword');
      const response = await clickAndWait(page, page.locator(S.passwordForm.submit), 'the change button');
      assert.equal(response.status(), 422);
      await expectText(page.locator(S.passwordForm.newError), 'Ponovljene znake ali besede je lahko uganiti.');
      assert.equal(await page.locator(S.passwordForm.next).getAttribute('aria-invalid'), 'true');
    });
  });

  test('a strong password is accepted and the account works normally', { timeout: TEST_TIMEOUT }, async (t) => {
    if (!state.signedIn) return t.skip('not signed in');
    await withScreenshot(page, 'password-strong', async () => {
      await page.locator(S.passwordForm.current).fill(oneTime);
      await page.locator(S.passwordForm.next).fill(STRONG);
      await clickAndWait(page, page.locator(S.passwordForm.submit), 'the change button');
      assert.equal(pathname(page), '/sl/');
      state.changed = true;
      await visit(page, `${server.base}/sl/dashboard`);
      assert.equal(pathname(page), '/sl/dashboard');
      await visit(page, `${server.base}/sl/account`);
      assert.equal(pathname(page), '/sl/account');
    });
  });

  test('next time the new password signs in, the one-time password does not', { timeout: TEST_TIMEOUT }, async (t) => {
    if (!state.changed) return t.skip('the password was not changed');
    await withScreenshot(page, 'password-again', async () => {
      await signOut(page);
      const refused = await signIn(page, server.base, 'sl', MAJA.email, oneTime);
      assert.equal(refused.status(), 401);
      await signIn(page, server.base, 'sl', MAJA.email, STRONG);
      assert.equal(pathname(page), '/sl/');
    });
  });
});
