/**
 * Article JSON → HTML without a DOM or TipTap instance, so main, the web bridge and the renderer
 * produce the same markup for preview, export and publishing. The input is untrusted (pasted,
 * synced, imported): every text and attribute is escaped, only http/https/mailto links survive,
 * and the walk is iterative so no document depth can overflow the stack.
 */
import type { DocMark, DocNode } from '../domain/article';
import type { ArticleMarkType, ArticleNodeType } from '../editor/articleFormat';
import { isArticleMarkType, isArticleNodeType } from '../editor/articleFormat';

/** How `textAlign` is written: portals' editors use inline styles; a strict CSP needs classes. */
export type AlignmentOutput = 'style' | 'class';

/** Options for `renderBodyHtml`. */
export interface RenderBodyOptions {
  /** URL for a figure's media path: `media:` in the app, `images/<name>` in an export. */
  mediaUrl: (mediaPath: string) => string;
  /**
   * `style` (default) writes `style="text-align:center"` as NukeViet's CKEditor does; `class`
   * writes `class="text-align-center"` for pages under `style-src 'self'`, which blocks inline
   * style attributes.
   */
  alignment?: AlignmentOutput;
}

/** Alignments written out; `left` is the default and so is never written. */
const ALIGNMENTS = new Set(['center', 'right', 'justify']);

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

/** Escapes text content: `&`, `<`, `>` (and NUL, which HTML parsers replace anyway). */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/\0/gu, '\uFFFD');
}

/** Escapes an attribute value for a double-quoted attribute (quotes too, for good measure). */
export function escapeAttribute(value: string): string {
  return escapeHtml(value).replace(/"/gu, '&quot;').replace(/'/gu, '&#39;');
}

/**
 * The href to write, or null when the link must not be clickable: only absolute http, https and
 * mailto URLs pass. Whitespace and control characters are removed first because browsers ignore
 * them inside a scheme (`java\nscript:`).
 */
export function safeHref(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  // eslint-disable-next-line no-control-regex
  const cleaned = href.replace(/[\u0000-\u0020\u007f]+/gu, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/iu.exec(cleaned)?.[1]?.toLowerCase();
  if (scheme === undefined || !SAFE_SCHEMES.has(scheme)) return null;
  if (scheme !== 'mailto' && !/^[a-z]+:\/\/[^/]/iu.test(cleaned)) return null;
  return cleaned;
}

function attrString(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function positiveInt(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null;
}

function alignAttribute(node: DocNode, output: AlignmentOutput): string {
  const align = node.attrs?.textAlign;
  if (typeof align !== 'string' || !ALIGNMENTS.has(align)) return '';
  return output === 'class' ? ` class="text-align-${align}"` : ` style="text-align:${align}"`;
}

/** Opening and closing tags of each mark of the format, or null for a mark that is dropped. */
const markRules: Record<ArticleMarkType, (mark: DocMark) => [string, string] | null> = {
  bold: () => ['<strong>', '</strong>'],
  italic: () => ['<em>', '</em>'],
  underline: () => ['<u>', '</u>'],
  strike: () => ['<s>', '</s>'],
  link: (mark) => {
    const href = safeHref(mark.attrs?.href);
    if (href === null) return null;
    return [`<a href="${escapeAttribute(href)}" rel="noopener noreferrer">`, '</a>'];
  },
};

/** Tags of one mark; a type outside the format is dropped (its text stays). */
function markTags(mark: DocMark): [string, string] | null {
  return isArticleMarkType(mark.type) ? markRules[mark.type](mark) : null;
}

function renderText(node: DocNode): string {
  let html = escapeHtml(node.text ?? '');
  for (const mark of [...(node.marks ?? [])].reverse()) {
    const tags = markTags(mark);
    if (tags) html = `${tags[0]}${html}${tags[1]}`;
  }
  return html;
}

/**
 * The plain text of a node, iteratively: blocks joined by newlines, hard breaks as newlines.
 * Used for unknown nodes, excerpts and checks.
 */
export function renderPlainText(doc: DocNode): string {
  const blocks: string[] = [];
  let current = '';
  type Step = { node: DocNode } | { endBlock: true };
  const stack: Step[] = [{ node: doc }];
  while (stack.length > 0) {
    const step = stack.pop();
    if (step === undefined) break;
    if ('endBlock' in step) {
      if (current.trim() !== '') blocks.push(current);
      current = '';
      continue;
    }
    const { node } = step;
    if (typeof node.text === 'string') {
      current += node.text;
      continue;
    }
    if (node.type === 'hardBreak') {
      current += '\n';
      continue;
    }
    const children = node.content ?? [];
    const isBlock = node.type !== 'doc';
    if (isBlock) {
      if (current.trim() !== '') blocks.push(current);
      current = '';
      stack.push({ endBlock: true });
    }
    for (let i = children.length - 1; i >= 0; i -= 1) {
      const child = children[i];
      if (child) stack.push({ node: child });
    }
  }
  if (current.trim() !== '') blocks.push(current);
  return blocks.join('\n');
}

function isHeaderRow(row: DocNode): boolean {
  const cells = row.content ?? [];
  return cells.length > 0 && cells.every((cell) => cell.type === 'tableHeader');
}

function cellAttributes(node: DocNode): string {
  const colspan = positiveInt(node.attrs?.colspan);
  const rowspan = positiveInt(node.attrs?.rowspan);
  return (
    (colspan !== null && colspan > 1 ? ` colspan="${colspan}"` : '') +
    (rowspan !== null && rowspan > 1 ? ` rowspan="${rowspan}"` : '')
  );
}

function stripCreditPrefix(credit: string): string {
  return credit.replace(/^\s*ảnh\s*:\s*/iu, '').trim();
}

/**
 * What a node becomes: literal HTML and child nodes, in order. `inline` says whether the children
 * are inside a text block (a text run there is rendered as text even if mistyped).
 */
interface NodeHtml {
  parts: Array<string | DocNode>;
  inline: boolean;
}

const wrap = (open: string, close: string, node: DocNode, inline = false): NodeHtml => ({
  parts: [open, ...(node.content ?? []), close],
  inline,
});

/** A table with its header rows (all cells `tableHeader`) in `<thead>`, the rest in `<tbody>`. */
function tableHtml(node: DocNode): NodeHtml {
  const rows = node.content ?? [];
  const headerCount = rows.findIndex((row) => !isHeaderRow(row));
  const split = headerCount === -1 ? rows.length : headerCount;
  const head = rows.slice(0, split);
  const body = rows.slice(split);
  const parts: NodeHtml['parts'] = ['<table>'];
  if (head.length > 0)
    parts.push('<thead>', ...head, body.length > 0 ? '</thead><tbody>' : '</thead>');
  else if (body.length > 0) parts.push('<tbody>');
  parts.push(...body, body.length > 0 ? '</tbody></table>' : '</table>');
  return { parts, inline: false };
}

/** How each node type of the format is written; `text` is written by `renderText`. */
function nodeRules(
  options: RenderBodyOptions,
): Record<Exclude<ArticleNodeType, 'text'>, (node: DocNode) => NodeHtml> {
  const alignment = options.alignment ?? 'style';
  return {
    doc: (node) => wrap('', '', node),
    paragraph: (node) => wrap(`<p${alignAttribute(node, alignment)}>`, '</p>', node, true),
    heading: (node) => {
      const raw = positiveInt(node.attrs?.level) ?? 2;
      const level = Math.min(4, Math.max(2, raw));
      return wrap(`<h${level}${alignAttribute(node, alignment)}>`, `</h${level}>`, node, true);
    },
    bulletList: (node) => wrap('<ul>', '</ul>', node),
    orderedList: (node) => {
      const start = positiveInt(node.attrs?.start);
      return wrap(start !== null && start !== 1 ? `<ol start="${start}">` : '<ol>', '</ol>', node);
    },
    listItem: (node) => wrap('<li>', '</li>', node),
    blockquote: (node) => wrap('<blockquote>', '</blockquote>', node),
    horizontalRule: () => ({ parts: ['<hr>'], inline: false }),
    hardBreak: () => ({ parts: ['<br>'], inline: false }),
    table: tableHtml,
    tableRow: (node) => wrap('<tr>', '</tr>', node),
    tableHeader: (node) => wrap(`<th${cellAttributes(node)}>`, '</th>', node),
    tableCell: (node) => wrap(`<td${cellAttributes(node)}>`, '</td>', node),
    figure: (node) => ({ parts: [renderFigure(node, options.mediaUrl)], inline: false }),
  };
}

/** A node outside the format (an older or newer Newsdesk's): its text, never its markup. */
function unknownNodeHtml(node: DocNode, inline: boolean): NodeHtml {
  const text = renderPlainText(node);
  if (text.trim() === '') return { parts: [], inline };
  const escaped = escapeHtml(text).replace(/\n/gu, '<br>');
  return { parts: [inline ? escaped : `<p>${escaped}</p>`], inline };
}

/** One unit of work: a node to write, or literal HTML to emit. */
type Work = { node: DocNode; inline: boolean } | { html: string };

/**
 * Serialises the article body to clean HTML, the same markup everywhere it is shown: what the
 * portal receives, what the preview and the exported page display.
 */
export function renderBodyHtml(doc: DocNode, options: RenderBodyOptions): string {
  const rules = nodeRules(options);
  const out: string[] = [];
  const stack: Work[] = [{ node: doc, inline: false }];
  while (stack.length > 0) {
    const work = stack.pop();
    if (work === undefined) break;
    if ('html' in work) {
      out.push(work.html);
      continue;
    }
    const { node, inline } = work;
    if (typeof node.text === 'string' && (node.type === 'text' || inline)) {
      out.push(renderText(node));
      continue;
    }
    const type = node.type;
    const html =
      isArticleNodeType(type) && type !== 'text'
        ? rules[type](node)
        : unknownNodeHtml(node, inline);
    // Pushed in reverse so they pop in order.
    for (let i = html.parts.length - 1; i >= 0; i -= 1) {
      const part = html.parts[i];
      if (typeof part === 'string') stack.push({ html: part });
      else if (part) stack.push({ node: part, inline: html.inline });
    }
  }
  return out.join('');
}

/** A figure with its caption and credit; captions hold only text, bold and italic. */
function renderFigure(node: DocNode, mediaUrl: (mediaPath: string) => string): string {
  const mediaPath = attrString(node.attrs?.mediaPath);
  const alt = attrString(node.attrs?.alt);
  const credit = stripCreditPrefix(attrString(node.attrs?.credit));
  const caption = (node.content ?? [])
    .map((child) => {
      if (child.type === 'hardBreak') return '<br>';
      if (typeof child.text === 'string') return renderText(child);
      return escapeHtml(renderPlainText(child));
    })
    .join('')
    .trim();
  const img = mediaPath
    ? `<img src="${escapeAttribute(mediaUrl(mediaPath))}" alt="${escapeAttribute(alt)}" loading="lazy">`
    : '';
  const creditHtml = credit ? `<span class="credit">Ảnh: ${escapeHtml(credit)}</span>` : '';
  const captionHtml =
    caption || creditHtml
      ? `<figcaption>${[caption, creditHtml].filter(Boolean).join(' ')}</figcaption>`
      : '';
  return `<figure class="article-figure">${img}${captionHtml}</figure>`;
}
