/** The article editor's paste pipeline: clipboard HTML or text in, clean article HTML out. */
export { cleanPastedHtml } from './cleanPastedHtml';
export type { CleanPasteOptions, PasteResult, PastedImage } from './cleanPastedHtml';
export { cleanPastedText } from './cleanPastedText';
export type { CleanPastedTextOptions } from './cleanPastedText';
export { PasteTooLargeError, MAX_PASTE_BYTES } from './errors';
export type { LegacyMode, LegacyReport } from './legacyText';
export { isSanitizerActive } from './sanitize';
export { PASTE_WARNING_MESSAGES } from './warnings';
export type { PasteWarning } from './warnings';
