import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Notice } from '../../lib/Notice';
import { useCall } from '../../lib/useCall';
import { PortalCard } from './PortalCard';
import { draftOf, emptyDraft, PortalForm } from './PortalForm';
import type { PortalDraft } from './PortalForm';
import './sync.css';

/**
 * Settings for the newsroom's portals: WordPress (user + Application Password) or NukeViet (API
 * key + secret). The header says where this shell keeps secrets (`portals.secretStorage`); they
 * never come back to the renderer.
 */
export function PortalsSection({
  canManage,
  canRefresh = canManage,
}: {
  canManage: boolean;
  canRefresh?: boolean;
}) {
  const { t } = useTranslation();
  const [version, setVersion] = useState(0);
  const portals = useCall('portals.list', {}, version);
  const storage = useCall('portals.secretStorage', {});
  const [editing, setEditing] = useState<PortalDraft | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = portals.data ?? [];
  const reload = (message?: string): void => {
    setNotice(message ?? null);
    setVersion((n) => n + 1);
  };

  return (
    <section className="settings-card" data-testid="portals-section">
      <h2>{t('portals.title')}</h2>
      {storage.data ? (
        <p className="muted" data-testid="portals-secret-storage" data-kind={storage.data.kind}>
          {storage.data.kind === 'keychain' ? t('portals.hintKeychain') : t('portals.hintMemory')}
        </p>
      ) : null}
      {list.length === 0 && editing === null && portals.data ? <p>{t('portals.empty')}</p> : null}
      <ul className="portal-list">
        {list.map((portal) => (
          <PortalCard
            key={portal.id}
            portal={portal}
            canManage={canManage}
            canRefresh={canRefresh}
            onChanged={reload}
            onEdit={() => setEditing(draftOf(portal))}
          />
        ))}
      </ul>
      <Notice kind="error">{portals.error}</Notice>
      <Notice kind="info">{notice}</Notice>
      {editing ? (
        <PortalForm
          key={editing.id ?? 'new'}
          initial={editing}
          onCancel={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            reload(
              saved.secretState === 'missing' ? (saved.secretNotice ?? '') : t('portals.saved'),
            );
          }}
        />
      ) : canManage ? (
        <button
          type="button"
          className="secondary"
          data-testid="portal-add"
          onClick={() => setEditing(emptyDraft)}
        >
          {t('portals.add')}
        </button>
      ) : null}
    </section>
  );
}
