/**
 * A small, forgiving HTML tokenizer for the markup portals hand back (CKEditor, WordPress): tags,
 * text and comments, without a DOM, so the core can read a portal's body in plain Node. Never
 * used to render anything: its output is compared or turned into article JSON.
 */

/** A token of HTML. */
export type HtmlToken =
  | { kind: 'open'; name: string; attrs: Record<string, string>; selfClosing: boolean }
  | { kind: 'close'; name: string }
  | { kind: 'text'; text: string };

const TOKEN =
  /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<![^>]*>|<\/?([a-zA-Z][a-zA-Z0-9-]*)([^<>]*)>|[^<]+|</gu;
const ATTR = /([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/gu;

/** Tags without content. */
export const VOID_ELEMENTS = new Set(['br', 'hr', 'img', 'input', 'source', 'wbr', 'col', 'embed']);

const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  copy: '©',
  reg: '®',
  middot: '·',
  bull: '•',
};

/** Decodes character references (`&amp;`, `&#039;`, `&#x27;`, the common named ones). */
export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (match, ref: string) => {
    if (ref.startsWith('#')) {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : match;
    }
    return NAMED[ref.toLowerCase()] ?? match;
  });
}

function parseAttrs(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const match of source.matchAll(ATTR)) {
    const name = (match[1] ?? '').toLowerCase();
    if (name === '' || name in attrs) continue;
    attrs[name] = decodeHtmlEntities(match[2] ?? match[3] ?? match[4] ?? '');
  }
  return attrs;
}

/** The tokens of `html`; comments and doctypes are dropped, text stays encoded as written. */
export function tokenizeHtml(html: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  for (const match of html.matchAll(TOKEN)) {
    const whole = match[0];
    if (whole.startsWith('<!')) continue;
    const name = match[1];
    if (name === undefined) {
      tokens.push({ kind: 'text', text: whole });
      continue;
    }
    const lower = name.toLowerCase();
    if (whole.startsWith('</')) {
      tokens.push({ kind: 'close', name: lower });
      continue;
    }
    const rest = match[2] ?? '';
    tokens.push({
      kind: 'open',
      name: lower,
      attrs: parseAttrs(rest.replace(/\/\s*$/u, '')),
      selfClosing: VOID_ELEMENTS.has(lower) || /\/\s*$/u.test(rest),
    });
  }
  return tokens;
}
