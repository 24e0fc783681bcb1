import { parseSyllable } from './syllable';
import { joinTone, splitTone } from './tones';

/**
 * Old ("kiểu cũ": hòa, khỏe, thủy) versus new ("kiểu mới": hoà, khoẻ, thuỷ) tone placement.
 * The styles differ only for the open rhymes oa, oe, uy; with a final consonant (hoàn, thuyết),
 * with a shaped vowel (thuở, thuế), after qu/gi (quả, quý, giá) or in other rhymes (túi, của)
 * they agree, so those words are left byte for byte as they are.
 */

const WORD = /[\p{L}\p{M}]+/gu;

function moveTone(word: string, target: 'old' | 'new'): string {
  const parts = parseSyllable(word);
  if (parts === null || parts.tone === 'ngang' || parts.coda !== '') return word;
  if (parts.vowels !== 'oa' && parts.vowels !== 'oe' && parts.vowels !== 'uy') return word;
  const from = target === 'old' ? parts.newStyleIndex : parts.oldStyleIndex;
  const to = target === 'old' ? parts.oldStyleIndex : parts.newStyleIndex;
  if (parts.toneIndex !== from) return word;
  const split = splitTone(word);
  if (split === null) return word;
  return joinTone(split.letters, split.tone, to);
}

/**
 * Rewrites `hoà, khoẻ, thuỷ, uỷ` as `hòa, khỏe, thủy, ủy` for a house style that uses the
 * traditional placement. Case is kept (`HOÀ` → `HÒA`); changed words come out in NFC, every
 * other character is untouched. Meant for an explicit "Chuẩn hoá dấu" command, never typing.
 */
export function toOldStyleTones(text: string): string {
  return text.replace(WORD, (word) => moveTone(word, 'old'));
}

/**
 * Rewrites `hòa, khỏe, thủy, ủy` as `hoà, khoẻ, thuỷ, uỷ` (the reformed placement that
 * hunspell-vi's dictionary expects). Same guarantees as `toOldStyleTones`.
 */
export function toNewStyleTones(text: string): string {
  return text.replace(WORD, (word) => moveTone(word, 'new'));
}
