/**
 * The outbox publishing to NukeViet (the real core, the connector on the php -S stand-in, the
 * fault proxy between them): updating an article already on the portal when the portal's answer
 * is lost. The retry reads the article back, finds it changed since the last sync, and must
 * recognise the change as its own update (the body as NukeViet stores it), not report a
 * conflict; an edit made on the portal is still a conflict.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Core } from '../../electron/core/app/createCore';
import type { SyncItem, SyncState } from '../../shared/domain/sync';
import { callCore, openTestCore } from '../support/testCore';
import type { FaultProxy } from '../support/faultProxy';
import { seededRandom, startFaultProxy } from '../support/faultProxy';
import {
  phpUnavailableReason,
  startNukeVietHarness,
  type NukeVietHarness,
} from '../support/nukeviet-harness/harness';
import type { TestArticle } from '../support/syncArticles';
import { createTestArticle, waitFor } from '../support/syncArticles';
import { photoBytes } from '../support/syncFixtures';

const skipReason = phpUnavailableReason();
if (skipReason !== null) {
  console.warn(`\n!!! NukeViet integration tests SKIPPED: ${skipReason} !!!\n`);
}

describe.skipIf(skipReason !== null)('NukeViet through the outbox: updates and conflicts', () => {
  let harness: NukeVietHarness;
  let proxy: FaultProxy;
  let core: Core;
  let connectionId = '';
  let categoryId = '';
  let photoSeq = 300;

  beforeAll(async () => {
    harness = await startNukeVietHarness({
      categories: [{ id: 7, parent: 0, title: 'Xã hội', alias: 'xa-hoi', status: 1 }],
    });
    proxy = await startFaultProxy(harness.baseUrl, { rate: 0, seed: 3, delayMs: [10, 10] });
    core = openTestCore({
      core: {
        sync: {
          backoffBaseMs: 100,
          backoffMaxMs: 1000,
          requestTimeoutMs: 10_000,
          random: seededRandom(3),
        },
      },
    });
    connectionId = (
      await callCore(core, 'portals.save', {
        kind: 'nukeviet',
        name: 'Cổng NukeViet',
        baseUrl: proxy.url,
        username: harness.editor.ident,
        secret: harness.editor.secret,
      })
    ).id;
    categoryId = (await callCore(core, 'categories.save', { title: 'Xã hội' })).id;
  });

  afterAll(async () => {
    await core.close();
    await proxy.close();
    await harness.stop();
  });

  const article = async (label: string): Promise<TestArticle> =>
    createTestArticle(core, {
      title: `Bài ${label}`,
      slug: `bai-${label}`,
      photos: [await photoBytes((photoSeq += 1))],
      categoryId,
      tags: ['Sự kiện'],
      marker: label,
    });

  const item = async (id: string): Promise<SyncItem> => {
    const found = (await callCore(core, 'sync.list', {})).find((candidate) => candidate.id === id);
    if (!found) throw new Error(`no item ${id}`);
    return found;
  };

  const until = (id: string, states: SyncState[]): Promise<void> =>
    waitFor(
      async () => states.includes((await item(id)).state),
      30_000,
      `item ${id} ${states.join('|')}`,
    );

  const publish = async (approved: TestArticle): Promise<string> => {
    const first = await callCore(core, 'sync.enqueue', { articleId: approved.id, connectionId });
    await until(first.id, ['done']);
    // The next save lands in a later second: NukeViet's edittime, and so its stamp, changes.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    return String((await item(first.id)).remoteId);
  };

  const edits = (title: string): number =>
    harness.query(
      "SELECT 1 FROM nv4_logs WHERE name_key = 'Sửa bài viết' AND note_action = ?",
      title,
    ).length;

  it('an update whose answer was lost is recognised as ours on retry, not a conflict', async () => {
    const approved = await article('mot');
    const remoteId = await publish(approved);
    // Photos are known and the category cached: the update reads the article (1st request),
    // then saves it (2nd), and the portal's answer to the save is lost.
    proxy.force('delay', { method: 'POST', path: '/api.php' });
    proxy.force('dropAfterForward', { method: 'POST', path: '/api.php' });
    const again = await callCore(core, 'sync.enqueue', { articleId: approved.id, connectionId });
    await until(again.id, ['done', 'conflict', 'failed']);
    expect(proxy.stats.faults.dropAfterForward).toBe(1);
    const done = await item(again.id);
    expect(done.state).toBe('done');
    expect(done.lastError).toBeNull();
    expect(done.remoteId).toBe(remoteId);
    // The lost save did reach the portal, and the retry saved again: two edits, one article.
    expect(edits(approved.title)).toBe(2);
    expect(harness.query('SELECT id FROM nv4_vi_news_rows')).toHaveLength(1);
  });

  it('a title edited on the portal and on the desk since the last sync is a conflict', async () => {
    const approved = await article('hai');
    const remoteId = await publish(approved);
    harness.exec(
      'UPDATE nv4_vi_news_rows SET title = ?, edittime = edittime + 1 WHERE id = ?',
      'Biên tập viên sửa trên cổng',
      Number(remoteId),
    );
    const current = await callCore(core, 'articles.get', { id: approved.id });
    await callCore(core, 'articles.save', {
      id: approved.id,
      title: `${approved.title} (bàn biên tập)`,
      meta: current.meta,
      body: current.body,
      baseVersion: current.version,
    });
    const again = await callCore(core, 'sync.enqueue', { articleId: approved.id, connectionId });
    await until(again.id, ['done', 'conflict', 'failed']);
    expect((await item(again.id)).state).toBe('conflict');
    // A typed code, not 'internal': the UI and the log know what stopped the item.
    expect((await item(again.id)).lastError?.code).toBe('portal_edited');
    const conflict = await callCore(core, 'sync.conflict', { id: again.id });
    expect(conflict.mine.title).toBe(`${approved.title} (bàn biên tập)`);
    expect(conflict.theirs?.title).toBe('Biên tập viên sửa trên cổng');
    expect(conflict.fields.map((change) => change.field)).toEqual(['title']);
  });

  it('a take-down is logged in NukeViet’s words («Ngưng hiệu lực»), not WordPress’s', async () => {
    const approved = await article('ba');
    const remoteId = await publish(approved);
    const down = await callCore(core, 'sync.enqueue', {
      articleId: approved.id,
      connectionId,
      action: 'takedown',
    });
    await until(down.id, ['done', 'failed']);
    expect((await item(down.id)).state).toBe('done');
    expect(
      harness.query('SELECT status FROM nv4_vi_news_rows WHERE id = ?', Number(remoteId)),
    ).toEqual([{ status: 0 }]);
    const messages = (await callCore(core, 'sync.log', { itemId: down.id })).map((e) => e.message);
    expect(messages.join('\n')).toContain('Ngưng hiệu lực');
    expect(messages.join('\n')).not.toContain('riêng tư');
  });
});
