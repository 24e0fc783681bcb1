import { useTranslation } from 'react-i18next';

import { useSyncStatus } from './useSyncStatus';

function stateOf(online: boolean | null): 'online' | 'offline' | 'unknown' {
  if (online === null) return 'unknown';
  return online ? 'online' : 'offline';
}

/**
 * The shell's small sync indicator: a dot for online/offline and how many articles wait; a
 * click opens the sync screen.
 */
export function SyncIndicator({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation();
  const status = useSyncStatus();
  if (status === null) return null;
  const state = stateOf(status.online);
  const problems = status.failed + status.conflicts;
  const described = t(`sync.${state}`);
  return (
    <button
      type="button"
      className={`sync-indicator ${state}${problems > 0 ? ' attention' : ''}`}
      data-testid="sync-indicator"
      data-online={state}
      title={described}
      onClick={onOpen}
    >
      <span className="sync-dot" aria-hidden="true" />
      <span>
        {status.waiting === 0
          ? t('sync.waitingNone')
          : t('sync.waiting', { count: status.waiting })}
        {status.failed > 0 ? ` · ${t('sync.failedCount', { count: status.failed })}` : ''}
        {status.conflicts > 0 ? ` · ${t('sync.conflictCount', { count: status.conflicts })}` : ''}
      </span>
      <span className="visually-hidden">{described}</span>
    </button>
  );
}
