/**
 * Word's clipboard HTML has no list elements: each item is a paragraph styled
 * `mso-list:l0 level2 lfo1` whose marker ("·", "o", "§", "1.", "a)") sits in a
 * `mso-list:Ignore` span between `<!--[if !supportLists]-->` comments. These helpers read that.
 */

/** Where a Word list paragraph sits: its level (1-based) and which list it belongs to. */
export interface WordListPosition {
  level: number;
  key: string;
}

/** Parses an `mso-list` value; null for `Ignore` or anything without a level. */
export function wordListPosition(msoList: string | undefined): WordListPosition | null {
  if (msoList === undefined) return null;
  const level = /\blevel(\d+)\b/iu.exec(msoList)?.[1];
  if (level === undefined) return null;
  const key = /\blfo\d+\b/iu.exec(msoList)?.[0] ?? /\bl\d+\b/iu.exec(msoList)?.[0] ?? 'word';
  return { level: Math.min(9, Math.max(1, Number(level))), key: key.toLowerCase() };
}

const IGNORE = /mso-list:\s*ignore/iu;
/** Nodes searched for the marker: it is always among the first few of the paragraph. */
const MARKER_SEARCH_LIMIT = 64;

/** The marker text of a Word list paragraph ("1.", "·"), or '' when there is none. */
export function findListMarker(paragraph: Element): string {
  const pending: Node[] = [paragraph];
  for (let seen = 0; seen < MARKER_SEARCH_LIMIT; seen += 1) {
    const node = pending.shift();
    if (node === undefined) break;
    if (node.nodeType !== Node.ELEMENT_NODE) continue;
    const el = node as Element;
    if (IGNORE.test(el.getAttribute('style') ?? '')) {
      return (el.textContent ?? '').replace(/[\s\u00A0]+/gu, '');
    }
    for (let child = el.firstChild; child !== null; child = child.nextSibling) pending.push(child);
  }
  return '';
}

/**
 * Numbers and letters ("1.", "1.2.", "a)", "(iv)", "IV.") mean an ordered list; symbols from
 * Symbol/Wingdings/Courier ("·", "o", "§", "Ø", "-", "•") mean bullets.
 */
export function isOrderedMarker(marker: string): boolean {
  if (/\d/u.test(marker)) return true;
  return /^\(?[a-z]{1,5}[.)]$/iu.test(marker);
}
