import type { Database } from 'better-sqlite3';

/** A stored recipe row. */
export interface RecipeRow {
  id: string;
  name: string;
  recipe_json: string;
  is_default: number;
  updated_at: number;
}

/** Recipes, the default first, then by name. */
export function listRecipes(db: Database): RecipeRow[] {
  return db
    .prepare('SELECT * FROM recipes ORDER BY is_default DESC, name COLLATE NOCASE')
    .all() as RecipeRow[];
}

/** One recipe, or undefined. */
export function getRecipe(db: Database, id: string): RecipeRow | undefined {
  return db.prepare('SELECT * FROM recipes WHERE id = ?').get(id) as RecipeRow | undefined;
}

/** The default recipe, if any. */
export function getDefaultRecipe(db: Database): RecipeRow | undefined {
  return db.prepare('SELECT * FROM recipes WHERE is_default = 1').get() as RecipeRow | undefined;
}

/** Creates or updates a recipe. */
export function upsertRecipe(db: Database, row: Omit<RecipeRow, 'is_default'>): void {
  db.prepare(
    `INSERT INTO recipes (id, name, recipe_json, is_default, updated_at)
     VALUES (@id, @name, @recipe_json, 0, @updated_at)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, recipe_json = excluded.recipe_json,
       updated_at = excluded.updated_at`,
  ).run(row);
}

/** Deletes a recipe. */
export function deleteRecipe(db: Database, id: string): void {
  db.prepare('DELETE FROM recipes WHERE id = ?').run(id);
}

/** Makes one recipe the default, in one transaction. */
export function setDefaultRecipe(db: Database, id: string): void {
  db.transaction(() => {
    db.prepare('UPDATE recipes SET is_default = 0 WHERE is_default = 1').run();
    db.prepare('UPDATE recipes SET is_default = 1 WHERE id = ?').run(id);
  })();
}
