import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Core } from '../../electron/core/app/createCore';
import { emptyMeta } from '../../shared/domain/article';
import { callCore, openTestCore, signInAs, testAdmin } from '../support/testCore';
import { createTestArticle, waitFor } from '../support/syncArticles';
import { photoBytes } from '../support/syncFixtures';
import type { WordPressEnv } from '../support/wordpress';
import { runId, wordpressEnv, wordpressRest } from '../support/wordpress';

/*
 * The portal's categories are the reporters' list: pulled from the real WordPress into the
 * library (kept for offline picking, parents kept, renames followed, never duplicated), picked
 * by a reporter, and published into that same portal category. A category that exists only on
 * the desk is mapped onto a portal one in Settings, and the article goes there.
 */

const env = wordpressEnv();
const run = runId('cat');

describe.skipIf(env === null)('portal categories in the picker, against WordPress', () => {
  const wp = env as WordPressEnv;
  const rest = wordpressRest(wp);
  let core: Core;
  let connectionId: string;
  let parentRemote: number;
  let childRemote: number;

  const asAdmin = () =>
    callCore(core, 'auth.signIn', { userName: testAdmin.userName, password: testAdmin.password });

  beforeAll(async () => {
    core = openTestCore();
    connectionId = (
      await callCore(core, 'portals.save', {
        kind: 'wordpress',
        name: 'Cổng tỉnh',
        baseUrl: wp.url,
        username: wp.user,
        secret: wp.password,
      })
    ).id;
    parentRemote = Number(
      (await rest.post<{ id: number }>('/wp/v2/categories', { name: `Thời sự ${run}` })).json.id,
    );
    childRemote = Number(
      (
        await rest.post<{ id: number }>('/wp/v2/categories', {
          name: `Địa phương & "xã" ${run}`,
          parent: parentRemote,
        })
      ).json.id,
    );
  });

  afterAll(async () => {
    await core.close();
  });

  it('pulled categories are the picker list: parents kept, no duplicates, renames followed', async () => {
    // Pulling from the portal is an editor's call; reporters then pick from what was pulled.
    await signInAs(core, 'editor');
    const refreshed = await callCore(core, 'portals.refreshTerms', { id: connectionId });
    expect(refreshed.failure).toBeNull();
    await signInAs(core, 'reporter');
    const pulled = refreshed.terms.categories.length;
    expect(pulled).toBeGreaterThanOrEqual(2);

    const list = await callCore(core, 'categories.list', {});
    const parent = list.find((category) => category.title === `Thời sự ${run}`);
    const child = list.find((category) => category.title === `Địa phương & "xã" ${run}`);
    expect(parent).toBeDefined();
    expect(child?.parentId).toBe(parent?.id);
    expect(list.length).toBeGreaterThanOrEqual(pulled);

    await rest.post(`/wp/v2/categories/${parentRemote}`, { name: `Thời sự mới ${run}` });
    await signInAs(core, 'editor');
    await callCore(core, 'portals.refreshTerms', { id: connectionId });
    await signInAs(core, 'reporter');
    const again = await callCore(core, 'categories.list', {});
    expect(again).toHaveLength(list.length);
    expect(again.find((category) => category.id === parent?.id)?.title).toBe(`Thời sự mới ${run}`);

    // The reporter picks it for an article: no editor has to retype anything.
    const article = await callCore(core, 'articles.create', { title: `Bài ${run}` });
    await callCore(core, 'articles.save', {
      id: article.id,
      title: `Bài ${run}`,
      meta: { ...emptyMeta(), categoryId: child?.id ?? null },
      body: { type: 'doc', content: [{ type: 'paragraph' }] },
      baseVersion: article.version,
    });
    const saved = await callCore(core, 'articles.get', { id: article.id });
    expect(saved.meta.categoryId).toBe(child?.id);
    await asAdmin();
  });

  it('a desk-only category mapped in Settings publishes into the portal category', async () => {
    await asAdmin();
    const local = await callCore(core, 'categories.save', { title: `Tin nhanh riêng ${run}` });
    await callCore(core, 'portals.refreshTerms', { id: connectionId });
    await callCore(core, 'portals.linkCategory', {
      id: connectionId,
      categoryId: local.id,
      remoteId: String(childRemote),
    });
    const links = await callCore(core, 'portals.categoryLinks', { id: connectionId });
    expect(links).toContainEqual({ categoryId: local.id, remoteId: String(childRemote) });

    // Only editors and administrators change the mapping.
    await signInAs(core, 'reporter');
    const refused = await core.dispatch(
      'portals.linkCategory',
      { id: connectionId, categoryId: local.id, remoteId: String(parentRemote) },
      { shell: 'browser' },
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await asAdmin();

    const authorId = (await callCore(core, 'authors.save', { name: 'Nguyễn Thị Hường' })).id;
    const article = await createTestArticle(core, {
      title: `Tin nhanh ${run}`,
      slug: `tin-nhanh-${run}`,
      photos: [await photoBytes(5)],
      categoryId: local.id,
      authorId,
      marker: run,
    });
    await callCore(core, 'workflow.transition', { articleId: article.id, transition: 'submit' });
    await callCore(core, 'workflow.transition', { articleId: article.id, transition: 'approve' });
    await waitFor(
      async () =>
        (await callCore(core, 'workflow.state', { articleId: article.id })).status === 'published',
      60_000,
      'the article to be published',
    );
    const posts = await rest.get<Array<{ categories: number[] }>>(
      `/wp/v2/posts?slug=tin-nhanh-${run}&status=any&context=edit`,
    );
    expect(posts.json[0]?.categories).toEqual([childRemote]);
  });
});
