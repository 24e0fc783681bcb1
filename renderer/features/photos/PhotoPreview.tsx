import { useEffect, useState } from 'react';
import type { MouseEvent } from 'react';

import type { PhotoRecord } from '../../../shared/photos/photoRecord';
import { callOrThrow } from '../../lib/api';
import { useApi } from '../../lib/ApiContext';
import type { PhotoDeskLabels } from './labels';
import { formatCaptureTime, formatSize } from './photoFormat';

/**
 * The large preview: the original image with its caption and camera facts, so an editor can
 * check a face or a banner before captioning. Escape closes; ← and → walk the grid.
 */
export function PhotoPreview({
  photos,
  index,
  labels,
  onMove,
  onClose,
  onUpdated,
}: {
  photos: readonly PhotoRecord[];
  index: number;
  labels: PhotoDeskLabels;
  onMove: (index: number) => void;
  onClose: () => void;
  /** A photo changed here (its focal point), so the grid shows the same record. */
  onUpdated: (photos: readonly PhotoRecord[]) => void;
}) {
  const api = useApi();
  const photo = photos[index];
  const count = photos.length;
  const [picking, setPicking] = useState(false);
  const [focusError, setFocusError] = useState<string | null>(null);

  const saveFocalPoint = (focalPoint: { x: number; y: number } | null): void => {
    if (!photo) return;
    setFocusError(null);
    callOrThrow(api, 'photos.setFocalPoint', { ids: [photo.id], focalPoint })
      .then((updated) => {
        onUpdated(updated);
        setPicking(false);
      })
      .catch((error: unknown) =>
        setFocusError(error instanceof Error ? error.message : labels.unexpected),
      );
  };

  const pick = (event: MouseEvent<HTMLImageElement>): void => {
    if (!picking) return;
    const box = event.currentTarget.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return;
    const clamp = (value: number) => Math.min(1, Math.max(0, Math.round(value * 1000) / 1000));
    saveFocalPoint({
      x: clamp((event.clientX - box.left) / box.width),
      y: clamp((event.clientY - box.top) / box.height),
    });
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') onClose();
      else if (event.key === 'ArrowLeft' && index > 0) onMove(index - 1);
      else if (event.key === 'ArrowRight' && index < count - 1) onMove(index + 1);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [index, count, onMove, onClose]);

  if (!photo) return null;
  return (
    <div
      className="photo-preview"
      data-testid="photo-preview"
      role="dialog"
      aria-modal="true"
      aria-label={photo.originalName}
      onClick={(event) => event.target === event.currentTarget && onClose()}
    >
      <button
        type="button"
        className="preview-close"
        aria-label={labels.previewClose}
        onClick={onClose}
      >
        ×
      </button>
      <button
        type="button"
        className="preview-nav prev"
        aria-label={labels.previewPrev}
        disabled={index === 0}
        onClick={() => onMove(index - 1)}
      >
        ‹
      </button>
      <div className={picking ? 'preview-frame picking' : 'preview-frame'}>
        <img
          className="preview-image"
          data-testid="preview-image"
          src={api.mediaUrl(photo.mediaPath)}
          alt={photo.caption || photo.originalName}
          onClick={pick}
        />
        {photo.focalPoint ? (
          <span
            className="focal-marker"
            data-testid="focal-marker"
            aria-hidden="true"
            // CSSOM properties, not a style attribute: allowed by the CSP.
            style={{ left: `${photo.focalPoint.x * 100}%`, top: `${photo.focalPoint.y * 100}%` }}
          />
        ) : null}
      </div>
      <button
        type="button"
        className="preview-nav next"
        aria-label={labels.previewNext}
        disabled={index >= count - 1}
        onClick={() => onMove(index + 1)}
      >
        ›
      </button>
      <div className="preview-info">
        <p className="preview-caption" data-testid="preview-caption">
          {photo.caption || <span className="photo-badge missing">{labels.captionMissing}</span>}
        </p>
        <dl>
          <dt>{labels.byline}</dt>
          <dd>{photo.byline || '—'}</dd>
          <dt>{labels.credit}</dt>
          <dd>{photo.credit || '—'}</dd>
          <dt>{labels.camera}</dt>
          <dd>{photo.camera || '—'}</dd>
          <dt>{labels.captured}</dt>
          <dd>{formatCaptureTime(photo.captureTime)}</dd>
          <dt>{labels.size}</dt>
          <dd>
            {photo.width}×{photo.height} · {formatSize(photo.bytes)}
          </dd>
        </dl>
        <div className="focal-tools">
          <p className="muted">
            {photo.focalPoint
              ? labels.focalSet(
                  Math.round(photo.focalPoint.x * 100),
                  Math.round(photo.focalPoint.y * 100),
                )
              : labels.focalNone}
          </p>
          <button
            type="button"
            data-testid="focal-pick"
            aria-pressed={picking}
            onClick={() => setPicking((on) => !on)}
          >
            {picking ? labels.focalPicking : labels.focalPick}
          </button>
          {photo.focalPoint ? (
            <button type="button" data-testid="focal-clear" onClick={() => saveFocalPoint(null)}>
              {labels.focalClear}
            </button>
          ) : null}
          {focusError ? (
            <p className="field-error" role="alert">
              {focusError}
            </p>
          ) : null}
        </div>
        <p className="muted">
          {photo.originalName} · {index + 1}/{count}
        </p>
      </div>
    </div>
  );
}
