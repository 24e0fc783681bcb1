import { useEffect, useState } from 'react';
import type { ChangeEvent } from 'react';

import type { LogoRecord } from '../../../shared/photos/photoRecord';
import type { OverlayPosition } from '../../../shared/photos/recipe';
import { callOrThrow } from '../../lib/api';
import { useApi } from '../../lib/ApiContext';
import type { PhotoDeskLabels } from './labels';
import type { DraftErrors, WatermarkDraft } from './recipeDraft';

const POSITIONS: readonly OverlayPosition[] = [
  'bottom-right',
  'bottom-left',
  'top-right',
  'top-left',
  'center',
];

/** Reads a picked file as base64 without a data: URL round trip through the DOM. */
async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** A position picker shared by the logo and the text overlay. */
export function PositionSelect({
  value,
  labels,
  testId,
  onChange,
}: {
  value: OverlayPosition;
  labels: PhotoDeskLabels['recipe'];
  testId: string;
  onChange: (position: OverlayPosition) => void;
}) {
  return (
    <label className="recipe-field">
      <span>{labels.position}</span>
      <select
        data-testid={testId}
        value={value}
        onChange={(event) =>
          onChange(POSITIONS.find((p) => p === event.target.value) ?? 'bottom-right')
        }
      >
        {POSITIONS.map((position) => (
          <option key={position} value={position}>
            {labels.positions[position]}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * The logo stamp of a recipe: pick a logo from the library's logo store or upload a PNG (its
 * bytes go to the main side, which checks and stores it; no path ever leaves the renderer), then
 * opacity, size and corner.
 */
export function RecipeWatermark({
  value,
  errors,
  labels,
  onChange,
}: {
  value: WatermarkDraft;
  errors: DraftErrors;
  labels: PhotoDeskLabels['recipe'];
  onChange: (value: WatermarkDraft) => void;
}) {
  const api = useApi();
  const [logos, setLogos] = useState<LogoRecord[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    callOrThrow(api, 'logos.list', {})
      .then((list) => live && setLogos(list))
      .catch((error: unknown) => live && setProblem(String(error)));
    return () => {
      live = false;
    };
  }, [api]);

  const upload = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setBusy(true);
    setProblem(null);
    try {
      const logo = await callOrThrow(api, 'logos.import', {
        fileName: file.name,
        dataBase64: await toBase64(file),
      });
      setLogos((current) => [logo, ...current.filter((other) => other.id !== logo.id)]);
      onChange({ ...value, logoId: logo.id });
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  const chosen = logos.find((logo) => logo.id === value.logoId);
  return (
    <div className="recipe-watermark" data-testid="recipe-watermark">
      <div className="logo-choices" role="radiogroup" aria-label={labels.logo}>
        {logos.length === 0 ? <p className="muted">{labels.logoNone}</p> : null}
        {logos.map((logo) => (
          <button
            key={logo.id}
            type="button"
            role="radio"
            aria-checked={logo.id === value.logoId}
            className={logo.id === value.logoId ? 'logo-choice chosen' : 'logo-choice'}
            data-testid="logo-choice"
            title={logo.name}
            onClick={() => onChange({ ...value, logoId: logo.id })}
          >
            <img src={api.mediaUrl(logo.mediaPath)} alt={logo.name} />
          </button>
        ))}
        <label className="logo-upload">
          {labels.logoUpload}
          <input
            type="file"
            accept="image/png"
            data-testid="logo-upload"
            disabled={busy}
            onChange={(event) => void upload(event)}
          />
        </label>
      </div>
      {errors.logo ? (
        <span className="field-error" role="alert">
          {errors.logo}
        </span>
      ) : null}
      {problem ? (
        <span className="field-error" role="alert">
          {problem}
        </span>
      ) : null}
      {chosen && !chosen.hasAlpha ? <p className="muted hint">{labels.logoOpaque}</p> : null}
      <div className="recipe-row">
        <label className="recipe-field">
          <span>{labels.logoOpacity}</span>
          <input
            type="number"
            min={0}
            max={100}
            data-testid="logo-opacity"
            aria-invalid={errors.logoOpacity !== undefined}
            value={value.opacity}
            onChange={(event) => onChange({ ...value, opacity: event.target.value })}
          />
          {errors.logoOpacity ? <span className="field-error">{errors.logoOpacity}</span> : null}
        </label>
        <label className="recipe-field">
          <span>{labels.logoSize}</span>
          <input
            type="number"
            min={2}
            max={100}
            data-testid="logo-size"
            aria-invalid={errors.logoSize !== undefined}
            value={value.size}
            onChange={(event) => onChange({ ...value, size: event.target.value })}
          />
          {errors.logoSize ? <span className="field-error">{errors.logoSize}</span> : null}
        </label>
        <PositionSelect
          value={value.position}
          labels={labels}
          testId="logo-position"
          onChange={(position) => onChange({ ...value, position })}
        />
      </div>
    </div>
  );
}
