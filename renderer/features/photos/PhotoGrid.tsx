import type { MouseEvent } from 'react';
import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { PhotoRecord } from '../../../shared/photos/photoRecord';
import type { PhotoDeskLabels } from './labels';
import type { ClickModifiers } from './selection';
import { Thumbnail } from './Thumbnail';

/** Tile geometry, as photos.css lays it out (.photo-grid-rows): fixed, so nothing is measured. */
export const gridMetrics = {
  tileWidth: 160,
  rowHeight: 196,
  gap: 10,
  paddingX: 16,
  paddingY: 12,
  /** Rows rendered above and below the visible ones, so a flick never shows blank rows. */
  overscanRows: 2,
} as const;

/** How long the visible rows must stay put before their missing pages are loaded. */
const rangeSettleMs = 60;

/** Which grid positions to render for a scroll position and box size (pure, for tests). */
export function visibleWindow(
  box: { width: number; height: number; scrollTop: number },
  total: number,
): { columns: number; rows: number; first: number; last: number; firstRow: number } {
  const { tileWidth, rowHeight, gap, paddingX, paddingY, overscanRows } = gridMetrics;
  const columns = Math.max(1, Math.floor((box.width - 2 * paddingX + gap) / (tileWidth + gap)));
  const rows = Math.ceil(total / columns);
  const pitch = rowHeight + gap;
  const firstRow = Math.max(0, Math.floor((box.scrollTop - paddingY) / pitch) - overscanRows);
  const lastRow = Math.min(
    rows - 1,
    Math.ceil((box.scrollTop + box.height) / pitch) + overscanRows,
  );
  return {
    columns,
    rows,
    firstRow,
    first: firstRow * columns,
    last: Math.min(total, (lastRow + 1) * columns) - 1,
  };
}

/**
 * The thumbnail grid, virtualised: whatever the library's size, only the rows on screen (plus a
 * little overscan) are in the DOM, and only their pages are asked for, so 10,000 photos open and
 * scroll like 100. Fixed-size tiles, lazy images, and badges for what the editor must act on
 * (missing caption, GPS still embedded).
 */
export function PhotoGrid({
  total,
  photoAt,
  onRange,
  selected,
  labels,
  onClickTile,
  onOpen,
}: {
  total: number;
  photoAt: (index: number) => PhotoRecord | undefined;
  /** Called with the positions on screen, so the list loads their pages. */
  onRange: (first: number, last: number) => void;
  selected: ReadonlySet<string>;
  labels: PhotoDeskLabels;
  onClickTile: (id: string, modifiers: ClickModifiers) => void;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const boxRef = useRef<HTMLDivElement>(null);
  const [box, setBox] = useState({ width: 0, height: 0, scrollTop: 0 });
  const frame = useRef(0);

  useLayoutEffect(() => {
    const element = boxRef.current;
    if (element === null) return;
    const measure = (): void =>
      setBox({
        width: element.clientWidth,
        height: element.clientHeight,
        scrollTop: element.scrollTop,
      });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  // Before the first layout (and in jsdom, which has none) assume an ordinary window.
  const view = visibleWindow(
    { width: box.width || 1024, height: box.height || 768, scrollTop: box.scrollTop },
    total,
  );
  // Pages are asked for once the rows stay on screen for a moment: a flick past thousands of
  // photos loads the pages where it stops, not every page it flew over. (The list loads the
  // first page itself, so opening the grid does not wait for this.)
  useEffect(() => {
    if (view.last < view.first) return;
    const timer = setTimeout(() => onRange(view.first, view.last), rangeSettleMs);
    return () => clearTimeout(timer);
  }, [onRange, view.first, view.last]);

  // One state update per frame however many scroll events arrive.
  const onScroll = (): void => {
    if (frame.current !== 0) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      const element = boxRef.current;
      if (element !== null) setBox((old) => ({ ...old, scrollTop: element.scrollTop }));
    });
  };

  const { rowHeight, gap, paddingY } = gridMetrics;
  const tiles = [];
  for (let index = view.first; index <= view.last; index += 1) {
    const photo = photoAt(index);
    tiles.push(
      photo === undefined ? (
        <div
          key={`loading-${index}`}
          className="photo-tile loading"
          aria-label={t('photoSearch.loadingTile')}
        />
      ) : (
        <PhotoTile
          key={photo.id}
          photo={photo}
          selected={selected.has(photo.id)}
          labels={labels}
          onClickTile={onClickTile}
          onOpen={onOpen}
        />
      ),
    );
  }
  return (
    <div
      ref={boxRef}
      className="photo-grid"
      data-testid="photo-grid"
      data-total={total}
      role="listbox"
      aria-multiselectable="true"
      aria-rowcount={view.rows}
      onScroll={onScroll}
    >
      <div
        className="photo-grid-space"
        style={{ height: view.rows * (rowHeight + gap) - gap + 2 * paddingY }}
      >
        <div
          className="photo-grid-rows"
          style={{ transform: `translateY(${view.firstRow * (rowHeight + gap)}px)` }}
        >
          {tiles}
        </div>
      </div>
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
