import { LEGACY_LETTERS, TCVN3_UPPER_BYTES } from './legacyTables';
import { isValidSyllable } from './syllable';

/**
 * TCVN3 (ABC, `.Vn*` fonts) and VNI-Windows (`VNI-*` fonts) ↔ Unicode. Old Word documents in
 * these encodings still reach the newsroom; pasted, they arrive as Latin-1 gibberish ("Céng hoµ",
 * "Toâi ñi hoïc") that must be converted before anything else touches it.
 */

const chars = (bytes: readonly number[]): string => String.fromCharCode(...bytes);

const TCVN3_DECODE = new Map<string, string>();
const TCVN3_ENCODE = new Map<string, string>();
const VNI_DECODE = new Map<string, string>();
const VNI_ENCODE = new Map<string, string>();

for (const { letter, tcvn3, vni } of LEGACY_LETTERS) {
  const upper = letter.toUpperCase();
  const lowerCode = chars([tcvn3]);
  TCVN3_DECODE.set(lowerCode, letter);
  TCVN3_ENCODE.set(letter, lowerCode);
  const upperByte = TCVN3_UPPER_BYTES[upper];
  if (upperByte === undefined) {
    TCVN3_ENCODE.set(upper, lowerCode);
  } else {
    TCVN3_DECODE.set(chars([upperByte]), upper);
    TCVN3_ENCODE.set(upper, chars([upperByte]));
  }
  const vniLower = chars(vni);
  const vniUpper = chars(vni.map((byte) => byte - 0x20));
  VNI_DECODE.set(vniLower, letter);
  VNI_DECODE.set(vniUpper, upper);
  VNI_ENCODE.set(letter, vniLower);
  VNI_ENCODE.set(upper, vniUpper);
}

/** Options for `tcvn3ToUnicode`. */
export interface Tcvn3DecodeOptions {
  /**
   * The run was set in a `.Vn…H` font, which draws every code as a capital: upper-case the
   * result. Without it, toned capitals come out lower case (`CéNG` → `CộNG`).
   */
  upperCase?: boolean;
  /**
   * Without font information, guess which words were capitals: a word whose ASCII letters are
   * all upper case (at least two of them, counting Ă Â Ê Ô Ơ Ư Đ) is upper-cased, and so is a
   * word with too few ASCII letters to tell (`X·`) when its neighbours are upper case.
   */
  repairCase?: boolean;
}

type WordCase = 'upper' | 'lower' | 'unknown' | 'none';

function classifyTcvn3Word(word: string): WordCase {
  if (/[a-z]/u.test(word)) return 'lower';
  const capitals = (word.match(/[A-Z\u00A1-\u00A7]/gu) ?? []).length;
  if (capitals >= 2) return 'upper';
  return [...word].some((ch) => TCVN3_DECODE.has(ch)) ? 'unknown' : 'none';
}

function repairTcvn3Case(original: string): string {
  const pieces = original.split(/(\s+)/u);
  const classes = pieces.map((piece, i) => (i % 2 === 1 ? 'none' : classifyTcvn3Word(piece)));
  const known = (from: number, step: 1 | -1): WordCase | undefined => {
    for (let i = from + step; i >= 0 && i < classes.length; i += step) {
      const c = classes[i];
      if (c === 'upper' || c === 'lower') return c;
    }
    return undefined;
  };
  return pieces
    .map((piece, i) => {
      const decoded = decodeTcvn3(piece);
      const c = classes[i];
      if (c === 'upper') return decoded.toUpperCase();
      if (c !== 'unknown') return decoded;
      const before = known(i, -1);
      const after = known(i, 1);
      const upper =
        (before === 'upper' || after === 'upper') && before !== 'lower' && after !== 'lower';
      return upper ? decoded.toUpperCase() : decoded;
    })
    .join('');
}

function decodeTcvn3(text: string): string {
  let out = '';
  for (const ch of text) out += TCVN3_DECODE.get(ch) ?? ch;
  return out;
}

/**
 * Converts TCVN3 text (bytes read as cp1252/Latin-1 characters, the way Word pastes them) to
 * Unicode NFC. U+00AD becomes ư, so never strip soft hyphens before this runs. TCVN3 cannot tell
 * á from Á (see `TCVN3_UPPER_BYTES`): pass `upperCase` for `.Vn…H` runs, or `repairCase`.
 */
export function tcvn3ToUnicode(text: string, options: Tcvn3DecodeOptions = {}): string {
  if (options.upperCase === true) return decodeTcvn3(text).toUpperCase();
  if (options.repairCase === true) return repairTcvn3Case(text);
  return decodeTcvn3(text);
}

/**
 * Converts VNI-Windows text to Unicode NFC. Two-character spellings are tried first, because
 * the byte for ơ (0xF4) is also the base of ớ ờ ở ỡ ợ and reading single bytes first breaks them.
 */
export function vniToUnicode(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const pair = i + 1 < text.length ? VNI_DECODE.get(text.slice(i, i + 2)) : undefined;
    if (pair !== undefined) {
      out += pair;
      i += 2;
      continue;
    }
    const single = text.charAt(i);
    out += VNI_DECODE.get(single) ?? single;
    i += 1;
  }
  return out;
}

function encode(text: string, table: ReadonlyMap<string, string>): string {
  let out = '';
  for (const ch of text.normalize('NFC')) out += table.get(ch) ?? ch;
  return out;
}

/**
 * Converts Unicode text to TCVN3 (as cp1252 characters): for exporting to legacy systems and for
 * round-trip tests. Lossy by design: toned capitals get the lower-case byte (Á → `¸`), so decode
 * with `upperCase` or accept lower case back. Characters TCVN3 lacks are passed through.
 */
export function unicodeToTcvn3(text: string): string {
  return encode(text, TCVN3_ENCODE);
}

/**
 * Converts Unicode text to VNI-Windows (as cp1252 characters), losslessly for all 134
 * Vietnamese letters. Characters VNI lacks are passed through.
 */
export function unicodeToVni(text: string): string {
  return encode(text, VNI_ENCODE);
}

/** A legacy encoding named by a font. */
export interface LegacyFont {
  encoding: 'tcvn3' | 'vni';
  /** `.Vn…H` fonts draw everything as capitals; decode with `upperCase`. */
  upperCase: boolean;
}

function cleanFontName(name: string): string {
  return name.replace(/["'\\]/gu, '').trim();
}

/**
 * Tells which legacy encoding a font implies (`.VnTime` → TCVN3, `.VnTimeH` → TCVN3 upper case,
 * `VNI-Times` → VNI), or null for a Unicode font. Accepts names as Word and Excel write them
 * (`".VnTime"`, `"\.VnTimeH"`), so the paste pipeline can decide run by run.
 */
export function legacyFontEncoding(fontName: string): LegacyFont | null {
  const name = cleanFontName(fontName);
  if (/^\.vn/iu.test(name)) return { encoding: 'tcvn3', upperCase: /H$/u.test(name) };
  if (/^vni[- ]/iu.test(name)) return { encoding: 'vni', upperCase: false };
  return null;
}

/** What `detectLegacyEncoding` concluded. */
export interface EncodingDetection {
  /** `unknown` means "don't convert automatically"; ask the user if anything. */
  encoding: 'tcvn3' | 'vni' | 'unicode' | 'unknown';
  /** 0–1: 1 for font evidence or characters only Unicode has, lower for statistical calls. */
  confidence: number;
  /** A short English explanation for logs and the "convert?" prompt. */
  reason: string;
  /** True when the deciding fonts were `.Vn…H` (capitals). */
  upperCase?: boolean;
  /** Share of candidate words that are valid Vietnamese syllables under each reading. */
  scores?: { unicode: number; tcvn3: number; vni: number };
}

/** What to inspect: the pasted text and, when the clipboard had HTML, its font-family names. */
export interface DetectionInput {
  text: string;
  fontNames?: readonly string[];
}

/** Fewer candidate words than this and the statistics refuse to decide. */
export const MIN_DETECTION_WORDS = 5;
/** A legacy reading must beat the Unicode reading by this share of valid syllables. */
const MIN_MARGIN = 0.5;
/** …and be at least this good on its own. */
const MIN_LEGACY_SCORE = 0.6;

/** cp1252's 0x80–0x9F characters: legacy text pasted from Word may contain them. */
const CP1252_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

const round2 = (n: number): number => Math.round(n * 100) / 100;
const percent = (share: number): string => `${Math.round(share * 100)}%`;

function detectFromFonts(fontNames: readonly string[]): EncodingDetection | null {
  const names = fontNames.flatMap((list) => list.split(',')).map(cleanFontName);
  const usable = names.filter((name) => name !== '');
  if (usable.length === 0) return null;
  const legacy = usable.flatMap((name) => {
    const font = legacyFontEncoding(name);
    return font === null ? [] : [{ name, ...font }];
  });
  const first = legacy[0];
  if (first === undefined) {
    return { encoding: 'unicode', confidence: 0.9, reason: `Unicode fonts: ${usable.join(', ')}` };
  }
  if (legacy.some((font) => font.encoding !== first.encoding)) {
    return {
      encoding: 'unknown',
      confidence: 0,
      reason: 'Both TCVN3 and VNI fonts are used: convert each run by its own font',
    };
  }
  const upperCase = legacy.every((font) => font.upperCase);
  const label = first.encoding === 'tcvn3' ? 'TCVN3' : 'VNI-Windows';
  return {
    encoding: first.encoding,
    confidence: 1,
    reason: `${label} font ${first.name}`,
    upperCase,
  };
}

const EDGE_PUNCTUATION =
  /^[\x21-\x2F\x3A-\x40\x5B-\x60\x7B-\x7E\u2010-\u2027]+|[\x21-\x2F\x3A-\x40\x5B-\x60\x7B-\x7E\u2010-\u2027]+$/gu;

/** Words whose reading depends on the encoding: they contain a Latin-1 character 0x80–0xFF. */
function candidateWords(text: string): string[] {
  return text
    .split(/[\s/\u2013\u2014-]+/u)
    .map((chunk) => chunk.replace(EDGE_PUNCTUATION, ''))
    .filter((word) => /[\u0080-\u00FF]/u.test(word));
}

/**
 * Decides whether text is TCVN3, VNI-Windows or already Unicode. Font names, when given, decide
 * (Word HTML names the legacy font of each run). Otherwise text containing characters neither
 * legacy encoding can produce (ệ, ư, emoji…) is Unicode; for the rest each reading is scored by
 * the share of valid Vietnamese syllables, and a legacy reading wins only with at least
 * `MIN_DETECTION_WORDS` candidate words and a clear margin. Short pastes (IMEs in clipboard mode
 * paste 1–3 characters per keystroke) are never called legacy.
 */
export function detectLegacyEncoding(input: DetectionInput): EncodingDetection {
  const byFont = detectFromFonts(input.fontNames ?? []);
  if (byFont !== null) return byFont;

  const { text } = input;
  for (const ch of text) {
    if (ch.charCodeAt(0) > 0xff && !CP1252_EXTRAS.has(ch)) {
      return {
        encoding: 'unicode',
        confidence: 1,
        reason: `Contains ${JSON.stringify(ch)}, which neither TCVN3 nor VNI can produce`,
      };
    }
  }
  const words = candidateWords(text);
  if (!/[\u0080-\u00FF]/u.test(text)) {
    return {
      encoding: 'unicode',
      confidence: 1,
      reason: 'No characters that differ between encodings',
    };
  }
  if (words.length < MIN_DETECTION_WORDS) {
    return {
      encoding: 'unknown',
      confidence: 0,
      reason: `Only ${words.length} word(s) to judge by; at least ${MIN_DETECTION_WORDS} are needed`,
    };
  }
  const share = (read: (word: string) => string): number =>
    words.filter((word) => isValidSyllable(read(word))).length / words.length;
  const scores = {
    unicode: round2(share((word) => word)),
    tcvn3: round2(share((word) => tcvn3ToUnicode(word))),
    vni: round2(share(vniToUnicode)),
  };
  const best = scores.tcvn3 >= scores.vni ? 'tcvn3' : 'vni';
  const other = best === 'tcvn3' ? scores.vni : scores.tcvn3;
  const margin = scores[best] - Math.max(scores.unicode, other);
  const weight = Math.min(1, words.length / 10);
  const label = best === 'tcvn3' ? 'TCVN3' : 'VNI-Windows';
  if (
    scores[best] >= MIN_LEGACY_SCORE &&
    scores[best] - scores.unicode >= MIN_MARGIN &&
    margin > 0
  ) {
    return {
      encoding: best,
      confidence: round2(Math.min(1, margin) * weight),
      reason: `${label} reading gives ${percent(scores[best])} valid syllables, Unicode ${percent(scores.unicode)}`,
      scores,
    };
  }
  const lead = Math.max(0, scores.unicode - scores[best]);
  return {
    encoding: 'unicode',
    confidence: round2((0.5 + 0.5 * lead) * weight),
    reason: `No legacy reading is clearly better (Unicode ${percent(scores.unicode)}, ${label} ${percent(scores[best])})`,
    scores,
  };
}
