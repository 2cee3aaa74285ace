#!/usr/bin/env node
// Regenerates the screenshots of the main pages, in English and French, into docs/screenshots/
// (or the folder given as the first argument): 1280×900, full page, named like en-practice.png;
// the dashboard also as a phone's 390×844 screen shows it (en-dashboard-phone.png).
//
//   node tests/browser/screenshots.js [OUTPUT_DIR]
//
// It starts a throwaway server with the demo content (MFX_BIN chooses the binary), signs in as
// the Örebro editor (and as an administrator for the account pages), and exits non-zero if
// any page could not be captured.

import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ACCOUNTS, REPO, apiToken, firstDocumentHref, firstLine, launch, newPage, signInOk, startServer, visit } from './harness.js';
import { PATHS } from './selectors.js';

const OUT = process.argv[2] ? resolve(process.argv[2]) : join(REPO, 'docs', 'screenshots');
const LANGS = ['en', 'fr'];

async function capture(page, url, file, { fullPage = true } = {}) {
  await visit(page, url);
  mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: join(OUT, file), fullPage, animations: 'disabled', timeout: 15_000 });
  console.log(`wrote ${join(OUT, file)}`);
}

/** A practice by Örebro, edited once through the JSON API; the path of its history. */
async function editedPractice(base) {
  const token = await apiToken(base, ACCOUNTS.lars.email, ACCOUNTS.lars.password);
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const created = await fetch(`${base}/api/v1/practices`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      visibility: 'public',
      themes: ['microcredit'],
      text: { title: 'Mikrolån med stöd', summary: 'Ett mikrolån med stöd hjälper mottagare av försörjningsstöd att starta eget.' },
    }),
  });
  if (created.status !== 201) throw new Error(`creating a practice answered ${created.status}`);
  const location = created.headers.get('location');
  const edited = await fetch(`${base}${location}`, {
    method: 'PATCH',
    headers: { ...headers, 'if-match': created.headers.get('etag') },
    body: JSON.stringify({
      themes: ['microcredit', 'financial_literacy'],
      start_year: 2021,
      text: { summary: 'Ett mikrolån med stöd hjälper mottagare av försörjningsstöd och unga att starta företag.' },
    }),
  });
  if (edited.status !== 200) throw new Error(`editing the practice answered ${edited.status}`);
  return `${location.replace('/api/v1', '')}/history`;
}

async function main() {
  const server = await startServer();
  const { browser, page: anonymous } = await launch();
  const failures = [];
  const attempt = async (label, body) => {
    try {
      await body();
    } catch (error) {
      failures.push(`${label}: ${firstLine(error)}`);
    }
  };
  try {
    const { page } = await newPage(browser);
    await signInOk(page, server.base, 'en', ACCOUNTS.lars.email, ACCOUNTS.lars.password);
    // Account administration is seen by an administrator.
    const { page: admin } = await newPage(browser);
    await signInOk(admin, server.base, 'en', ACCOUNTS.eva.email, ACCOUNTS.eva.password);
    for (const lang of LANGS) {
      const at = (path) => `${server.base}/${lang}${path}`;
      await attempt(`${lang}-sign-in`, () => capture(anonymous, at(PATHS.signIn), `${lang}-sign-in.png`));
      await attempt(`${lang}-home`, () => capture(page, at(PATHS.home), `${lang}-home.png`));
      await attempt(`${lang}-practices`, () => capture(page, at(PATHS.practices), `${lang}-practices.png`));
      await attempt(`${lang}-search`, () => capture(page, at(PATHS.search), `${lang}-search.png`));
      let practice = null;
      await attempt(`${lang}-practice`, async () => {
        practice = await firstDocumentHref(page, server.base, lang, 'practices');
        await capture(page, `${server.base}${practice}`, `${lang}-practice.png`);
      });
      await attempt(`${lang}-meeting-note`, async () => {
        const note = await firstDocumentHref(page, server.base, lang, 'meeting-notes');
        await capture(page, `${server.base}${note}`, `${lang}-meeting-note.png`);
      });
      await attempt(`${lang}-action-plan`, async () => {
        const plan = await firstDocumentHref(page, server.base, lang, 'action-plans');
        await capture(page, `${server.base}${plan}`, `${lang}-action-plan.png`);
      });
      await attempt(`${lang}-practice-new`, () => capture(page, at(PATHS.newPractice), `${lang}-practice-new.png`));
      await attempt(`${lang}-translation-editor`, async () => {
        if (!practice) throw new Error('no practice found on the list page');
        const id = practice.split('/').pop();
        await capture(page, at(PATHS.translationEditor(id, 'sv')), `${lang}-translation-editor.png`);
      });
      await attempt(`${lang}-account`, () => capture(page, at(PATHS.account), `${lang}-account.png`));
      await attempt(`${lang}-password`, () => capture(page, at(PATHS.password), `${lang}-password.png`));
      await attempt(`${lang}-dashboard`, () => capture(page, at(PATHS.dashboard), `${lang}-dashboard.png`));
      await attempt(`${lang}-work-packages`, () => capture(page, at(PATHS.workPackages), `${lang}-work-packages.png`));
      await attempt(`${lang}-work-package`, async () => {
        await visit(page, at(PATHS.workPackages));
        const href = await page.locator('main a[href*="/work-packages/"]').first().getAttribute('href');
        await capture(page, `${server.base}${href}`, `${lang}-work-package.png`);
      });
      await attempt(`${lang}-deliverable`, async () => {
        await visit(page, at(PATHS.workPackages));
        const href = await page.locator('main a[href*="/deliverables/"]:not([href$="/new"])').first().getAttribute('href');
        await capture(page, `${server.base}${href}`, `${lang}-deliverable.png`);
      });
      await attempt(`${lang}-action-items`, () => capture(page, at(PATHS.actionItems), `${lang}-action-items.png`));
      await attempt(`${lang}-report`, () => capture(page, at(PATHS.report), `${lang}-report.png`));
      await attempt(`${lang}-admin-users`, () => capture(admin, at('/admin/users'), `${lang}-admin-users.png`));
      await attempt(`${lang}-admin-user`, async () => {
        await visit(admin, at('/admin/users'));
        const href = await admin.locator(`tr[data-account="${ACCOUNTS.claire.email}"] a`).first().getAttribute('href');
        await capture(admin, `${server.base}${href}`, `${lang}-admin-user.png`);
      });
    }
    // Made after the other pages, so that the lists above do not lead to it.
    let history = null;
    await attempt('edited practice', async () => {
      history = await editedPractice(server.base);
    });
    for (const lang of LANGS) {
      await attempt(`${lang}-history`, () => {
        if (!history) throw new Error('no edited practice');
        return capture(page, `${server.base}/${lang}${history}`, `${lang}-history.png`);
      });
    }
    await attempt('en-dashboard-phone', async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      // The first screen only: the whole page is many screens long at this width.
      await capture(page, `${server.base}/en${PATHS.dashboard}#overdue`, 'en-dashboard-phone.png', { fullPage: false });
      await page.setViewportSize({ width: 1280, height: 900 });
    });
  } finally {
    await browser.close();
    await server.stop();
  }
  if (failures.length > 0) {
    console.error(`${failures.length} screenshot(s) failed:\n  ${failures.join('\n  ')}`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(`screenshots: ${error.message}`);
  process.exit(1);
});
