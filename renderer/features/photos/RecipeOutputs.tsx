import type { OutputFormat } from '../../../shared/photos/recipe';
import type { PhotoDeskLabels } from './labels';
import type { DraftErrors, OutputDraft } from './recipeDraft';
import { changeFormat, MAX_OUTPUTS, maxEffort, newOutputDraft } from './recipeDraft';

const FORMATS: readonly OutputFormat[] = ['jpeg', 'webp', 'avif'];
const FORMAT_NAMES: Record<OutputFormat, string> = { jpeg: 'JPEG', webp: 'WebP', avif: 'AVIF' };

/**
 * The recipe's output files as a table, one row per file: format, long edge, quality, the
 * format's own options and an optional size ceiling in KB (sent as `targetMaxBytes`).
 */
export function RecipeOutputs({
  rows,
  errors,
  labels,
  onChange,
}: {
  rows: readonly OutputDraft[];
  errors: DraftErrors;
  labels: PhotoDeskLabels['recipe'];
  onChange: (rows: OutputDraft[]) => void;
}) {
  const update = (index: number, patch: Partial<OutputDraft>): void =>
    onChange(rows.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  const errorOf = (index: number, field: string): string | undefined =>
    errors[`output.${index}.${field}`];

  return (
    <fieldset className="recipe-section">
      <legend>{labels.outputs}</legend>
      <table className="recipe-outputs">
        <thead>
          <tr>
            <th>{labels.format}</th>
            <th>{labels.longEdge}</th>
            <th>{labels.quality}</th>
            <th>{labels.options}</th>
            <th>{labels.targetKb}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const rowErrors = ['longEdge', 'quality', 'effort', 'targetKb']
              .map((field) => errorOf(index, field))
              .filter((message) => message !== undefined);
            return (
              <tr key={row.key} data-testid="recipe-output-row">
                <td>
                  <select
                    data-testid="recipe-output-format"
                    aria-label={labels.format}
                    value={row.format}
                    onChange={(event) => {
                      const format = FORMATS.find((f) => f === event.target.value) ?? 'jpeg';
                      onChange(rows.map((r, at) => (at === index ? changeFormat(r, format) : r)));
                    }}
                  >
                    {FORMATS.map((format) => (
                      <option key={format} value={format}>
                        {FORMAT_NAMES[format]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    type="number"
                    data-testid="recipe-output-edge"
                    aria-label={labels.longEdge}
                    aria-invalid={errorOf(index, 'longEdge') !== undefined}
                    min={16}
                    max={20000}
                    value={row.longEdge}
                    onChange={(event) => update(index, { longEdge: event.target.value })}
                  />
                </td>
                <td>
                  <input
                    type="number"
                    data-testid="recipe-output-quality"
                    aria-label={labels.quality}
                    aria-invalid={errorOf(index, 'quality') !== undefined}
                    min={1}
                    max={100}
                    value={row.quality}
                    onChange={(event) => update(index, { quality: event.target.value })}
                  />
                </td>
                <td className="recipe-output-options">
                  {row.format === 'jpeg' ? (
                    <>
                      <label className="check">
                        <input
                          type="checkbox"
                          checked={row.progressive}
                          onChange={(event) => update(index, { progressive: event.target.checked })}
                        />
                        progressive
                      </label>
                      <label className="check">
                        <input
                          type="checkbox"
                          checked={row.mozjpeg}
                          onChange={(event) => update(index, { mozjpeg: event.target.checked })}
                        />
                        mozjpeg
                      </label>
                    </>
                  ) : (
                    <label className="check">
                      {labels.effort}
                      <input
                        type="number"
                        data-testid="recipe-output-effort"
                        aria-invalid={errorOf(index, 'effort') !== undefined}
                        min={0}
                        max={maxEffort(row.format)}
                        value={row.effort}
                        onChange={(event) => update(index, { effort: event.target.value })}
                      />
                    </label>
                  )}
                </td>
                <td>
                  <input
                    type="number"
                    data-testid="recipe-output-target-kb"
                    aria-label={labels.targetKb}
                    aria-invalid={errorOf(index, 'targetKb') !== undefined}
                    min={1}
                    placeholder="—"
                    value={row.targetKb}
                    onChange={(event) => update(index, { targetKb: event.target.value })}
                  />
                  {rowErrors.length > 0 ? (
                    <span className="field-error" role="alert">
                      {rowErrors.join(' · ')}
                    </span>
                  ) : null}
                </td>
                <td>
                  <button
                    type="button"
                    className="secondary small"
                    aria-label={labels.removeOutput}
                    title={labels.removeOutput}
                    disabled={rows.length <= 1}
                    onClick={() => onChange(rows.filter((_, at) => at !== index))}
                  >
                    ×
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {errors.outputs ? <p className="field-error">{errors.outputs}</p> : null}
      <button
        type="button"
        className="secondary small"
        data-testid="recipe-add-output"
        disabled={rows.length >= MAX_OUTPUTS}
        onClick={() => onChange([...rows, newOutputDraft()])}
      >
        {labels.addOutput}
      </button>
      <p className="muted hint">{labels.outputsHint}</p>
    </fieldset>
  );
}
