import type { JobItem, JobStatus } from '../../../shared/photos/desk';
import { useApi } from '../../lib/ApiContext';
import type { PhotoDeskLabels } from './labels';
import { isSettled, usePhotoJob } from './usePhotoJob';

/**
 * The "Web" recipe batch: an overall bar, «x/y ảnh», the ETA and the file in hand while it runs;
 * pause, resume and cancel; then the report (done, failed with reasons, skipped, output folder).
 */
export function BatchPanel({
  jobId,
  labels,
  onClose,
}: {
  jobId: string;
  labels: PhotoDeskLabels;
  onClose: () => void;
}) {
  const api = useApi();
  const job = usePhotoJob(api, jobId, labels);
  const { status, progress } = job;
  const statusFinished = status ? status.done + status.failed + status.skipped : 0;
  const done = Math.max(progress?.done ?? 0, statusFinished);
  const total = status?.total ?? progress?.total ?? 0;
  const percent = total > 0 ? Math.round((done / total) * 100) : 0;
  const state = status?.state ?? 'queued';
  const settled = isSettled(state);
  const eta = state === 'running' ? (progress?.etaSeconds ?? status?.etaSeconds ?? null) : null;

  return (
    <section
      className="batch-panel"
      data-testid="job-panel"
      data-state={state}
      aria-label={labels.batchTitle}
    >
      <header className="batch-head">
        <strong>{labels.batchTitle}</strong>
        <span data-testid="job-count">{labels.batchCount(done, total)}</span>
        {eta !== null ? <span className="muted">{labels.eta(eta)}</span> : null}
        {state === 'paused' ? <span className="photo-badge paused">{labels.paused}</span> : null}
        {state === 'queued' ? <span className="muted">{labels.queued}</span> : null}
        <span className="batch-actions">
          {state === 'running' || state === 'queued' ? (
            <button
              type="button"
              className="secondary small"
              data-testid="job-pause"
              onClick={job.pause}
            >
              {labels.pause}
            </button>
          ) : null}
          {state === 'paused' ? (
            <button
              type="button"
              className="secondary small"
              data-testid="job-resume"
              onClick={job.resume}
            >
              {labels.resume}
            </button>
          ) : null}
          {!settled ? (
            <button
              type="button"
              className="secondary small"
              data-testid="job-cancel"
              onClick={job.cancel}
            >
              {labels.cancel}
            </button>
          ) : (
            <button
              type="button"
              className="banner-close"
              aria-label={labels.close}
              onClick={onClose}
            >
              ×
            </button>
          )}
        </span>
      </header>
      <div
        className="batch-bar"
        data-testid="job-progress"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={labels.batchCount(done, total)}
      >
        <div className="batch-bar-fill" style={{ width: `${percent}%` }} />
      </div>
      {!settled && progress?.label ? (
        <p className="batch-label muted" data-testid="job-label">
          {progress.label}
        </p>
      ) : null}
      {status?.stateMessage ? (
        <p className="banner error" role="alert">
          {status.stateMessage}
        </p>
      ) : null}
      {job.error ? (
        <p className="banner error" role="alert">
          {job.error}
        </p>
      ) : null}
      {status && settled ? <JobReport status={status} labels={labels} /> : null}
      {status && !settled && status.items.length > 0 ? (
        <ItemList items={status.items} labels={labels} />
      ) : null}
    </section>
  );
}

function JobReport({ status, labels }: { status: JobStatus; labels: PhotoDeskLabels }) {
  const failed = status.items.filter((item) => item.state === 'failed');
  return (
    <div className="job-report" data-testid="job-report">
      {status.state === 'cancelled' ? <p className="muted">{labels.cancelled}</p> : null}
      {status.state === 'failed' ? <p className="muted">{labels.jobFailed}</p> : null}
      <p>
        <span className="report-count ok">{labels.reportDone(status.done)}</span>
        {status.failed > 0 ? (
          <span className="report-count error">{labels.reportJobFailed(status.failed)}</span>
        ) : null}
        {status.skipped > 0 ? (
          <span className="report-count">{labels.reportSkipped(status.skipped)}</span>
        ) : null}
      </p>
      {failed.length > 0 ? (
        <ul className="failed-files">
          {failed.map((item) => (
            <li key={item.seq}>
              <strong>{item.name}</strong>: <span>{item.message}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="field-hint">
        {labels.outDir}: <code data-testid="job-outdir">{status.outDir}</code>
      </p>
    </div>
  );
}

function ItemList({ items, labels }: { items: readonly JobItem[]; labels: PhotoDeskLabels }) {
  return (
    <ol className="job-items">
      {items.map((item) => (
        <li key={item.seq} className={`job-item ${item.state}`} data-state={item.state}>
          <span className="job-item-name">{item.name}</span>
          <span className="job-item-state">{labels.itemState[item.state]}</span>
          {item.message ? <span className="job-item-message">{item.message}</span> : null}
        </li>
      ))}
    </ol>
  );
}
