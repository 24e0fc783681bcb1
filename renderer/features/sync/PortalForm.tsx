import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { defaultNukeVietSettings, type NukeVietSettings } from '../../../shared/domain/nukeviet';
import type { PortalConnection, PortalKind, PortalTestResult } from '../../../shared/domain/sync';
import { callOrThrow } from '../../lib/api';
import { useApi } from '../../lib/ApiContext';
import { Field } from '../../lib/Field';
import { Notice } from '../../lib/Notice';
import { useAction } from '../../lib/useAction';
import { NukeVietFields } from './NukeVietFields';

/** The portal form's values; `id` null for a new portal. */
export interface PortalDraft {
  id: string | null;
  kind: PortalKind;
  name: string;
  baseUrl: string;
  username: string;
  secret: string;
  authMode: 'bcrypt' | 'md5';
  nukeviet: NukeVietSettings;
}

/** A new portal's form. */
export const emptyDraft: PortalDraft = {
  id: null,
  kind: 'wordpress',
  name: '',
  baseUrl: '',
  username: '',
  secret: '',
  authMode: 'bcrypt',
  nukeviet: defaultNukeVietSettings,
};

/** A saved portal's form (the secret is never sent back: empty keeps it). */
export function draftOf(portal: PortalConnection): PortalDraft {
  return {
    id: portal.id,
    kind: portal.kind,
    name: portal.name,
    baseUrl: portal.baseUrl,
    username: portal.username,
    secret: '',
    authMode: portal.authMode ?? 'bcrypt',
    nukeviet: portal.nukeviet ?? defaultNukeVietSettings,
  };
}

/** What a connection test found, in sentences of the UI's language (or the failure's own). */
function useTestMessage() {
  const { t } = useTranslation();
  return (result: PortalTestResult): { ok: boolean; text: string } => {
    const root = result.suggestedBaseUrl
      ? [t('portals.usedRoot', { root: result.suggestedBaseUrl })]
      : [];
    if (!result.ok || result.failure)
      return { ok: false, text: [...root, result.failure?.message ?? ''].join(' ') };
    const parts = [...root, t('portals.testOk', { site: result.siteName, user: result.userName })];
    if (!result.canPublish) parts.push(t('portals.cannotPublish'));
    if (!result.canUpload) parts.push(t('portals.cannotUpload'));
    return { ok: result.canPublish && result.canUpload, text: parts.join(' ') };
  };
}

/** Adds or edits a portal: test the connection, then save (administrators only). */
export function PortalForm({
  initial,
  onSaved,
  onCancel,
}: {
  initial: PortalDraft;
  onSaved: (portal: PortalConnection) => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const { t } = useTranslation();
  const testMessage = useTestMessage();
  const action = useAction();
  const [draft, setDraft] = useState(initial);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const set = <K extends keyof PortalDraft>(key: K, value: PortalDraft[K]): void =>
    setDraft((current) => ({ ...current, [key]: value }));
  const nukeviet = draft.kind === 'nukeviet';
  const extra = nukeviet ? { authMode: draft.authMode, nukeviet: draft.nukeviet } : {};

  const test = async (): Promise<void> => {
    setResult(null);
    const found = await action.run('test', () =>
      draft.id !== null && draft.secret === ''
        ? callOrThrow(api, 'portals.test', { id: draft.id })
        : callOrThrow(api, 'portals.test', {
            kind: draft.kind,
            baseUrl: draft.baseUrl,
            username: draft.username,
            secret: draft.secret,
            ...extra,
          }),
    );
    if (found === null) return;
    if (found.suggestedBaseUrl) set('baseUrl', found.suggestedBaseUrl);
    setResult(testMessage(found));
  };

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setResult(null);
    const saved = await action.run('save', () =>
      callOrThrow(api, 'portals.save', {
        ...(draft.id ? { id: draft.id } : {}),
        kind: draft.kind,
        name: draft.name,
        baseUrl: draft.baseUrl,
        username: draft.username,
        ...(draft.secret !== '' ? { secret: draft.secret } : {}),
        ...extra,
      }),
    );
    if (saved) onSaved(saved);
  };

  const shown = action.error ? { ok: false, text: action.error } : result;
  return (
    <form className="portal-form" data-testid="portal-form" onSubmit={(event) => void save(event)}>
      <div className="form-grid">
        <Field label={t('portals.kind')}>
          <select
            data-testid="portal-kind"
            value={draft.kind}
            onChange={(event) =>
              set('kind', event.target.value === 'nukeviet' ? 'nukeviet' : 'wordpress')
            }
          >
            <option value="wordpress">{t('portals.kinds.wordpress')}</option>
            <option value="nukeviet">{t('portals.kinds.nukeviet')}</option>
          </select>
        </Field>
        <Field label={t('portals.name')}>
          <input
            data-testid="portal-name"
            required
            maxLength={100}
            value={draft.name}
            onChange={(event) => set('name', event.target.value)}
          />
        </Field>
        <Field label={t('portals.baseUrl')} hint={t('portals.baseUrlHint')} wide>
          <input
            data-testid="portal-url"
            required
            type="url"
            placeholder={t('portals.baseUrlPlaceholder')}
            value={draft.baseUrl}
            onChange={(event) => set('baseUrl', event.target.value)}
          />
        </Field>
        <Field label={t(`portals.username.${draft.kind}`)}>
          <input
            data-testid="portal-username"
            required
            autoComplete="off"
            value={draft.username}
            onChange={(event) => set('username', event.target.value)}
          />
        </Field>
        <Field
          label={t(`portals.secret.${draft.kind}`)}
          hint={draft.id === null ? undefined : t('portals.secretKeep')}
        >
          <input
            data-testid="portal-secret"
            type="password"
            autoComplete="new-password"
            required={draft.id === null}
            value={draft.secret}
            onChange={(event) => set('secret', event.target.value)}
          />
        </Field>
        {nukeviet ? (
          <Field label={t('portals.authMode')}>
            <select
              data-testid="portal-auth-mode"
              value={draft.authMode}
              onChange={(event) => set('authMode', event.target.value === 'md5' ? 'md5' : 'bcrypt')}
            >
              <option value="bcrypt">{t('portals.authModes.bcrypt')}</option>
              <option value="md5">{t('portals.authModes.md5')}</option>
            </select>
          </Field>
        ) : null}
      </div>
      {nukeviet ? (
        <NukeVietFields value={draft.nukeviet} onChange={(next) => set('nukeviet', next)} />
      ) : null}
      {shown ? (
        <Notice kind={shown.ok ? 'ok' : 'error'} testId="portal-test-result">
          {shown.text}
        </Notice>
      ) : null}
      <div className="button-row">
        <button
          type="button"
          className="secondary"
          data-testid="portal-test"
          disabled={action.busy !== null}
          onClick={() => void test()}
        >
          {action.busy === 'test' ? t('portals.testing') : t('portals.test')}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={onCancel}
          disabled={action.busy !== null}
        >
          {t('portals.cancel')}
        </button>
        <button
          type="submit"
          className="primary"
          data-testid="portal-save"
          disabled={action.busy !== null}
        >
          {t('portals.save')}
        </button>
      </div>
    </form>
  );
}
