import type { Database } from 'better-sqlite3';

import type { Settings } from '../../../shared/domain/settings';
import { defaultSettings, locales, toneStyles } from '../../../shared/domain/settings';
import type { HandlersOf } from '../contract/dispatch';
import { readSettings, writeSettings } from '../db/queries/settings';

function coerce(values: Map<string, unknown>): Settings {
  const locale = values.get('locale');
  const lastArticleId = values.get('lastArticleId');
  const toneStyle = values.get('toneStyle');
  const newsroomWords = values.get('newsroomWords');
  return {
    locale: locales.find((candidate) => candidate === locale) ?? defaultSettings.locale,
    toneStyle: toneStyles.find((candidate) => candidate === toneStyle) ?? defaultSettings.toneStyle,
    newsroomWords: Array.isArray(newsroomWords)
      ? newsroomWords.filter((word): word is string => typeof word === 'string')
      : [],
    lastArticleId: typeof lastArticleId === 'string' ? lastArticleId : null,
  };
}

/** Workstation settings stored in the library. */
export function createSettingsService(db: Database) {
  return {
    get(): Settings {
      return coerce(readSettings(db));
    },
    update(patch: Partial<Settings>): Settings {
      const entries: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(patch))
        if (value !== undefined) entries[key] = value;
      if (patch.newsroomWords) {
        entries.newsroomWords = [
          ...new Set(patch.newsroomWords.map((word) => word.normalize('NFC'))),
        ];
      }
      writeSettings(db, entries);
      return coerce(readSettings(db));
    },
    /** Adds one word to the newsroom dictionary (the list is kept, never replaced). */
    addWord(word: string): Settings {
      const words = coerce(readSettings(db)).newsroomWords;
      const added = word.normalize('NFC').trim();
      if (!words.includes(added)) writeSettings(db, { newsroomWords: [...words, added] });
      return coerce(readSettings(db));
    },
  };
}

/** The settings service's API. */
export type SettingsService = ReturnType<typeof createSettingsService>;

/** Binds the workstation's settings to the contract. */
export function settingsHandlers(settings: SettingsService): HandlersOf<'settings'> {
  return {
    'settings.get': () => settings.get(),
    'settings.update': (args) => settings.update(args),
    'settings.addWord': (args) => settings.addWord(args.word),
    'settings.updateDisplay': (args) => settings.update(args),
  };
}
