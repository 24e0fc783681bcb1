import { useCallback, useEffect, useState } from 'react';

import type { NewsdeskApi } from '../../../shared/contract/api';
import type { SavedRecipe } from '../../../shared/photos/savedRecipe';
import { callOrThrow } from '../../lib/api';
import { messageOf } from './errors';

/**
 * The saved recipes and the one chosen for the next batch. The choice follows the default until
 * the editor picks another, and falls back to the default when the chosen one is deleted.
 */
export function useRecipes(api: NewsdeskApi, unexpected: string) {
  const [recipes, setRecipes] = useState<SavedRecipe[]>([]);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    callOrThrow(api, 'recipes.list', {}).then(
      (list) => live && setRecipes(list),
      (failure: unknown) => live && setError(messageOf(failure, unexpected)),
    );
    return () => {
      live = false;
    };
  }, [api, unexpected]);

  const chosen =
    recipes.find((recipe) => recipe.id === chosenId) ??
    recipes.find((recipe) => recipe.isDefault) ??
    recipes[0] ??
    null;
  const replace = useCallback((list: SavedRecipe[]) => setRecipes(list), []);
  return { recipes, chosen, choose: setChosenId, replace, error };
}
