import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';

import type { PhotoRecord } from '../../../shared/photos/photoRecord';
import { useApi } from '../../lib/ApiContext';
import { useCall } from '../../lib/useCall';

/** A figure as the editor inserts it from a library photo: its caption and credit come along. */
export function figureFromPhoto(photo: PhotoRecord) {
  const credit = photo.byline || photo.credit;
  return {
    type: 'figure',
    attrs: { mediaPath: photo.mediaPath, alt: photo.altText, credit },
    content: !photo.captionMissing && photo.caption ? [{ type: 'text', text: photo.caption }] : [],
  };
}

/**
 * Picks photos from the photo desk's library for the article, newest first, filtered by event;
 * they go in as figures with their caption and credit. Photos still missing a caption are marked.
 */
export function LibraryPicker({
  onInsert,
  onClose,
}: {
  onInsert: (photos: PhotoRecord[]) => void;
  onClose: () => void;
}) {
  const api = useApi();
  const { t } = useTranslation();
  const [event, setEvent] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const events = useCall('photos.events', {}).data ?? [];
  const listed = useCall('photos.list', {
    sort: 'imported',
    limit: 300,
    ...(event ? { event } : {}),
  });
  const photos = listed.data?.photos ?? null;
  const error = listed.error;

  useEffect(() => {
    const onKey = (keyEvent: KeyboardEvent): void => {
      if (keyEvent.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const toggle = (id: string): void =>
    setChosen((current) =>
      current.includes(id) ? current.filter((other) => other !== id) : [...current, id],
    );

  // In <body>, so no layout rule of the editor column constrains the overlay.
  return createPortal(
    <div className="modal-backdrop" role="presentation" onClick={onClose}>
      <div
        className="modal library-picker"
        role="dialog"
        aria-modal="true"
        aria-label={t('picker.title')}
        data-testid="library-picker"
        onClick={(clickEvent) => clickEvent.stopPropagation()}
      >
        <header className="modal-header">
          <h2>{t('picker.title')}</h2>
          <select
            aria-label={t('picker.event')}
            value={event}
            onChange={(changeEvent) => setEvent(changeEvent.target.value)}
          >
            <option value="">{t('picker.allEvents')}</option>
            {events.map((entry) => (
              <option key={entry.event} value={entry.event}>
                {entry.event || t('picker.noEvent')} ({entry.count})
              </option>
            ))}
          </select>
        </header>
        {error ? <p className="banner error">{error}</p> : null}
        {photos && photos.length === 0 ? <p className="muted empty">{t('picker.empty')}</p> : null}
        <ul className="picker-grid">
          {(photos ?? []).map((photo) => {
            const index = chosen.indexOf(photo.id);
            return (
              <li key={photo.id}>
                <button
                  type="button"
                  className={index >= 0 ? 'picker-tile selected' : 'picker-tile'}
                  data-testid="picker-tile"
                  aria-pressed={index >= 0}
                  onClick={() => toggle(photo.id)}
                  onDoubleClick={() => onInsert([photo])}
                >
                  <img src={api.mediaUrl(photo.thumbnailPath)} alt="" loading="lazy" />
                  {index >= 0 ? <span className="picker-order">{index + 1}</span> : null}
                  {photo.captionMissing ? (
                    <span className="picker-warning">{t('picker.noCaption')}</span>
                  ) : null}
                  <span className="picker-caption">
                    {photo.captionMissing ? photo.originalName : photo.caption}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
        <footer className="modal-footer">
          <span className="muted">{t('picker.hint')}</span>
          <button type="button" className="secondary" onClick={onClose}>
            {t('picker.cancel')}
          </button>
          <button
            type="button"
            className="primary"
            data-testid="picker-insert"
            disabled={chosen.length === 0}
            onClick={() =>
              onInsert(chosen.flatMap((id) => (photos ?? []).filter((photo) => photo.id === id)))
            }
          >
            {t('picker.insert', { count: chosen.length })}
          </button>
        </footer>
      </div>
    </div>,
    document.body,
  );
}
