import { randomUUID } from 'node:crypto';

import { defaultWebRecipe } from '../../../../shared/photos/recipe';
import type { Migration } from './types';

/** Saved photo recipes; the library starts with the newsroom's «Web» recipe as the default. */
export const migration0090: Migration = {
  version: 90,
  name: 'create-recipes',
  up(db) {
    db.exec(`
      CREATE TABLE recipes (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        recipe_json TEXT NOT NULL,
        is_default INTEGER NOT NULL DEFAULT 0,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX recipes_one_default ON recipes (is_default) WHERE is_default = 1;
    `);
    db.prepare(
      'INSERT INTO recipes (id, name, recipe_json, is_default, updated_at) VALUES (?, ?, ?, 1, ?)',
    ).run(randomUUID(), defaultWebRecipe.name, JSON.stringify(defaultWebRecipe), Date.now());
  },
};
