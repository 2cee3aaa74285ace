// Files attached from the document page in a real browser, in Slovenian: an editor writes a
// practice, uploads a PDF (a small valid one written to a temporary file) and a PNG through the
// file chooser, sees both listed, removes one and reads the notice naming it, then tries a
// program and sees the refusal in Slovenian on the same page; axe finds nothing on each page.
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
  assertCleanPage,
  tinyPdf,
  clickAndWait,
  expectText,
  expectVisible,
  launch,
  loadFluentIds,
  once,
  signInOk,
  startServer,
  visit,
  withScreenshot,
} from './harness.js';
import { S } from './selectors.js';

const TEST_TIMEOUT = 90_000;
const TITLE = 'Mikrokrediti za mlada podjetja v Kamniku';


let server;
let browser;
let page;
let folder;
const state = { id: null, listed: false };

const setUp = once(async () => {
  server = await startServer();
  ({ browser, page } = await launch());
  folder = mkdtempSync(join(tmpdir(), 'mfx-files-'));
  writeFileSync(join(folder, 'porocilo.pdf'), tinyPdf());
});

const pathname = (p) => new URL(p.url()).pathname;

after(async () => {
  await browser?.close();
  await server?.stop();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

async function expectClean(p, lang) {
  await assertCleanPage(p, lang, loadFluentIds());
}

async function upload(p, file) {
  await p.locator(S.files.input).setInputFiles(file);
  return clickAndWait(p, p.locator(S.files.upload), 'the upload button');
}

describe('an editor attaches files from the document page, in Slovenian', { timeout: TEST_TIMEOUT * 5 }, () => {
  test('she writes a practice', { timeout: TEST_TIMEOUT }, async () => {
    await setUp();
    await withScreenshot(page, 'attachments-practice', async () => {
      await signInOk(page, server.base, 'sl', ACCOUNTS.claire.email, ACCOUNTS.claire.password);
      await visit(page, `${server.base}/sl/practices/new`);
      const form = page.locator(S.practiceForm.form).first();
      await form.locator(S.practiceForm.title).fill(TITLE);
      await form.locator(S.practiceForm.summary).fill('Majhna posojila in mentorstvo za nova podjetja.');
      await form.locator(S.practiceForm.theme('microcredit')).check();
      const save = form.locator(S.practiceForm.save);
      await clickAndWait(page, (await save.count()) > 0 ? save : form.locator(S.practiceForm.anySubmit), 'save');
      assert.match(pathname(page), /^\/sl\/practices\/[0-9a-f-]{36}$/, `after saving: ${page.url()}`);
      state.id = pathname(page).split('/').pop();
      await expectVisible(page.locator(S.files.input), 'the file chooser');
      await expectClean(page, 'sl');
    });
  });

  test('she uploads a PDF and a photo and sees both listed', { timeout: TEST_TIMEOUT }, async (t) => {
    if (!state.id) return t.skip('no practice');
    await withScreenshot(page, 'attachments-upload', async () => {
      await upload(page, join(folder, 'porocilo.pdf'));
      assert.equal(pathname(page), `/sl/practices/${state.id}`);
      await expectText(page.locator(S.files.notice), '»porocilo.pdf« je priložena.');
      await upload(page, { name: 'fotografija.png', mimeType: 'image/png', buffer: ONE_PIXEL_PNG });
      await expectText(page.locator(S.files.notice), '»fotografija.png« je priložena.');
      await expectText(page.locator(S.files.row('porocilo.pdf')), 'Dokument PDF');
      await expectText(page.locator(S.files.row('fotografija.png')), 'Slika');
      state.listed = true;
      await expectClean(page, 'sl');
    });
  });

  test('she removes the photo', { timeout: TEST_TIMEOUT }, async (t) => {
    if (!state.listed) return t.skip('nothing listed');
    await withScreenshot(page, 'attachments-remove', async () => {
      await clickAndWait(page, page.locator(S.files.remove('fotografija.png')), 'the remove button');
      assert.equal(pathname(page), `/sl/practices/${state.id}`);
      await expectText(page.locator(S.files.notice), '»fotografija.png« je odstranjena.');
      assert.equal(await page.locator(S.files.row('fotografija.png')).count(), 0);
      assert.equal(await page.locator(S.files.row('porocilo.pdf')).count(), 1);
    });
  });

  test('a program is refused in Slovenian, on the same page', { timeout: TEST_TIMEOUT }, async (t) => {
    if (!state.listed) return t.skip('nothing listed');
    await withScreenshot(page, 'attachments-refused', async () => {
      const response = await upload(page, {
        name: 'namestitev.exe',
        mimeType: 'application/octet-stream',
        buffer: Buffer.from('MZ\x90\x00\x03\x00\x00\x00 a program', 'latin1'),
      });
      assert.equal(response.status(), 415);
      await expectText(page.locator(S.files.error), 'Ta vrsta datoteke ni sprejeta.');
      await expectText(page.locator(S.h1), TITLE);
      assert.equal(await page.locator(S.files.input).getAttribute('aria-invalid'), 'true');
      assert.equal(await page.locator(S.files.row('porocilo.pdf')).count(), 1);
      await expectClean(page, 'sl');
    });
  });
});
