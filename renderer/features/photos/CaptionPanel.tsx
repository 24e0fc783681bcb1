import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { PhotoRecord } from '../../../shared/photos/photoRecord';
import { callOrThrow } from '../../lib/api';
import { useApi } from '../../lib/ApiContext';
import type { CaptionDraft, CaptionField } from './captionDraft';
import { captionFields, changedFields, sharedValue } from './captionDraft';
import { CodesManager } from './CodesManager';
import { messageOf } from './errors';
import type { PhotoDeskLabels } from './labels';
import { TemplatePicker } from './TemplatePicker';

interface Notice {
  key: string;
  kind: 'ok' | 'error';
  text: string;
}

const testIds: Record<CaptionField, string> = {
  caption: 'caption-text',
  altText: 'caption-alt',
  byline: 'caption-byline',
  credit: 'caption-credit',
};

/**
 * Caption, byline and credit for the selected photos, plus templates and codes. The draft is
 * tagged with the selection it was typed for, so it never leaks from one set of photos to
 * another, while the template and code lists stay loaded across clicks.
 */
export function CaptionPanel({
  photos,
  labels,
  onSaved,
}: {
  photos: readonly PhotoRecord[];
  labels: PhotoDeskLabels;
  onSaved: (updated: readonly PhotoRecord[]) => void;
}) {
  const api = useApi();
  const { t } = useTranslation();
  const ids = photos.map((photo) => photo.id);
  const selectionKey = ids.join(',');
  const [typed, setTyped] = useState<{ key: string; values: CaptionDraft }>({
    key: '',
    values: {},
  });
  const [busy, setBusy] = useState(false);
  const [noticeState, setNoticeState] = useState<Notice | null>(null);
  const draft = typed.key === selectionKey ? typed.values : {};
  const notice = noticeState?.key === selectionKey ? noticeState : null;
  const setNotice = (next: Omit<Notice, 'key'> | null): void =>
    setNoticeState(next && { ...next, key: selectionKey });
  const setDraft = (values: CaptionDraft): void => setTyped({ key: selectionKey, values });
  const changes = changedFields(photos, draft);
  const dirty = Object.keys(changes).length > 0;

  const run = async (work: () => Promise<readonly PhotoRecord[]>, done: string | null) => {
    setBusy(true);
    try {
      const updated = await work();
      onSaved(updated);
      setDraft({});
      setNotice(done === null ? null : { kind: 'ok', text: done });
    } catch (failure) {
      setNotice({ kind: 'error', text: messageOf(failure, labels.unexpected) });
    } finally {
      setBusy(false);
    }
  };

  const save = () =>
    run(() => callOrThrow(api, 'photos.updateCaptions', { ids, ...changes }), labels.saved);

  const fieldValue = (field: CaptionField): string =>
    draft[field] ?? sharedValue(photos, field) ?? '';
  const placeholder = (field: CaptionField): string | undefined =>
    draft[field] === undefined && sharedValue(photos, field) === null ? labels.mixed : undefined;

  return (
    <aside className="caption-panel" aria-label={labels.captionPanel}>
      <h3>
        {photos.length === 0
          ? labels.captionPanel
          : photos.length === 1
            ? photos[0]?.originalName
            : labels.selectedCount(photos.length)}
      </h3>
      {photos.length === 0 ? <p className="muted">{labels.noSelection}</p> : null}
      <fieldset className="caption-fields" disabled={photos.length === 0}>
        {captionFields.map((field) => (
          <label className="field" key={field}>
            <span className="field-label">
              {field === 'altText' ? t('photos.altText') : labels[field]}
            </span>
            {field === 'caption' ? (
              <textarea
                data-testid={testIds[field]}
                rows={5}
                value={fieldValue(field)}
                placeholder={placeholder(field)}
                onChange={(event) => setDraft({ ...draft, [field]: event.target.value })}
              />
            ) : (
              <input
                data-testid={testIds[field]}
                value={fieldValue(field)}
                placeholder={placeholder(field)}
                onChange={(event) => setDraft({ ...draft, [field]: event.target.value })}
              />
            )}
            {field === 'caption' ? <span className="field-hint">{labels.codeHint}</span> : null}
            {field === 'altText' ? <span className="field-hint">{t('photos.altHint')}</span> : null}
          </label>
        ))}
      </fieldset>
      <button
        type="button"
        className="primary"
        data-testid="caption-save"
        disabled={!dirty || busy || photos.length === 0}
        onClick={() => void save()}
      >
        {labels.saveCaption}
      </button>
      {notice ? (
        <p className={`banner ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          {notice.text}
        </p>
      ) : null}
      <TemplatePicker
        labels={labels}
        busy={busy || photos.length === 0}
        captionText={fieldValue('caption')}
        onApply={(template, place) =>
          run(() => callOrThrow(api, 'photos.applyTemplate', { ids, template, place }), null)
        }
      />
      <CodesManager labels={labels} />
    </aside>
  );
}
