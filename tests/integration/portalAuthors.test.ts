import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Core } from '../../electron/core/app/createCore';
import { callCore, openTestCore, signInAs, testAdmin } from '../support/testCore';
import { createTestArticle, waitFor } from '../support/syncArticles';
import { photoBytes } from '../support/syncFixtures';
import type { WordPressEnv } from '../support/wordpress';
import { runId, wordpressEnv, wordpressRest } from '../support/wordpress';

/*
 * The post's author on the real WordPress is the reporter's own portal account when Settings
 * maps the desk user onto it; without a mapping it stays the connection's account.
 */

const env = wordpressEnv();
const run = runId('aut');

describe.skipIf(env === null)('the reporter credited as the WordPress author', () => {
  const wp = env as WordPressEnv;
  const rest = wordpressRest(wp);
  let core: Core;
  let connectionId: string;
  let wpUserId: number;
  let categoryId: string;
  let authorId: string;

  const asAdmin = () =>
    callCore(core, 'auth.signIn', { userName: testAdmin.userName, password: testAdmin.password });

  const publish = async (slug: string): Promise<{ author: number }> => {
    const article = await createTestArticle(core, {
      title: `Bài của phóng viên ${slug}`,
      slug,
      photos: [await photoBytes(6)],
      categoryId,
      authorId,
      marker: run,
    });
    await asAdmin();
    await callCore(core, 'workflow.transition', { articleId: article.id, transition: 'submit' });
    await callCore(core, 'workflow.transition', { articleId: article.id, transition: 'approve' });
    await waitFor(
      async () =>
        (await callCore(core, 'workflow.state', { articleId: article.id })).status === 'published',
      60_000,
      'the article to be published',
    );
    const posts = await rest.get<Array<{ author: number }>>(
      `/wp/v2/posts?slug=${slug}&status=any&context=edit`,
    );
    return { author: posts.json[0]?.author ?? -1 };
  };

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
    const created = await rest.post<{ id: number }>('/wp/v2/users', {
      username: `pv-${run}`,
      name: `Phóng viên ${run}`,
      email: `pv-${run}@example.test`,
      password: `Mk-${run}-${run}`,
      roles: ['author'],
    });
    wpUserId = created.json.id;
    await rest.post('/wp/v2/categories', { name: `Xã hội ${run}` });
    categoryId = (await callCore(core, 'categories.save', { title: `Xã hội ${run}` })).id;
    authorId = (await callCore(core, 'authors.save', { name: 'Lê Văn C' })).id;
  });

  afterAll(async () => {
    await core.close();
  });

  it('a mapped reporter is the post author; an unmapped one leaves the connection account', async () => {
    const reporter = (await signInAs(core, 'reporter')).user;
    await asAdmin();
    const users = await callCore(core, 'portals.remoteUsers', { id: connectionId });
    const mine = users.find((user) => user.remoteId === String(wpUserId));
    expect(mine?.name).toBe(`Phóng viên ${run}`);
    await callCore(core, 'portals.linkUser', {
      id: connectionId,
      userId: reporter.id,
      remote: { id: String(wpUserId), name: mine?.name ?? '' },
    });
    expect(await callCore(core, 'portals.userLinks', { id: connectionId })).toEqual([
      { userId: reporter.id, remoteUserId: String(wpUserId), remoteName: `Phóng viên ${run}` },
    ]);

    await signInAs(core, 'reporter');
    expect((await publish(`pv-bai-${run}`)).author).toBe(wpUserId);

    const me = await rest.get<{ id: number }>('/wp/v2/users/me');
    await signInAs(core, 'reporter', `khac-${run}`, 'Phóng viên khác');
    expect((await publish(`khac-bai-${run}`)).author).toBe(me.json.id);
  });
});
