import type { DocNode } from '../domain/article';

/*
 * Review comments are pinned to a passage of the body. The passage is kept three ways: the quoted
 * text with some text before and after it (what survives edits), and the ProseMirror positions
 * and text offset when it was made (what says which of several equal quotes it was). On every
 * read the anchor is found again in the current body.
 */

/** Characters of context kept on each side of a quote. */
export const anchorContextChars = 32;

/** Nodes ProseMirror treats as leaves (size 1) in the article schema. */
const leafTypes = new Set(['hardBreak', 'horizontalRule', 'image']);

interface Segment {
  /** Offset of the first character in the flat text. */
  offset: number;
  /** ProseMirror position before the first character. */
  pos: number;
  length: number;
}

/** The body as flat text (blocks separated by a newline) with a map back to positions. */
export interface TextIndex {
  text: string;
  /** ProseMirror position of a text offset, as the start of a range. */
  startPos(offset: number): number;
  /** ProseMirror position of a text offset, as the end of a range. */
  endPos(offset: number): number;
  /** Text offset of a ProseMirror position (positions between blocks snap forward). */
  offsetOf(pos: number): number;
}

function nodeSize(node: DocNode): number {
  if (typeof node.text === 'string') return node.text.length;
  if (leafTypes.has(node.type)) return 1;
  let size = 2;
  for (const child of node.content ?? []) size += nodeSize(child);
  return size;
}

/** Builds the flat text of a document and the mapping between offsets and positions. */
export function buildTextIndex(doc: DocNode): TextIndex {
  const segments: Segment[] = [];
  let text = '';
  let needBreak = false;
  const addText = (piece: string, pos: number): void => {
    if (needBreak) text += '\n';
    needBreak = false;
    segments.push({ offset: text.length, pos, length: piece.length });
    text += piece;
  };
  // Recursive: stored bodies are at most `articleLimits.docDepth` deep (checked on save).
  const walkChildren = (node: DocNode, contentStart: number): void => {
    let at = contentStart;
    for (const child of node.content ?? []) {
      walk(child, at);
      at += nodeSize(child);
    }
  };
  const walk = (node: DocNode, pos: number): void => {
    if (typeof node.text === 'string') return addText(node.text, pos);
    if (node.type === 'hardBreak') return addText('\n', pos);
    if (leafTypes.has(node.type)) return;
    const children = node.content ?? [];
    const isTextBlock =
      children.length === 0 ||
      children.some((child) => typeof child.text === 'string' || child.type === 'hardBreak');
    if (isTextBlock && text !== '') needBreak = true;
    walkChildren(node, pos + 1);
  };
  walkChildren(doc, 0);

  const startPos = (offset: number): number => {
    for (const segment of segments) {
      if (offset < segment.offset) return segment.pos;
      if (offset < segment.offset + segment.length) return segment.pos + (offset - segment.offset);
    }
    const last = segments.at(-1);
    return last ? last.pos + last.length : 0;
  };
  const endPos = (offset: number): number => {
    let previous: Segment | undefined;
    for (const segment of segments) {
      if (offset <= segment.offset) break;
      if (offset <= segment.offset + segment.length) return segment.pos + (offset - segment.offset);
      previous = segment;
    }
    if (previous) return previous.pos + previous.length;
    return segments[0]?.pos ?? 0;
  };
  return {
    text,
    startPos,
    endPos,
    offsetOf(pos) {
      for (const segment of segments) {
        if (pos < segment.pos) return segment.offset;
        if (pos <= segment.pos + segment.length) return segment.offset + (pos - segment.pos);
      }
      return text.length;
    },
  };
}

/** What is stored with an inline comment. */
export interface StoredAnchor {
  quote: string;
  prefix: string;
  suffix: string;
  from: number;
  to: number;
  /** Offset of the quote in the flat text. */
  offset: number;
}

/** How well an anchor was found again. */
export type AnchorState = 'exact' | 'moved' | 'fuzzy' | 'orphaned';

/** An anchor found again in the current body; `from`/`to` are null when orphaned. */
export interface ResolvedAnchor {
  state: AnchorState;
  from: number | null;
  to: number | null;
  /** The text now under the anchor (the quote, or what replaced it). */
  text: string | null;
  /** The anchor to store for the next read, or null when orphaned. */
  stored: StoredAnchor | null;
}

function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  if (needle === '') return found;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

function anchorAt(index: TextIndex, start: number, end: number): StoredAnchor {
  const { text } = index;
  return {
    quote: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - anchorContextChars), start),
    suffix: text.slice(end, end + anchorContextChars),
    from: index.startPos(start),
    to: index.endPos(end),
    offset: start,
  };
}

/**
 * The anchor for a new comment on the range `from`–`to` the editor selected. When the stored
 * body does not have `quote` there (the selection was made on a newer, unsaved text), the quote
 * nearest the position is taken; null when the quote is not in the body at all.
 */
export function captureAnchor(
  doc: DocNode,
  range: { from: number; to: number; quote: string },
): StoredAnchor | null {
  const index = buildTextIndex(doc);
  const start = index.offsetOf(range.from);
  const end = index.offsetOf(range.to);
  if (range.quote !== '' && index.text.slice(start, end) === range.quote && end > start) {
    return anchorAt(index, start, end);
  }
  const candidates = occurrences(index.text, range.quote);
  if (candidates.length === 0) return null;
  const best = nearest(candidates, start);
  return anchorAt(index, best, best + range.quote.length);
}

function nearest(candidates: number[], target: number): number {
  let best = candidates[0] ?? 0;
  for (const candidate of candidates)
    if (Math.abs(candidate - target) < Math.abs(best - target)) best = candidate;
  return best;
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n += 1;
  return n;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n += 1;
  return n;
}

/**
 * Finds a stored anchor in the current body: the exact quote (the one whose surrounding text
 * matches best, then the nearest to where it was), else the text between the old prefix and
 * suffix (the quote itself was edited), else orphaned — the comment is kept and shown apart.
 */
export function resolveAnchor(doc: DocNode, stored: StoredAnchor): ResolvedAnchor {
  const index = buildTextIndex(doc);
  const { text } = index;
  const exact = occurrences(text, stored.quote);
  if (exact.length > 0) {
    const context = (at: number): number =>
      commonSuffixLength(text.slice(Math.max(0, at - stored.prefix.length), at), stored.prefix) +
      commonPrefixLength(
        text.slice(at + stored.quote.length, at + stored.quote.length + stored.suffix.length),
        stored.suffix,
      );
    const bestContext = Math.max(...exact.map(context));
    const start = nearest(
      exact.filter((at) => context(at) === bestContext),
      stored.offset,
    );
    const anchor = anchorAt(index, start, start + stored.quote.length);
    const state = anchor.from === stored.from && anchor.to === stored.to ? 'exact' : 'moved';
    return { state, from: anchor.from, to: anchor.to, text: anchor.quote, stored: anchor };
  }
  const fuzzy = betweenContext(text, stored);
  if (fuzzy) {
    const anchor = anchorAt(index, fuzzy.start, fuzzy.end);
    return { state: 'fuzzy', from: anchor.from, to: anchor.to, text: anchor.quote, stored: anchor };
  }
  return { state: 'orphaned', from: null, to: null, text: null, stored: null };
}

/** The span between the old prefix and suffix (or their tails), closest to the old offset. */
function betweenContext(text: string, stored: StoredAnchor): { start: number; end: number } | null {
  const maxSpan = Math.max(stored.quote.length * 3, stored.quote.length + 200);
  for (const keep of [anchorContextChars, 16, 8]) {
    const prefix = stored.prefix.slice(-keep);
    const suffix = stored.suffix.slice(0, keep);
    // Too little context left to be sure: give up rather than pin the comment somewhere random.
    if (prefix.trim().length + suffix.trim().length < 6) continue;
    const starts = prefix === '' ? [0] : occurrences(text, prefix).map((at) => at + prefix.length);
    const ends = suffix === '' ? [text.length] : occurrences(text, suffix);
    let best: { start: number; end: number } | null = null;
    for (const start of starts) {
      for (const end of ends) {
        if (end <= start || end - start > maxSpan) continue;
        if (
          !best ||
          Math.abs(start - stored.offset) < Math.abs(best.start - stored.offset) ||
          (start === best.start && end < best.end)
        )
          best = { start, end };
      }
    }
    if (best && text.slice(best.start, best.end).trim() !== '') return best;
  }
  return null;
}
