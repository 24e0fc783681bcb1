import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';

import { AppError } from '../../../shared/errors/appError';
import type { Recipe } from '../../../shared/photos/recipe';
import { defaultWebRecipe, recipeSchema } from '../../../shared/photos/recipe';
import type { SavedRecipe } from '../../../shared/photos/savedRecipe';
import type { RecipeRow } from '../db/queries/recipes';
import {
  deleteRecipe,
  getDefaultRecipe,
  getRecipe,
  listRecipes,
  setDefaultRecipe,
  upsertRecipe,
} from '../db/queries/recipes';
import type { Logger } from '../logging/logger';

/** A stored recipe, re-validated on the way out (a damaged row falls back to the Web recipe). */
function toSaved(row: RecipeRow, logger: Logger): SavedRecipe {
  let recipe: Recipe = defaultWebRecipe;
  try {
    recipe = recipeSchema.parse(JSON.parse(row.recipe_json));
  } catch (error) {
    logger.error('stored recipe is damaged', { id: row.id, error });
  }
  return { id: row.id, name: row.name, isDefault: row.is_default === 1, recipe };
}

/** The newsroom's saved photo recipes. */
export function createRecipesService(deps: { db: Database; logger: Logger; now: () => number }) {
  const { db, logger, now } = deps;
  const notFound = (): AppError =>
    new AppError('not_found', 'Không tìm thấy công thức xử lý ảnh này.');

  return {
    list: (): SavedRecipe[] => listRecipes(db).map((row) => toSaved(row, logger)),

    save(input: { id?: string; recipe: Recipe }): SavedRecipe {
      const id = input.id ?? randomUUID();
      if (input.id && !getRecipe(db, input.id)) throw notFound();
      const recipe = { ...input.recipe, name: input.recipe.name.normalize('NFC') };
      upsertRecipe(db, {
        id,
        name: recipe.name,
        recipe_json: JSON.stringify(recipe),
        updated_at: now(),
      });
      const row = getRecipe(db, id);
      if (!row) throw notFound();
      return toSaved(row, logger);
    },

    remove(id: string): void {
      const row = getRecipe(db, id);
      if (!row) throw notFound();
      if (row.is_default === 1) {
        throw new AppError(
          'conflict',
          'Không xoá được công thức mặc định. Hãy đặt công thức khác làm mặc định trước.',
        );
      }
      deleteRecipe(db, id);
    },

    setDefault(id: string): SavedRecipe[] {
      if (!getRecipe(db, id)) throw notFound();
      setDefaultRecipe(db, id);
      return listRecipes(db).map((row) => toSaved(row, logger));
    },

    /** The recipe a batch uses: the one asked for, else the default, else the built-in Web. */
    resolve(id: string | undefined): Recipe {
      const row = id ? getRecipe(db, id) : getDefaultRecipe(db);
      if (id && !row) throw notFound();
      return row ? toSaved(row, logger).recipe : defaultWebRecipe;
    },
  };
}

/** The recipes service's API. */
export type RecipesService = ReturnType<typeof createRecipesService>;
