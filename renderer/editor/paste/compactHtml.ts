/**
 * String-level trimming of clipboard HTML before it is parsed. Word pastes are mostly
 * presentation (`mso-*` margins, `lang=VI`, VML shapes, `<o:p>`), and parsing that bulk is the
 * slowest step; this keeps only what the cleaner reads. It is an optimisation, not a safety
 * layer: whatever it does not recognise is left for the parser, the walk and DOMPurify.
 */

/** Attributes the walk reads; everything else is dropped here. */
const KEEP_ATTRS = new Set(['class', 'colspan', 'rowspan', 'face', 'hidden', 'datetime', 'cite']);
/** URL-bearing attributes survive only where the walk uses them, so nothing else can load. */
const KEEP_ON: Record<string, string> = {
  href: 'a',
  src: 'img',
  alt: 'img',
  width: 'img',
  height: 'img',
};

/** Style properties the walk reads (see styles.ts). */
const KEEP_STYLE =
  /^(?:font-family|mso-ascii-font-family|font-weight|font-style|text-decoration(?:-line)?|display|visibility|mso-hide|mso-list|mso-element|width|height)$/u;

/** A start tag with well-formed attributes; anything else is not touched. */
const START_TAG =
  /<([a-zA-Z][\w:.-]*)((?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/gu;
const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/gu;

/** Word's hidden conditional blocks (VML shapes, Office settings); the parser would drop them. */
const CONDITIONAL_BLOCK = /<!--\[if [^\]]*\]>[\s\S]*?<!\[endif\]-->/gu;
/** `<o:p>` holds only Word's paragraph mark (`&nbsp;`). */
const OFFICE_PARAGRAPH_MARK = /<o:p>(?:[^<]*)<\/o:p>/gu;
/**
 * Script, SVG and MathML blocks go before parsing: they are dropped by the walk anyway, and
 * happy-dom (the test DOM) loses everything after a `<script>` inside `<svg>`.
 */
const FOREIGN_BLOCKS = /<(script|svg|math)\b[^>]*>[\s\S]*?<\/\1\s*>/giu;

function decodeStyleEntities(style: string): string {
  return style
    .replace(/&quot;|&#34;/gu, '"')
    .replace(/&#39;|&apos;/gu, "'")
    .replace(/&amp;/gu, '&');
}

function compactStyle(style: string): string {
  const kept = decodeStyleEntities(style)
    .split(';')
    .filter((decl) => {
      const colon = decl.indexOf(':');
      return colon > 0 && KEEP_STYLE.test(decl.slice(0, colon).trim().toLowerCase());
    })
    .map((decl) => decl.trim());
  return kept.join(';').replace(/&/gu, '&amp;').replace(/"/gu, '&quot;');
}

/** Style sheets are kept verbatim: Word wraps their rules in `<!-- -->`. */
const STYLE_BLOCK = /(<style\b[^>]*>[\s\S]*?<\/style\s*>)/iu;
/** Comments, and the `<![if !vml]>`/`<![endif]>` markers Word uses around fallbacks. */
const COMMENTS = /<!--[\s\S]*?-->|<!\[(?:if [^\]]*|endif)\]>/gu;
const SPAN_TAGS = /<span(?:\s[^>]*)?>|<\/span\s*>/giu;

/** Removes comments everywhere but inside `<style>` (each removed comment is a parsed node). */
function removeComments(html: string): string {
  return html
    .split(STYLE_BLOCK)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(COMMENTS, '')))
    .join('');
}

/**
 * Unwraps spans left without attributes (Word's `<span lang=VI>`): they mean nothing, and
 * there are tens of thousands in a long paste. Pairs are matched with a span-only stack.
 */
function unwrapBareSpans(html: string): string {
  const bare: boolean[] = [];
  return html.replace(SPAN_TAGS, (tag: string) => {
    if (tag.charAt(1) !== '/') {
      const isBare = tag.length === 6;
      bare.push(isBare);
      return isBare ? '' : tag;
    }
    return bare.pop() === true ? '' : tag;
  });
}

/** What `compactHtml` found on the way. */
export interface CompactResult {
  html: string;
  /** A script block or an `on…` event-handler attribute was removed (active content). */
  sawActive: boolean;
}

/** Drops presentation-only markup from clipboard HTML; see the module comment. */
export function compactHtml(html: string): CompactResult {
  let sawActive = false;
  const compacted = html
    .replace(CONDITIONAL_BLOCK, '')
    .replace(OFFICE_PARAGRAPH_MARK, '')
    .replace(FOREIGN_BLOCKS, (block: string) => {
      if (/^<(?:script|svg)/iu.test(block)) sawActive = true;
      return '';
    })
    .replace(START_TAG, (_tag, name: string, attrs: string, selfClosing: string) => {
      const tag = name.toLowerCase();
      let kept = '';
      for (const match of attrs.matchAll(ATTRIBUTE)) {
        const attrName = (match[1] ?? '').toLowerCase();
        if (attrName.startsWith('on')) {
          sawActive = true;
          continue;
        }
        if (attrName === 'style') {
          const style = compactStyle(match[2] ?? match[3] ?? match[4] ?? '');
          if (style !== '') kept += ` style="${style}"`;
        } else if (KEEP_ATTRS.has(attrName) || KEEP_ON[attrName] === tag) {
          kept += ` ${match[0]}`;
        }
      }
      return `<${name}${kept}${selfClosing}>`;
    });
  return { html: unwrapBareSpans(removeComments(compacted)), sawActive };
}
