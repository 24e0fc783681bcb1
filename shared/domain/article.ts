import { z } from 'zod';

import { countWords } from '../vietnamese/counts';
import { ARTICLE_SLUG_MAX_LENGTH } from '../vietnamese/slug';

/**
 * Article lifecycle states, in workflow order. New articles start as 'draft'; which role may move
 * an article between them is data in `shared/workflow/transitions.ts`.
 */
export const articleStatuses = [
  'draft',
  'submitted',
  'in_review',
  'returned',
  'approved',
  'scheduled',
  'queued',
  'published',
  'updated',
  'taken_down',
  'spiked',
] as const;
/** One article status. */
export type ArticleStatus = (typeof articleStatuses)[number];

/** Upper bounds that keep a hostile or accidental input from exhausting memory. */
export const articleLimits = {
  titleChars: 500,
  /** A 50,000-word article is ~350 KB of text; the JSON doc is a few times that. */
  bodyJsonBytes: 16 * 1024 * 1024,
  docDepth: 64,
} as const;

/** A ProseMirror/TipTap mark as JSON. */
export interface DocMark {
  type: string;
  attrs?: Record<string, unknown>;
}

/** A ProseMirror/TipTap node as JSON: the storage format of an article body. */
export interface DocNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: DocNode[];
  marks?: DocMark[];
  text?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isName(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 64;
}

/**
 * Checks that a value is a TipTap document: nodes with a `type`, optional `attrs` object,
 * `content` array of nodes, `marks` array of `{ type, attrs? }` and `text` string; no deeper
 * than the limit. Iterative (a hostile 100,000-deep tree cannot overflow the stack) and ~10×
 * faster than a recursive zod schema on a 10,000-word article, which matters for autosave.
 * Returns the problem in Vietnamese, or null.
 */
export function findDocProblem(value: unknown): string | null {
  if (!isRecord(value) || value.type !== 'doc')
    return 'Nội dung bài viết phải là một tài liệu (doc).';
  const stack: Array<{ node: unknown; depth: number }> = [{ node: value, depth: 1 }];
  let visited = 0;
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item) break;
    visited += 1;
    const { node, depth } = item;
    if (depth > articleLimits.docDepth) return 'Nội dung lồng nhau quá sâu.';
    if (!isRecord(node) || !isName(node.type))
      return `Nội dung bài viết không đúng cấu trúc (phần tử ${visited}).`;
    if (node.attrs !== undefined && !isRecord(node.attrs))
      return `Thuộc tính không hợp lệ (phần tử ${visited}).`;
    if (node.text !== undefined && typeof node.text !== 'string')
      return `Văn bản không hợp lệ (phần tử ${visited}).`;
    if (node.marks !== undefined) {
      if (!Array.isArray(node.marks)) return `Định dạng chữ không hợp lệ (phần tử ${visited}).`;
      for (const mark of node.marks as unknown[]) {
        if (
          !isRecord(mark) ||
          !isName(mark.type) ||
          (mark.attrs !== undefined && !isRecord(mark.attrs))
        ) {
          return `Định dạng chữ không hợp lệ (phần tử ${visited}).`;
        }
      }
    }
    if (node.content !== undefined) {
      if (!Array.isArray(node.content)) return `Nội dung con không hợp lệ (phần tử ${visited}).`;
      for (const child of node.content as unknown[]) stack.push({ node: child, depth: depth + 1 });
    }
  }
  return null;
}

/** Depth of a document tree. */
export function docDepth(node: DocNode): number {
  let max = 0;
  const stack: Array<{ node: DocNode; depth: number }> = [{ node, depth: 1 }];
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item) break;
    if (item.depth > max) max = item.depth;
    for (const child of item.node.content ?? []) stack.push({ node: child, depth: item.depth + 1 });
  }
  return max;
}

/** The contract's schema for an article body: a `doc` node that passes `findDocProblem`. */
export const articleDocSchema = z.custom<DocNode>().superRefine((value, context) => {
  const problem = findDocProblem(value);
  if (problem) context.addIssue({ code: 'custom', message: problem });
});

/** An empty document, as the editor creates it. */
export function emptyDoc(): DocNode {
  return { type: 'doc', content: [{ type: 'paragraph' }] };
}

/** What the article list shows. */
export interface ArticleSummary {
  id: string;
  title: string;
  status: ArticleStatus;
  excerpt: string;
  wordCount: number;
  createdAt: number;
  updatedAt: number;
}

/** A piece of highlighted text: `match` pieces are what the search found. */
export interface TextSegment {
  text: string;
  match: boolean;
}

/** A search result: the summary plus highlighted title and snippet. */
export interface ArticleSearchHit extends ArticleSummary {
  titleSegments: TextSegment[];
  snippet: TextSegment[];
}

/** The featured image shown on the portal's list and social cards. */
export interface FeaturedImage {
  /** Path inside the library's media folder. */
  mediaPath: string;
  alt: string;
}

/**
 * Everything a portal publishes besides the body: the fields of NukeViet's news rows and
 * WordPress posts that the reporter fills in.
 */
export interface ArticleMeta {
  /** URL alias; generated from the title until the reporter edits it. */
  slug: string;
  /** True once the reporter typed their own slug: title changes no longer regenerate it. */
  slugLocked: boolean;
  /** Sapo: the bold summary under the title. */
  lead: string;
  categoryId: string | null;
  tags: string[];
  /** Author profile id; the byline is the profile's name and position. */
  authorId: string | null;
  /** Where the story comes from (NukeViet's `sourcetext`). */
  source: string;
  featuredImage: FeaturedImage | null;
  /** Publish time (ms since epoch), shown and entered in Asia/Ho_Chi_Minh; null = on approval. */
  publishAt: number | null;
  /** Optional expiry (ms since epoch). */
  expireAt: number | null;
}

/** An empty set of fields for a new article. */
export function emptyMeta(): ArticleMeta {
  return {
    slug: '',
    slugLocked: false,
    lead: '',
    categoryId: null,
    tags: [],
    authorId: null,
    source: '',
    featuredImage: null,
    publishAt: null,
    expireAt: null,
  };
}

/** A whole article as the editor loads it. */
export interface Article extends ArticleSummary {
  meta: ArticleMeta;
  body: DocNode;
  version: number;
}

/** An author profile: the byline is `name - position`, as portals print it. */
export interface AuthorProfile {
  id: string;
  /** e.g. `Th.S Lê Đình Hùng` */
  name: string;
  /** e.g. `Phó Trưởng phòng TC, HC, TT, TLL` */
  position: string;
}

/** A portal category, cached so reporters can pick one offline. */
export interface Category {
  id: string;
  parentId: string | null;
  title: string;
  alias: string;
}

/** The byline line as the portal prints it after `Tác giả:`. */
export function formatByline(author: Pick<AuthorProfile, 'name' | 'position'>): string {
  const name = author.name.trim();
  const position = author.position.trim();
  return position ? `${name} - ${position}` : name;
}

/** Collects the plain text of a document, paragraphs separated by newlines: used for search and counts. */
export function docToPlainText(node: DocNode): string {
  const blocks: string[] = [];
  const walk = (current: DocNode, into: string[]): void => {
    if (typeof current.text === 'string') {
      into.push(current.text);
      return;
    }
    if (current.type === 'hardBreak') {
      into.push('\n');
      return;
    }
    const children = current.content ?? [];
    const isTextBlock =
      children.some((child) => typeof child.text === 'string') || children.length === 0;
    if (isTextBlock && current.type !== 'doc') {
      const parts: string[] = [];
      for (const child of children) walk(child, parts);
      blocks.push(parts.join(''));
      return;
    }
    for (const child of children) walk(child, into);
  };
  walk(node, blocks);
  return blocks.filter((block) => block.length > 0).join('\n');
}

/**
 * The article's length in chữ, the one figure every screen shows (status bar, list, history,
 * approval checklist, word-range check): the text of the body without photo captions, since
 * newsrooms count the story, not the captions.
 */
export function bodyWordCount(body: DocNode): number {
  const withoutFigures = (node: DocNode): DocNode =>
    node.content
      ? {
          ...node,
          content: node.content
            .filter((child) => child.type !== 'figure')
            .map((child) => withoutFigures(child)),
        }
      : node;
  return countWords(docToPlainText(withoutFigures(body)));
}

/**
 * Limits on the fields, shared by the contract and the UI. Lengths count UTF-16 code units of the
 * NFC text the core stores (see docs/article-limits.md), so anything stored passes them again.
 */
export const metaLimits = {
  slugChars: ARTICLE_SLUG_MAX_LENGTH,
  leadChars: 2000,
  tags: 30,
  tagChars: 100,
  sourceChars: 300,
  altChars: 500,
  mediaPathChars: 500,
} as const;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;

/**
 * The form in which the core stores a text field: NFC, with any half of a surrogate pair (text cut
 * inside an emoji) as U+FFFD. SQLite would otherwise turn the half into three U+FFFD, making the
 * stored text longer than what was accepted.
 */
export function storedForm(value: string): string {
  return value.replace(LONE_SURROGATE, '\ufffd').normalize('NFC');
}

/**
 * A string the core stores as `storedForm`, at most `max` code units in that form (a few letters,
 * e.g. U+0958, grow under NFC; decomposed input shrinks), so what is stored passes again.
 */
export function storedText(max: number) {
  return z
    .string()
    .max(max * 4)
    .refine((value) => storedForm(value).length <= max, {
      message: `Quá dài: tối đa ${max} ký tự.`,
    });
}

const featuredImageSchema = z.object({
  mediaPath: z.string().min(1).max(metaLimits.mediaPathChars),
  alt: storedText(metaLimits.altChars),
});

/** Zod schema of the article fields as the editor sends them on every save. */
export const articleMetaSchema = z
  .object({
    slug: z.string().max(metaLimits.slugChars),
    slugLocked: z.boolean(),
    lead: storedText(metaLimits.leadChars),
    categoryId: z.string().uuid().nullable(),
    tags: z
      .array(
        z
          .string()
          .trim()
          .min(1)
          .max(metaLimits.tagChars * 4)
          .refine((tag) => storedForm(tag).trim().length <= metaLimits.tagChars, {
            message: `Quá dài: tối đa ${metaLimits.tagChars} ký tự.`,
          }),
      )
      .max(metaLimits.tags),
    authorId: z.string().uuid().nullable(),
    source: storedText(metaLimits.sourceChars),
    featuredImage: featuredImageSchema.nullable(),
    publishAt: z.number().int().nullable(),
    expireAt: z.number().int().nullable(),
  })
  .strict();

/** Media paths of the photos in a body, in order, each once: which library photos it uses. */
export function figureMediaPaths(doc: DocNode): string[] {
  const found: string[] = [];
  const stack: DocNode[] = [doc];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) break;
    const mediaPath = node.type === 'figure' ? node.attrs?.mediaPath : undefined;
    if (typeof mediaPath === 'string' && mediaPath !== '' && !found.includes(mediaPath))
      found.push(mediaPath);
    const children = node.content ?? [];
    for (let i = children.length - 1; i >= 0; i -= 1) {
      const child = children[i];
      if (child) stack.push(child);
    }
  }
  return found;
}
