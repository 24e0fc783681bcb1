import type { CDPSession, Page } from 'playwright-core';

/**
 * What a Vietnamese IME sends for one keystroke. Backspace-and-retype IMEs (UniKey, EVKey,
 * OpenKey on Windows) turn a tone or shape key into `backspaces` × Backspace followed by
 * `insert`; a key they leave alone passes through (`backspaces` 0, `insert` = the key).
 * `word` is the syllable as it reads after the key, which composition IMEs show as marked text.
 */
export type ImeStep =
  | { kind: 'edit'; key: string; backspaces: number; insert: string; word: string }
  | { kind: 'separator'; key: string };

/**
 * How the text reaches the page:
 * - `unikey`: non-composition backspace-and-retype (UniKey "Unicode dựng sẵn").
 * - `openkey`: the same, preceded by OpenKey/EVKey's browser fix: U+202F typed and erased
 *   before every retype, to dismiss autocomplete.
 * - `composition`: marked text through CDP `Input.imeSetComposition`, committed with
 *   `Input.insertText` at the end of the syllable (macOS, Windows built-in Telex, IBus preedit).
 */
export type ImeMode = 'unikey' | 'openkey' | 'composition';

/** Every mode, for tests that run one scenario through each IME. */
export const imeModes: readonly ImeMode[] = ['unikey', 'openkey', 'composition'];

type Modifier = '' | 'hat' | 'breve' | 'horn' | 'bar';

interface Letter {
  base: string;
  mod: Modifier;
  upper: boolean;
}

interface Syllable {
  letters: Letter[];
  /** 0 none; 1 sắc (s), 2 huyền (f), 3 hỏi (r), 4 ngã (x), 5 nặng (j). */
  tone: number;
}

const toneKeys = ['', 's', 'f', 'r', 'x', 'j'];
const toneMarks = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];
const shaped: Record<string, string> = {
  'a:hat': 'â',
  'a:breve': 'ă',
  'e:hat': 'ê',
  'o:hat': 'ô',
  'o:horn': 'ơ',
  'u:horn': 'ư',
  'd:bar': 'đ',
};

function isVowel(base: string): boolean {
  return 'aeiouy'.includes(base);
}

/** The vowel nucleus [start, end): after the initial consonant, where `qu` and `gi` count as consonants. */
function nucleus(letters: readonly Letter[]): { start: number; end: number } {
  let start = 0;
  while (start < letters.length && !isVowel(letters[start]?.base ?? '')) start += 1;
  const next = letters[start + 1];
  const previous = letters[start - 1];
  if (next && isVowel(next.base) && previous) {
    const current = letters[start]?.base;
    if (current === 'u' && previous.base === 'q') start += 1;
    else if (current === 'i' && previous.base === 'g' && start === 1) start += 1;
  }
  let end = start;
  while (end < letters.length && isVowel(letters[end]?.base ?? '')) end += 1;
  return { start, end };
}

/**
 * Which letter carries the tone, UniKey's default ("kiểu cũ": òa, úy): a shaped vowel first
 * (the second of ươ), else the last vowel before a final consonant, else the middle of three,
 * else the first of two.
 */
function toneIndex(letters: readonly Letter[]): number {
  const { start, end } = nucleus(letters);
  if (end === start) return -1;
  let marked = -1;
  for (let i = start; i < end; i += 1) {
    const mod = letters[i]?.mod;
    if (mod === 'hat' || mod === 'breve' || mod === 'horn') marked = i;
  }
  if (marked >= 0) return marked;
  const length = end - start;
  if (length === 1) return start;
  if (end < letters.length) return end - 1;
  return length === 3 ? start + 1 : start;
}

function render(syllable: Syllable): string {
  const at = toneIndex(syllable.letters);
  return syllable.letters
    .map((letter, i) => {
      const base = shaped[`${letter.base}:${letter.mod}`] ?? letter.base;
      const toned = i === at ? `${base}${toneMarks[syllable.tone] ?? ''}`.normalize('NFC') : base;
      return letter.upper ? toned.toUpperCase() : toned;
    })
    .join('');
}

/** Applies a Telex tone or shape key; null when the key is just a letter to append. */
function transform(syllable: Syllable, key: string): Syllable | null {
  const { letters } = syllable;
  const { start, end } = nucleus(letters);
  const tone = toneKeys.indexOf(key);
  if (tone > 0 && end > start) return { letters, tone };
  if (key === 'z' && syllable.tone > 0) return { letters, tone: 0 };
  const replace = (index: number, mod: Modifier): Syllable => ({
    letters: letters.map((letter, i) => (i === index ? { ...letter, mod } : letter)),
    tone: syllable.tone,
  });
  if (key === 'd' && letters.length === 1 && letters[0]?.base === 'd' && letters[0].mod === '')
    return replace(0, 'bar');
  if (key === 'a' || key === 'e' || key === 'o') {
    for (let i = end - 1; i >= start; i -= 1) {
      const letter = letters[i];
      if (letter?.base === key && letter.mod !== 'hat') return replace(i, 'hat');
    }
    return null;
  }
  if (key !== 'w') return null;
  for (let i = start; i + 1 < end; i += 1) {
    if (letters[i]?.base === 'u' && letters[i]?.mod === '' && letters[i + 1]?.base === 'o') {
      // "uow" is ươ, except in an open syllable ending in o: thuở, huơ.
      const withHorn = replace(i + 1, 'horn');
      if (i + 2 === letters.length) return withHorn;
      return {
        letters: withHorn.letters.map((l, j) => (j === i ? { ...l, mod: 'horn' } : l)),
        tone: syllable.tone,
      };
    }
  }
  for (let i = end - 1; i >= start; i -= 1) {
    const letter = letters[i];
    if (letter?.mod !== '') continue;
    if (letter.base === 'a') return replace(i, 'breve');
    if (letter.base === 'o' || letter.base === 'u') return replace(i, 'horn');
  }
  return null;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  return i;
}

/**
 * A tiny Telex engine: turns what the reporter's fingers type (`Vieetj Nam`) into the steps a
 * backspace-and-retype IME sends. Like UniKey, it retypes from the first changed letter to the
 * end of the syllable: on `j` in `Vieetj` it sends 2 × Backspace then `ệt`. A bare `w` with no
 * vowel to shape gives ư. Keys that are not letters end the syllable and pass through.
 */
export function telexSteps(input: string): ImeStep[] {
  const steps: ImeStep[] = [];
  let syllable: Syllable = { letters: [], tone: 0 };
  for (const key of input) {
    const lower = key.toLowerCase();
    if (!/^[a-z]$/.test(lower)) {
      steps.push({ kind: 'separator', key });
      syllable = { letters: [], tone: 0 };
      continue;
    }
    const before = render(syllable);
    let next = transform(syllable, lower);
    if (!next && lower === 'w' && nucleus(syllable.letters).end === nucleus(syllable.letters).start)
      next = {
        letters: [...syllable.letters, { base: 'u', mod: 'horn', upper: key !== lower }],
        tone: syllable.tone,
      };
    next ??= {
      letters: [...syllable.letters, { base: lower, mod: '', upper: key !== lower }],
      tone: syllable.tone,
    };
    syllable = next;
    const after = render(syllable);
    const kept = commonPrefix(before, after);
    steps.push({
      kind: 'edit',
      key,
      backspaces: before.length - kept,
      insert: after.slice(kept),
      word: after,
    });
  }
  return steps;
}

/** The text the steps leave behind, i.e. what the document must contain afterwards. */
export function telexText(input: string): string {
  let text = '';
  for (const step of telexSteps(input)) {
    if (step.kind === 'separator') text += step.key;
    else text = text.slice(0, text.length - step.backspaces) + step.insert;
  }
  return text;
}

/** Options for {@link replayIme}. */
export interface ReplayOptions {
  /** Pause after every keystroke, as a slow typist (or a reporter thinking mid-word) would. */
  keyDelayMs?: number;
  /** Called after each step, with its index; lets a test look at the page mid-word. */
  afterStep?: (index: number, step: ImeStep) => Promise<void>;
}

const narrowNoBreakSpace = '\u202f';

async function typeKey(page: Page, key: string): Promise<void> {
  // A key the IME lets through is a real keystroke; anything else arrives as inserted text
  // (SendInput with KEYEVENTF_UNICODE has no key code the page could map).
  if (/^[\x20-\x7e]$/.test(key)) await page.keyboard.type(key);
  else await page.keyboard.insertText(key);
}

async function retype(page: Page, backspaces: number, insert: string): Promise<void> {
  for (let i = 0; i < backspaces; i += 1) await page.keyboard.press('Backspace');
  for (const char of insert) await page.keyboard.insertText(char);
}

async function replayEdit(
  page: Page,
  mode: 'unikey' | 'openkey',
  step: Extract<ImeStep, { kind: 'edit' }>,
): Promise<void> {
  if (step.backspaces === 0 && step.insert === step.key) {
    await typeKey(page, step.key);
    return;
  }
  if (mode === 'openkey') {
    await page.keyboard.insertText(narrowNoBreakSpace);
    await page.keyboard.press('Backspace');
  }
  await retype(page, step.backspaces, step.insert);
}

async function commit(cdp: CDPSession, word: string): Promise<void> {
  if (word) await cdp.send('Input.insertText', { text: word });
}

/**
 * Drives the focused field of `page` the way the chosen IME delivers `steps`. The caret must
 * already be where the text goes; the page keeps focus between calls, so scenarios can mix
 * replays with Enter, Ctrl+B or list shortcuts.
 */
export async function replayIme(
  page: Page,
  steps: readonly ImeStep[],
  mode: ImeMode,
  options: ReplayOptions = {},
): Promise<void> {
  const pause = async (): Promise<void> => {
    if (options.keyDelayMs) await page.waitForTimeout(options.keyDelayMs);
  };
  const cdp = mode === 'composition' ? await page.context().newCDPSession(page) : null;
  let composing = '';
  try {
    for (const [index, step] of steps.entries()) {
      if (cdp) {
        if (step.kind === 'edit') {
          composing = step.word;
          await cdp.send('Input.imeSetComposition', {
            text: composing,
            selectionStart: composing.length,
            selectionEnd: composing.length,
          });
        } else {
          await commit(cdp, composing);
          composing = '';
          await typeKey(page, step.key);
        }
      } else if (step.kind === 'edit') {
        await replayEdit(page, mode === 'openkey' ? 'openkey' : 'unikey', step);
      } else {
        await typeKey(page, step.key);
      }
      await options.afterStep?.(index, step);
      await pause();
    }
    if (cdp) await commit(cdp, composing);
  } finally {
    await cdp?.detach();
  }
}

/** Types Telex input into the focused field through the chosen IME. */
export async function typeTelex(
  page: Page,
  telex: string,
  mode: ImeMode,
  options: ReplayOptions = {},
): Promise<void> {
  await replayIme(page, telexSteps(telex), mode, options);
}
