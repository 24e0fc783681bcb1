import type { MouseEvent, UIEvent } from 'react';
import { memo } from 'react';

import type { PhotoRecord } from '../../../shared/photos/photoRecord';
import type { PhotoDeskLabels } from './labels';
import type { ClickModifiers } from './selection';
import { Thumbnail } from './Thumbnail';

/** How close to the bottom (px) the grid asks for the next page. */
const loadMoreMargin = 400;

/**
 * The thumbnail grid: fixed-size tiles so thousands of photos lay out without measuring, lazy
 * images, and badges for what the editor must act on (missing caption, GPS still embedded).
 */
export function PhotoGrid({
  photos,
  selected,
  labels,
  onClickTile,
  onOpen,
  onNearEnd,
}: {
  photos: readonly PhotoRecord[];
  selected: ReadonlySet<string>;
  labels: PhotoDeskLabels;
  onClickTile: (id: string, modifiers: ClickModifiers) => void;
  onOpen: (id: string) => void;
  onNearEnd: () => void;
}) {
  const onScroll = (event: UIEvent<HTMLDivElement>): void => {
    const box = event.currentTarget;
    if (box.scrollHeight - box.scrollTop - box.clientHeight < loadMoreMargin) onNearEnd();
  };
  return (
    <div
      className="photo-grid"
      data-testid="photo-grid"
      role="listbox"
      aria-multiselectable="true"
      onScroll={onScroll}
    >
      {photos.map((photo) => (
        <PhotoTile
          key={photo.id}
          photo={photo}
          selected={selected.has(photo.id)}
          labels={labels}
          onClickTile={onClickTile}
          onOpen={onOpen}
        />
      ))}
    </div>
  );
}

/** One tile; memoised so selecting a photo re-renders two tiles, not the whole grid. */
const PhotoTile = memo(function PhotoTile({
  photo,
  selected,
  labels,
  onClickTile,
  onOpen,
}: {
  photo: PhotoRecord;
  selected: boolean;
  labels: PhotoDeskLabels;
  onClickTile: (id: string, modifiers: ClickModifiers) => void;
  onOpen: (id: string) => void;
}) {
  const onClick = (event: MouseEvent<HTMLDivElement>): void => {
    if (event.shiftKey) event.preventDefault();
    onClickTile(photo.id, { toggle: event.ctrlKey || event.metaKey, range: event.shiftKey });
  };
  return (
    <div
      className={selected ? 'photo-tile selected' : 'photo-tile'}
      data-testid="photo-tile"
      data-id={photo.id}
      data-selected={selected}
      data-caption-missing={photo.captionMissing}
      role="option"
      aria-selected={selected}
      tabIndex={0}
      title={photo.caption || photo.originalName}
      onClick={onClick}
      onDoubleClick={() => onOpen(photo.id)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') onOpen(photo.id);
        if (event.key === ' ') {
          event.preventDefault();
          onClickTile(photo.id, { toggle: true, range: event.shiftKey });
        }
      }}
    >
      <div className="photo-thumb">
        <Thumbnail path={photo.thumbnailPath} alt={photo.originalName} />
      </div>
      <div className="photo-badges">
        {photo.captionMissing ? (
          <span className="photo-badge missing">{labels.captionMissing}</span>
        ) : null}
        {photo.hasGps ? (
          <span className="photo-badge gps" title={labels.gpsTitle}>
            {labels.gps}
          </span>
        ) : null}
      </div>
      <span className="photo-name">{photo.originalName}</span>
    </div>
  );
});
