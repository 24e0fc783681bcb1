import { useEffect } from 'react';

import type { PhotoRecord } from '../../../shared/photos/photoRecord';
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
}: {
  photos: readonly PhotoRecord[];
  index: number;
  labels: PhotoDeskLabels;
  onMove: (index: number) => void;
  onClose: () => void;
}) {
  const api = useApi();
  const photo = photos[index];
  const count = photos.length;

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
      <img
        className="preview-image"
        src={api.mediaUrl(photo.mediaPath)}
        alt={photo.caption || photo.originalName}
      />
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
        <p className="muted">
          {photo.originalName} · {index + 1}/{count}
        </p>
      </div>
    </div>
  );
}
