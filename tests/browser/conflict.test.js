// Two editors of the same partner edit one good practice in their browsers at the same time.
// Claire saves a new summary and title; Camille, from the same version, saves a new description
// and a title of her own. Camille gets the comparison (Claire's title next to hers, marked as
// changed by both; Claire's summary shown as kept), which passes axe and speaks French; she keeps
// her title and saves. The document then has Claire's summary, Camille's description and the
// title Camille chose: nothing of either editor is lost.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ACCOUNTS,
  PASSWORD,
  clickAndWait,
  formatViolations,
  launch,
  loadFluentIds,
  newPage,
  pageProblems,
  runAxe,
  seriousViolations,
  signInOk,
  startServer,
  visit,
  withScreenshot,
  api,
  apiToken as token,
} from './harness.js';
import { S } from './selectors.js';

const TEST_TIMEOUT = 90_000;
const CAMILLE = { email: 'camille@example.fr', partner: 'seine-saint-denis', role: 'editor' };

describe('two editors save the same document', () => {
  let server;
  let browser;

  before(async () => {
    server = await startServer();
    ({ browser } = await launch());
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the second sees the comparison, and the final document keeps both', { timeout: TEST_TIMEOUT }, async () => {
    const admin = await token(server.base, ACCOUNTS.eva.email, ACCOUNTS.eva.password);
    await api(server.base, 'POST', '/api/v1/users', {
      token: admin,
      body: { ...CAMILLE, password: PASSWORD },
      expect: 201,
    });
    const claireToken = await token(server.base, ACCOUNTS.claire.email, ACCOUNTS.claire.password);
    const practice = await api(server.base, 'POST', '/api/v1/practices', {
      token: claireToken,
      expect: 201,
      body: {
        visibility: 'public',
        themes: ['microcredit', 'social_inclusion'],
        text: {
          title: 'Microcrédit accompagné',
          summary: 'Un microcrédit accompagné.\nPour les allocataires du RSA.',
          description: 'Le département finance l’accompagnement.',
        },
      },
    });
    const edit = `${server.base}/fr/practices/${practice.id}/edit`;

    const { page: claire } = await newPage(browser);
    const { page: camille } = await newPage(browser);
    await signInOk(claire, server.base, 'fr', ACCOUNTS.claire.email, ACCOUNTS.claire.password);
    await signInOk(camille, server.base, 'fr', CAMILLE.email, PASSWORD);
    await visit(claire, edit);
    await visit(camille, edit);

    await withScreenshot(claire, 'conflict-claire-saves', async () => {
      await claire.locator('textarea[name=summary]').fill('Le résumé de Claire.\nSur deux lignes.');
      await claire.locator('input[name=title]').fill('Titre choisi par Claire');
      const saved = await clickAndWait(claire, claire.locator(S.practiceForm.save), 'Claire’s save button');
      assert.equal(saved.status(), 200);
      assert.match(new URL(claire.url()).pathname, new RegExp(`/fr/practices/${practice.id}$`));
    });

    const fluentIds = loadFluentIds();
    await withScreenshot(camille, 'conflict-camille-compares', async () => {
      await camille.locator('textarea[name=description]').fill('La description de Camille.\nAvec des détails.');
      await camille.locator('input[name=title]').fill('Titre choisi par Camille');
      const refused = await clickAndWait(camille, camille.locator(S.practiceForm.save), 'Camille’s save button');
      assert.equal(refused.status(), 409);

      const title = camille.locator('.comparison[data-part="text.title"]');
      assert.equal(await title.count(), 1, 'the title is compared');
      assert.match(await title.getAttribute('class'), /comparison-both/);
      const shown = await title.innerText();
      assert.match(shown, /Titre choisi par Claire/);
      assert.match(shown, /Titre choisi par Camille/);
      assert.match(shown, /Modifié par vous deux/, 'marked in words, not only by colour');
      const summary = camille.locator('.comparison[data-part="text.summary"]');
      assert.match(await summary.innerText(), /Le résumé de Claire\./);
      assert.equal(await camille.locator('.comparison[data-part="text.description"]').count(), 0);
      // The form holds Claire's summary and everything Camille typed.
      assert.equal(await camille.locator('textarea[name=summary]').inputValue(), 'Le résumé de Claire.\nSur deux lignes.');
      assert.equal(await camille.locator('textarea[name=description]').inputValue(), 'La description de Camille.\nAvec des détails.');
      assert.equal(await camille.locator('input[name=title]').inputValue(), 'Titre choisi par Camille');

      const problems = await pageProblems(camille, 'fr', fluentIds);
      const serious = seriousViolations(await runAxe(camille));
      if (serious.length > 0) problems.push(`axe: ${serious.length} serious violation(s):\n${formatViolations(serious)}`);
      assert.deepEqual(problems, []);

      // Camille keeps her title, having seen Claire's, and saves.
      await camille.getByLabel('Ma version (celle du formulaire)').check();
      const saved = await clickAndWait(camille, camille.locator(S.practiceForm.save), 'Camille’s second save');
      assert.equal(saved.status(), 200);
    });

    const stored = await api(server.base, 'GET', `/api/v1/practices/${practice.id}`, { token: claireToken });
    assert.equal(stored.text.title, 'Titre choisi par Camille');
    assert.equal(stored.text.summary, 'Le résumé de Claire.\nSur deux lignes.');
    assert.equal(stored.text.description, 'La description de Camille.\nAvec des détails.');
    assert.deepEqual(stored.themes, ['microcredit', 'social_inclusion']);
  });
});
