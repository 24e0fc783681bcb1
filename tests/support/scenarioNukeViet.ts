import fs from 'node:fs';
import path from 'node:path';

import { expect } from 'vitest';

import { toNukeVietHtml } from '../../electron/core/portal/nukeviet/html';
import { planPhotos, syncRecipe } from '../../electron/core/sync/photos';
import { renderBodyHtml } from '../../shared/render/articleHtml';
import { slugify } from '../../shared/vietnamese/slug';
import { startNukeVietHarness } from './nukeviet-harness/harness';
import type { ScenarioPortal } from './syncScenario';
import { renderedSha, sha } from './syncVerify';

type Row = Record<string, unknown>;

/** The news module's tables on the stand-in site (prefix nv4, language vi, module news). */
const T = 'nv4_vi_news';
/** The category the scenario's articles go to (the site's only one). */
const CATEGORY = { id: 7, title: 'Xã hội' };
/**
 * php -S workers: the outbox runs up to 3 articles and 3 uploads at once; a single-threaded
 * php -S would queue them, and a queued request can outlive api.php's 5-second timestamp window.
 */
const WORKERS = 4;

function imageFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(jpe?g|png|webp|gif)$/iu.test(file))
    .map((file) => file.split(path.sep).join('/'));
}

/**
 * A fresh NukeViet 4.5 stand-in (php -S with the connector installed) as the fault scenario's
 * portal. Everything on the site is this run's, so the checks count whole tables: exactly one
 * article row, category copy and sync mapping per approved article, exactly one stored file and
 * media row per photo, no stray files; each article's title, sapo, body (photo URLs the
 * portal's), featured image and tags as approved, each photo's bytes what the recipe renders.
 * Read from the site's database and upload folder, not through the adapter under test.
 */
export async function nukevietScenarioPortal(): Promise<ScenarioPortal> {
  const harness = await startNukeVietHarness({
    workers: WORKERS,
    categories: [
      {
        id: CATEGORY.id,
        parent: 0,
        title: CATEGORY.title,
        alias: slugify(CATEGORY.title),
        status: 1,
      },
    ],
  });
  const q = <T = Row>(sql: string, ...params: unknown[]): T[] => harness.query<T>(sql, ...params);
  const count = (table: string): number =>
    q<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`)[0]?.n ?? -1;

  return {
    upstreamUrl: harness.baseUrl,
    categoryTitle: CATEGORY.title,
    connection: (proxyUrl) => ({
      kind: 'nukeviet',
      name: 'Cổng NukeViet qua proxy lỗi',
      baseUrl: proxyUrl,
      username: harness.editor.ident,
      secret: harness.editor.secret,
      authMode: 'bcrypt',
    }),
    diagnostics: () => harness.serverLog(),

    async verify({ articles, photosPerArticle, mediaDir, recipe }) {
      const photoTotal = articles.length * photosPerArticle;
      expect(count(`${T}_rows`), 'articles on the portal').toBe(articles.length);
      expect(count(`${T}_${CATEGORY.id}`), 'copies in the category table').toBe(articles.length);
      expect(count(`${T}_detail`), 'detail rows').toBe(articles.length);
      expect(count(`${T}_newsdesk_sync`), 'sync mappings').toBe(articles.length);
      const media = q<{ sha256: string; path: string }>(
        `SELECT sha256, path FROM ${T}_newsdesk_media`,
      );
      expect(media, 'stored images').toHaveLength(photoTotal);
      const files = imageFiles(path.join(harness.siteDir, 'uploads'));
      expect(files.map((file) => `uploads/${file}`).sort(), 'files in uploads/').toEqual(
        media.map((m) => m.path).sort(),
      );

      const rendered = syncRecipe(recipe);
      for (const article of articles) {
        const mapped = q<{ id: number }>(
          `SELECT id FROM ${T}_newsdesk_sync WHERE sync_key = ?`,
          article.id,
        );
        expect(mapped, `article ${article.title} mapped once`).toHaveLength(1);
        const id = mapped[0]?.id ?? 0;
        const [row] = q(`SELECT * FROM ${T}_rows WHERE id = ?`, id);
        // The scenario's titles and sapos hold nothing NukeViet stores as an entity.
        expect(row).toMatchObject({
          title: article.title,
          hometext: article.lead,
          catid: CATEGORY.id,
          listcatid: String(CATEGORY.id),
          status: 1,
          homeimgalt: 'Ảnh đại diện',
        });
        expect(q(`SELECT * FROM ${T}_${CATEGORY.id} WHERE id = ?`, id)).toEqual([row]);

        const first = article.mediaPaths[0];
        const photos = planPhotos(
          article.body,
          first ? { mediaPath: first, alt: 'Ảnh đại diện' } : null,
          rendered,
        );
        const stored = new Map<string, string>();
        for (const photo of photos) {
          const expected = await renderedSha(mediaDir, photo, rendered);
          const found = q<{ path: string }>(
            `SELECT path FROM ${T}_newsdesk_media WHERE sha256 = ?`,
            expected,
          );
          expect(found, `photo ${photo.mediaPath} stored once`).toHaveLength(1);
          const file = found[0]?.path ?? '';
          const bytes = fs.readFileSync(path.join(harness.siteDir, file));
          expect(sha(bytes), `bytes of ${photo.mediaPath}`).toBe(expected);
          stored.set(photo.mediaPath, file);
        }
        expect(row?.homeimgfile).toBe(
          (stored.get(first ?? '') ?? '').replace(/^uploads\/news\//u, ''),
        );

        const html = renderBodyHtml(article.body, {
          mediaUrl: (mediaPath) => `/${stored.get(mediaPath) ?? ''}`,
          alignment: 'style',
        });
        const [detail] = q<{ bodyhtml: string }>(
          `SELECT bodyhtml FROM ${T}_detail WHERE id = ?`,
          id,
        );
        expect(detail?.bodyhtml).toBe(toNukeVietHtml(html));
        const tags = q<{ keyword: string }>(`SELECT keyword FROM ${T}_tags_id WHERE id = ?`, id);
        expect(tags.map((t) => t.keyword).sort()).toEqual([...article.tags].sort());
      }
    },

    close: () => harness.stop(),
  };
}
