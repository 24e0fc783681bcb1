import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { errorText } from './errorText';

/** What `useAction` holds while a button's work runs and after it fails. */
export interface ActionState {
  /** The name of the running action, or null when idle (buttons disable themselves on it). */
  busy: string | null;
  /** The last failure as a sentence (the core's own, or the generic one). */
  error: string | null;
  /** Runs `work` as action `name`; resolves to its value, or null when it failed. */
  run: <T>(name: string, work: () => Promise<T>) => Promise<T | null>;
  clear: () => void;
}

/**
 * The one way a button runs a call: marks it busy, clears the last error, and turns a failure
 * into words with `errorText`, instead of a try/catch/finally in every form.
 */
export function useAction(): ActionState {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fallback = t('errors.unexpected');
  const run = useCallback(
    async <T>(name: string, work: () => Promise<T>): Promise<T | null> => {
      setBusy(name);
      setError(null);
      try {
        return await work();
      } catch (failure) {
        setError(errorText(failure, fallback));
        return null;
      } finally {
        setBusy(null);
      }
    },
    [fallback],
  );
  const clear = useCallback(() => setError(null), []);
  return { busy, error, run, clear };
}
