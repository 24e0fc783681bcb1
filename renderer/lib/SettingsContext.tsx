import type { ReactNode } from 'react';
import { createContext, useCallback, useContext, useMemo, useState } from 'react';

import type { Settings } from '../../shared/domain/settings';
import { addNewsroomWords } from '../editor/extensions/spellcheck/dictionary';
import { useApi } from './ApiContext';

interface SettingsValue {
  settings: Settings;
  update: (patch: Partial<Omit<Settings, 'lastArticleId'>>) => Promise<void>;
  /** Adds a word to the newsroom dictionary, for the spellchecker now and in the library. */
  addNewsroomWord: (word: string) => void;
}

const SettingsContext = createContext<SettingsValue | null>(null);

/** Workstation settings for the React tree, loaded once at start and saved through the contract. */
export function SettingsProvider({
  initial,
  children,
}: {
  initial: Settings;
  children: ReactNode;
}) {
  const api = useApi();
  const [settings, setSettings] = useState(initial);

  const update = useCallback(
    async (patch: Partial<Omit<Settings, 'lastArticleId'>>) => {
      // Shown at once; the stored value replaces it when the main side answers.
      setSettings((current) => ({ ...current, ...patch }));
      if (patch.newsroomWords) addNewsroomWords(patch.newsroomWords);
      const result = await api.call('settings.update', patch);
      if (result.ok) setSettings(result.value);
    },
    [api],
  );

  const addNewsroomWord = useCallback(
    (word: string) => {
      addNewsroomWords([word]);
      setSettings((current) => ({
        ...current,
        newsroomWords: [...current.newsroomWords, word.normalize('NFC')],
      }));
      // Its own call, open to every user (changing the list otherwise is the administrator's).
      void api.call('settings.addWord', { word }).then((result) => {
        if (result.ok) setSettings(result.value);
      });
    },
    [api],
  );

  const value = useMemo(
    () => ({ settings, update, addNewsroomWord }),
    [settings, update, addNewsroomWord],
  );
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

/** The workstation settings. */
export function useSettings(): SettingsValue {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useSettings outside SettingsProvider');
  return value;
}
