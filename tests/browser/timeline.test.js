// The dashboard's timeline read on a phone: at 390×844 the narrow drawing is the one shown, it
// fits the screen's width, its smallest text is still at least 10 px high, and the page passes
// axe at zero violations — in English and French. On a wide screen the wide drawing is shown.
// A screenshot of the chart at 390 px is kept in artifacts/ for people to look at.

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import {
  ARTIFACTS,
  ACCOUNTS,
  cleanPageProblems,
  contextOptions,
  launch,
  loadFluentIds,
  once,
  signInOk,
  startServer,
  visit,
  withScreenshot,
} from './harness.js';

const TEST_TIMEOUT = 120_000;
const PHONE = { width: 390, height: 844 };
const fluentIds = loadFluentIds();

let server;
let browser;
let phone;
let desk;

const setUp = once(async () => {
  server = await startServer();
  ({ browser } = await launch());
  phone = await (await browser.newContext({ ...contextOptions(), viewport: PHONE })).newPage();
  desk = await (await browser.newContext({ ...contextOptions(), viewport: { width: 1280, height: 900 } })).newPage();
  await signInOk(phone, server.base, 'en', ACCOUNTS.lars.email, ACCOUNTS.lars.password);
  await signInOk(desk, server.base, 'en', ACCOUNTS.lars.email, ACCOUNTS.lars.password);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** The shown chart's width on screen, its viewBox width, and the smallest font size it draws. */
async function measure(page, selector) {
  return page.locator(selector).evaluate((svg) => {
    const box = svg.getBoundingClientRect();
    const scale = box.width / svg.viewBox.baseVal.width;
    const sizes = [...svg.querySelectorAll('text')].map((t) => Number(t.getAttribute('font-size')) * scale);
    return { left: box.left, right: box.right, width: box.width, smallest: Math.min(...sizes), texts: sizes.length };
  });
}

describe('the timeline on a phone and on a desk', { timeout: TEST_TIMEOUT * 3 }, () => {
  for (const lang of ['en', 'fr']) {
    test(`${lang}: the timeline fits 390 px and stays legible`, { timeout: TEST_TIMEOUT }, async () => {
      await setUp();
      await withScreenshot(() => phone, `timeline-phone-${lang}`, async () => {
        await visit(phone, `${server.base}/${lang}/dashboard`);
        assert.ok(await phone.locator('.timeline-narrow svg').isVisible(), 'the narrow drawing is shown');
        assert.ok(!(await phone.locator('.timeline-wide svg').isVisible()), 'the wide drawing is not');
        const chart = await measure(phone, '.timeline-narrow svg');
        assert.ok(chart.texts > 10, 'the chart has its labels');
        assert.ok(chart.left >= 0 && chart.right <= PHONE.width, `the chart fits: ${JSON.stringify(chart)}`);
        assert.ok(chart.smallest >= 10, `the smallest text is ${chart.smallest.toFixed(1)} px high`);
        const width = await phone.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= PHONE.width, `the page is ${width} px wide at ${PHONE.width} px`);
        const problems = await cleanPageProblems(phone, lang, fluentIds);
        assert.deepEqual(problems, [], problems.join('\n- '));
        mkdirSync(ARTIFACTS, { recursive: true });
        await phone.locator('.timeline-narrow svg').screenshot({ path: join(ARTIFACTS, `timeline-390-${lang}.png`) });
      });
    });
  }

  test('on a wide screen the wide drawing is shown', { timeout: TEST_TIMEOUT }, async () => {
    await setUp();
    await withScreenshot(() => desk, 'timeline-desk', async () => {
      await visit(desk, `${server.base}/en/dashboard`);
      assert.ok(await desk.locator('.timeline-wide svg').isVisible());
      assert.ok(!(await desk.locator('.timeline-narrow svg').isVisible()));
      const chart = await measure(desk, '.timeline-wide svg');
      assert.ok(chart.smallest >= 10, `the smallest text is ${chart.smallest.toFixed(1)} px high`);
      await desk.locator('.timeline-wide svg').screenshot({ path: join(ARTIFACTS, 'timeline-wide-en.png') });
    });
  });
});
