import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Core } from '../../electron/core/app/createCore';
import { callCore, openTestCore } from '../support/testCore';
import { createTestArticle, waitFor } from '../support/syncArticles';
import { photoBytes } from '../support/syncFixtures';
import type { WordPressEnv } from '../support/wordpress';
import { runId, wordpressEnv, wordpressRest } from '../support/wordpress';

/*
 * The editorial workflow joined to the outbox, against the real local WordPress: approving
 * queues the article for the portal and the portal's confirmation makes it «Đã đăng», with the
 * sync run in the audit trail; a published article cannot be spiked; taking it down unpublishes
 * the same post, after which spiking is allowed.
 */

const env = wordpressEnv();
const run = runId('pub');

describe.skipIf(env === null)('approve → portal → published, against WordPress', () => {
  const wp = env as WordPressEnv;
  const rest = wordpressRest(wp);
  let core: Core;
  let categoryId: string;
  let authorId: string;

  beforeAll(async () => {
    core = openTestCore();
    await callCore(core, 'portals.save', {
      kind: 'wordpress',
      name: 'Cổng tỉnh',
      baseUrl: wp.url,
      username: wp.user,
      secret: wp.password,
    });
    await rest.post('/wp/v2/categories', { name: `Chính trị ${run}` });
    categoryId = (await callCore(core, 'categories.save', { title: `Chính trị ${run}` })).id;
    authorId = (await callCore(core, 'authors.save', { name: 'Nguyễn Thị Hường' })).id;
  });

  afterAll(async () => {
    await core.close();
  });

  it('queues on approval, becomes published when WordPress has it, and takes down the same post', async () => {
    const article = await createTestArticle(core, {
      title: `Bí thư Tỉnh ủy nói chuyện với Lớp Bồi dưỡng ${run}`,
      slug: `bi-thu-noi-chuyen-${run}`,
      photos: [await photoBytes(7)],
      categoryId,
      authorId,
      marker: run,
    });
    await callCore(core, 'workflow.transition', { articleId: article.id, transition: 'submit' });
    const approved = await callCore(core, 'workflow.transition', {
      articleId: article.id,
      transition: 'approve',
    });
    expect(approved.status).toBe('queued');
    const [item] = await callCore(core, 'sync.list', { articleId: article.id });
    expect(item).toMatchObject({ action: 'publish', connectionName: 'Cổng tỉnh' });

    await waitFor(
      async () =>
        (await callCore(core, 'workflow.state', { articleId: article.id })).status === 'published',
      60_000,
      'the article to be published',
    );
    const posts = await rest.get<Array<{ id: number; status: string }>>(
      `/wp/v2/posts?slug=bi-thu-noi-chuyen-${run}&status=any&context=edit`,
    );
    expect(posts.json).toHaveLength(1);
    expect(posts.json[0]?.status).toBe('publish');
    const trail = await callCore(core, 'audit.list', { articleId: article.id });
    expect(trail.map((entry) => [entry.action, entry.transition])).toEqual(
      expect.arrayContaining([
        ['transition', 'approve'],
        ['transition', 'queue'],
        ['sync', 'markPublished'],
      ]),
    );
    const synced = trail.find((entry) => entry.action === 'sync');
    expect(synced?.user).toBeNull();
    expect(synced?.details).toMatchObject({ portal: 'Cổng tỉnh', state: 'done' });

    // On the portal: spiking is refused until it is taken down there.
    const spike = await core.dispatch(
      'workflow.transition',
      { articleId: article.id, transition: 'spike' },
      { shell: 'browser' },
    );
    expect(spike).toMatchObject({ ok: false, error: { code: 'conflict' } });

    await callCore(core, 'workflow.transition', {
      articleId: article.id,
      transition: 'takeDown',
      note: 'Sai số liệu, gỡ để kiểm tra lại',
    });
    await waitFor(
      async () =>
        (await callCore(core, 'sync.list', { articleId: article.id })).some(
          (candidate) => candidate.action === 'takedown' && candidate.state === 'done',
        ),
      60_000,
      'the take-down to reach WordPress',
    );
    const after = await rest.get<{ status: string }>(
      `/wp/v2/posts/${posts.json[0]?.id ?? 0}?context=edit`,
    );
    expect(after.json.status).not.toBe('publish');
    const spiked = await callCore(core, 'workflow.transition', {
      articleId: article.id,
      transition: 'spike',
    });
    expect(spiked.status).toBe('spiked');
  });

  it('approving with no portal configured leaves the article approved and the outbox empty', async () => {
    const alone = openTestCore();
    try {
      const article = await createTestArticle(alone, {
        title: `Tin ngắn ${run}`,
        slug: `tin-ngan-${run}`,
        photos: [await photoBytes(8)],
        categoryId: (await callCore(alone, 'categories.save', { title: 'Thời sự' })).id,
        authorId: (await callCore(alone, 'authors.save', { name: 'Trần Văn B' })).id,
        marker: run,
      });
      const checklist = await callCore(alone, 'workflow.checklist', { articleId: article.id });
      expect(checklist.errors).toEqual([]);
      await callCore(alone, 'workflow.transition', { articleId: article.id, transition: 'submit' });
      const approved = await callCore(alone, 'workflow.transition', {
        articleId: article.id,
        transition: 'approve',
      });
      expect(approved.status).toBe('approved');
      expect(await callCore(alone, 'sync.list', {})).toEqual([]);
    } finally {
      await alone.close();
    }
  });
});
