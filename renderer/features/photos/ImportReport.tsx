import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { groupPairs } from '../../../shared/photos/duplicateGroups';
import type { GroupChoice } from '../../../shared/photos/duplicateGroups';
import type { PhotoImportReport } from '../../../shared/photos/desk';
import type { PhotoRecord } from '../../../shared/photos/photoRecord';
import type { PhotoDeskLabels } from './labels';
import { formatSize } from './photoFormat';
import { Thumbnail } from './Thumbnail';

/** The report's near-duplicate pairs as stacks, oldest photo first (docs/photo-duplicates.md). */
export function reportGroups(report: PhotoImportReport): PhotoRecord[][] {
  const byId = new Map<string, PhotoRecord>();
  for (const pair of report.nearDuplicates) {
    byId.set(pair.photo.id, pair.photo);
    byId.set(pair.similar.id, pair.similar);
  }
  const order = [...byId.values()]
    .sort((a, b) => a.importedAt - b.importedAt || a.id.localeCompare(b.id))
    .map((photo) => photo.id);
  const pairs = report.nearDuplicates.map((pair) => [pair.photo.id, pair.similar.id] as const);
  return groupPairs(pairs, order).map((ids) => ids.flatMap((id) => byId.get(id) ?? []));
}

/**
 * What an import did: counts, near-duplicates stacked in groups for one decision each, and
 * every refused file with the photo engine's Vietnamese reason (HEIC, corrupt, not an image…).
 */
export function ImportReport({
  report,
  error,
  labels,
  onResolve,
  onClose,
}: {
  report: PhotoImportReport;
  error: string | null;
  labels: PhotoDeskLabels;
  onResolve: (ids: string[], keep: GroupChoice) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const groups = reportGroups(report);
  return (
    <section className="import-report" data-testid="import-report" aria-label={labels.reportTitle}>
      <header className="import-report-head">
        <strong>{labels.reportTitle}</strong>
        <span className="report-count ok">{labels.reportImported(report.imported.length)}</span>
        {report.duplicates.length > 0 ? (
          <span className="report-count">{labels.reportDuplicates(report.duplicates.length)}</span>
        ) : null}
        {groups.length > 0 ? (
          <span className="report-count warn" data-testid="near-group-count">
            {t('photos.groups.count', { count: groups.length })}
          </span>
        ) : null}
        {report.failed.length > 0 ? (
          <span className="report-count error">{labels.reportFailed(report.failed.length)}</span>
        ) : null}
        <button type="button" className="banner-close" aria-label={labels.close} onClick={onClose}>
          ×
        </button>
      </header>
      {error ? (
        <p className="banner error" role="alert">
          {error}
        </p>
      ) : null}
      {groups.length > 0 ? <p className="muted near-hint">{t('photos.groups.hint')}</p> : null}
      {groups.map((photos) => (
        <NearGroup
          key={photos.map((photo) => photo.id).join(':')}
          photos={photos}
          onResolve={onResolve}
        />
      ))}
      {report.failed.length > 0 ? (
        <ul className="failed-files" data-testid="import-failed">
          {report.failed.map((failure, index) => (
            <li key={`${failure.name}:${index}`}>
              <strong>{failure.name}</strong>: <span>{failure.message}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** One stack: a strip of thumbnails (click the one to keep) and one decision for all. */
function NearGroup({
  photos,
  onResolve,
}: {
  photos: PhotoRecord[];
  onResolve: (ids: string[], keep: GroupChoice) => void;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState(photos[0]?.id ?? '');
  const ids = photos.map((photo) => photo.id);
  return (
    <div className="near-group" data-testid="near-group" data-size={photos.length}>
      <div className="near-group-head">
        <strong>{t('photos.groups.size', { count: photos.length })}</strong>
        <button type="button" className="secondary small" onClick={() => onResolve(ids, 'all')}>
          {t('photos.groups.keepAll')}
        </button>
        <button
          type="button"
          className="secondary small"
          data-testid="near-keep-one"
          onClick={() => onResolve(ids, chosen)}
        >
          {t('photos.groups.keepOne')}
        </button>
      </div>
      <ul className="near-strip">
        {photos.map((photo) => (
          <li key={photo.id}>
            <button
              type="button"
              className={photo.id === chosen ? 'near-item chosen' : 'near-item'}
              aria-pressed={photo.id === chosen}
              data-testid="near-item"
              title={`${photo.originalName} · ${photo.width}×${photo.height} · ${formatSize(photo.bytes)}`}
              onClick={() => setChosen(photo.id)}
            >
              <Thumbnail path={photo.thumbnailPath} alt={photo.originalName} />
              <span className="near-name">
                {photo.id === chosen ? `✓ ${t('photos.groups.chosen')}` : photo.originalName}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
