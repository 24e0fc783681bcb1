/**
 * A tiny output tree of plain objects. Building the cleaned article this way is several times
 * faster than creating DOM nodes (happy-dom in tests, and no layout work in Chromium), and its
 * depth is capped by the builder, so serialising it recursively cannot overflow the stack.
 */

/** A run of text; `converted` records a legacy-encoding conversion, for the undo report. */
export interface OutText {
  kind: 'text';
  value: string;
  converted: boolean;
}

/** An allow-listed element with validated attributes. */
export interface OutElement {
  kind: 'element';
  tag: string;
  attrs: Array<[string, string]>;
  children: OutNode[];
  parent: OutElement | null;
}

/** Either node kind. */
export type OutNode = OutText | OutElement;

/** Creates an element and appends it to `parent` when one is given. */
export function outElement(
  tag: string,
  parent: OutElement | null,
  attrs: Array<[string, string]> = [],
): OutElement {
  const el: OutElement = { kind: 'element', tag, attrs, children: [], parent };
  parent?.children.push(el);
  return el;
}

/** The last child when it is an element with one of `tags`. */
export function lastChildOf(parent: OutElement, tags: ReadonlySet<string>): OutElement | null {
  const last = parent.children[parent.children.length - 1];
  return last?.kind === 'element' && tags.has(last.tag) ? last : null;
}

const escapeText = (text: string): string =>
  text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
const escapeAttr = (text: string): string => escapeText(text).replace(/"/gu, '&quot;');

const VOID = new Set(['br', 'hr', 'img']);
/** Blocks whose text lives directly in them: dropped when they hold no text and no image. */
const TEXT_BLOCKS = new Set(['p', 'h2', 'h3', 'h4', 'figcaption']);
/** Kept even when empty, so tables keep their shape. */
const KEEP_EMPTY = new Set(['td', 'th']);

function openTag(el: OutElement): string {
  const attrs = el.attrs.map(([name, value]) => ` ${name}="${escapeAttr(value)}"`).join('');
  return `<${el.tag}${attrs}>`;
}

/**
 * Serialises children to HTML, leaving out what would be empty: mark wrappers around nothing,
 * paragraphs of only spaces or line breaks (Word's `<p>&nbsp;</p>`), lists without items.
 */
export function serializeChildren(el: OutElement): string {
  let html = '';
  for (const child of el.children) html += serializeNode(child);
  return html;
}

function serializeNode(node: OutNode): string {
  if (node.kind === 'text') return escapeText(node.value);
  if (VOID.has(node.tag)) return node.tag === 'img' ? openTag(node) : `<${node.tag}>`;
  let inner = serializeChildren(node);
  if (TEXT_BLOCKS.has(node.tag)) {
    inner = inner.replace(/^(?:<br>)+|(?:<br>)+$/gu, '');
    if (inner === '') return '';
  } else if (inner === '' && !KEEP_EMPTY.has(node.tag)) {
    return '';
  }
  return `${openTag(node)}${inner}</${node.tag}>`;
}
