import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { type RunningPlayground, startPlayground } from '../../src/playground/playground.js';
import { type Browser, chromiumPath, launchChromium } from '../support/chromium.js';
import { tempDataDir } from '../support/stores.js';

// Under CI the browser tests always run (a missing Chromium fails them); elsewhere they need one installed.
const runnable = chromiumPath() !== null || process.env.CI === 'true';

describe.skipIf(!runnable)('the playground in a browser', { timeout: 60_000 }, () => {
  let playground: RunningPlayground;
  let browser: Browser;
  let page: Page;

  const logs: string[] = [];

  beforeAll(async () => {
    const logger = createLogger('warn', (line) => logs.push(line));
    playground = await startPlayground({ port: 0, dataDir: tempDataDir(), logLevel: 'warn' }, { logger });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await playground?.stop();
    // Rapport logged no error while the visitor clicked around.
    expect(logs.filter((line) => JSON.parse(line).level === 'error')).toEqual([]);
  });
  beforeEach(async () => {
    await playground.reset();
    page = await browser.context.newPage();
    await page.goto(playground.url);
    await page.evaluate('localStorage.clear()');
    await page.reload();
  });

  /** Switches to the person whose entry in "You are" starts with `name`. */
  const becomes = async (name: string) => {
    // The list is filled once the page has its first state: read it only then.
    await page
      .getByLabel('You are')
      .locator('option', { hasText: name })
      .first()
      .waitFor({ state: 'attached' });
    const options = await page.getByLabel('You are').locator('option').allTextContents();
    await page
      .getByLabel('You are')
      .selectOption({ label: options.find((o) => o.startsWith(name)) as string });
    await page.getByRole('navigation', { name: 'Channels' }).getByText(name).waitFor();
  };
  const openChannel = (name: string) =>
    page
      .getByRole('navigation', { name: 'Channels' })
      .getByRole('button', { name: `# ${name}`, exact: true })
      .click();
  const dialog = () => page.getByRole('dialog');

  const main = () => page.getByRole('main');
  /** The card of an ask: the message with its reference and an Update button. */
  const cardOf = (ref: string) =>
    main()
      .getByRole('article')
      .filter({ hasText: ref })
      .filter({ has: page.getByRole('button', { name: 'Update', exact: true }) });
  const compose = async (text: string) => {
    await main().getByRole('textbox').fill(text);
    await main().getByRole('button', { name: 'Send' }).click();
  };

  it('loads with the seeded channels and the asks in them', async () => {
    const nav = page.getByRole('navigation', { name: 'Channels' });
    for (const name of ['# northwind-acme', '# globex-acme', '# northwind-pilot', '# acme-triage'])
      await nav.getByRole('button', { name, exact: true }).waitFor();
    await openChannel('northwind-acme');
    await cardOf('NORTHW-1').getByText('Nightly order sync fails since Tuesday').waitFor();
    await cardOf('NORTHW-2').getByText('Export invoices as CSV').waitFor();
    // Mentions read as names, never as ids.
    await cardOf('NORTHW-2').getByText('@Ethan Brooks').waitFor();
    expect(await main().getByText('UETHAN001').count()).toBe(0);
  });

  it("sets up a partnership with /rapport setup, the form's inline error corrected", async () => {
    await openChannel('northwind-pilot');
    await compose('/rapport setup');
    await dialog().getByRole('heading', { name: 'Set up partnership' }).waitFor();
    await dialog().getByRole('button', { name: 'Save' }).click();
    await dialog().getByText('Give the customer account a name.').waitFor();
    await dialog().getByLabel('Customer account name').fill('Northwind Pilot');
    await dialog().getByRole('button', { name: 'Save' }).click();
    await dialog().waitFor({ state: 'hidden' });
    await main().getByRole('heading', { name: 'Welcome, Northwind Pilot' }).waitFor();
  });

  it("lets a customer raise an ask from the welcome message, and see the vendor's update in its thread", async () => {
    await becomes('Chloe Martin');
    await openChannel('northwind-acme');
    await main().getByRole('button', { name: 'Ask for help' }).click();
    await dialog().getByLabel('What do you need help with?').fill('Invoices show the wrong VAT rate');
    await dialog().getByRole('button', { name: 'Send' }).click();
    await dialog().waitFor({ state: 'hidden' });
    await cardOf('NORTHW-4').getByText('Invoices show the wrong VAT rate').waitFor();

    await becomes('Evan Ng');
    await openChannel('northwind-acme');
    await cardOf('NORTHW-4').getByRole('button', { name: 'Update', exact: true }).click();
    await dialog().getByLabel('Status').selectOption({ label: 'In progress' });
    await dialog().getByLabel('Note to the customer').fill('Found it: the rate table is stale.');
    await dialog().getByRole('button', { name: 'Save' }).click();
    await dialog().waitFor({ state: 'hidden' });

    await becomes('Chloe Martin');
    await openChannel('northwind-acme');
    await cardOf('NORTHW-4').getByText('In progress').first().waitFor();
    await cardOf('NORTHW-4').getByRole('button', { name: '1 reply' }).click();
    const thread = page.getByRole('complementary', { name: 'Thread' });
    await thread.getByText('Found it: the rate table is stale.', { exact: true }).waitFor();
    await thread.getByText('@Chloe Martin').first().waitFor();
  });

  it("travels in time: the reminder reaches the owner's DMs, and Monday's digest the shared channel", async () => {
    // The seeded asks are raised at the real time of the run, and are due a working day later: the first
    // working morning may find them only due soon (a run after 09:00 Berlin), the second always overdue.
    // The playground takes one action at a time, in order.
    for (const _ of [1, 2]) await page.getByRole('button', { name: 'next working morning' }).click();
    await page
      .getByRole('navigation', { name: 'Channels' })
      .getByRole('button', { name: 'Rapport', exact: true })
      .click();
    await main()
      .getByText(/things waiting on you are overdue/)
      .first()
      .waitFor();

    await openChannel('northwind-acme');
    expect(
      await main()
        .getByRole('heading', { name: /· Northwind Traders/ })
        .count(),
    ).toBe(0);
    await page.getByRole('button', { name: 'next Monday 09:00' }).click();
    await main()
      .getByRole('heading', { name: /· Northwind Traders/ })
      .first()
      .waitFor();
    await page.getByRole('status', { name: 'Playground time' }).filter({ hasText: /^Mon/ }).waitFor();
  });

  it('shows each person only what they would see in Slack', async () => {
    await openChannel('northwind-acme');
    await compose('/rapport help');
    const help = main()
      .getByRole('article')
      .filter({ hasText: 'Only visible to you' })
      .filter({ hasText: 'record a help request' });
    await help.waitFor();
    const nav = page.getByRole('navigation', { name: 'Channels' });
    await nav.getByRole('button', { name: 'Rapport Home' }).click();
    await main().getByRole('heading', { name: 'Partnerships I own' }).waitFor();

    await becomes('Chloe Martin');
    await openChannel('northwind-acme');
    await cardOf('NORTHW-1').waitFor();
    expect(await help.count()).toBe(0);
    expect(await nav.getByRole('button', { name: '# acme-triage' }).count()).toBe(0);
    expect(await nav.getByRole('button', { name: 'Rapport Home' }).count()).toBe(0);
    await compose('/rapport help');
    await page.locator('#toast').getByText('not a valid command').waitFor();
  });

  it('shows what people type as text, formatting applied and no markup let through', async () => {
    await becomes('Chloe Martin');
    await openChannel('northwind-acme');
    await compose('<img src=x onerror="document.title=1"> is *bold* and `code` <!here>');
    const said = main().getByRole('article').filter({ hasText: 'is bold and' });
    await said.getByText('<img src=x onerror="document.title=1">', { exact: false }).waitFor();
    expect(await said.locator('.msg-text strong').textContent()).toBe('bold');
    expect(await said.locator('.msg-text code').textContent()).toBe('code');
    expect(await said.locator('img').count()).toBe(0);
    expect(await said.locator('.mention').count()).toBe(0);
  });

  it('guides through the tour, taking the visitor to the right person and channel', async () => {
    await page.getByRole('button', { name: 'Guided tour' }).click();
    const tour = page.getByRole('complementary', { name: 'Guided tour' });
    await tour.getByRole('heading', { name: 'Set up a partnership' }).waitFor();
    await tour.getByRole('button', { name: 'Next' }).click();
    await tour.getByRole('heading', { name: 'Raise an ask as the customer' }).waitFor();
    await tour.getByRole('button', { name: 'Take me there (as Chloe Martin)' }).click();
    await page.getByRole('navigation', { name: 'Channels' }).getByText('Chloe Martin').waitFor();
    await main().getByRole('heading', { name: '#northwind-acme' }).waitFor();
    await main().getByRole('button', { name: 'Ask for help' }).waitFor();
    await tour.getByText('2 of 7').waitFor();
  });

  it('resets to the seeded state', async () => {
    await openChannel('northwind-acme');
    await compose('A message from before the reset');
    await main().getByText('A message from before the reset').waitFor();
    await page.getByRole('button', { name: 'Reset' }).click();
    await page.locator('#toast').getByText('Back to the seeded state.').waitFor();
    await openChannel('northwind-acme');
    await cardOf('NORTHW-1').waitFor();
    expect(await main().getByText('A message from before the reset').count()).toBe(0);
  });
});
