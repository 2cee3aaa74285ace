// Everyone keeps their own account in the browser, in each of the six languages: a new member
// replaces the one-time password on the password page, then on the account page changes name,
// language, time zone (chosen from the list of cities in the interface language), digest
// frequency, weekday and hour. A validation error keeps every choice made; axe finds nothing on
// either page.

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  allViolations,
  clickAndWait,
  formatViolations,
  launch,
  newPage,
  once,
  runAxe,
  signIn,
  startServer,
  visit,
  withScreenshot,
} from './harness.js';
import { S } from './selectors.js';

const TEST_TIMEOUT = 120_000;
const STRONG = 'kozolec ob cesti pod Triglavom';
// The zone each member chooses, by the city's name in her interface language.
const LISBON = { en: 'Lisbon', fr: 'Lisbonne', it: 'Lisbona', ro: 'Lisabona', sl: 'Lizbona', sv: 'Lissabon' };
const PARTNERS = {
  en: 'bologna',
  fr: 'seine-saint-denis',
  it: 'yunus-italy',
  ro: 'bucharest-ilfov',
  sl: 'heart-of-slovenia',
  sv: 'orebro',
};

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

const chosen = (page, name) => page.locator(`select[name=${name}]`).evaluate((s) => s.value);

describe('a member keeps her own account', { timeout: TEST_TIMEOUT * 7 }, () => {
  for (const lang of Object.keys(PARTNERS)) {
    test(`in ${lang}: password, name, language, zone and digests`, { timeout: TEST_TIMEOUT }, async () => {
      await setUp();
      const member = {
        email: `member.${lang}@example.org`,
        partner: PARTNERS[lang],
        role: 'editor',
        displayName: `Member ${lang}`,
      };
      const oneTime = await server.addAccountWithOneTimePassword(member);
      const { context, page } = await newPage(browser);
      try {
        await withScreenshot(page, `account-${lang}`, async () => {
          // The one-time password is replaced on the password page first.
          await signIn(page, server.base, lang, member.email, oneTime);
          await visit(page, `${server.base}/${lang}/account/password`);
          assert.equal(new URL(page.url()).pathname, `/${lang}/account/password`);
          await noViolations(page, `/${lang}/account/password`);
          await page.locator(S.passwordForm.current).fill(oneTime);
          await page.locator(S.passwordForm.next).fill(STRONG);
          await clickAndWait(page, page.locator(S.passwordForm.submit), 'the change button');

          await visit(page, `${server.base}/${lang}/account`);
          await noViolations(page, `/${lang}/account`);
          assert.equal(await page.locator('input[name=time_zone]').count(), 0, 'the zone is not typed');
          // Every choice is made, and the name left empty: the error keeps them all.
          await page.locator('#display_name').fill('');
          await page.locator('#language').selectOption(lang);
          await page.locator('#time_zone').selectOption({ label: LISBON[lang] });
          await page.locator('#digest_frequency').selectOption('weekly');
          await page.locator('#digest_weekday').selectOption('3');
          await page.locator('#digest_hour').selectOption('17');
          const refused = await clickAndWait(page, page.locator('form[action$="/account"] button[type=submit]'), 'save');
          assert.equal(refused.status(), 422);
          assert.equal(await page.locator('#display_name').getAttribute('aria-invalid'), 'true');
          assert.equal(await chosen(page, 'language'), lang);
          assert.equal(await chosen(page, 'time_zone'), 'Europe/Lisbon');
          assert.equal(await chosen(page, 'digest_frequency'), 'weekly');
          assert.equal(await chosen(page, 'digest_weekday'), '3');
          assert.equal(await chosen(page, 'digest_hour'), '17');
          await noViolations(page, `/${lang}/account with an error`);

          await page.locator('#display_name').fill(`Nova ${lang}`);
          await clickAndWait(page, page.locator('form[action$="/account"] button[type=submit]'), 'save');
          assert.equal(new URL(page.url()).pathname, `/${lang}/account`);
          assert.equal(await page.locator('#display_name').inputValue(), `Nova ${lang}`);
          assert.equal(await chosen(page, 'time_zone'), 'Europe/Lisbon');
          const label = await page.locator('#time_zone option:checked').textContent();
          assert.equal(label.trim(), LISBON[lang]);
          assert.equal(await chosen(page, 'digest_frequency'), 'weekly');
          assert.equal(await chosen(page, 'digest_weekday'), '3');
          assert.equal(await chosen(page, 'digest_hour'), '17');
          assert.equal(await page.locator('html').getAttribute('lang'), lang);
        });
      } finally {
        await context.close();
      }
    });
  }
});
