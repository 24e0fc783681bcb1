import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';

import type { AuthorProfile, Category } from '../../../shared/domain/article';
import { AppError } from '../../../shared/errors/appError';
import { slugify } from '../../../shared/vietnamese/slug';
import type { SignedInUser } from '../../../shared/workflow/accounts';
import { describeRoles } from '../../../shared/workflow/roles';
import type { Role } from '../../../shared/workflow/roles';
import type { HandlersOf } from '../contract/dispatch';
import { requireUser } from '../contract/dispatch';
import {
  authorCreator,
  listAuthors,
  listCategories,
  upsertAuthor,
  upsertCategory,
} from '../db/queries/directory';

/** Roles that may change any author profile; others change only the profiles they created. */
const profileKeepers: readonly Role[] = ['editor', 'admin'];

/**
 * Author profiles (for bylines) and the portal's categories, cached locally so reporters can
 * pick them offline. Portal sync refreshes categories; until then the newsroom adds them here.
 */
export function createDirectoryService(deps: { db: Database; now: () => number }) {
  const { db, now } = deps;
  return {
    authors: (): AuthorProfile[] => listAuthors(db),

    /**
     * Creates a profile (anyone) or changes one: editors and administrators any, others only the
     * ones they created, since a profile is the byline of every article that uses it.
     */
    saveAuthor(
      user: SignedInUser,
      input: { id?: string; name: string; position: string },
    ): AuthorProfile {
      if (input.id !== undefined && !profileKeepers.includes(user.role)) {
        const creator = authorCreator(db, input.id);
        if (creator !== undefined && creator !== user.id) {
          throw new AppError(
            'forbidden',
            `Bạn chỉ sửa được hồ sơ tác giả do chính mình tạo. Hồ sơ này là bút danh chung của toà soạn; hãy nhờ ${describeRoles(profileKeepers)} sửa.`,
          );
        }
      }
      const author: AuthorProfile = {
        id: input.id ?? randomUUID(),
        name: input.name.normalize('NFC'),
        position: input.position.normalize('NFC'),
      };
      upsertAuthor(db, author, now(), user.id);
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

/** Binds author profiles and categories to the contract. */
export function directoryHandlers(
  directory: DirectoryService,
): HandlersOf<'authors' | 'categories'> {
  return {
    'authors.list': () => directory.authors(),
    'authors.save': (args, context) => directory.saveAuthor(requireUser(context), args),
    'categories.list': () => directory.categories(),
    'categories.save': (args) => directory.saveCategory(args),
  };
}
