/**
 * Tone marks on Vietnamese letters. A word is handled as a list of letters (base + marks, NFC)
 * so the tone can be lifted off one letter and put on another without disturbing case or the
 * other marks (circumflex, breve, horn).
 */

/** The six tones, named as Vietnamese schools name them; `ngang` carries no mark. */
export type Tone = 'ngang' | 'huyen' | 'sac' | 'hoi' | 'nga' | 'nang';

const MARK_TO_TONE: ReadonlyMap<string, Tone> = new Map<string, Tone>([
  ['\u0300', 'huyen'],
  ['\u0301', 'sac'],
  ['\u0309', 'hoi'],
  ['\u0303', 'nga'],
  ['\u0323', 'nang'],
]);

const TONE_TO_MARK: Readonly<Record<Tone, string>> = {
  ngang: '',
  huyen: '\u0300',
  sac: '\u0301',
  hoi: '\u0309',
  nga: '\u0303',
  nang: '\u0323',
};

const COMBINING_MARK = /\p{M}/u;

/** A word split into its letters with the tone taken out. */
export interface ToneSplit {
  /** Each letter in NFC without its tone mark, original case kept (`Ư`, `ơ`, `n`…). */
  letters: string[];
  tone: Tone;
  /** Index in `letters` of the letter that carried the tone; -1 for `ngang`. */
  toneIndex: number;
}

/**
 * Lifts the tone mark off a word so syllable rules can look at the bare letters. Works on NFC
 * and NFD input alike (NFD puts the dot below before the circumflex: `ệ` = e + U+0323 + U+0302,
 * so the tone is not assumed to be the last mark). Returns null when the word has more than one
 * tone mark or starts with a mark: no Vietnamese syllable looks like that.
 */
export function splitTone(word: string): ToneSplit | null {
  const letters: string[] = [];
  let tone: Tone = 'ngang';
  let toneIndex = -1;
  let current = '';
  for (const ch of word.normalize('NFD')) {
    const markTone = MARK_TO_TONE.get(ch);
    if (markTone !== undefined) {
      if (current === '' || toneIndex !== -1) return null;
      tone = markTone;
      toneIndex = letters.length;
      continue;
    }
    if (COMBINING_MARK.test(ch)) {
      if (current === '') return null;
      current += ch;
      continue;
    }
    if (current !== '') letters.push(current.normalize('NFC'));
    current = ch;
  }
  if (current !== '') letters.push(current.normalize('NFC'));
  return { letters, tone, toneIndex };
}

/** Puts a tone back on one letter of a split word and returns the word in NFC. */
export function joinTone(letters: readonly string[], tone: Tone, index: number): string {
  const mark = TONE_TO_MARK[tone];
  return letters
    .map((letter, i) => (i === index && mark !== '' ? (letter + mark).normalize('NFC') : letter))
    .join('');
}
