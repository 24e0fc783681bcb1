import { useCallback, useEffect, useState } from 'react';

import { callOrThrow } from '../../lib/api';
import { useApi } from '../../lib/ApiContext';
import { messageOf } from './errors';
import type { PhotoDeskLabels } from './labels';

/**
 * The newsroom's caption shortcodes (`\hd\` → a leader's full name and title): list, add,
 * remove. Expansion happens on the main side when captions are saved.
 */
export function CodesManager({ labels }: { labels: PhotoDeskLabels }) {
  const api = useApi();
  const [codes, setCodes] = useState<Array<{ code: string; expansion: string }>>([]);
  const [code, setCode] = useState('');
  const [expansion, setExpansion] = useState('');
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async (): Promise<void> => {
    try {
      setCodes(await callOrThrow(api, 'photos.codes', {}));
    } catch (failure) {
      setError(messageOf(failure, labels.unexpected));
    }
  }, [api, labels]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const run = async (work: () => Promise<null>): Promise<void> => {
    try {
      await work();
      setError(null);
      await reload();
    } catch (failure) {
      setError(messageOf(failure, labels.unexpected));
    }
  };

  const add = () =>
    run(async () => {
      const saved = await callOrThrow(api, 'photos.setCode', {
        code: code.trim().replace(/^\\|\\$/g, ''),
        expansion: expansion.trim(),
      });
      setCode('');
      setExpansion('');
      return saved;
    });

  return (
    <section className="caption-section codes-manager" aria-label={labels.codes}>
      <h4>
        {labels.codes} ({codes.length})
      </h4>
      <p className="field-hint">{labels.codeHint}</p>
      <ul className="code-list" data-testid="code-list">
        {codes.map((entry) => (
          <li key={entry.code}>
            <code>\{entry.code}\</code>
            <span>{entry.expansion}</span>
            <button
              type="button"
              className="icon-button"
              aria-label={labels.removeCode(entry.code)}
              title={labels.removeCode(entry.code)}
              onClick={() =>
                void run(() => callOrThrow(api, 'photos.removeCode', { code: entry.code }))
              }
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="photo-row">
        <input
          className="code-input"
          data-testid="code-new-code"
          aria-label={labels.code}
          placeholder={labels.code}
          value={code}
          onChange={(event) => setCode(event.target.value)}
        />
        <input
          data-testid="code-new-expansion"
          aria-label={labels.expansion}
          placeholder={labels.expansion}
          value={expansion}
          onChange={(event) => setExpansion(event.target.value)}
        />
        <button
          type="button"
          className="secondary"
          data-testid="code-add"
          disabled={code.trim() === '' || expansion.trim() === ''}
          onClick={() => void add()}
        >
          {labels.addCode}
        </button>
      </div>
      {error ? (
        <p className="banner error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
