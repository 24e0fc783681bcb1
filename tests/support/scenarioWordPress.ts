import { expect } from 'vitest';

import type { ScenarioPortal } from './syncScenario';
import { expectPublished } from './syncVerify';
import type { WordPressEnv } from './wordpress';
import { wordpressRest } from './wordpress';

/**
 * The local WordPress as the fault scenario's portal (shared by the whole suite, so everything
 * is counted by this run's marker): a category of this run is created first; at the end its
 * REST API must list exactly the run's posts and media, each post equal to what was approved.
 */
export async function wordpressScenarioPortal(
  env: WordPressEnv,
  run: string,
): Promise<ScenarioPortal> {
  const rest = wordpressRest(env);
  const categoryTitle = `Xã hội ${run}`;
  await rest.post('/wp/v2/categories', { name: categoryTitle });
  return {
    upstreamUrl: env.url,
    categoryTitle,
    connection: (proxyUrl) => ({
      kind: 'wordpress',
      name: 'Cổng qua proxy lỗi',
      baseUrl: proxyUrl,
      username: env.user,
      secret: env.password,
    }),
    async verify({ articles, photosPerArticle, mediaDir, recipe }) {
      expect(await rest.total(`/wp/v2/posts?search=${run}&status=any`)).toBe(articles.length);
      expect(await rest.total(`/wp/v2/posts?search=${run}&status=trash`)).toBe(0);
      expect(await rest.total(`/wp/v2/media?search=${run}`)).toBe(
        articles.length * photosPerArticle,
      );
      for (const article of articles) {
        const post = await expectPublished(rest, article, { mediaDir, recipe });
        expect(post.status).toBe('publish');
      }
    },
    close: async () => {},
  };
}
