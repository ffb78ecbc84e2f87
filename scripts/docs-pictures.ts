/**
 * Regenerates the PNG pictures in docs/pictures from the playground, in headless Chromium:
 * npm run docs:pictures. Each picture is one part of the page, as a person there sees it.
 */
import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { createLogger } from '../src/logger.js';
import { startPlayground } from '../src/playground/playground.js';
import { launchChromium } from '../test/support/chromium.js';
import { tempDataDir } from '../test/support/stores.js';

const OUT = 'docs/pictures';

async function snap(what: Locator, name: string) {
  await what.waitFor();
  await what.screenshot({ path: `${OUT}/${name}.png`, animations: 'disabled' });
  process.stdout.write(`${OUT}/${name}.png\n`);
}

async function becomes(page: Page, name: string) {
  const options = await page.getByLabel('You are').locator('option').allTextContents();
  await page.getByLabel('You are').selectOption({ label: options.find((o) => o.startsWith(name)) as string });
  await page.getByRole('navigation', { name: 'Channels' }).getByText(name).waitFor();
}

const channel = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Channels' }).getByRole('button', { name, exact: true }).click();

mkdirSync(OUT, { recursive: true });
const playground = await startPlayground(
  { port: 0, dataDir: tempDataDir(), logLevel: 'error' },
  { logger: createLogger('error') },
);
const browser = await launchChromium();
try {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto(playground.url);
  const main = page.getByRole('main');

  await channel(page, '# northwind-pilot');
  await main.getByRole('textbox').fill('/rapport setup');
  await main.getByRole('button', { name: 'Send' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await page.getByRole('dialog').getByText('Give the customer account a name.').waitFor();
  await snap(page.getByRole('dialog'), 'setup-form-error');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

  await becomes(page, 'Chloe Martin');
  await channel(page, '# northwind-acme');
  const card = main
    .getByRole('article')
    .filter({ hasText: 'NORTHW-1' })
    .filter({ hasText: 'Nightly order sync' });
  await card.getByRole('button', { name: '1 reply' }).click();
  await snap(page.locator('.layout'), 'status-card-thread');

  await becomes(page, 'Olivia Owens');
  await page.getByRole('button', { name: 'Rapport Home' }).click();
  await main.getByRole('heading', { name: 'Partnerships I own' }).waitFor();
  await snap(main, 'home-tab');

  await channel(page, '# northwind-acme');
  await main.getByRole('textbox').fill('/rapport approval Go-live on 12 January');
  await main.getByRole('button', { name: 'Send' }).click();
  const form = page.getByRole('dialog');
  await form.getByLabel('Approvers').selectOption([{ label: 'Olivia Owens' }, { label: 'Chloe Martin' }]);
  await form.getByRole('button', { name: 'Send' }).click();
  await form.waitFor({ state: 'hidden' });
  await snap(
    main
      .getByRole('article')
      .filter({ has: page.getByRole('button', { name: 'Approve' }) })
      .last(),
    'approval-card',
  );

  await page.getByRole('button', { name: 'next working morning' }).click();
  await channel(page, 'Rapport');
  await snap(main.getByRole('article').filter({ hasText: 'waiting on you' }).last(), 'reminder-dm');

  await page.getByRole('button', { name: 'next Monday 09:00' }).click();
  await channel(page, '# northwind-acme');
  await snap(
    main
      .getByRole('article')
      .filter({ has: page.getByRole('heading', { name: /· Northwind Traders/ }) })
      .last(),
    'customer-digest',
  );
  await channel(page, '# acme-triage');
  await snap(main.getByRole('article').filter({ hasText: 'Internal digest' }).first(), 'internal-digest');
} finally {
  await browser.close();
  await playground.stop();
}
