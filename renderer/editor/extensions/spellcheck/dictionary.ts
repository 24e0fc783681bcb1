/// <reference types="vite/client" />
// The package's `exports` field only exposes index.js (which reads the files with node:fs), so
// the syllable list is imported by path; a Vite alias would make this shorter.
import dicText from '../../../../node_modules/dictionary-vi/index.dic?raw';
import {
  createSpellcheckerFromDic,
  type Spellchecker,
} from '../../../../shared/vietnamese/spellcheck';

/**
 * The hunspell-vi syllable list (GPL-2.0, `dictionary-vi`) bundled as text, turned into a
 * checker the first time the editor asks for one, so opening the app does not pay for it.
 */

let checker: Spellchecker | null = null;

/** The shared checker, built once on first use (about 20–50 ms for 6,631 syllables). */
export function getSpellchecker(): Spellchecker {
  checker ??= createSpellcheckerFromDic(dicText);
  return checker;
}

/** Adds the newsroom dictionary (loaded through the contract) to the shared checker. */
export function addNewsroomWords(words: Iterable<string>): void {
  const target = getSpellchecker();
  for (const word of words) target.addWord(word);
}
