import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';

import type { SavedRecipe } from '../../../shared/photos/savedRecipe';
import { callOrThrow } from '../../lib/api';
import { useApi } from '../../lib/ApiContext';
import { messageOf } from './errors';
import type { PhotoDeskLabels } from './labels';
import type { DraftErrors, RecipeDraft } from './recipeDraft';
import { draftToRecipe, recipeToDraft } from './recipeDraft';
import { RecipeForm } from './RecipeForm';

/**
 * The recipe editor: saved recipes on the left, the chosen one's form on the right. Rendered into
 * `<body>` so no layout rule of the desk's columns constrains the overlay. Every change of the
 * list is handed up through `onChanged` so the batch's recipe picker stays current.
 */
export function RecipeEditor({
  recipes,
  initialId,
  labels: deskLabels,
  onChanged,
  onClose,
}: {
  recipes: readonly SavedRecipe[];
  initialId: string | null;
  labels: PhotoDeskLabels;
  onChanged: (recipes: SavedRecipe[]) => void;
  onClose: () => void;
}) {
  const api = useApi();
  const labels = deskLabels.recipe;
  const first = recipes.find((saved) => saved.id === initialId) ?? recipes[0];
  const [selectedId, setSelectedId] = useState<string | null>(first?.id ?? null);
  const [draft, setDraft] = useState<RecipeDraft | null>(
    first ? recipeToDraft(first.recipe) : null,
  );
  const [errors, setErrors] = useState<DraftErrors>({});
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const selected = recipes.find((saved) => saved.id === selectedId) ?? null;

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const select = (saved: SavedRecipe | undefined): void => {
    setSelectedId(saved?.id ?? null);
    setDraft(saved ? recipeToDraft(saved.recipe) : null);
    setErrors({});
    setConfirming(false);
  };

  /** Runs a call, shows the main side's message if it refuses, and reports success. */
  const run = async <T,>(work: () => Promise<T>): Promise<{ value: T } | null> => {
    setBusy(true);
    try {
      const value = await work();
      setMessage(null);
      return { value };
    } catch (failure) {
      setMessage({ text: messageOf(failure, deskLabels.unexpected), error: true });
      return null;
    } finally {
      setBusy(false);
    }
  };

  const upsert = (saved: SavedRecipe): SavedRecipe[] => {
    const known = recipes.some((other) => other.id === saved.id);
    const list = known
      ? recipes.map((other) => (other.id === saved.id ? saved : other))
      : [...recipes, saved];
    onChanged(list);
    return list;
  };

  const save = async (): Promise<void> => {
    if (!draft) return;
    const checked = draftToRecipe(draft, labels.errors);
    setErrors(checked.errors ?? {});
    if (!checked.recipe) {
      setMessage({ text: labels.errors.form, error: true });
      return;
    }
    const recipe = checked.recipe;
    const saved = await run(() =>
      callOrThrow(api, 'recipes.save', selectedId ? { id: selectedId, recipe } : { recipe }),
    );
    if (!saved) return;
    upsert(saved.value);
    select(saved.value);
    setMessage({ text: labels.saved, error: false });
  };

  const duplicate = async (): Promise<void> => {
    if (!selected) return;
    const recipe = { ...selected.recipe, name: labels.copyName(selected.name).slice(0, 100) };
    const saved = await run(() => callOrThrow(api, 'recipes.save', { recipe }));
    if (!saved) return;
    upsert(saved.value);
    select(saved.value);
  };

  const remove = async (): Promise<void> => {
    if (!selected || selected.isDefault) return;
    const done = await run(() => callOrThrow(api, 'recipes.delete', { id: selected.id }));
    if (!done) return;
    const list = recipes.filter((other) => other.id !== selected.id);
    onChanged(list);
    select(list.find((other) => other.isDefault) ?? list[0]);
  };

  const makeDefault = async (): Promise<void> => {
    if (!selected) return;
    const list = await run(() => callOrThrow(api, 'recipes.setDefault', { id: selected.id }));
    if (list) onChanged(list.value);
  };

  return createPortal(
    <div className="modal-backdrop" role="presentation" onClick={onClose}>
      <div
        className="modal recipe-editor"
        role="dialog"
        aria-modal="true"
        aria-label={labels.title}
        data-testid="recipe-editor"
        onClick={(event) => event.stopPropagation()}
      >
        <header className="modal-header">
          <h2>{labels.title}</h2>
          <button
            type="button"
            className="secondary small"
            data-testid="recipe-close"
            onClick={onClose}
          >
            {labels.close}
          </button>
        </header>
        <div className="recipe-body">
          <aside className="recipe-list" aria-label={labels.list}>
            {recipes.length === 0 ? <p className="muted">{labels.empty}</p> : null}
            <ul>
              {recipes.map((saved) => (
                <li key={saved.id}>
                  <button
                    type="button"
                    className={saved.id === selectedId ? 'recipe-item selected' : 'recipe-item'}
                    data-testid="recipe-item"
                    aria-pressed={saved.id === selectedId}
                    onClick={() => select(saved)}
                  >
                    <span>{saved.name}</span>
                    {saved.isDefault ? (
                      <span className="photo-badge">{labels.isDefault}</span>
                    ) : null}
                  </button>
                </li>
              ))}
            </ul>
            {selected ? (
              <div className="recipe-list-actions">
                <button
                  type="button"
                  className="secondary small"
                  data-testid="recipe-set-default"
                  disabled={busy || selected.isDefault}
                  onClick={() => void makeDefault()}
                >
                  {labels.setDefault}
                </button>
                <button
                  type="button"
                  className="secondary small"
                  data-testid="recipe-duplicate"
                  disabled={busy}
                  onClick={() => void duplicate()}
                >
                  {labels.duplicate}
                </button>
                <button
                  type="button"
                  className="secondary small danger"
                  data-testid="recipe-delete"
                  disabled={busy || selected.isDefault}
                  title={selected.isDefault ? labels.defaultLocked : undefined}
                  onClick={() => setConfirming(true)}
                >
                  {labels.remove}
                </button>
                {selected.isDefault ? <p className="muted hint">{labels.defaultLocked}</p> : null}
                {confirming && !selected.isDefault ? (
                  <div className="recipe-confirm" role="alertdialog">
                    <p>{labels.removeConfirm(selected.name)}</p>
                    <button
                      type="button"
                      className="primary small"
                      data-testid="recipe-delete-confirm"
                      onClick={() => void remove()}
                    >
                      {labels.removeYes}
                    </button>
                    <button
                      type="button"
                      className="secondary small"
                      onClick={() => setConfirming(false)}
                    >
                      {labels.removeNo}
                    </button>
                  </div>
                ) : null}
              </div>
            ) : null}
          </aside>
          <section className="recipe-main">
            {draft ? (
              <RecipeForm draft={draft} errors={errors} labels={labels} onChange={setDraft} />
            ) : null}
          </section>
        </div>
        <footer className="modal-footer">
          {message ? (
            <span
              className={message.error ? 'recipe-message error' : 'recipe-message'}
              role={message.error ? 'alert' : 'status'}
              data-testid="recipe-message"
            >
              {message.text}
            </span>
          ) : null}
          <button
            type="button"
            className="secondary"
            data-testid="recipe-cancel"
            disabled={busy || !selected}
            onClick={() => select(selected ?? undefined)}
          >
            {labels.cancel}
          </button>
          <button
            type="button"
            className="primary"
            data-testid="recipe-save"
            disabled={busy || !draft}
            onClick={() => void save()}
          >
            {labels.save}
          </button>
        </footer>
      </div>
    </div>,
    document.body,
  );
}
