import { useEffect, useState } from 'react';

import type { SyncStatus } from '../../../shared/domain/sync';
import { useApi } from '../../lib/ApiContext';

/**
 * The outbox's summary for the shell's indicator: fetched once, then kept current by the
 * `sync.status` event; polled every 30 s as well, so a missed event cannot leave it stale.
 */
export function useSyncStatus(): SyncStatus | null {
  const api = useApi();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  useEffect(() => {
    let live = true;
    const load = (): void => {
      void api.call('sync.status', {}).then((result) => {
        if (live && result.ok) setStatus(result.value);
      });
    };
    load();
    const timer = window.setInterval(load, 30_000);
    const off = api.on('sync.status', (payload) => live && setStatus(payload));
    return () => {
      live = false;
      window.clearInterval(timer);
      off();
    };
  }, [api]);
  return status;
}
