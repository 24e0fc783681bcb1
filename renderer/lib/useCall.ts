import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { CallInput, CallName, CallOutput } from '../../shared/contract/calls';
import { useApi } from './ApiContext';
import { callOrThrow } from './api';
import { errorText } from './errorText';

/** What `useCall` holds: the last answer, the last refusal as a sentence, and a way to ask again. */
export interface CallState<T> {
  /** The last answer; kept while a reload runs so the screen does not flicker. */
  data: T | null;
  /** The refusal's own Vietnamese/English sentence, or the generic one; null when it worked. */
  error: string | null;
  loading: boolean;
  /** Asks again with the same input (after a change elsewhere). */
  reload: () => void;
}

/**
 * The one way a screen loads data: calls `name` with `input` whenever the input's value (not its
 * identity) or `version` changes, ignores answers that arrive after a newer request or after
 * unmount, and turns a failure into a sentence. `input` null: nothing to load yet.
 */
export function useCall<K extends CallName>(
  name: K,
  input: CallInput<K> | null,
  version: unknown = 0,
): CallState<CallOutput<K>> {
  const api = useApi();
  const { t } = useTranslation();
  const [data, setData] = useState<CallOutput<K> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(input !== null);
  const [again, setAgain] = useState(0);
  const ticket = useRef(0);
  const key = input === null ? null : JSON.stringify(input);
  const fallback = t('errors.unexpected');

  useEffect(() => {
    if (key === null) {
      setLoading(false);
      return undefined;
    }
    const mine = ++ticket.current;
    setLoading(true);
    callOrThrow(api, name, JSON.parse(key) as CallInput<K>).then(
      (value) => {
        if (mine !== ticket.current) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (failure: unknown) => {
        if (mine !== ticket.current) return;
        setError(errorText(failure, fallback));
        setLoading(false);
      },
    );
    return () => {
      // A newer request or unmount: whatever this one answers is stale.
      if (mine === ticket.current) ticket.current += 1;
    };
  }, [api, name, key, version, again, fallback]);

  const reload = useCallback(() => setAgain((n) => n + 1), []);
  return { data, error, loading, reload };
}
