// Accessibility of every main page in every language: axe-core (WCAG 2.0/2.1 A and AA) finds
// no serious or critical violation, and each page has <html lang>, one <main>, a skip link to
// #main and no raw Fluent message id in its text. Anonymous pages first, then, signed in as the
// Örebro editor, the new-practice form, the account page, the dashboard, the action-item board
// the translation editor and the data page; signed in as an administrator, the digest outbox and
// the requests to erase an account.

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ACCOUNTS,
  firstDocumentHref,
  formatViolations,
  launch,
  loadFluentIds,
  newPage,
  once,
  pageProblems,
  runAxe,
  seriousViolations,
  signInOk,
  startServer,
  visit,
  withScreenshot,
} from './harness.js';
import { LANGUAGES, PATHS } from './selectors.js';

const TEST_TIMEOUT = 60_000;
const fluentIds = loadFluentIds();

const ANONYMOUS_PAGES = [
  ['home', PATHS.home],
  ['sign-in', PATHS.signIn],
  ['practices', PATHS.practices],
  ['meeting-notes', PATHS.meetingNotes],
  ['action-plans', PATHS.actionPlans],
  ['search', PATHS.search],
  ['partner', PATHS.partner],
  ['privacy', PATHS.privacy],
];

const DOCUMENT_PAGES = [
  ['practice', 'practices'],
  ['meeting-note', 'meeting-notes'],
  ['action-plan', 'action-plans'],
];

let server;
let browser;
let anonymous; // a page that never signs in
let member; // a page signed in as the Örebro editor
let operator; // a page signed in as an administrator

// Started by the first test that needs them, so that when the server cannot start, every test
// fails with the reason (rather than being cancelled by a failed hook).
const setUp = once(async () => {
  server = await startServer();
  ({ browser, page: anonymous } = await launch());
  ({ page: member } = await newPage(browser));
  ({ page: operator } = await newPage(browser));
});

/** Opens `path` and asserts everything a page must have. */
async function checkPage(page, lang, path, name) {
  await setUp();
  const url = `${server.base}${path}`;
  await withScreenshot(page, `a11y-${lang}-${name}`, async () => {
    await visit(page, url);
    const problems = await pageProblems(page, lang, fluentIds);
    const serious = seriousViolations(await runAxe(page));
    if (serious.length > 0) {
      problems.push(`axe found ${serious.length} serious or critical violation(s):\n${formatViolations(serious)}`);
    }
    if (problems.length > 0) assert.fail(`${path}:\n- ${problems.join('\n- ')}`);
  });
}

const signInAsLars = once(async () => {
  await setUp();
  await withScreenshot(member, 'a11y-sign-in-lars', () =>
    signInOk(member, server.base, 'en', ACCOUNTS.lars.email, ACCOUNTS.lars.password),
  );
});

const signInAsEva = once(async () => {
  await setUp();
  await withScreenshot(operator, 'a11y-sign-in-eva', () =>
    signInOk(operator, server.base, 'en', ACCOUNTS.eva.email, ACCOUNTS.eva.password),
  );
});

describe('accessibility', () => {
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the English locale files define message ids', () => {
    assert.ok(fluentIds.size > 0, 'no message id found in locales/en/*.ftl: the raw-id check would check nothing');
  });

  for (const lang of LANGUAGES) {
    describe(lang, () => {
      for (const [name, path] of ANONYMOUS_PAGES) {
        test(`${lang}: ${name} (anonymous)`, { timeout: TEST_TIMEOUT }, async () => {
          await setUp();
          await checkPage(anonymous, lang, `/${lang}${path}`, name);
        });
      }

      for (const [name, kind] of DOCUMENT_PAGES) {
        test(`${lang}: first ${name} (anonymous)`, { timeout: TEST_TIMEOUT }, async () => {
          await setUp();
          const path = await withScreenshot(anonymous, `a11y-${lang}-${kind}-list`, () =>
            firstDocumentHref(anonymous, server.base, lang, kind),
          );
          await checkPage(anonymous, lang, path, name);
        });
      }

      describe(`${lang}: signed in as ${ACCOUNTS.lars.email}`, () => {
        test(`${lang}: new practice form`, { timeout: TEST_TIMEOUT }, async () => {
          await signInAsLars();
          await checkPage(member, lang, `/${lang}${PATHS.newPractice}`, 'practice-new');
        });

        test(`${lang}: account`, { timeout: TEST_TIMEOUT }, async () => {
          await signInAsLars();
          await checkPage(member, lang, `/${lang}${PATHS.account}`, 'account');
        });

        test(`${lang}: your data`, { timeout: TEST_TIMEOUT }, async () => {
          await signInAsLars();
          await checkPage(member, lang, `/${lang}${PATHS.accountData}`, 'account-data');
        });

        test(`${lang}: password change form`, { timeout: TEST_TIMEOUT }, async () => {
          await signInAsLars();
          await checkPage(member, lang, `/${lang}${PATHS.password}`, 'password');
        });

        test(`${lang}: work plan dashboard`, { timeout: TEST_TIMEOUT }, async () => {
          await signInAsLars();
          await checkPage(member, lang, `/${lang}${PATHS.dashboard}`, 'dashboard');
        });

        test(`${lang}: work packages`, { timeout: TEST_TIMEOUT }, async () => {
          await signInAsLars();
          await checkPage(member, lang, `/${lang}${PATHS.workPackages}`, 'work-packages');
        });

        test(`${lang}: action-item board, by status and by due date`, { timeout: TEST_TIMEOUT }, async () => {
          await signInAsLars();
          await checkPage(member, lang, `/${lang}${PATHS.actionItems}`, 'action-items');
          await checkPage(member, lang, `/${lang}${PATHS.actionItems}?by=due&late=1`, 'action-items-late');
        });

        test(`${lang}: semester report draft`, { timeout: TEST_TIMEOUT }, async () => {
          await signInAsLars();
          await checkPage(member, lang, `/${lang}${PATHS.report}`, 'report');
        });

        test(`${lang}: translation editor of the first practice into Swedish`, { timeout: TEST_TIMEOUT }, async () => {
          await signInAsLars();
          const practice = await withScreenshot(member, `a11y-${lang}-practices-list-signed-in`, () =>
            firstDocumentHref(member, server.base, lang, 'practices'),
          );
          const id = practice.split('/').pop();
          await checkPage(member, lang, `/${lang}${PATHS.translationEditor(id, 'sv')}`, 'translation-editor');
        });
      });

      test(`${lang}: digest outbox (administrator)`, { timeout: TEST_TIMEOUT }, async () => {
        await signInAsEva();
        await checkPage(operator, lang, `/${lang}${PATHS.outbox}`, 'outbox');
        const rows = await operator.locator('main table tbody tr').count();
        assert.ok(rows > 0, 'the outbox lists the digests written by `mfx digest run --now`');
      });

      test(`${lang}: requests to erase an account (administrator)`, { timeout: TEST_TIMEOUT }, async () => {
        await signInAsEva();
        await checkPage(operator, lang, `/${lang}${PATHS.erasures}`, 'erasures');
      });
    });
  }
});
