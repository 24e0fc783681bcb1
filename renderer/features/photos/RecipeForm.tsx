import { useRef } from 'react';

import type { CropAspect, MetadataPolicy } from '../../../shared/photos/recipe';
import { FILE_NAME_VARIABLES } from '../../../shared/photos/recipe';
import type { PhotoDeskLabels } from './labels';
import type { DraftErrors, RecipeDraft } from './recipeDraft';
import { exampleFileName, insertAt } from './recipeDraft';
import { RecipeOutputs } from './RecipeOutputs';
import { PositionSelect, RecipeWatermark } from './RecipeWatermark';

const ASPECTS: readonly CropAspect[] = ['16:9', '4:3', '1:1', 'free'];
const POLICIES: readonly MetadataPolicy[] = ['keep-credits', 'strip', 'keep-all'];

/** A message under a field, announced when it appears. */
function FieldError({ message }: { message: string | undefined }) {
  return message ? (
    <span className="field-error" role="alert">
      {message}
    </span>
  ) : null;
}

/**
 * The fields of one recipe. Controlled: every change hands a new draft up, so the editor owns
 * saving, reverting and validation.
 */
export function RecipeForm({
  draft,
  errors,
  labels,
  onChange,
}: {
  draft: RecipeDraft;
  errors: DraftErrors;
  labels: PhotoDeskLabels['recipe'];
  onChange: (draft: RecipeDraft) => void;
}) {
  const patternRef = useRef<HTMLInputElement>(null);
  const set = <K extends keyof RecipeDraft>(key: K, value: RecipeDraft[K]): void =>
    onChange({ ...draft, [key]: value });

  const insertVariable = (variable: string): void => {
    const input = patternRef.current;
    const next = insertAt(
      draft.fileNamePattern,
      `{${variable}}`,
      input?.selectionStart ?? null,
      input?.selectionEnd ?? null,
    );
    set('fileNamePattern', next.value);
    requestAnimationFrame(() => {
      input?.focus();
      input?.setSelectionRange(next.cursor, next.cursor);
    });
  };

  const numberField = (
    key: 'longEdge' | 'boxWidth' | 'boxHeight' | 'focalX' | 'focalY',
    label: string,
    min: number,
    max: number,
  ) => (
    <label className="recipe-field">
      <span>{label}</span>
      <input
        type="number"
        data-testid={`recipe-${key}`}
        min={min}
        max={max}
        aria-invalid={errors[key] !== undefined}
        value={draft[key]}
        onChange={(event) => set(key, event.target.value)}
      />
      <FieldError message={errors[key]} />
    </label>
  );

  return (
    <div className="recipe-form">
      <label className="recipe-field wide">
        <span>{labels.name}</span>
        <input
          data-testid="recipe-name"
          maxLength={100}
          aria-invalid={errors.name !== undefined}
          value={draft.name}
          onChange={(event) => set('name', event.target.value)}
        />
        <FieldError message={errors.name} />
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={draft.autoOrient}
          onChange={(event) => set('autoOrient', event.target.checked)}
        />
        {labels.autoOrient}
      </label>

      <fieldset className="recipe-section">
        <legend>{labels.resize}</legend>
        <div className="recipe-row">
          <select
            data-testid="recipe-resize-mode"
            aria-label={labels.resize}
            value={draft.resizeMode}
            onChange={(event) =>
              set(
                'resizeMode',
                event.target.value === 'longEdge' || event.target.value === 'box'
                  ? event.target.value
                  : 'none',
              )
            }
          >
            <option value="none">{labels.resizeNone}</option>
            <option value="longEdge">{labels.resizeLongEdge}</option>
            <option value="box">{labels.resizeBox}</option>
          </select>
          {draft.resizeMode === 'longEdge' ? numberField('longEdge', 'px', 16, 20000) : null}
          {draft.resizeMode === 'box' ? (
            <>
              {numberField('boxWidth', 'W (px)', 16, 20000)}
              {numberField('boxHeight', 'H (px)', 16, 20000)}
            </>
          ) : null}
        </div>
        {draft.resizeMode !== 'none' ? <p className="muted hint">{labels.noEnlarge}</p> : null}
      </fieldset>

      <fieldset className="recipe-section">
        <legend>{labels.crop}</legend>
        <div className="recipe-row">
          <label className="recipe-field">
            <span>{labels.aspect}</span>
            <select
              data-testid="recipe-aspect"
              value={draft.aspect}
              onChange={(event) =>
                set('aspect', ASPECTS.find((a) => a === event.target.value) ?? 'free')
              }
            >
              {ASPECTS.map((aspect) => (
                <option key={aspect} value={aspect}>
                  {aspect === 'free' ? labels.aspectFree : aspect}
                </option>
              ))}
            </select>
          </label>
          {draft.aspect !== 'free' ? (
            <label className="recipe-field">
              <span>{labels.strategy}</span>
              <select
                data-testid="recipe-strategy"
                value={draft.strategy}
                onChange={(event) =>
                  set('strategy', event.target.value === 'attention' ? 'attention' : 'focal')
                }
              >
                <option value="focal">{labels.strategyFocal}</option>
                <option value="attention">{labels.strategyAttention}</option>
              </select>
            </label>
          ) : null}
          {draft.aspect !== 'free' && draft.strategy === 'focal' ? (
            <>
              {numberField('focalX', labels.focalX, 0, 100)}
              {numberField('focalY', labels.focalY, 0, 100)}
            </>
          ) : null}
        </div>
        {draft.aspect !== 'free' && draft.strategy === 'focal' ? (
          <p className="muted hint">{labels.focalHint}</p>
        ) : null}
      </fieldset>

      <label className="check">
        <input
          type="checkbox"
          checked={draft.sharpen}
          onChange={(event) => set('sharpen', event.target.checked)}
        />
        {labels.sharpen}
      </label>
      <fieldset className="recipe-section">
        <legend>
          <label className="check">
            <input
              type="checkbox"
              data-testid="recipe-watermark-on"
              checked={draft.watermarkOn}
              onChange={(event) => set('watermarkOn', event.target.checked)}
            />
            {labels.watermark}
          </label>
        </legend>
        {draft.watermarkOn ? (
          <RecipeWatermark
            value={draft.watermark}
            errors={errors}
            labels={labels}
            onChange={(watermark) => set('watermark', watermark)}
          />
        ) : null}
      </fieldset>

      <fieldset className="recipe-section">
        <legend>
          <label className="check">
            <input
              type="checkbox"
              data-testid="recipe-text"
              checked={draft.text}
              onChange={(event) => set('text', event.target.checked)}
            />
            {labels.textOverlay}
          </label>
        </legend>
        {draft.text ? (
          <>
            <div className="recipe-row">
              <label className="recipe-field wide">
                <span>{labels.textTemplate}</span>
                <input
                  data-testid="recipe-text-template"
                  maxLength={200}
                  value={draft.textTemplate}
                  onChange={(event) => set('textTemplate', event.target.value)}
                />
                <FieldError message={errors.textTemplate} />
              </label>
              <PositionSelect
                value={draft.textPosition}
                labels={labels}
                testId="recipe-text-position"
                onChange={(position) => set('textPosition', position)}
              />
            </div>
            <p className="muted hint">{labels.fontNote}</p>
          </>
        ) : null}
      </fieldset>

      <RecipeOutputs
        rows={draft.outputs}
        errors={errors}
        labels={labels}
        onChange={(outputs) => set('outputs', outputs)}
      />

      <fieldset className="recipe-section">
        <legend>{labels.metadata}</legend>
        {POLICIES.map((policy) => (
          <label key={policy} className="recipe-radio">
            <input
              type="radio"
              name="recipe-metadata"
              data-testid={`recipe-metadata-${policy}`}
              checked={draft.metadata === policy}
              onChange={() => set('metadata', policy)}
            />
            <span>
              <strong>{labels.metadataPolicy[policy].title}</strong>
              <span className="muted">{labels.metadataPolicy[policy].hint}</span>
            </span>
          </label>
        ))}
      </fieldset>

      <fieldset className="recipe-section">
        <legend>{labels.pattern}</legend>
        <input
          ref={patternRef}
          className="recipe-pattern"
          data-testid="recipe-pattern"
          aria-label={labels.pattern}
          aria-invalid={errors.pattern !== undefined}
          maxLength={200}
          value={draft.fileNamePattern}
          onChange={(event) => set('fileNamePattern', event.target.value)}
        />
        <FieldError message={errors.pattern} />
        <div className="recipe-chips" aria-label={labels.patternHint}>
          {FILE_NAME_VARIABLES.map((variable) => (
            <button
              key={variable}
              type="button"
              className="recipe-chip"
              data-testid={`recipe-chip-${variable}`}
              title={labels.variables[variable]}
              onClick={() => insertVariable(variable)}
            >
              {`{${variable}}`}
            </button>
          ))}
        </div>
        <p className="muted hint">
          {labels.patternHint} {labels.example}{' '}
          <code data-testid="recipe-example">{exampleFileName(draft)}</code>
        </p>
      </fieldset>
    </div>
  );
}
