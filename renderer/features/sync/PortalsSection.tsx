import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';

import { defaultNukeVietSettings, type NukeVietSettings } from '../../../shared/domain/nukeviet';
import type { PortalConnection, PortalKind, PortalTerms } from '../../../shared/domain/sync';
import { callOrThrow } from '../../lib/api';
import { PortalLinksPanel } from './PortalLinksPanel';
import { useApi } from '../../lib/ApiContext';
import { shortTime, useSyncLabels } from './labels';
import { NukeVietFields } from './NukeVietFields';
import type { SyncLabels } from './labels';
import './sync.css';

interface PortalDraft {
  id: string | null;
  kind: PortalKind;
  name: string;
  baseUrl: string;
  username: string;
  secret: string;
  authMode: 'bcrypt' | 'md5';
  nukeviet: NukeVietSettings;
}

const emptyDraft: PortalDraft = {
  id: null,
  kind: 'wordpress',
  name: '',
  baseUrl: '',
  username: '',
  secret: '',
  authMode: 'bcrypt',
  nukeviet: defaultNukeVietSettings,
};

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What a test found, in one Vietnamese sentence (or the failure's own). */
function testMessage(
  labels: SyncLabels,
  result: {
    ok: boolean;
    siteName: string;
    userName: string;
    canPublish: boolean;
    canUpload: boolean;
    failure: { message: string } | null;
    suggestedBaseUrl: string | null;
  },
): { ok: boolean; text: string } {
  const root = result.suggestedBaseUrl ? [labels.portals.usedRoot(result.suggestedBaseUrl)] : [];
  if (!result.ok || result.failure)
    return { ok: false, text: [...root, result.failure?.message ?? ''].join(' ') };
  const parts = [...root, labels.portals.testOk(result.siteName, result.userName)];
  if (!result.canPublish) parts.push(labels.portals.cannotPublish);
  if (!result.canUpload) parts.push(labels.portals.cannotUpload);
  return { ok: result.canPublish && result.canUpload, text: parts.join(' ') };
}

function PortalForm({
  initial,
  labels,
  onSaved,
  onCancel,
}: {
  initial: PortalDraft;
  labels: SyncLabels;
  onSaved: (portal: PortalConnection) => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const [draft, setDraft] = useState(initial);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState<'test' | 'save' | null>(null);
  const set = <K extends keyof PortalDraft>(key: K, value: PortalDraft[K]): void =>
    setDraft((current) => ({ ...current, [key]: value }));
  const nukeviet = draft.kind === 'nukeviet';

  const test = async (): Promise<void> => {
    setBusy('test');
    setResult(null);
    try {
      const found =
        draft.id !== null && draft.secret === ''
          ? await callOrThrow(api, 'portals.test', { id: draft.id })
          : await callOrThrow(api, 'portals.test', {
              kind: draft.kind,
              baseUrl: draft.baseUrl,
              username: draft.username,
              secret: draft.secret,
              ...(nukeviet ? { authMode: draft.authMode, nukeviet: draft.nukeviet } : {}),
            });
      if (found.suggestedBaseUrl) set('baseUrl', found.suggestedBaseUrl);
      setResult(testMessage(labels, found));
    } catch (error) {
      setResult({ ok: false, text: messageOf(error) });
    } finally {
      setBusy(null);
    }
  };

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy('save');
    setResult(null);
    try {
      const saved = await callOrThrow(api, 'portals.save', {
        ...(draft.id ? { id: draft.id } : {}),
        kind: draft.kind,
        name: draft.name,
        baseUrl: draft.baseUrl,
        username: draft.username,
        ...(draft.secret !== '' ? { secret: draft.secret } : {}),
        ...(nukeviet ? { authMode: draft.authMode, nukeviet: draft.nukeviet } : {}),
      });
      onSaved(saved);
    } catch (error) {
      setResult({ ok: false, text: messageOf(error) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <form className="portal-form" data-testid="portal-form" onSubmit={(event) => void save(event)}>
      <div className="portal-grid">
        <label>
          <span>{labels.portals.kind}</span>
          <select
            data-testid="portal-kind"
            value={draft.kind}
            onChange={(event) =>
              set('kind', event.target.value === 'nukeviet' ? 'nukeviet' : 'wordpress')
            }
          >
            <option value="wordpress">{labels.portals.kinds.wordpress}</option>
            <option value="nukeviet">{labels.portals.kinds.nukeviet}</option>
          </select>
        </label>
        <label>
          <span>{labels.portals.name}</span>
          <input
            data-testid="portal-name"
            required
            maxLength={100}
            value={draft.name}
            onChange={(event) => set('name', event.target.value)}
          />
        </label>
        <label className="wide">
          <span>{labels.portals.baseUrl}</span>
          <input
            data-testid="portal-url"
            required
            type="url"
            placeholder={labels.portals.baseUrlPlaceholder}
            value={draft.baseUrl}
            onChange={(event) => set('baseUrl', event.target.value)}
          />
        </label>
        <label>
          <span>{labels.portals.username[draft.kind]}</span>
          <input
            data-testid="portal-username"
            required
            autoComplete="off"
            value={draft.username}
            onChange={(event) => set('username', event.target.value)}
          />
        </label>
        <label>
          <span>{labels.portals.secret[draft.kind]}</span>
          <input
            data-testid="portal-secret"
            type="password"
            autoComplete="new-password"
            required={draft.id === null}
            placeholder={draft.id === null ? '' : labels.portals.secretKeep}
            value={draft.secret}
            onChange={(event) => set('secret', event.target.value)}
          />
        </label>
        {nukeviet ? (
          <label>
            <span>{labels.portals.authMode}</span>
            <select
              data-testid="portal-auth-mode"
              value={draft.authMode}
              onChange={(event) => set('authMode', event.target.value === 'md5' ? 'md5' : 'bcrypt')}
            >
              <option value="bcrypt">{labels.portals.authModes.bcrypt}</option>
              <option value="md5">{labels.portals.authModes.md5}</option>
            </select>
          </label>
        ) : null}
      </div>
      {nukeviet ? (
        <NukeVietFields value={draft.nukeviet} onChange={(next) => set('nukeviet', next)} />
      ) : null}
      {result ? (
        <p
          className={result.ok ? 'portal-test ok' : 'portal-test failed'}
          role={result.ok ? 'status' : 'alert'}
          data-testid="portal-test-result"
        >
          {result.text}
        </p>
      ) : null}
      <div className="portal-buttons">
        <button
          type="button"
          data-testid="portal-test"
          disabled={busy !== null}
          onClick={() => void test()}
        >
          {busy === 'test' ? labels.portals.testing : labels.portals.test}
        </button>
        <button type="button" onClick={onCancel} disabled={busy !== null}>
          {labels.portals.cancel}
        </button>
        <button
          type="submit"
          className="primary"
          data-testid="portal-save"
          disabled={busy !== null}
        >
          {labels.portals.save}
        </button>
      </div>
    </form>
  );
}

function PortalCard({
  portal,
  labels,
  canManage,
  canRefresh,
  onEdit,
  onChanged,
}: {
  portal: PortalConnection;
  labels: SyncLabels;
  canManage: boolean;
  /** Editors and administrators make the app contact the portal for its categories. */
  canRefresh: boolean;
  onEdit: () => void;
  onChanged: () => void;
}) {
  const api = useApi();
  const [terms, setTerms] = useState<PortalTerms | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    callOrThrow(api, 'portals.terms', { id: portal.id })
      .then((value) => live && setTerms(value))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api, portal.id, portal.termsRefreshedAt]);

  const refresh = async (): Promise<void> => {
    setBusy(true);
    setProblem(null);
    try {
      const pulled = await callOrThrow(api, 'portals.refreshTerms', { id: portal.id });
      setTerms(pulled.terms);
      if (pulled.failure) setProblem(pulled.failure.message);
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (): Promise<void> => {
    if (!window.confirm(labels.portals.removeConfirm(portal.name))) return;
    try {
      await callOrThrow(api, 'portals.delete', { id: portal.id });
      onChanged();
    } catch (error) {
      setProblem(messageOf(error));
    }
  };

  return (
    <li className="portal-card" data-testid="portal-card">
      <div className="portal-head">
        <strong>{portal.name}</strong>
        <span className="muted">
          {labels.portals.kinds[portal.kind]} · {portal.baseUrl} · {portal.username}
        </span>
      </div>
      <p className={`portal-secret secret-${portal.secretState}`} data-testid="portal-secret-state">
        {portal.secretNotice ?? labels.portals.secretStates[portal.secretState]}
      </p>
      <p className="muted" data-testid="portal-terms">
        {labels.portals.termsCount(
          terms?.categories.length ?? 0,
          terms?.tags.length ?? 0,
          terms?.refreshedAt ? shortTime(terms.refreshedAt) : null,
        )}
      </p>
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="portal-buttons">
        {canRefresh ? (
          <button
            type="button"
            data-testid="portal-refresh-terms"
            disabled={busy}
            onClick={() => void refresh()}
          >
            {labels.portals.refreshTerms}
          </button>
        ) : null}
        {canManage ? (
          <>
            <button type="button" data-testid="portal-edit" onClick={onEdit}>
              {labels.portals.edit}
            </button>
            <button type="button" data-testid="portal-delete" onClick={() => void remove()}>
              {labels.portals.remove}
            </button>
          </>
        ) : null}
      </div>
      {canManage ? <PortalLinksPanel portal={portal} terms={terms} /> : null}
    </li>
  );
}

/**
 * Settings for the newsroom's portals: WordPress (user + Application Password) or NukeViet (API
 * key + secret). "Test connection" explains failures in Vietnamese; secrets are stored by the
 * main side only, encrypted, and never come back to the renderer.
 */
export function PortalsSection({
  canManage,
  canRefresh = canManage,
}: {
  canManage: boolean;
  canRefresh?: boolean;
}) {
  const api = useApi();
  const labels = useSyncLabels();
  const [portals, setPortals] = useState<PortalConnection[]>([]);
  const [editing, setEditing] = useState<PortalDraft | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(() => {
    callOrThrow(api, 'portals.list', {})
      .then(setPortals)
      .catch((error: unknown) => setNotice(messageOf(error)));
  }, [api]);
  useEffect(load, [load]);

  return (
    <section className="settings-card" data-testid="portals-section">
      <h2>{labels.portals.title}</h2>
      <p className="muted">{labels.portals.hint}</p>
      {portals.length === 0 && editing === null ? <p>{labels.portals.empty}</p> : null}
      <ul className="portal-list">
        {portals.map((portal) => (
          <PortalCard
            key={portal.id}
            portal={portal}
            labels={labels}
            canManage={canManage}
            canRefresh={canRefresh}
            onChanged={load}
            onEdit={() =>
              setEditing({
                id: portal.id,
                kind: portal.kind,
                name: portal.name,
                baseUrl: portal.baseUrl,
                username: portal.username,
                secret: '',
                authMode: portal.authMode ?? 'bcrypt',
                nukeviet: portal.nukeviet ?? defaultNukeVietSettings,
              })
            }
          />
        ))}
      </ul>
      {notice ? (
        <p className="muted" role="status">
          {notice}
        </p>
      ) : null}
      {editing ? (
        <PortalForm
          key={editing.id ?? 'new'}
          initial={editing}
          labels={labels}
          onCancel={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setNotice(saved.secretState === 'missing' ? saved.secretNotice : labels.portals.saved);
            load();
          }}
        />
      ) : canManage ? (
        <button type="button" data-testid="portal-add" onClick={() => setEditing(emptyDraft)}>
          {labels.portals.add}
        </button>
      ) : null}
    </section>
  );
}
