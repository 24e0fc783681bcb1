import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Modal } from '../../lib/Modal';

/**
 * Asks for the note a step carries: required for returning (the reporter reads why), optional
 * for others such as a take-over. The confirm button stays disabled until a required note is
 * written, so the core's refusal is never the first thing the user sees.
 */
export function NoteDialog({
  title,
  intro,
  required,
  confirmLabel,
  testId = 'note-dialog',
  onConfirm,
  onClose,
}: {
  title: string;
  intro?: ReactNode;
  required: boolean;
  confirmLabel: string;
  testId?: string;
  /** Resolves to an error message to show, or null when done. */
  onConfirm: (note: string) => Promise<string | null>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const missing = required && note.trim() === '';

  const confirm = async (): Promise<void> => {
    if (missing) {
      setError(t('workflow.noteMissing'));
      return;
    }
    setBusy(true);
    const failure = await onConfirm(note.trim());
    setBusy(false);
    if (failure) setError(failure);
    else onClose();
  };

  return (
    <Modal
      title={title}
      testId={testId}
      className="note-dialog"
      onClose={busy ? undefined : onClose}
      footer={
        <>
          <button type="button" className="secondary" onClick={onClose} disabled={busy}>
            {t('workflow.cancel')}
          </button>
          <button
            type="button"
            className="primary"
            data-testid="note-confirm"
            disabled={busy || missing}
            onClick={() => void confirm()}
          >
            {confirmLabel}
          </button>
        </>
      }
    >
      {intro ? <p className="note-intro">{intro}</p> : null}
      <label className="note-field">
        <span>{required ? t('workflow.noteRequired') : t('workflow.noteOptional')}</span>
        <textarea
          data-testid="note-input"
          rows={4}
          lang="vi"
          value={note}
          autoFocus
          placeholder={t('workflow.notePlaceholder')}
          aria-required={required}
          onChange={(event) => setNote(event.target.value)}
        />
      </label>
      {error ? (
        <p className="banner error" role="alert" data-testid="note-error">
          {error}
        </p>
      ) : null}
    </Modal>
  );
}
