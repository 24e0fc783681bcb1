import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';

import type { AuthorProfile, Category } from '../../../shared/domain/article';
import { slugify } from '../../../shared/vietnamese/slug';
import { listAuthors, listCategories, upsertAuthor, upsertCategory } from '../db/queries/directory';

/**
 * Author profiles (for bylines) and the portal's categories, cached locally so reporters can
 * pick them offline. Portal sync refreshes categories; until then the newsroom adds them here.
 */
export function createDirectoryService(deps: { db: Database; now: () => number }) {
  const { db, now } = deps;
  return {
    authors: (): AuthorProfile[] => listAuthors(db),

    saveAuthor(input: { id?: string; name: string; position: string }): AuthorProfile {
      const author: AuthorProfile = {
        id: input.id ?? randomUUID(),
        name: input.name.normalize('NFC'),
        position: input.position.normalize('NFC'),
      };
      upsertAuthor(db, author, now());
      return author;
    },

    categories: (): Category[] => listCategories(db),

    saveCategory(input: {
      id?: string;
      parentId: string | null;
      title: string;
      alias?: string;
    }): Category {
      const title = input.title.normalize('NFC');
      const category: Category = {
        id: input.id ?? randomUUID(),
        parentId: input.parentId,
        title,
        alias: slugify(input.alias?.trim() ? input.alias : title),
      };
      upsertCategory(db, category, listCategories(db).length);
      return category;
    },
  };
}

/** The directory service's API. */
export type DirectoryService = ReturnType<typeof createDirectoryService>;
