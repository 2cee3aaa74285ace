// The work plan run from the browser:
//
// 1. The coordinator at Bucharest-Ilfov, in Romanian, adds a work package and a deliverable
//    for Bologna through the forms.
// 2. An editor at Bologna, in Italian, submits it with one of Bologna's documents as evidence.
// 3. The coordinator returns it: first without a comment (the error beside the field, nothing
//    moved), then with one; the editor submits it again; the coordinator approves it.
// 4. The deliverable's page lists every step with the names and the comment; the dashboard
//    and the semester report draft show the deliverable approved.
// 5. Every new page (work packages, a work package, a deliverable, its forms) is clean — the
//    page basics and axe at zero violations — in all six languages.
//
// The steps share state and run in order; a step whose prerequisite failed is skipped.

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ACCOUNTS,
  PASSWORD,
  REPO,
  api,
  apiToken,
  assertCleanPage,
  clickAndWait,
  expectText,
  launch,
  loadFluentIds,
  newPage,
  once,
  signInOk,
  startServer,
  visit,
  withScreenshot,
} from './harness.js';
import { LANGUAGES } from './selectors.js';

const TEST_TIMEOUT = 180_000;
const GIULIA = { email: 'giulia@example.it', partner: 'bologna', role: 'editor', display_name: 'Giulia Rossi' };
const COMMENT = 'Adăugați procesul-verbal al întâlnirii din martie.';

/** A message of `file` in `lang`. */
function message(lang, file, id) {
  const text = readFileSync(join(REPO, 'locales', lang, file), 'utf8');
  const found = new RegExp(`^${id} = (.*)$`, 'm').exec(text);
  assert.ok(found, `${id} in ${lang}/${file}`);
  return found[1];
}

let server;
let browser;
let lead;
let editor;
const fluentIds = loadFluentIds();
const state = { id: null, submitted: false, returned: false, approved: false };

const setUp = once(async () => {
  server = await startServer();
  ({ browser, page: lead } = await launch());
  const admin = await apiToken(server.base, ACCOUNTS.eva.email, ACCOUNTS.eva.password);
  await api(server.base, 'POST', '/api/v1/users', { token: admin, body: { ...GIULIA, password: PASSWORD }, expect: 201 });
  ({ page: editor } = await newPage(browser));
  await signInOk(lead, server.base, 'ro', ACCOUNTS.ana.email, ACCOUNTS.ana.password);
  await signInOk(editor, server.base, 'it', GIULIA.email, PASSWORD);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const deliverable = (lang) => `${server.base}/${lang}/deliverables/${state.id}`;

describe('the work plan from the browser', { timeout: TEST_TIMEOUT }, () => {
  test('the coordinator adds a work package and a deliverable for Bologna, in Romanian', async () => {
    await setUp();
    await withScreenshot(lead, 'work-plan-create', async () => {
      await visit(lead, `${server.base}/ro/work-packages`);
      await lead.locator('#wpnew-code').fill('WP9');
      await lead.locator('#wpnew-title-en').fill('Bologna pilot');
      await lead.locator('#wpnew-title-ro').fill('Pilotul din Bologna');
      await clickAndWait(lead, lead.locator('form[action$="/ro/work-packages"] button[type=submit]'), 'the add button');
      assert.equal(new URL(lead.url()).pathname, '/ro/work-packages');
      await expectText(lead.locator('main'), 'Pilotul din Bologna');

      await visit(lead, `${server.base}/ro/work-packages/WP9`);
      await clickAndWait(lead, lead.locator('a[href*="/ro/deliverables/new?work_package=WP9"]'), 'the add-deliverable link');
      await lead.locator('#code').fill('D9.1');
      await lead.locator('select[name=period]').selectOption('FU');
      await lead.locator('#title-en').fill('Bologna pilot report');
      await lead.locator('#title-ro').fill('Raportul pilotului din Bologna');
      await lead.locator('#title-it').fill('Rapporto del progetto pilota di Bologna');
      await lead.locator('#description').fill('What the pilot did and learnt.');
      await lead.locator('#due_on').fill('2027-03-31');
      await lead.locator('#partner-bologna').check();
      await clickAndWait(lead, lead.locator('form[action$="/deliverables/new"] button[type=submit]'), 'the save button');
      const path = new URL(lead.url()).pathname;
      assert.match(path, /^\/ro\/deliverables\/[0-9a-f-]{36}$/);
      state.id = path.split('/').pop();
      await expectText(lead.locator('h1'), 'Raportul pilotului din Bologna');
      await expectText(lead.locator('#deliverable-status'), message('ro', 'tracking.ftl', 'deliverable-status-planned'));
    });
  });

  test('the editor at Bologna submits it in Italian with a document as evidence', async (t) => {
    if (!state.id) return t.skip('no deliverable');
    await withScreenshot(editor, 'work-plan-submit', async () => {
      await visit(editor, deliverable('it'));
      await expectText(editor.locator('h1'), 'Rapporto del progetto pilota di Bologna');
      await assertCleanPage(editor, 'it', fluentIds, 'the deliverable with its submit form');
      assert.equal(await editor.locator('button[value=approve]').count(), 0, 'no approve button for an editor');
      const choice = editor.locator('input[name=evidence]').first();
      assert.ok((await choice.count()) > 0, 'Bologna has documents to offer');
      await choice.check();
      await clickAndWait(editor, editor.locator('button[value=submit]'), 'the submit button');
      await expectText(editor.locator('#deliverable-status'), message('it', 'tracking.ftl', 'deliverable-status-submitted'));
      assert.equal(await editor.locator('.evidence a').count(), 1, 'the evidence is listed');
      state.submitted = true;
    });
  });

  test('the coordinator returns it with a comment, the editor submits again, the coordinator approves', async (t) => {
    if (!state.submitted) return t.skip('not submitted');
    await withScreenshot(lead, 'work-plan-return', async () => {
      await visit(lead, deliverable('ro'));
      await clickAndWait(lead, lead.locator('button[value=return]'), 'the return button');
      await expectText(lead.locator('#return-comment-error'), message('ro', 'errors.ftl', 'error-required'));
      await expectText(lead.locator('#deliverable-status'), message('ro', 'tracking.ftl', 'deliverable-status-submitted'));
      await assertCleanPage(lead, 'ro', fluentIds, 'the deliverable with a missing comment');
      await lead.locator('#return-comment').fill(COMMENT);
      await clickAndWait(lead, lead.locator('button[value=return]'), 'the return button');
      await expectText(lead.locator('#deliverable-status'), message('ro', 'tracking.ftl', 'deliverable-status-in_progress'));
      state.returned = true;
    });
    await withScreenshot(editor, 'work-plan-resubmit', async () => {
      await visit(editor, deliverable('it'));
      await expectText(editor.locator('#deliverable-history'), COMMENT);
      await clickAndWait(editor, editor.locator('button[value=submit]'), 'the submit button');
    });
    await withScreenshot(lead, 'work-plan-approve', async () => {
      await visit(lead, deliverable('ro'));
      await clickAndWait(lead, lead.locator('button[value=approve]'), 'the approve button');
      await expectText(lead.locator('#deliverable-status'), message('ro', 'tracking.ftl', 'deliverable-status-approved'));
      state.approved = true;
    });
  });

  test('the history names every step and the dashboard shows it approved', async (t) => {
    if (!state.approved) return t.skip('not approved');
    await withScreenshot(lead, 'work-plan-history', async () => {
      await visit(lead, deliverable('ro'));
      const history = await lead.locator('#deliverable-history tbody').innerText();
      for (const expected of ['Giulia Rossi', ACCOUNTS.ana.displayName, COMMENT]) {
        assert.ok(history.includes(expected), `the history shows ${expected}:\n${history}`);
      }
      assert.equal(await lead.locator('#deliverable-history tbody tr').count(), 5, 'five steps');
      const approved = message('ro', 'tracking.ftl', 'deliverable-status-approved');
      assert.ok(history.includes(approved), 'the statuses are words');
      await visit(lead, `${server.base}/ro/dashboard`);
      const row = lead.locator('tr', { has: lead.locator(`a[href="/ro/deliverables/${state.id}"]`) }).last();
      await expectText(row, approved);
      // The semester report draft of the follow-up period lists it, approved, in Romanian.
      await visit(lead, `${server.base}/ro/report?period=FU`);
      const report = lead.locator('main li', { hasText: 'Raportul pilotului din Bologna' });
      await expectText(report, approved);
    });
  });

  test('every work-plan page is clean in all six languages', async (t) => {
    if (!state.id) return t.skip('no deliverable');
    for (const lang of LANGUAGES) {
      for (const path of [
        '/work-packages',
        '/work-packages/WP9',
        `/deliverables/${state.id}`,
        '/deliverables/new',
        `/deliverables/${state.id}/edit`,
      ]) {
        await withScreenshot(lead, `work-plan-${lang}-${path}`, async () => {
          await visit(lead, `${server.base}/${lang}${path}`);
          await assertCleanPage(lead, lang, fluentIds, `/${lang}${path}`);
        });
      }
    }
  });
});
