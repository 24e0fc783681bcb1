import type { SavedRecipe } from '../../../shared/photos/savedRecipe';
import type { PhotoDeskLabels } from './labels';

/** Picks the recipe the next batch runs with; the default is marked so it is easy to go back. */
export function RecipeSelect({
  recipes,
  chosenId,
  labels,
  onChoose,
  onOpenEditor,
}: {
  recipes: readonly SavedRecipe[];
  chosenId: string | null;
  labels: PhotoDeskLabels;
  onChoose: (id: string) => void;
  onOpenEditor: () => void;
}) {
  return (
    <>
      <label className="check">
        {labels.recipe.select}
        <select
          data-testid="recipe-select"
          value={chosenId ?? ''}
          disabled={recipes.length === 0}
          onChange={(event) => onChoose(event.target.value)}
        >
          {recipes.map((saved) => (
            <option key={saved.id} value={saved.id}>
              {saved.isDefault ? `${saved.name} · ${labels.recipe.isDefault}` : saved.name}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="secondary small"
        data-testid="recipe-open"
        onClick={onOpenEditor}
      >
        {labels.recipe.open}
      </button>
    </>
  );
}
