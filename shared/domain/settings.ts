/** UI languages: Vietnamese first, English second. */
export const locales = ['vi', 'en'] as const;
/** One UI language. */
export type Locale = (typeof locales)[number];

/** Workstation settings kept in the library. */
export interface Settings {
  locale: Locale;
  /** The article open when the app last closed, so it reopens where the reporter was. */
  lastArticleId: string | null;
}

/** Settings for a brand-new library. */
export const defaultSettings: Settings = { locale: 'vi', lastArticleId: null };
