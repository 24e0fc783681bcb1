import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';

import type { Category } from '../../../shared/domain/article';
import type {
  PortalCategoryLink,
  PortalOptions,
  PortalUserLink,
} from '../../../shared/domain/portalLinks';
import type { PortalTerm } from '../../../shared/domain/sync';
import { AppError } from '../../../shared/errors/appError';
import { foldForSearch } from '../../../shared/vietnamese/searchFold';
import { slugify } from '../../../shared/vietnamese/slug';
import { listCategories, upsertCategory } from '../db/queries/directory';
import { listTerms } from '../db/queries/portals';
import {
  deleteCategoryLink,
  featuredInBody,
  linkedRemoteUser,
  listCategoryLinks,
  listUserLinks,
  setFeaturedInBody,
  setUserLink,
  upsertCategoryLink,
} from '../db/queries/portalLinks';

/**
 * Brings a portal's pulled categories into the library's category list, so reporters pick from
 * them offline. A portal category already linked keeps its local id (renames and moves on the
 * portal are followed for categories that came from the portal); an unlinked local category with
 * the same slug or title is linked to it; otherwise a local category is created. Nothing local is
 * ever deleted: articles may point to it.
 */
export function importPortalCategories(
  db: Database,
  connectionId: string,
  remote: readonly PortalTerm[],
): void {
  db.transaction(() => {
    const links = listCategoryLinks(db, connectionId);
    const localOf = new Map(links.map((link) => [link.remote_id, link.category_id]));
    const pulled = new Set(links.filter((l) => l.pulled === 1).map((l) => l.category_id));
    const linked = new Set(links.map((link) => link.category_id));
    const locals = new Map(listCategories(db).map((category) => [category.id, category]));
    for (const term of remote) {
      if (localOf.has(term.remoteId)) continue;
      const alias = slugify(term.slug || term.title);
      const title = foldForSearch(term.title.trim());
      const same = [...locals.values()].find(
        (category) =>
          !linked.has(category.id) &&
          (category.alias === alias || foldForSearch(category.title.trim()) === title),
      );
      if (same) {
        upsertCategoryLink(db, connectionId, same.id, term.remoteId, false);
        localOf.set(term.remoteId, same.id);
        linked.add(same.id);
        continue;
      }
      const created: Category = { id: randomUUID(), parentId: null, title: term.title, alias };
      locals.set(created.id, created);
      upsertCategory(db, created, locals.size);
      upsertCategoryLink(db, connectionId, created.id, term.remoteId, true);
      localOf.set(term.remoteId, created.id);
      linked.add(created.id);
      pulled.add(created.id);
    }
    // Categories that came from the portal follow it: title, slug, parent and order.
    remote.forEach((term, position) => {
      const id = localOf.get(term.remoteId);
      const local = id === undefined ? undefined : locals.get(id);
      if (!local || !pulled.has(local.id)) return;
      const parentId = term.parentId === null ? null : (localOf.get(term.parentId) ?? null);
      upsertCategory(
        db,
        {
          ...local,
          title: term.title.normalize('NFC'),
          alias: slugify(term.slug || term.title),
          parentId: parentId === local.id ? null : parentId,
        },
        position,
      );
    });
  })();
}

/** The portal category an article's local category is published into, if linked. */
export function linkedCategory(
  db: Database,
  connectionId: string,
  categoryId: string | undefined,
): string | undefined {
  if (!categoryId) return undefined;
  return listCategoryLinks(db, connectionId).find((link) => link.category_id === categoryId)
    ?.remote_id;
}

/** The portal account credited for an article: its reporter's, when linked in Settings. */
export function linkedAuthor(
  db: Database,
  connectionId: string,
  articleId: string,
): string | undefined {
  const row = db.prepare('SELECT created_by FROM articles WHERE id = ?').get(articleId) as
    { created_by: string | null } | undefined;
  return row?.created_by ? linkedRemoteUser(db, connectionId, row.created_by) : undefined;
}

/** The category and user links of portals and their output options, for Settings. */
export function createPortalLinks(db: Database, now: () => number) {
  const requireConnection = (id: string): void => {
    if (!db.prepare('SELECT 1 FROM portal_connections WHERE id = ?').get(id)) {
      throw new AppError('not_found', 'Không tìm thấy cổng này. Hãy tải lại danh sách cổng.');
    }
  };
  const categoryLinks = (id: string): PortalCategoryLink[] => {
    requireConnection(id);
    return listCategoryLinks(db, id).map((link) => ({
      categoryId: link.category_id,
      remoteId: link.remote_id,
    }));
  };
  const userLinks = (id: string): PortalUserLink[] => {
    requireConnection(id);
    return listUserLinks(db, id).map((link) => ({
      userId: link.user_id,
      remoteUserId: link.remote_user_id,
      remoteName: link.remote_name,
    }));
  };
  return {
    categoryLinks,
    userLinks,

    /** Maps a local category onto a pulled portal category (null removes the mapping). */
    linkCategory(id: string, categoryId: string, remoteId: string | null): PortalCategoryLink[] {
      requireConnection(id);
      if (!listCategories(db).some((category) => category.id === categoryId)) {
        throw new AppError('not_found', 'Không tìm thấy chuyên mục này. Hãy tải lại trang.');
      }
      if (remoteId === null) {
        deleteCategoryLink(db, id, categoryId);
        return categoryLinks(id);
      }
      const known = listTerms(db, id).some(
        (term) => term.taxonomy === 'category' && term.remote_id === remoteId,
      );
      if (!known) {
        throw new AppError(
          'not_found',
          'Cổng không có chuyên mục này trong danh sách đã lấy về. Hãy bấm «Lấy chuyên mục» rồi chọn lại.',
        );
      }
      upsertCategoryLink(db, id, categoryId, remoteId, false);
      return categoryLinks(id);
    },

    /** Credits a desk user's articles to a portal account (null: the portal's own account). */
    linkUser(
      id: string,
      userId: string,
      remote: { id: string; name: string } | null,
    ): PortalUserLink[] {
      requireConnection(id);
      if (!db.prepare('SELECT 1 FROM users WHERE id = ?').get(userId)) {
        throw new AppError('not_found', 'Không tìm thấy người dùng này. Hãy tải lại trang.');
      }
      setUserLink(db, id, userId, remote);
      return userLinks(id);
    },

    options(id: string): PortalOptions {
      requireConnection(id);
      return { featuredInBody: featuredInBody(db, id) };
    },

    setOptions(id: string, options: PortalOptions): PortalOptions {
      requireConnection(id);
      setFeaturedInBody(db, id, options.featuredInBody, now());
      return { featuredInBody: featuredInBody(db, id) };
    },
  };
}

/** The portal links service's API. */
export type PortalLinks = ReturnType<typeof createPortalLinks>;
