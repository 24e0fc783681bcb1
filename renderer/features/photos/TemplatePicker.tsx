import { useEffect, useState } from 'react';

import type { CaptionTemplate } from '../../../shared/photos/desk';
import { callOrThrow } from '../../lib/api';
import { useApi } from '../../lib/ApiContext';
import { messageOf } from './errors';
import type { PhotoDeskLabels } from './labels';

/**
 * The newsroom's caption templates: apply one to the selection (the main side fills `{event}`,
 * `{date}`, `{place}`… per photo) or save the caption box's text as a new one.
 */
export function TemplatePicker({
  labels,
  busy,
  captionText,
  onApply,
}: {
  labels: PhotoDeskLabels;
  busy: boolean;
  captionText: string;
  onApply: (template: string, place: string) => Promise<void>;
}) {
  const api = useApi();
  const [templates, setTemplates] = useState<CaptionTemplate[]>([]);
  const [chosen, setChosen] = useState('');
  const [place, setPlace] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    callOrThrow(api, 'photos.templates', {}).then(
      (found) => live && setTemplates(found),
      (failure: unknown) => live && setError(messageOf(failure, labels.unexpected)),
    );
    return () => {
      live = false;
    };
  }, [api, labels]);

  const template = templates.find((candidate) => candidate.id === chosen);

  const saveNew = async (): Promise<void> => {
    try {
      const saved = await callOrThrow(api, 'photos.saveTemplate', {
        name: name.trim(),
        template: captionText,
      });
      setTemplates((current) => [...current.filter((t) => t.id !== saved.id), saved]);
      setChosen(saved.id);
      setName('');
      setError(null);
    } catch (failure) {
      setError(messageOf(failure, labels.unexpected));
    }
  };

  return (
    <section className="caption-section" aria-label={labels.templates}>
      <h4>{labels.templates}</h4>
      <div className="photo-row">
        <select
          data-testid="template-select"
          aria-label={labels.templates}
          value={chosen}
          onChange={(event) => setChosen(event.target.value)}
        >
          <option value="">{labels.chooseTemplate}</option>
          {templates.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name}
            </option>
          ))}
        </select>
        <input
          aria-label={labels.place}
          placeholder={labels.place}
          value={place}
          onChange={(event) => setPlace(event.target.value)}
        />
      </div>
      {template ? <p className="field-hint template-text">{template.template}</p> : null}
      <button
        type="button"
        className="secondary"
        data-testid="template-apply"
        disabled={!template || busy}
        onClick={() => template && void onApply(template.template, place.trim())}
      >
        {labels.applyTemplate}
      </button>
      <div className="photo-row">
        <input
          data-testid="template-name"
          aria-label={labels.templateName}
          placeholder={labels.templateName}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <button
          type="button"
          className="secondary"
          data-testid="template-save"
          disabled={name.trim() === '' || captionText.trim() === ''}
          onClick={() => void saveNew()}
        >
          {labels.saveTemplate}
        </button>
      </div>
      <span className="field-hint">{labels.templateHint}</span>
      {error ? (
        <p className="banner error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
