import type { Recipe } from './recipe';

/** A recipe the newsroom saved under a name; exactly one is the default («Web» at first). */
export interface SavedRecipe {
  id: string;
  name: string;
  isDefault: boolean;
  recipe: Recipe;
}
