import { describe, expect, it } from 'vitest';
import type { Ask } from '../../../src/domain/asks/ask.js';
import { createSimilarRequests } from '../../../src/similar/similar-requests.js';
import type { Store } from '../../../src/store/open-store.js';
import { anAsk } from '../../support/ask-fixture.js';
import { aPartnership } from '../../support/partnership-fixture.js';
import { storeForEachTest, storeKinds } from '../../support/stores.js';

const idea = (partnershipId: string, title: string, details: string, more: Partial<Ask> = {}): Ask =>
  anAsk({
    kind: 'enhancement',
    status: 'submitted',
    partnershipId,
    content: { title, details, urgency: null, businessImpact: null, workaround: null, dueDate: null },
    ...more,
  });

describe.each(storeKinds())('similar requests over the $name store', (kind) => {
  let store: Store;
  storeForEachTest(kind, (opened) => {
    store = opened;
  });

  async function workspaceWith(key: string, asks: Ask[]) {
    const repositories = await store.workspace(key);
    for (const id of new Set(asks.map((a) => a.partnershipId))) {
      await repositories.partnerships.insert(
        aPartnership({ id, channelId: `C${id}`, accountName: `Account ${id}` }),
      );
    }
    for (const ask of asks) await repositories.asks.insert(ask);
    return { key, repositories };
  }

  it('suggests only enhancements of other partnerships of the same workspace, built from the store', async () => {
    const asked = idea('pa', 'Export dashboards as PDF', 'Print the weekly dashboard for the board.');
    const sameCustomer = idea('pa', 'Dashboard export to PDF', 'A PDF of the dashboard for the board.');
    const otherCustomer = idea(
      'pb',
      'Download a dashboard as a PDF file',
      'The board wants the dashboard printed.',
    );
    const elsewhere = idea('pc', 'PDF export of dashboards', 'Print dashboards for the board meeting.');
    const workspace = await workspaceWith('TWSA', [asked, sameCustomer, otherCustomer]);
    await workspaceWith('TWSB', [elsewhere]);
    const similar = createSimilarRequests();

    const found = await similar.suggest(workspace, asked);
    expect(found.map((s) => [s.ask.ref, s.accountName])).toEqual([[otherCustomer.ref, 'Account pb']]);
  });

  it('leaves out what the store says is closed, linked or judged not the same, even if the index is behind', async () => {
    const asked = idea(
      'pa',
      'Single sign-on with Okta',
      'Employees must log in through our identity provider.',
    );
    const shipped = idea('pb', 'Okta single sign-on', 'Log in with our identity provider.');
    const judged = idea('pc', 'SSO through Okta', 'Sign in through the company identity provider.');
    const workspace = await workspaceWith('TWSA', [asked, shipped, judged]);
    const similar = createSimilarRequests();
    expect((await similar.suggest(workspace, asked)).map((s) => s.ask.id).sort()).toEqual(
      [shipped.id, judged.id].sort(),
    );

    // Changed through another replica: this process's index has not followed.
    await workspace.repositories.asks.replace({ ...shipped, status: 'shipped', version: 2 }, 1);
    await workspace.repositories.asks.replace({ ...judged, notSameAs: [asked.id], version: 2 }, 1);
    expect(await similar.suggest(workspace, asked)).toEqual([]);
  });

  it('keeps the index it built until the workspace is forgotten, then builds it again from the store', async () => {
    const asked = idea('pa', 'Dark mode', 'Night shifts find the white interface too bright.');
    const workspace = await workspaceWith('TWSA', [asked]);
    const similar = createSimilarRequests();
    expect(await similar.suggest(workspace, asked)).toEqual([]);

    const later = idea('pb', 'Dark theme', 'A darker interface for the night shift.');
    await workspaceWith('TWSA', [later]);
    expect(await similar.suggest(workspace, asked)).toEqual([]);
    similar.forget(workspace.key);
    expect((await similar.suggest(workspace, asked)).map((s) => s.ask.id)).toEqual([later.id]);
  });
});
