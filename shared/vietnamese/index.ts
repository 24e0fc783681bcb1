/** Public API of the Vietnamese text library: pure functions, safe in main, renderer and web. */
export { toNfc, stripInvisibleChars, normalizeSpaces, normalizePastedText } from './normalize';
export type {
  StripInvisibleOptions,
  NormalizeSpacesOptions,
  NormalizePastedTextOptions,
} from './normalize';
export {
  slugify,
  articleSlug,
  isValidSlug,
  ARTICLE_SLUG_MAX_LENGTH,
  WORDPRESS_SLUG_MAX_LENGTH,
} from './slug';
export type { SlugifyOptions } from './slug';
export { foldForSearch, foldWithOffsets, findFoldedMatches, highlightSnippet } from './searchFold';
export type { FoldedText, TextRange, HighlightSegment, HighlightOptions } from './searchFold';
export {
  tcvn3ToUnicode,
  vniToUnicode,
  unicodeToTcvn3,
  unicodeToVni,
  legacyFontEncoding,
  detectLegacyEncoding,
  MIN_DETECTION_WORDS,
} from './legacyEncodings';
export type {
  Tcvn3DecodeOptions,
  LegacyFont,
  EncodingDetection,
  DetectionInput,
} from './legacyEncodings';
export { LEGACY_LETTERS, TCVN3_UPPER_BYTES } from './legacyTables';
export type { LegacyLetter } from './legacyTables';
export { parseSyllable, isValidSyllable } from './syllable';
export type { SyllableParts, ToneStyle } from './syllable';
export type { Tone } from './tones';
export { toOldStyleTones, toNewStyleTones } from './tonePlacement';
export {
  countWords,
  countCharacters,
  readingTimeMinutes,
  DEFAULT_WORDS_PER_MINUTE,
} from './counts';
export type { CountCharactersOptions, ReadingTimeOptions } from './counts';
export {
  formatPortalDateLine,
  parsePortalDateLine,
  formatDateTimeInput,
  parseDateTimeInput,
  getPortalDateParts,
  portalPartsToDate,
  PORTAL_TIME_ZONE,
  PORTAL_WEEKDAYS,
} from './dates';
export type { PortalDateParts } from './dates';
