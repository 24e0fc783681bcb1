import { randomUUID } from 'node:crypto';

import type { Database } from 'better-sqlite3';
import type { z } from 'zod';

import { recipeSchema } from '../../../shared/photos/recipe';
import {
  insertAuthorIfMissing,
  insertCategoryIfMissing,
  insertImportedPhoto,
  insertImportedRecipe,
  linkCategoryParent,
  photoIdTaken,
  photoShaKnown,
  recipeNames,
} from '../db/queries/bundleImport';
import type { directoryPayload, photosPayload, recipesPayload } from './payload';

/*
 * What a bundle brings besides its articles: author profiles and categories, photo records and
 * recipes. Each is added only where the library has nothing by that id, bytes or name; nothing
 * already here is changed. Runs inside the import's transaction.
 */

/** Adds the authors and categories the library lacks, then links new categories to parents. */
export function mergeDirectory(
  db: Database,
  directory: z.infer<typeof directoryPayload>,
  at: number,
): void {
  for (const author of directory.authors) {
    insertAuthorIfMissing(db, {
      id: author.id,
      name: author.name.normalize('NFC'),
      position: author.position.normalize('NFC'),
      createdAt: at,
    });
  }
  const added = directory.categories.filter((category) => insertCategoryIfMissing(db, category));
  for (const category of added) {
    if (category.parentId) linkCategoryParent(db, category.id, category.parentId);
  }
}

/**
 * Adds the records of photos whose files came in the bundle and whose bytes the library does not
 * have; an id already taken gets a new one. The number added.
 */
export function mergePhotos(
  db: Database,
  photos: z.infer<typeof photosPayload>,
  present: ReadonlySet<string>,
  at: number,
): number {
  let added = 0;
  for (const photo of photos) {
    if (!present.has(photo.mediaPath) || photoShaKnown(db, photo.sha256)) continue;
    added += insertImportedPhoto(db, {
      ...photo,
      id: photoIdTaken(db, photo.id) ? randomUUID() : photo.id,
      hasGps: photo.hasGps ? 1 : 0,
      captionMissing: photo.captionMissing ? 1 : 0,
      importedAt: at,
      updatedAt: at,
    });
  }
  return added;
}

/**
 * Adds the recipes the library has no recipe of that name for, except those needing a logo or a
 * font file (which a bundle does not carry). The number added.
 */
export function mergeRecipes(
  db: Database,
  recipes: z.infer<typeof recipesPayload>,
  at: number,
): number {
  const names = recipeNames(db);
  let added = 0;
  for (const item of recipes) {
    const parsed = recipeSchema.safeParse(item.recipe);
    if (
      !parsed.success ||
      names.has(item.name) ||
      parsed.data.watermark ||
      parsed.data.textOverlay?.fontFile
    )
      continue;
    insertImportedRecipe(db, {
      id: randomUUID(),
      name: item.name,
      recipeJson: JSON.stringify(parsed.data),
      updatedAt: at,
    });
    names.add(item.name);
    added += 1;
  }
  return added;
}
