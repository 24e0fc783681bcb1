import { useCallback, useEffect, useState } from 'react';

import type { NewsdeskApi } from '../../../shared/contract/api';
import type { EventPayload } from '../../../shared/contract/events';
import type { JobStatus } from '../../../shared/photos/desk';
import { callOrThrow } from '../../lib/api';
import { messageOf } from './errors';
import type { PhotoDeskLabels } from './labels';

/** How often the panel asks for per-file states while a batch runs. */
export const jobPollMs = 1000;

/** The states after which a batch never changes again. */
export function isSettled(state: JobStatus['state']): boolean {
  return state === 'done' || state === 'cancelled' || state === 'failed';
}

/** A running batch as the panel shows it: status, the live progress line and the controls. */
export interface PhotoJob {
  status: JobStatus | null;
  progress: EventPayload<'jobs.progress'> | null;
  error: string | null;
  pause: () => void;
  resume: () => void;
  cancel: () => void;
}

/**
 * Follows one batch: `jobs.progress` events move the bar at once; `jobs.status` is polled about
 * every second until the batch settles, for per-file states and the final report.
 */
export function usePhotoJob(api: NewsdeskApi, jobId: string, labels: PhotoDeskLabels): PhotoJob {
  const [status, setStatus] = useState<JobStatus | null>(null);
  const [progress, setProgress] = useState<EventPayload<'jobs.progress'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const settled = status !== null && isSettled(status.state);

  useEffect(
    () =>
      api.on('jobs.progress', (payload) => {
        if (payload.jobId === jobId) setProgress(payload);
      }),
    [api, jobId],
  );

  useEffect(() => {
    if (settled) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const poll = async (): Promise<void> => {
      try {
        const next = await callOrThrow(api, 'jobs.status', { jobId, items: true });
        if (!live) return;
        setStatus(next);
        setError(null);
        if (isSettled(next.state)) return;
      } catch (failure) {
        if (!live) return;
        setError(messageOf(failure, labels.unexpected));
      }
      timer = setTimeout(() => void poll(), jobPollMs);
    };
    void poll();
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
  }, [api, jobId, labels, settled]);

  const control = useCallback(
    (name: 'jobs.pause' | 'jobs.resume' | 'jobs.cancel') => {
      callOrThrow(api, name, { jobId }).then(
        (next) => {
          // The control's answer carries no items: keep the last per-file states.
          setStatus((current) => ({
            ...next,
            items: next.items.length > 0 ? next.items : (current?.items ?? []),
          }));
          setError(null);
        },
        (failure: unknown) => setError(messageOf(failure, labels.unexpected)),
      );
    },
    [api, jobId, labels],
  );

  return {
    status,
    progress,
    error,
    pause: useCallback(() => control('jobs.pause'), [control]),
    resume: useCallback(() => control('jobs.resume'), [control]),
    cancel: useCallback(() => control('jobs.cancel'), [control]),
  };
}
