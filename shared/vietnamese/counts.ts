/**
 * Length figures as a Vietnamese newsroom reads them. A "chữ" is a written syllable, i.e. what
 * Word's word count shows ("tin 300 chữ"), not a lexical word such as "đất nước".
 */

/**
 * Reading speed used for the estimate: about 250 syllables a minute (no good Vietnamese benchmark
 * exists; IReST and broadcast figures put silent reading in that range). Configurable per call.
 */
export const DEFAULT_WORDS_PER_MINUTE = 250;

const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Counts "chữ": whitespace-separated tokens of the NFC text that contain a letter or digit, so a
 * lone "-" or "–" between words is not counted while "12/7" and "18-NQ/TW" count once each,
 * as in Word. NFC first so decomposed input counts the same.
 */
export function countWords(text: string): number {
  let count = 0;
  for (const token of text.normalize('NFC').split(/\s+/u)) {
    if (HAS_LETTER_OR_DIGIT.test(token)) count += 1;
  }
  return count;
}

const graphemes = new Intl.Segmenter('vi', { granularity: 'grapheme' });

/** Options for `countCharacters`. */
export interface CountCharactersOptions {
  /** Count whitespace too (Word's "characters (with spaces)"). Default true. */
  includeSpaces?: boolean;
}

/**
 * Counts user-perceived characters (grapheme clusters) of the NFC text, so `ệ` is one character
 * whether it was typed precomposed or as e + two combining marks, and an emoji is one too. This
 * is what headline and sapo length hints should show.
 */
export function countCharacters(text: string, options: CountCharactersOptions = {}): number {
  const includeSpaces = options.includeSpaces ?? true;
  let count = 0;
  for (const { segment } of graphemes.segment(text.normalize('NFC'))) {
    if (includeSpaces || !/^\s+$/u.test(segment)) count += 1;
  }
  return count;
}

/** Options for `readingTimeMinutes`. */
export interface ReadingTimeOptions {
  /** Syllables read per minute. Default `DEFAULT_WORDS_PER_MINUTE` (250). */
  wordsPerMinute?: number;
}

/**
 * Whole minutes needed to read the body, rounded up (0 for an empty body), from the text or an
 * already computed `countWords` figure. Shown for body text only.
 */
export function readingTimeMinutes(
  textOrWordCount: string | number,
  options: ReadingTimeOptions = {},
): number {
  const words = typeof textOrWordCount === 'number' ? textOrWordCount : countWords(textOrWordCount);
  const perMinute = options.wordsPerMinute ?? DEFAULT_WORDS_PER_MINUTE;
  if (!(perMinute > 0)) throw new RangeError('wordsPerMinute must be a positive number');
  return words <= 0 ? 0 : Math.ceil(words / perMinute);
}
