/** UI languages: Vietnamese first, English second. */
export const locales = ['vi', 'en'] as const;
/** One UI language. */
export type Locale = (typeof locales)[number];

/** Tone placement the newsroom writes: new style `hoà`, old style `hòa`. */
export const toneStyles = ['new', 'old'] as const;
/** One tone placement style. */
export type ToneStyle = (typeof toneStyles)[number];

/** Workstation settings kept in the library. */
export interface Settings {
  locale: Locale;
  toneStyle: ToneStyle;
  /** Words the newsroom added to the spellcheck dictionary (names, places, terms). */
  newsroomWords: string[];
  /** The article open when the app last closed, so it reopens where the reporter was. */
  lastArticleId: string | null;
}

/** Settings for a brand-new library. */
export const defaultSettings: Settings = {
  locale: 'vi',
  toneStyle: 'new',
  newsroomWords: [],
  lastArticleId: null,
};
