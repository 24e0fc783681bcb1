import type { DocMark, DocNode } from '../domain/article';
import type { HtmlToken } from './htmlTokens';
import { decodeHtmlEntities, tokenizeHtml } from './htmlTokens';

/*
 * A portal's body HTML back into article JSON, for taking a portal-side edit into the desk
 * (issue 13). Knows the markup Newsdesk sends and what CKEditor / WordPress make of it:
 * paragraphs, H1–H6 (kept as H2–H4), lists, quotes, tables, rules, figures with caption and
 * credit, bold/italic/underline/strike and links. Unknown wrappers are read through; a photo the
 * desk does not know cannot be taken in silently, so `mediaPathFor` returning null throws.
 */

/** A photo in the portal's body that the desk has no copy of. */
export class UnknownPortalImage extends Error {
  readonly src: string;
  constructor(src: string) {
    super(`unknown image ${src}`);
    this.name = 'UnknownPortalImage';
    this.src = src;
  }
}

interface Element {
  name: string;
  attrs: Record<string, string>;
  children: Array<Element | string>;
}

const BLOCKS = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'figure',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'hr',
  'section',
  'article',
  'header',
  'footer',
  'aside',
  'main',
  'figcaption',
  'pre',
]);

function buildTree(tokens: HtmlToken[]): Element {
  const root: Element = { name: '#root', attrs: {}, children: [] };
  const stack: Element[] = [root];
  for (const token of tokens) {
    const top = stack[stack.length - 1] ?? root;
    if (token.kind === 'text') {
      top.children.push(decodeHtmlEntities(token.text));
    } else if (token.kind === 'open') {
      const element: Element = { name: token.name, attrs: token.attrs, children: [] };
      top.children.push(element);
      if (!token.selfClosing) stack.push(element);
    } else {
      const at = stack.map((e) => e.name).lastIndexOf(token.name);
      if (at > 0) stack.length = at;
    }
  }
  return root;
}

const MARKS: Readonly<Record<string, string>> = {
  strong: 'bold',
  b: 'bold',
  em: 'italic',
  i: 'italic',
  u: 'underline',
  s: 'strike',
  strike: 'strike',
  del: 'strike',
};

function alignOf(element: Element): Record<string, unknown> | undefined {
  const match = /text-align\s*:\s*(center|right|justify)/iu.exec(element.attrs.style ?? '');
  const byClass = /text-align-(center|right|justify)/u.exec(element.attrs.class ?? '');
  const align = (match?.[1] ?? byClass?.[1])?.toLowerCase();
  return align ? { textAlign: align } : undefined;
}

/** Options for `htmlToDoc`. */
export interface HtmlToDocOptions {
  /** The library's media path for a photo URL in the body, or null when unknown. */
  mediaPathFor: (src: string) => string | null;
}

/** Converts body HTML to an article document (see the comment at the top of this file). */
export function htmlToDoc(html: string, options: HtmlToDocOptions): DocNode {
  const root = buildTree(tokenizeHtml(html.normalize('NFC')));

  const inline = (nodes: Array<Element | string>, marks: DocMark[], out: DocNode[]): void => {
    for (const node of nodes) {
      if (typeof node === 'string') {
        const text = node.replace(/[\t\n\r ]+/gu, ' ');
        if (text === '') continue;
        const last = out[out.length - 1];
        if (last?.type === 'text' && JSON.stringify(last.marks ?? []) === JSON.stringify(marks)) {
          last.text = `${last.text ?? ''}${text}`;
        } else {
          out.push(marks.length > 0 ? { type: 'text', text, marks } : { type: 'text', text });
        }
        continue;
      }
      if (node.name === 'br') {
        out.push({ type: 'hardBreak' });
        continue;
      }
      if (node.name === 'span' && /\bcredit\b/u.test(node.attrs.class ?? '')) continue;
      const mark = MARKS[node.name];
      if (mark) inline(node.children, [...marks, { type: mark }], out);
      else if (node.name === 'a' && node.attrs.href)
        inline(node.children, [...marks, { type: 'link', attrs: { href: node.attrs.href } }], out);
      else inline(node.children, marks, out);
    }
  };

  const trimmed = (content: DocNode[]): DocNode[] => {
    const first = content[0];
    if (first?.type === 'text') first.text = (first.text ?? '').replace(/^ +/u, '');
    const last = content[content.length - 1];
    if (last?.type === 'text') last.text = (last.text ?? '').replace(/ +$/u, '');
    return content.filter((node) => node.type !== 'text' || (node.text ?? '') !== '');
  };

  const textBlock = (type: string, element: Element, attrs?: Record<string, unknown>): DocNode => {
    const content: DocNode[] = [];
    inline(element.children, [], content);
    const node: DocNode = { type };
    if (attrs) node.attrs = attrs;
    const kept = trimmed(content);
    if (kept.length > 0) node.content = kept;
    return node;
  };

  const figure = (element: Element): DocNode | null => {
    const img = findFirst(element, 'img');
    if (img === null) return null;
    const src = img.attrs.src ?? '';
    const mediaPath = options.mediaPathFor(src);
    if (mediaPath === null) throw new UnknownPortalImage(src);
    const caption = findFirst(element, 'figcaption');
    const credit = caption ? findFirst(caption, 'span', 'credit') : null;
    const node: DocNode = {
      type: 'figure',
      attrs: {
        mediaPath,
        alt: img.attrs.alt ?? '',
        credit: credit ? textOf(credit).replace(/\s+/gu, ' ').trim() : '',
      },
    };
    if (caption) {
      const content: DocNode[] = [];
      inline(caption.children, [], content);
      const kept = trimmed(content.filter((n) => n.type === 'text' || n.type === 'hardBreak'));
      if (kept.length > 0) node.content = kept;
    }
    return node;
  };

  const blocks = (nodes: Array<Element | string>, out: DocNode[]): void => {
    let pending: Array<Element | string> = [];
    const flush = (): void => {
      const paragraph = textBlock('paragraph', { name: 'p', attrs: {}, children: pending });
      pending = [];
      if (paragraph.content) out.push(paragraph);
    };
    for (const node of nodes) {
      if (typeof node === 'string' || (!BLOCKS.has(node.name) && node.name !== 'img')) {
        pending.push(node);
        continue;
      }
      flush();
      block(node, out);
    }
    flush();
  };

  const block = (element: Element, out: DocNode[]): void => {
    const name = element.name;
    if (name === 'p') {
      // A paragraph holding only a photo (CKEditor, WordPress's classic editor) is a figure.
      const img = findFirst(element, 'img');
      if (img !== null && textOf(element).trim() === '') {
        const fig = figure(element);
        if (fig) out.push(fig);
        return;
      }
      out.push(textBlock('paragraph', element, alignOf(element)));
    } else if (/^h[1-6]$/u.test(name)) {
      const level = Math.min(4, Math.max(2, Number(name.slice(1))));
      out.push(textBlock('heading', element, { level, ...alignOf(element) }));
    } else if (name === 'ul' || name === 'ol') {
      const items: DocNode[] = [];
      for (const child of element.children) {
        if (typeof child === 'string' || child.name !== 'li') continue;
        const content: DocNode[] = [];
        blocks(child.children, content);
        items.push({
          type: 'listItem',
          content: content.length > 0 ? content : [{ type: 'paragraph' }],
        });
      }
      if (items.length > 0)
        out.push({ type: name === 'ul' ? 'bulletList' : 'orderedList', content: items });
    } else if (name === 'blockquote') {
      const content: DocNode[] = [];
      blocks(element.children, content);
      out.push({
        type: 'blockquote',
        content: content.length > 0 ? content : [{ type: 'paragraph' }],
      });
    } else if (name === 'hr') {
      out.push({ type: 'horizontalRule' });
    } else if (name === 'figure' || name === 'img') {
      const fig =
        name === 'img'
          ? figure({ name: 'figure', attrs: {}, children: [element] })
          : figure(element);
      if (fig) out.push(fig);
      else blocks(element.children, out);
    } else if (name === 'table') {
      const rows: DocNode[] = [];
      collect(element, 'tr').forEach((row) => {
        const cells = row.children.filter(
          (c): c is Element => typeof c !== 'string' && (c.name === 'td' || c.name === 'th'),
        );
        rows.push({
          type: 'tableRow',
          content: cells.map((cell) => {
            const content: DocNode[] = [];
            blocks(cell.children, content);
            return {
              type: cell.name === 'th' ? 'tableHeader' : 'tableCell',
              content: content.length > 0 ? content : [{ type: 'paragraph' }],
            };
          }),
        });
      });
      if (rows.length > 0) out.push({ type: 'table', content: rows });
    } else {
      blocks(element.children, out);
    }
  };

  const content: DocNode[] = [];
  blocks(root.children, content);
  return { type: 'doc', content: content.length > 0 ? content : [{ type: 'paragraph' }] };
}

function textOf(element: Element): string {
  return element.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}

function findFirst(element: Element, name: string, className?: string): Element | null {
  for (const child of element.children) {
    if (typeof child === 'string') continue;
    if (
      child.name === name &&
      (!className || (child.attrs.class ?? '').split(/\s+/u).includes(className))
    )
      return child;
    const inner = findFirst(child, name, className);
    if (inner) return inner;
  }
  return null;
}

function collect(element: Element, name: string): Element[] {
  const found: Element[] = [];
  for (const child of element.children) {
    if (typeof child === 'string') continue;
    if (child.name === name) found.push(child);
    else found.push(...collect(child, name));
  }
  return found;
}
