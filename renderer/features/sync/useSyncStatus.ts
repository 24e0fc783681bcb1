import { useEffect, useState } from 'react';

import type { SyncStatus } from '../../../shared/domain/sync';
import { useApi } from '../../lib/ApiContext';
import { useCall } from '../../lib/useCall';

/**
 * The outbox's summary for the shell's indicator: fetched once, then kept current by the
 * `sync.status` event; polled every 30 s as well, so a missed event cannot leave it stale.
 */
export function useSyncStatus(): SyncStatus | null {
  const api = useApi();
  const [version, setVersion] = useState(0);
  const polled = useCall('sync.status', {}, version).data;
  const [pushed, setPushed] = useState<SyncStatus | null>(null);
  useEffect(() => setPushed(null), [polled]);
  useEffect(() => {
    const timer = window.setInterval(() => setVersion((n) => n + 1), 30_000);
    const off = api.on('sync.status', setPushed);
    return () => {
      window.clearInterval(timer);
      off();
    };
  }, [api]);
  return pushed ?? polled;
}
