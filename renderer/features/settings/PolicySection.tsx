import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { WorkflowPolicy } from '../../../shared/workflow/review';
import { callOrThrow } from '../../lib/api';
import { errorText } from '../../lib/errorText';
import { Notice } from '../../lib/Notice';
import { useCall } from '../../lib/useCall';
import { useApi } from '../../lib/ApiContext';
import { useSession } from '../auth/SessionContext';
import './settings.css';

/** The editable policy fields, as typed (numbers checked by the core). */
type PolicyDraft = Record<
  'workstationName' | 'idleLockMinutes' | 'leaseMinutes' | 'minWords' | 'maxWords',
  string
>;

function draftOf(policy: WorkflowPolicy): PolicyDraft {
  return {
    workstationName: policy.workstationName,
    idleLockMinutes: String(policy.idleLockMinutes),
    leaseMinutes: String(policy.leaseMinutes),
    minWords: String(policy.minWords),
    maxWords: String(policy.maxWords),
  };
}

/** A whole number typed in a field, or undefined when it is not one (the core then says why). */
function wholeNumber(text: string): number {
  const value = Number(text.trim());
  return Number.isInteger(value) ? value : Number.NaN;
}

/**
 * The newsroom's rules for this workstation: its name in bundles and conflict copies, when the
 * seat locks, how long an idle editing lease lasts, the word range of the approval checklist.
 * Everyone sees them; only an administrator changes them.
 */
export function PolicySection() {
  const api = useApi();
  const { t } = useTranslation();
  const { session } = useSession();
  const admin = session.user.role === 'admin';
  const policy = useCall('workflow.policy', {});
  const [edited, setDraft] = useState<PolicyDraft | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const draft = edited ?? (policy.data ? draftOf(policy.data) : null);

  if (!draft) return <Notice kind="error">{policy.error}</Notice>;

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    try {
      const saved = await callOrThrow(api, 'workflow.setPolicy', {
        workstationName: draft.workstationName,
        idleLockMinutes: wholeNumber(draft.idleLockMinutes),
        leaseMinutes: wholeNumber(draft.leaseMinutes),
        minWords: wholeNumber(draft.minWords),
        maxWords: wholeNumber(draft.maxWords),
      });
      setDraft(draftOf(saved));
      setMessage({ kind: 'ok', text: t('policy.saved') });
    } catch (failure) {
      setMessage({
        kind: 'error',
        text: errorText(failure, t('errors.unexpected')),
      });
    }
  };

  const field = (key: keyof PolicyDraft, label: string, hint?: string, unit?: string) => (
    <label className="policy-field">
      <span>{label}</span>
      <span className="policy-input">
        <input
          data-testid={`policy-${key}`}
          value={draft[key]}
          inputMode={key === 'workstationName' ? 'text' : 'numeric'}
          onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
        />
        {unit ? <span className="muted">{unit}</span> : null}
      </span>
      {hint ? <small className="muted">{hint}</small> : null}
    </label>
  );

  return (
    <section className="settings-card" data-testid="policy-section">
      <h2>{t('policy.title')}</h2>
      <p className="muted">{t('policy.hint')}</p>
      <form onSubmit={(event) => void save(event)}>
        <fieldset className="plain-fieldset policy-grid" disabled={!admin}>
          {field('workstationName', t('policy.workstationName'), t('policy.workstationHint'))}
          {field('idleLockMinutes', t('policy.idleLock'), undefined, t('policy.minutes'))}
          {field('leaseMinutes', t('policy.lease'), undefined, t('policy.minutes'))}
          {field('minWords', t('policy.minWords'))}
          {field('maxWords', t('policy.maxWords'))}
        </fieldset>
        {message ? (
          <p
            className={`banner ${message.kind} settings-message`}
            role={message.kind === 'error' ? 'alert' : 'status'}
            data-testid="policy-message"
          >
            {message.text}
          </p>
        ) : null}
        {admin ? (
          <button type="submit" className="primary" data-testid="policy-save">
            {t('policy.save')}
          </button>
        ) : null}
      </form>
    </section>
  );
}
