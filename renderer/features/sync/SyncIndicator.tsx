import type { SyncLabels } from './labels';
import { useSyncLabels } from './labels';
import { useSyncStatus } from './useSyncStatus';

function stateOf(online: boolean | null): 'online' | 'offline' | 'unknown' {
  if (online === null) return 'unknown';
  return online ? 'online' : 'offline';
}

function describe(labels: SyncLabels, online: boolean | null): string {
  if (online === null) return labels.unknown;
  return online ? labels.online : labels.offline;
}

/**
 * The shell's small sync indicator: a dot for online/offline and how many articles wait; a
 * click opens the sync screen.
 */
export function SyncIndicator({ onOpen }: { onOpen: () => void }) {
  const labels = useSyncLabels();
  const status = useSyncStatus();
  if (status === null) return null;
  const state = stateOf(status.online);
  const problems = status.failed + status.conflicts;
  return (
    <button
      type="button"
      className={`sync-indicator ${state}${problems > 0 ? ' attention' : ''}`}
      data-testid="sync-indicator"
      data-online={state}
      title={describe(labels, status.online)}
      onClick={onOpen}
    >
      <span className="sync-dot" aria-hidden="true" />
      <span>
        {labels.waiting(status.waiting)}
        {status.failed > 0 ? ` · ${labels.failedCount(status.failed)}` : ''}
        {status.conflicts > 0 ? ` · ${labels.conflictCount(status.conflicts)}` : ''}
      </span>
      <span className="visually-hidden">{describe(labels, status.online)}</span>
    </button>
  );
}
