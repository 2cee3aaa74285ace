// Search as partner staff use it, on the demo content: the beginning of a word finds results in
// several languages; a partner filter (with its count) narrows them and "remove the filter"
// widens them again; a word typed with one letter too many is still found; the page passes axe
// and speaks each of the six languages.

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertCleanPage,
  clickAndWait,
  launch,
  loadFluentIds,
  newPage,
  once,
  startServer,
  visit,
  withScreenshot,
} from './harness.js';

const TEST_TIMEOUT = 120_000;
const LANGUAGES = ['en', 'fr', 'it', 'ro', 'sl', 'sv'];
const fluentIds = loadFluentIds();

let server;
let browser;
let page;

const setUp = once(async () => {
  server = await startServer();
  ({ browser } = await launch());
  ({ page } = await newPage(browser));
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const cards = () => page.locator('ul.cards > li');

describe('search with filters', { timeout: TEST_TIMEOUT * 4 }, () => {
  test('a partner filter narrows the results and its removal widens them', { timeout: TEST_TIMEOUT }, async () => {
    await setUp();
    await withScreenshot(() => page, 'search-filters', async () => {
      await visit(page, `${server.base}/it/search?q=micro`);
      const all = await cards().count();
      assert.ok(all > 1, `several results: ${all}`);
      const partners = page.locator('.facet[data-facet="partner"] li');
      assert.ok((await partners.count()) >= 2, 'the partner filter offers the partners found');
      const first = partners.first();
      const name = (await first.locator('a').innerText()).trim();
      const count = Number((await first.locator('.count').innerText()).replace(/[^0-9]/g, ''));
      await clickAndWait(page, first.locator('a'), `the filter ${name}`);
      assert.ok(new URL(page.url()).searchParams.get('partner'), 'the filter is in the address');
      assert.equal(await cards().count(), Math.min(count, 20), 'as many results as the filter said');
      for (const card of await cards().all()) {
        const meta = await card.locator('p.meta').first().innerText();
        assert.ok(meta.includes(name), `${meta} names ${name}`);
      }
      const remove = page.locator('.facet-applied a');
      assert.equal(await remove.count(), 1);
      assert.ok((await remove.innerText()).includes(name));
      await assertCleanPage(page, 'it', fluentIds);
      await clickAndWait(page, remove, 'removing the filter');
      assert.equal(new URL(page.url()).searchParams.get('partner'), null);
      assert.equal(await cards().count(), all);
    });
  });

  test('a word with one letter too many is found, its match marked', { timeout: TEST_TIMEOUT }, async () => {
    await setUp();
    await withScreenshot(() => page, 'search-typo', async () => {
      await visit(page, `${server.base}/it/search?q=${encodeURIComponent('microcreditto ')}`);
      assert.ok((await cards().count()) > 0, 'found despite the typo');
      assert.ok((await page.locator('p.passage mark').count()) > 0, 'the matched word is marked');
    });
  });

  test('the page in the six languages', { timeout: TEST_TIMEOUT }, async () => {
    await setUp();
    await withScreenshot(() => page, 'search-languages', async () => {
      for (const lang of LANGUAGES) {
        await visit(page, `${server.base}/${lang}/search?q=micro`);
        assert.ok((await page.locator('.facets').count()) === 1, `${lang}: filters are offered`);
        await assertCleanPage(page, lang, fluentIds);
      }
    });
  });
});
