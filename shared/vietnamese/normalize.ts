/**
 * Normalisation for text that is pasted, loaded, saved or searched. Never run these while the
 * reporter is typing: UniKey/OpenKey retype letters with synthetic Backspaces and rely on the
 * text near the caret staying exactly as they left it.
 */

/**
 * Composes text to NFC, the form Vietnamese text is stored and exchanged in. Decomposed text
 * arrives from macOS file names, PDFs, some web sites and the IMEs' "Unicode tổ hợp" mode.
 */
export function toNfc(text: string): string {
  return text.normalize('NFC');
}

/**
 * Invisible format characters removed from pasted and saved text: zero-width space, word joiner,
 * BOM/zero-width no-break space, the Mongolian vowel separator, and the bidi marks and embeddings
 * that web pages leave behind. ZWJ/ZWNJ are kept (emoji sequences and other scripts need them);
 * U+00AD is handled separately because in TCVN3 text it is the letter ư.
 */
const INVISIBLE = /[\u200B\u2060\uFEFF\u180E\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

/** Options for `stripInvisibleChars`. */
export interface StripInvisibleOptions {
  /**
   * Also remove U+00AD SOFT HYPHEN. Leave false until legacy-encoding detection has run: in
   * TCVN3 text U+00AD is the letter ư, and removing it turns "Trường" into "Trờng".
   */
  removeSoftHyphen?: boolean;
}

/**
 * Removes zero-width and bidi control characters that Word and web pages paste along with the
 * text; they break search, word counts and slugs without being visible.
 */
export function stripInvisibleChars(text: string, options: StripInvisibleOptions = {}): string {
  const cleaned = text.replace(INVISIBLE, '');
  return options.removeSoftHyphen === true ? cleaned.replace(/\u00AD/gu, '') : cleaned;
}

/** Options for `normalizeSpaces`. */
export interface NormalizeSpacesOptions {
  /** Keep U+00A0 NO-BREAK SPACE (e.g. a house style that binds "TP.\u00A0HCM"). Default false. */
  keepNbsp?: boolean;
}

/** Horizontal spaces other than U+0020 (and other than U+202F, handled on its own). */
const ODD_SPACES = /[\t\u00A0\u1680\u2000-\u200A\u205F\u3000]/gu;

/**
 * Turns the unusual spaces of pasted text into plain spaces, collapses runs of spaces and trims
 * each line. U+202F NARROW NO-BREAK SPACE gets special care: OpenKey types it (then deletes it)
 * to dodge browser autocomplete, so one left between two letters is an IME artefact inside a word
 * and is removed; anywhere else it becomes a space. Line breaks (\r\n, \r) become \n.
 */
export function normalizeSpaces(text: string, options: NormalizeSpacesOptions = {}): string {
  const keepNbsp = options.keepNbsp === true;
  return text
    .replace(/\r\n?/gu, '\n')
    .replace(/(?<=[\p{L}\p{M}])\u202F(?=\p{L})/gu, '')
    .replace(/\u202F/gu, ' ')
    .replace(ODD_SPACES, (space) => (keepNbsp && space === '\u00A0' ? space : ' '))
    .replace(/ {2,}/gu, ' ')
    .replace(/^ +| +$/gmu, '');
}

/** Options for `normalizePastedText`. */
export interface NormalizePastedTextOptions extends StripInvisibleOptions, NormalizeSpacesOptions {}

/**
 * The whole clean-up for text that arrives by paste, import or save: NFC, invisible characters
 * out, spaces normalised, leading and trailing blank space removed. Run it after legacy-encoding
 * conversion, never on each keystroke.
 */
export function normalizePastedText(
  text: string,
  options: NormalizePastedTextOptions = {},
): string {
  return normalizeSpaces(stripInvisibleChars(toNfc(text), options), options).trim();
}
