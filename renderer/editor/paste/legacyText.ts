import {
  detectLegacyEncoding,
  normalizePastedText,
  tcvn3ToUnicode,
  vniToUnicode,
} from '../../../shared/vietnamese';
import type { LegacyFont } from '../../../shared/vietnamese';
import type { TextBlock } from './builder';
import type { OutText } from './outputTree';

/** What was converted from a legacy encoding, so the UI can offer "undo conversion". */
export interface LegacyReport {
  encoding: 'tcvn3' | 'vni';
  /** Text runs converted (Word spans, or paragraphs of a plain-text paste). */
  runs: number;
}

/** How eagerly legacy encodings are converted. */
export type LegacyMode = 'auto' | 'fonts' | 'off';

/**
 * Statistical detection must be at least this sure before text with no legacy font is converted
 * (`detectLegacyEncoding` weighs by word count: about six clearly TCVN3/VNI words or more).
 */
export const MIN_AUTO_CONFIDENCE = 0.6;

/** Converts one run set in a legacy font. */
export function convertRun(value: string, font: LegacyFont): string {
  return font.encoding === 'vni'
    ? vniToUnicode(value)
    : tcvn3ToUnicode(value, { upperCase: font.upperCase });
}

/** Tallies converted runs per encoding while the document is walked. */
export class LegacyTally {
  private tcvn3 = 0;
  private vni = 0;
  /** True once text in any legacy font was seen, which switches statistics off. */
  seen = false;

  /** Records one run in a legacy font; it counts as converted when the conversion changed it. */
  add(encoding: 'tcvn3' | 'vni', changed: boolean): void {
    this.seen = true;
    if (!changed) return;
    if (encoding === 'tcvn3') this.tcvn3 += 1;
    else this.vni += 1;
  }

  /** The report; a paste mixing both encodings is reported by its majority. */
  report(): LegacyReport | null {
    if (this.tcvn3 + this.vni === 0) return null;
    return this.tcvn3 >= this.vni
      ? { encoding: 'tcvn3', runs: this.tcvn3 + this.vni }
      : { encoding: 'vni', runs: this.tcvn3 + this.vni };
  }
}

/** Result of `convertByStatistics`. */
export interface StatisticsOutcome {
  report: LegacyReport | null;
  /** Detection saw Latin-1 letters but could not decide: keep U+00AD (it may be TCVN3 ư). */
  uncertain: boolean;
  /** …and the paste is long enough to be worth telling the reporter about. */
  warn: boolean;
}

/**
 * Shorter pastes never produce a "may be TCVN3" notice: IMEs in clipboard mode paste one to
 * three letters per keystroke (à, ờ are Latin-1 too) and paste hooks must stay silent for them.
 */
export const MIN_WARN_LENGTH = 20;

/** The outcome for text detection could not decide on. */
export function undecided(text: string): StatisticsOutcome {
  const uncertain = /[\u00A1-\u00FF]/u.test(text);
  return { report: null, uncertain, warn: uncertain && text.trim().length >= MIN_WARN_LENGTH };
}

/**
 * For pastes that name no legacy font: decides on the whole text (font names, if any, are
 * evidence of Unicode) and converts every run only on a confident TCVN3/VNI verdict. Short
 * pastes are never converted (IMEs in clipboard mode paste a few letters per keystroke).
 */
export function convertByStatistics(
  texts: readonly OutText[],
  fontNames: readonly string[],
): StatisticsOutcome {
  const text = texts.map((t) => t.value).join('\n');
  const detection = detectLegacyEncoding({ text, fontNames });
  const { encoding } = detection;
  if (encoding === 'unicode') return { report: null, uncertain: false, warn: false };
  if (encoding === 'unknown' || detection.confidence < MIN_AUTO_CONFIDENCE) return undecided(text);
  let runs = 0;
  for (const t of texts) {
    const converted =
      encoding === 'vni' ? vniToUnicode(t.value) : tcvn3ToUnicode(t.value, { repairCase: true });
    if (converted !== t.value) {
      t.value = converted;
      t.converted = true;
      runs += 1;
    }
  }
  return { report: runs > 0 ? { encoding, runs } : null, uncertain: false, warn: false };
}

const EDGE_SPACE = /[ \t\r\n\f\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/u;

/**
 * NFC, invisible characters and spaces for one run, via `normalizePastedText`, but keeping one
 * space at either edge where there was whitespace: runs are pieces of a sentence, and
 * `<b>Hà</b> Nội` must not become "HàNội".
 */
export function normalizeRun(value: string, removeSoftHyphen: boolean): string {
  if (value === '') return '';
  const core = normalizePastedText(value.replace(/[\r\n\t\f]+/gu, ' '), { removeSoftHyphen });
  const lead = EDGE_SPACE.test(value.charAt(0));
  const trail = EDGE_SPACE.test(value.charAt(value.length - 1));
  if (core === '') return lead || trail ? ' ' : '';
  return `${lead ? ' ' : ''}${core}${trail ? ' ' : ''}`;
}

/**
 * Normalises every run of every block, then collapses spaces across run boundaries and trims
 * each line (start and end of the block, around line breaks), as a browser would render it.
 */
export function normalizeBlocks(blocks: readonly TextBlock[], removeSoftHyphen: boolean): void {
  for (const block of blocks) {
    let afterSpace = true;
    let previous: OutText | null = null;
    for (const run of block.runs) {
      if (run === 'br') {
        if (previous !== null) previous.value = previous.value.trimEnd();
        afterSpace = true;
        previous = null;
        continue;
      }
      let value = normalizeRun(run.value, removeSoftHyphen);
      if (afterSpace && value.startsWith(' ')) value = value.slice(1);
      run.value = value;
      if (value !== '') {
        afterSpace = value.endsWith(' ');
        previous = run;
      }
    }
    if (previous !== null) previous.value = previous.value.trimEnd();
  }
}
