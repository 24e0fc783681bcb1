import { foldForSearch } from './searchFold';
import { isValidSyllable } from './syllable';
import { commonRealWordErrors, frequentSyllables } from './spellcheckData';
import { toNewStyleTones } from './tonePlacement';

export { commonRealWordErrors } from './spellcheckData';

/**
 * Offline Vietnamese spellchecking for the editor. hunspell-vi is a list of syllables with no
 * affix rules, so a `Set` lookup is the whole check; suggestions come from an index of the list by
 * accent-free form. Valid syllables in the wrong combination (`sử lý`) are caught by a small
 * curated phrase list instead (vietnamese-text.md §5.3).
 */

/** `misspelt`: not a known word. `realword`: known syllables in a well-known wrong phrase. */
export type SpellIssueKind = 'misspelt' | 'realword';

/** One problem found in a text; `from`/`to` are UTF-16 offsets into the text that was checked. */
export interface SpellIssue {
  from: number;
  to: number;
  word: string;
  kind: SpellIssueKind;
  suggestions: string[];
}

/** What the editor and the context menu need from a checker. */
export interface Spellchecker {
  isCorrect(word: string): boolean;
  suggest(word: string, max?: number): string[];
  addWord(word: string): void;
  findIssues(text: string): SpellIssue[];
}

/** Inputs for `createSpellchecker`: the syllable list and the newsroom's own words. */
export interface SpellcheckerOptions {
  words: Iterable<string>;
  newsroomWords?: Iterable<string>;
}

/**
 * The words of a hunspell `.dic` file: the first line is a count, `/FLAGS` and morphological
 * fields are dropped. Vietnamese has no affix rules (index.aff only has TRY/MAP/REP), so the flags
 * carry nothing and each line is one complete word.
 */
export function parseHunspellDic(text: string): string[] {
  const words: string[] = [];
  const lines = text.split(/\r?\n/u);
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === '' || (index === 0 && /^\d+$/u.test(trimmed))) return;
    const field = trimmed.split(/\t/u)[0] ?? '';
    const word = field.replace(/(?<!\\)\/.*$/u, '').replace(/\\\//gu, '/');
    if (word !== '') words.push(word.normalize('NFC'));
  });
  return words;
}

const keyCache = new Map<string, string>();

/** Lookup key: NFC, lower case, reformed tone placement, so `Hòa`, `hoà` and `HOÀ` all match. */
function keyOf(word: string): string {
  const cached = keyCache.get(word);
  if (cached !== undefined) return cached;
  const key = toNewStyleTones(word.normalize('NFC').toLowerCase());
  if (keyCache.size > 50_000) keyCache.clear();
  keyCache.set(word, key);
  return key;
}

const TONE_MARKS = new Map<string, number>([
  ['\u0300', 1],
  ['\u0301', 2],
  ['\u0309', 3],
  ['\u0303', 4],
  ['\u0323', 5],
]);

/** A word as letters without tone (each with its base letter) plus the tone, for distances. */
interface Shape {
  letters: string[];
  bases: string[];
  tone: number;
}

function shapeOf(word: string): Shape {
  const letters: string[] = [];
  let tone = 0;
  for (const ch of word.normalize('NFD')) {
    const mark = TONE_MARKS.get(ch);
    if (mark !== undefined) tone = mark;
    else if (/\p{M}/u.test(ch) && letters.length > 0) letters[letters.length - 1] += ch;
    else letters.push(ch);
  }
  const composed = letters.map((letter) => letter.normalize('NFC'));
  const bases = letters.map((letter) => (letter === 'đ' ? 'd' : (letter.charAt(0) ?? '')));
  return { letters: composed, bases, tone };
}

/** Cost of turning one mark state into another: adding a forgotten mark is the likeliest slip. */
function markCost(fromMarked: boolean, toMarked: boolean): number {
  if (!fromMarked) return 0.4;
  return toMarked ? 0.6 : 0.5;
}

function letterCost(a: Shape, i: number, b: Shape, j: number): number {
  const la = a.letters[i] ?? '';
  const lb = b.letters[j] ?? '';
  if (la === lb) return 0;
  if (a.bases[i] !== b.bases[j]) return 1;
  return markCost(la !== a.bases[i], lb !== b.bases[j]);
}

/**
 * Weighted Damerau (optimal string alignment) distance: other letter, extra or missing letter
 * and swapped neighbours cost 1; a vowel mark or đ costs 0.4–0.6; a wrong tone 0.4–0.6.
 */
function shapeDistance(a: Shape, b: Shape): number {
  const n = a.letters.length;
  const m = b.letters.length;
  const rows: number[][] = [];
  for (let i = 0; i <= n; i += 1) rows.push(new Array<number>(m + 1).fill(0));
  const at = (i: number, j: number): number => rows[i]?.[j] ?? Infinity;
  for (let i = 0; i <= n; i += 1)
    for (let j = 0; j <= m; j += 1) {
      const row = rows[i];
      if (row === undefined) continue;
      if (i === 0 || j === 0) {
        row[j] = i + j;
        continue;
      }
      let best = Math.min(
        at(i - 1, j) + 1,
        at(i, j - 1) + 1,
        at(i - 1, j - 1) + letterCost(a, i - 1, b, j - 1),
      );
      if (
        i > 1 &&
        j > 1 &&
        a.letters[i - 1] === b.letters[j - 2] &&
        a.letters[i - 2] === b.letters[j - 1]
      )
        best = Math.min(best, at(i - 2, j - 2) + 1);
      row[j] = best;
    }
  const tone = a.tone === b.tone ? 0 : markCost(a.tone !== 0, b.tone !== 0);
  return at(n, m) + tone;
}

/** Plain Damerau distance on accent-free keys, capped: a cheap lower bound of `shapeDistance`. */
function foldedDistance(a: string, b: string, cap: number): number {
  const width = b.length + 1;
  const size = (a.length + 1) * width;
  if (scratch.length < size) scratch = new Int32Array(size * 2);
  const d = scratch;
  for (let j = 0; j < width; j += 1) d[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    const row = i * width;
    d[row] = i;
    let rowMin = i;
    for (let j = 1; j < width; j += 1) {
      const same = a.charCodeAt(i - 1) === b.charCodeAt(j - 1);
      let best = Math.min(
        (d[row - width + j] ?? 0) + 1,
        (d[row + j - 1] ?? 0) + 1,
        (d[row - width + j - 1] ?? 0) + (same ? 0 : 1),
      );
      if (
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      )
        best = Math.min(best, (d[row - 2 * width + j - 2] ?? 0) + 1);
      d[row + j] = best;
      if (best < rowMin) rowMin = best;
    }
    if (rowMin > cap) return cap + 1;
  }
  return d[size - 1] ?? cap + 1;
}

/** Reused buffer for `foldedDistance`; suggestions run it a few thousand times per word. */
let scratch = new Int32Array(256);
const collator = new Intl.Collator('vi');

type CasePattern = 'lower' | 'capitalised' | 'upper';

function casePattern(word: string): CasePattern {
  if (word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase()) return 'upper';
  const first = word.charAt(0);
  return first !== first.toLowerCase() ? 'capitalised' : 'lower';
}

function applyCase(word: string, pattern: CasePattern): string {
  if (pattern === 'upper') return word.toUpperCase();
  if (pattern === 'capitalised') return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}

const MAX_DISTANCE = 2;
const TOKEN = /[\p{L}\p{M}\p{N}]+/gu;
const LINK = /(?:https?:\/\/|www\.)\S+|[^\s@]+@[^\s@]+\.[^\s@]+/giu;
const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', '«', '-', '–', '—']);
const SENTENCE_END = new Set(['.', '!', '?', '…', '\n']);

interface Token {
  from: number;
  to: number;
  text: string;
  key: string;
}

function isSentenceStart(text: string, from: number): boolean {
  let i = from - 1;
  while (i >= 0 && (/\s/u.test(text.charAt(i)) || OPENERS.has(text.charAt(i)))) {
    if (text.charAt(i) === '\n') return true;
    i -= 1;
  }
  return i < 0 || SENTENCE_END.has(text.charAt(i));
}

/** `Th.S`, `TP.HCM`, `baodanang.vn`: letters glued to a dot and more letters. */
function isDotted(text: string, from: number, to: number): boolean {
  const after = text.charAt(to) === '.' && /\p{L}/u.test(text.charAt(to + 1));
  const before = text.charAt(from - 1) === '.' && /\p{L}/u.test(text.charAt(from - 2));
  return after || before;
}

/** Builds a checker from a syllable list and the newsroom's words; both tone styles pass. */
export function createSpellchecker(options: SpellcheckerOptions): Spellchecker {
  const known = new Set<string>();
  /** Accent-free key → display forms (dictionary spelling, lower case unless a name). */
  const byFold = new Map<string, Map<string, Shape | null>>();
  /** Accent-free keys grouped by length, so suggestions only look at nearby lengths. */
  const foldsByLength = new Map<number, string[]>();
  const verdicts = new Map<string, boolean>();
  const frequent = new Set(frequentSyllables.map(keyOf));
  const suggestions = new Map<string, string[]>();

  const index = (word: string): void => {
    const key = keyOf(word);
    if (key === '') return;
    known.add(key);
    if (word.length > 1 && casePattern(word) === 'upper') return;
    const display = casePattern(word) === 'lower' ? key : toNewStyleTones(word);
    const folded = foldForSearch(key);
    let forms = byFold.get(folded);
    if (forms === undefined) {
      forms = new Map();
      byFold.set(folded, forms);
      const sameLength = foldsByLength.get(folded.length) ?? [];
      sameLength.push(folded);
      foldsByLength.set(folded.length, sameLength);
    }
    forms.set(display, null);
  };
  const addWord = (entry: string): void => {
    for (const word of entry.normalize('NFC').split(/\s+/u)) if (word !== '') index(word);
    verdicts.clear();
    suggestions.clear();
  };
  for (const word of options.words) index(word.normalize('NFC'));
  for (const word of options.newsroomWords ?? []) addWord(word);

  const isCorrect = (word: string): boolean => {
    const cached = verdicts.get(word);
    if (cached !== undefined) return cached;
    const verdict = known.has(keyOf(word));
    if (verdicts.size > 50_000) verdicts.clear();
    verdicts.set(word, verdict);
    return verdict;
  };

  const rankedCandidates = (word: string): string[] => {
    const key = keyOf(word);
    const cached = suggestions.get(key);
    if (cached !== undefined) return cached;
    const input = shapeOf(key);
    const folded = foldForSearch(key);
    const scored: { word: string; cost: number }[] = [];
    for (
      let length = folded.length - MAX_DISTANCE;
      length <= folded.length + MAX_DISTANCE;
      length += 1
    ) {
      for (const candidateFold of foldsByLength.get(length) ?? []) {
        if (foldedDistance(folded, candidateFold, MAX_DISTANCE) > MAX_DISTANCE) continue;
        const forms = byFold.get(candidateFold);
        if (forms === undefined) continue;
        for (const [form, known] of forms) {
          const shape = known ?? shapeOf(keyOf(form));
          if (known === null) forms.set(form, shape);
          const cost = shapeDistance(input, shape);
          if (cost > 0 && cost <= MAX_DISTANCE) scored.push({ word: form, cost });
        }
      }
    }
    const rank = (w: string): number => (frequent.has(w.toLowerCase()) ? 0 : 1);
    scored.sort(
      (a, b) => a.cost - b.cost || rank(a.word) - rank(b.word) || collator.compare(a.word, b.word),
    );
    const ranked = scored.map((s) => s.word);
    suggestions.set(key, ranked);
    return ranked;
  };

  const suggest = (word: string, max = 6): string[] => {
    const pattern = casePattern(word.normalize('NFC'));
    const out: string[] = [];
    for (const candidate of rankedCandidates(word)) {
      const cased = applyCase(candidate, pattern);
      if (!out.includes(cased)) out.push(cased);
      if (out.length >= max) break;
    }
    return out;
  };

  const phrases = new Map<string, { wrong: string[]; right: string }[]>();
  for (const [wrong, right] of commonRealWordErrors) {
    const keys = wrong.split(' ').map(keyOf);
    const first = keys[0];
    if (first === undefined) continue;
    phrases.set(first, [...(phrases.get(first) ?? []), { wrong: keys, right }]);
  }

  const realWordIssues = (text: string, tokens: Token[]): SpellIssue[] => {
    const issues: SpellIssue[] = [];
    tokens.forEach((start, i) => {
      for (const phrase of phrases.get(start.key) ?? []) {
        const matched = phrase.wrong.every((key, k) => {
          const token = tokens[i + k];
          const previous = tokens[i + k - 1];
          if (token === undefined || token.key !== key) return false;
          return (
            k === 0 ||
            (previous !== undefined && /^\s+$/u.test(text.slice(previous.to, token.from)))
          );
        });
        const last = tokens[i + phrase.wrong.length - 1];
        if (!matched || last === undefined) continue;
        const word = text.slice(start.from, last.to);
        const suggestion = applyCase(phrase.right, casePattern(word.normalize('NFC')));
        issues.push({
          from: start.from,
          to: last.to,
          word,
          kind: 'realword',
          suggestions: [suggestion],
        });
      }
    });
    return issues;
  };

  const needsCheck = (text: string, token: Token): boolean => {
    const nfc = token.text.normalize('NFC');
    if ([...nfc].length < 2 || isDotted(text, token.from, token.to)) return false;
    const pattern = casePattern(nfc);
    if (pattern === 'upper' && /^[A-ZĐ]+$/u.test(nfc)) return false;
    if (pattern !== 'upper' && nfc.slice(1) !== nfc.slice(1).toLowerCase()) return false;
    if (isCorrect(nfc)) return false;
    const properName = pattern === 'capitalised' && !isSentenceStart(text, token.from);
    return !(properName && isValidSyllable(nfc));
  };

  const findIssues = (text: string): SpellIssue[] => {
    const links = [...text.matchAll(LINK)].map((m) => [m.index, m.index + m[0].length] as const);
    const tokens: Token[] = [];
    const issues: SpellIssue[] = [];
    for (const match of text.matchAll(TOKEN)) {
      const token = {
        from: match.index,
        to: match.index + match[0].length,
        text: match[0],
        key: '',
      };
      if (/\p{N}/u.test(token.text)) continue;
      if (links.some(([from, to]) => token.from < to && token.to > from)) continue;
      token.key = keyOf(token.text);
      tokens.push(token);
      if (needsCheck(text, token))
        issues.push({
          from: token.from,
          to: token.to,
          word: token.text,
          kind: 'misspelt',
          suggestions: suggest(token.text),
        });
    }
    return [...issues, ...realWordIssues(text, tokens)].sort(
      (a, b) => a.from - b.from || a.to - b.to,
    );
  };

  return { isCorrect, suggest, addWord, findIssues };
}

/** The usual set-up: the hunspell-vi `.dic` text plus the newsroom dictionary. */
export function createSpellcheckerFromDic(
  dicText: string,
  newsroomWords: Iterable<string> = [],
): Spellchecker {
  return createSpellchecker({ words: parseHunspellDic(dicText), newsroomWords });
}
