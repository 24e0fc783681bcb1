import {
  detectLegacyEncoding,
  normalizePastedText,
  tcvn3ToUnicode,
  vniToUnicode,
} from '../../../shared/vietnamese';
import type { PasteResult } from './cleanPastedHtml';
import { assertPasteSize } from './errors';
import { MIN_AUTO_CONFIDENCE, undecided } from './legacyText';
import type { LegacyMode, LegacyReport } from './legacyText';
import type { PasteWarning } from './warnings';

/** Options for `cleanPastedText`. */
export interface CleanPastedTextOptions {
  /** As for HTML, minus fonts: `auto` (default) converts on a confident verdict; `off` never. */
  legacy?: Exclude<LegacyMode, 'fonts'>;
  /** Byte limit, default `MAX_PASTE_BYTES` (5 MB). */
  maxBytes?: number;
}

const escapeHtml = (text: string): string =>
  text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

/**
 * Cleans a text/plain paste into `<p>` paragraphs (split on blank lines; single line breaks
 * become `<br>`), converting TCVN3/VNI only when detection is confident: short pastes (IMEs in
 * clipboard mode) are never touched beyond NFC and spaces.
 */
export function cleanPastedText(text: string, options: CleanPastedTextOptions = {}): PasteResult {
  assertPasteSize(text, options.maxBytes);
  const mode = options.legacy ?? 'auto';
  const paragraphs = text.replace(/\r\n?/gu, '\n').split(/\n[ \t\u00A0]*\n/u);
  let legacy: LegacyReport | null = null;
  const warnings: PasteWarning[] = [];
  let uncertain = false;
  let converted = paragraphs;
  if (mode === 'auto') {
    const detection = detectLegacyEncoding({ text });
    const { encoding } = detection;
    if (
      (encoding === 'tcvn3' || encoding === 'vni') &&
      detection.confidence >= MIN_AUTO_CONFIDENCE
    ) {
      converted = paragraphs.map((p) =>
        encoding === 'vni' ? vniToUnicode(p) : tcvn3ToUnicode(p, { repairCase: true }),
      );
      const runs = converted.filter((p, i) => p !== paragraphs[i]).length;
      if (runs > 0) legacy = { encoding, runs };
    } else if (encoding !== 'unicode') {
      const outcome = undecided(text);
      uncertain = outcome.uncertain;
      if (outcome.warn) warnings.push('legacy-uncertain');
    }
  }
  const removeSoftHyphen = mode !== 'off' && !uncertain;
  const html = converted
    .map((p) => normalizePastedText(p, { removeSoftHyphen }))
    .filter((p) => p !== '')
    .map((p) => `<p>${p.split('\n').map(escapeHtml).join('<br>')}</p>`)
    .join('');
  return { html, legacy, images: [], warnings };
}
