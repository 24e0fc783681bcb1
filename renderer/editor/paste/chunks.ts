/**
 * Splitting a large clipboard HTML into pieces that can be cleaned and inserted one at a time
 * (issue 16: a 2 MB Word paste froze the editor for seconds). Cuts only where every element
 * opened since the last cut is closed again, so each piece is whole HTML; each piece keeps the
 * clipboard's head (Word's style sheet) and its tail. See docs/large-paste.md.
 */

/** Pastes at least this long (UTF-16 code units of HTML) are cleaned and inserted in pieces. */
export const CHUNKED_PASTE_MIN = 64 * 1024;

const VOID = new Set(
  'area base br col embed hr img input link meta param source track wbr'.split(' '),
);
const TOKEN =
  /<!--[\s\S]*?-->|<(script|style)\b[\s\S]*?<\/\1\s*>|<(\/?)([a-zA-Z][\w:.-]*)\b[^>]*?(\/?)>/g;

/** Where the pasted fragment starts and ends inside the clipboard document. */
function fragmentBounds(html: string): { start: number; end: number } {
  const startMarker = html.indexOf('<!--StartFragment-->');
  const endMarker = html.lastIndexOf('<!--EndFragment-->');
  if (startMarker >= 0 && endMarker > startMarker)
    return { start: startMarker + '<!--StartFragment-->'.length, end: endMarker };
  const body = /<body\b[^>]*>/i.exec(html);
  const bodyEnd = html.search(/<\/body\s*>/i);
  if (body)
    return { start: body.index + body[0].length, end: bodyEnd >= 0 ? bodyEnd : html.length };
  return { start: 0, end: html.length };
}

/**
 * The clipboard HTML as pieces of about `firstBytes` (the first, so something shows at once) and
 * then `bytes` each; every piece is a whole document (head + part of the fragment + tail). One
 * piece when the HTML cannot be cut safely (an element left open, as loose HTML may).
 */
export function splitPastedHtml(html: string, bytes = 32 * 1024, firstBytes = 8 * 1024): string[] {
  const { start, end } = fragmentBounds(html);
  const head = html.slice(0, start);
  const tail = html.slice(end);
  const cuts: number[] = [start];
  let depth = 0;
  let target = firstBytes;
  TOKEN.lastIndex = start;
  for (let match = TOKEN.exec(html); match && match.index < end; match = TOKEN.exec(html)) {
    const [token, raw, closing, name, selfClosing] = match;
    if (raw !== undefined || name === undefined || token.startsWith('<!--')) continue;
    if (closing) depth = Math.max(0, depth - 1);
    else if (!selfClosing && !VOID.has(name.toLowerCase())) depth += 1;
    const at = match.index + token.length;
    if (depth === 0 && at - (cuts.at(-1) ?? start) >= target && at < end) {
      cuts.push(at);
      target = bytes;
    }
  }
  if (depth !== 0 || cuts.length === 1) return [html];
  cuts.push(end);
  const pieces: string[] = [];
  for (let i = 1; i < cuts.length; i += 1) {
    pieces.push(`${head}${html.slice(cuts[i - 1], cuts[i])}${tail}`);
  }
  return pieces;
}
