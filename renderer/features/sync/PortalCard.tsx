import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { PortalConnection, PortalTerms } from '../../../shared/domain/sync';
import { callOrThrow } from '../../lib/api';
import { useApi } from '../../lib/ApiContext';
import { Field } from '../../lib/Field';
import { Notice } from '../../lib/Notice';
import { useAction } from '../../lib/useAction';
import { useCall } from '../../lib/useCall';
import { PortalLinksPanel } from './PortalLinksPanel';
import { shortTime } from './shortTime';

/**
 * After a restart the browser shell has no secret: whoever may publish enters it again here
 * (the core checks the role, `portals.setSecret`), without the rest of the portal's settings.
 */
function SecretReentry({ portal, onSaved }: { portal: PortalConnection; onSaved: () => void }) {
  const api = useApi();
  const { t } = useTranslation();
  const action = useAction();
  const [secret, setSecret] = useState('');
  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const saved = await action.run('secret', () =>
      callOrThrow(api, 'portals.setSecret', { id: portal.id, secret }),
    );
    if (saved) {
      setSecret('');
      onSaved();
    }
  };
  return (
    <form
      className="portal-reenter"
      data-testid="portal-reenter"
      onSubmit={(event) => void save(event)}
    >
      <Field label={t(`portals.secret.${portal.kind}`)} error={action.error}>
        <input
          type="password"
          autoComplete="new-password"
          required
          data-testid="portal-reenter-secret"
          value={secret}
          onChange={(event) => setSecret(event.target.value)}
        />
      </Field>
      <button
        type="submit"
        className="primary"
        data-testid="portal-reenter-save"
        disabled={action.busy !== null || secret === ''}
      >
        {t('portals.reenterSave')}
      </button>
    </form>
  );
}

/** One saved portal: where its secret is, its cached categories, and what the user may do. */
export function PortalCard({
  portal,
  canManage,
  canRefresh,
  onEdit,
  onChanged,
}: {
  portal: PortalConnection;
  canManage: boolean;
  /** Editors and administrators contact the portal (categories, a missing secret). */
  canRefresh: boolean;
  onEdit: () => void;
  onChanged: (notice?: string) => void;
}) {
  const api = useApi();
  const { t } = useTranslation();
  const action = useAction();
  const cached = useCall('portals.terms', { id: portal.id }, portal.termsRefreshedAt);
  const [pulled, setPulled] = useState<PortalTerms | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const terms = pulled ?? cached.data;

  const refresh = async (): Promise<void> => {
    setProblem(null);
    const result = await action.run('refresh', () =>
      callOrThrow(api, 'portals.refreshTerms', { id: portal.id }),
    );
    if (result === null) return;
    setPulled(result.terms);
    if (result.failure) setProblem(result.failure.message);
  };

  const remove = async (): Promise<void> => {
    if (!window.confirm(t('portals.removeConfirm', { name: portal.name }))) return;
    const done = await action.run('remove', () =>
      callOrThrow(api, 'portals.delete', { id: portal.id }),
    );
    if (done !== null) onChanged();
  };

  return (
    <li className="portal-card" data-testid="portal-card">
      <div className="portal-head">
        <strong>{portal.name}</strong>
        <span className="muted">
          {t(`portals.kinds.${portal.kind}`)} · {portal.baseUrl} · {portal.username}
        </span>
      </div>
      <p className={`portal-secret secret-${portal.secretState}`} data-testid="portal-secret-state">
        {portal.secretNotice ?? t(`portals.secretStates.${portal.secretState}`)}
      </p>
      {portal.secretState === 'missing' && canRefresh ? (
        <SecretReentry portal={portal} onSaved={() => onChanged(t('portals.reentered'))} />
      ) : null}
      <p className="muted" data-testid="portal-terms">
        {terms?.refreshedAt
          ? t('portals.termsCount', {
              categories: terms.categories.length,
              tags: terms.tags.length,
              when: shortTime(terms.refreshedAt),
            })
          : t('portals.termsNone')}
      </p>
      <Notice kind="error">{problem ?? action.error}</Notice>
      <div className="button-row">
        {canRefresh ? (
          <button
            type="button"
            className="secondary"
            data-testid="portal-refresh-terms"
            disabled={action.busy !== null}
            onClick={() => void refresh()}
          >
            {t('portals.refreshTerms')}
          </button>
        ) : null}
        {canManage ? (
          <>
            <button type="button" className="secondary" data-testid="portal-edit" onClick={onEdit}>
              {t('portals.edit')}
            </button>
            <button
              type="button"
              className="secondary"
              data-testid="portal-delete"
              onClick={() => void remove()}
            >
              {t('portals.remove')}
            </button>
          </>
        ) : null}
      </div>
      {canManage ? <PortalLinksPanel portal={portal} terms={terms} /> : null}
    </li>
  );
}
