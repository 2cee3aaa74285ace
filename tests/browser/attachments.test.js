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
  clickAndWait,
  expectText,
  expectVisible,
  formatViolations,
  launch,
  loadFluentIds,
  once,
  pageProblems,
  runAxe,
  seriousViolations,
  signInOk,
  startServer,
  visit,
  withScreenshot,
} from './harness.js';
import { S } from './selectors.js';

const TEST_TIMEOUT = 90_000;
const TITLE = 'Mikrokrediti za mlada podjetja v Kamniku';

// A one-page PDF, small but well formed (cross-reference offsets computed below).
function tinyPdf() {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

// A one-pixel PNG.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f80f0000010100051' +
    '8d84e0000000049454e44ae426082',
  'hex',
);

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
  const problems = await pageProblems(p, lang, loadFluentIds());
  const serious = seriousViolations(await runAxe(p));
  if (serious.length > 0) problems.push(`axe found ${serious.length} violation(s):\n${formatViolations(serious)}`);
  assert.deepEqual(problems, [], `${p.url()}:\n${problems.join('\n')}`);
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
      await upload(page, { name: 'fotografija.png', mimeType: 'image/png', buffer: PNG });
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
