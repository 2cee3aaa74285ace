// A member takes her data and asks for her account to be erased, and the lead partner's
// coordinator confirms it, each in her own language: Claire (Seine-Saint-Denis, in French) opens
// "Your data" from her account page, downloads the ZIP, is told to tick the box before asking,
// asks, withdraws, and asks again; Ana (in Romanian) follows the link on the accounts list to the
// waiting request and erases the account; Claire's session has ended and her password no longer
// signs in. axe finds nothing on the pages on the way.

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  ACCOUNTS,
  allViolations,
  clickAndWait,
  formatViolations,
  launch,
  newPage,
  once,
  runAxe,
  signIn,
  signInOk,
  startServer,
  visit,
  withScreenshot,
} from './harness.js';

const TEST_TIMEOUT = 180_000;

let server;
let browser;
const setUp = once(async () => {
  server = await startServer();
  ({ browser } = await launch());
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function noViolations(page, what) {
  const found = allViolations(await runAxe(page));
  assert.equal(found.length, 0, `axe on ${what}:\n${formatViolations(found)}`);
}

describe('one’s own data', { timeout: TEST_TIMEOUT }, () => {
  test('Claire downloads her data and has her account erased; Ana confirms', { timeout: TEST_TIMEOUT }, async () => {
    await setUp();
    const { claire, ana } = ACCOUNTS;
    const { page } = await newPage(browser, { acceptDownloads: true });
    await withScreenshot(page, 'data-claire', async () => {
      await signInOk(page, server.base, 'fr', claire.email, claire.password);
      await visit(page, `${server.base}/fr/account`);
      await clickAndWait(page, page.locator('main a[href="/fr/account/data"]'), 'the link to one’s data');
      assert.equal(new URL(page.url()).pathname, '/fr/account/data');
      await noViolations(page, '/fr/account/data');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('main a[href="/fr/account/data/export"]').click(),
      ]);
      assert.match(download.suggestedFilename(), /^microfuture-exchange-my-data-\d{4}-\d{2}-\d{2}\.zip$/);
      const bytes = readFileSync(await download.path());
      assert.equal(bytes.subarray(0, 2).toString(), 'PK', 'the download is a ZIP');
      assert.ok(bytes.includes(Buffer.from('summary.html')), 'the ZIP holds the summary');

      // Asking without ticking the box is refused beside the box.
      const ask = page.locator('form[action="/fr/account/data/erasure"] button[type=submit]');
      await clickAndWait(page, ask, 'the erasure button');
      await page.locator('#confirm-error').waitFor();
      assert.equal(await page.locator('#confirm').getAttribute('aria-invalid'), 'true');
      await noViolations(page, 'the refused request');

      await page.locator('#confirm').check();
      await clickAndWait(page, ask, 'the erasure button');
      const withdraw = page.locator('form[action="/fr/account/data/erasure/withdraw"] button[type=submit]');
      assert.equal(await withdraw.count(), 1, 'the page offers to keep the account');
      await noViolations(page, 'the recorded request');
      await clickAndWait(page, withdraw, 'the withdraw button');
      assert.equal(await withdraw.count(), 0);
      await page.locator('#confirm').check();
      await clickAndWait(page, ask, 'the erasure button');
    });

    const { page: lead } = await newPage(browser);
    await withScreenshot(lead, 'data-ana', async () => {
      await signInOk(lead, server.base, 'ro', ana.email, ana.password);
      await visit(lead, `${server.base}/ro/admin/users`);
      await clickAndWait(lead, lead.locator('main a[href="/ro/admin/erasures"]'), 'the link to the waiting requests');
      const item = lead.locator('main ul.erasures li', { hasText: claire.email });
      assert.equal(await item.count(), 1, 'Claire’s request is listed');
      await noViolations(lead, '/ro/admin/erasures');
      await clickAndWait(lead, item.locator('button[type=submit]'), 'the erase button');
      assert.equal(await lead.locator('main ul.erasures li', { hasText: claire.email }).count(), 0);
    });

    // Claire's session ended with her account, and her password no longer signs in.
    await visit(page, `${server.base}/fr/account/data`);
    assert.equal(new URL(page.url()).pathname, '/fr/sign-in');
    await signIn(page, server.base, 'fr', claire.email, claire.password);
    assert.equal(new URL(page.url()).pathname, '/fr/sign-in', 'the erased account cannot sign in');
  });
});
