import type { PhotoImportReport } from '../../../shared/photos/desk';
import type {
  DuplicateChoice,
  NearDuplicate,
  PhotoRecord,
} from '../../../shared/photos/photoRecord';
import type { PhotoDeskLabels } from './labels';
import { formatSize } from './photoFormat';
import { Thumbnail } from './Thumbnail';

/**
 * What an import did: counts, near-duplicates for the editor to settle side by side, and every
 * refused file with the photo engine's Vietnamese reason (HEIC, corrupt, not an image…).
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
  onResolve: (pair: NearDuplicate, keep: DuplicateChoice) => void;
  onClose: () => void;
}) {
  return (
    <section className="import-report" data-testid="import-report" aria-label={labels.reportTitle}>
      <header className="import-report-head">
        <strong>{labels.reportTitle}</strong>
        <span className="report-count ok">{labels.reportImported(report.imported.length)}</span>
        {report.duplicates.length > 0 ? (
          <span className="report-count">{labels.reportDuplicates(report.duplicates.length)}</span>
        ) : null}
        {report.nearDuplicates.length > 0 ? (
          <span className="report-count warn">
            {labels.reportNear(report.nearDuplicates.length)}
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
      {report.nearDuplicates.map((pair) => (
        <div
          className="near-pair"
          data-testid="near-duplicate"
          key={`${pair.photo.id}:${pair.similar.id}`}
        >
          <PairSide photo={pair.photo} caption={labels.newPhoto} />
          <PairSide photo={pair.similar} caption={labels.oldPhoto} />
          <div className="near-actions">
            <button type="button" className="secondary" onClick={() => onResolve(pair, 'both')}>
              {labels.keepBoth}
            </button>
            <button type="button" className="secondary" onClick={() => onResolve(pair, 'first')}>
              {labels.keepNew}
            </button>
            <button type="button" className="secondary" onClick={() => onResolve(pair, 'second')}>
              {labels.keepOld}
            </button>
          </div>
        </div>
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

function PairSide({ photo, caption }: { photo: PhotoRecord; caption: string }) {
  return (
    <figure className="near-side">
      <div className="photo-thumb">
        <Thumbnail path={photo.thumbnailPath} alt={photo.originalName} />
      </div>
      <figcaption>
        <strong>{caption}</strong>
        <span>{photo.originalName}</span>
        <span className="muted">
          {photo.width}×{photo.height} · {formatSize(photo.bytes)}
        </span>
      </figcaption>
    </figure>
  );
}
