import sharp from 'sharp';

import type { LibraryStatus } from '../shared/domain/recovery';
import type { Article, ArticleSummary, DocNode } from '../shared/domain/article';
import { bridgeCall } from '../tests/e2e/support/bridgeCall';
import type { WebShell } from '../tests/e2e/support/webShell';
import { ShellExited, startWebShell } from '../tests/e2e/support/webShell';

/*
 * What the chaos benchmark needs from the real browser shell (`out/main/web.js`): start it, read
 * what it tells the user, and read back the library through the contract as the renderer would.
 */

/** A small seeded random source (mulberry32), so a campaign can be replayed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What the user gets when the shell starts on a folder. */
export type StartOutcome =
  | { kind: 'running'; shell: WebShell; status: LibraryStatus }
  | { kind: 'refused'; code: number | null; message: string };

/** Starts the real shell without signing in and asks it what state the library is in. */
export async function startAndAsk(dataDir: string): Promise<StartOutcome> {
  try {
    const shell = await startWebShell(dataDir, [], { signIn: false });
    const status = await bridgeCall<LibraryStatus>(shell.url, 'recovery.status', {});
    return { kind: 'running', shell, status };
  } catch (error) {
    if (error instanceof ShellExited)
      return { kind: 'refused', code: error.code, message: error.stderr.trim() };
    throw error;
  }
}

/** A call through the bridge, typed loosely (the benchmark checks values itself). */
export function call<T>(shell: WebShell, name: string, input: unknown): Promise<T> {
  return bridgeCall<T>(shell.url, name, input);
}

/** The plain words of a stored body, paragraphs separated by spaces. */
export function docWords(node: DocNode): string[] {
  const parts: string[] = [];
  const walk = (n: DocNode): void => {
    if (typeof n.text === 'string') parts.push(n.text);
    for (const child of n.content ?? []) walk(child);
    parts.push(' ');
  };
  walk(node);
  return parts
    .join('')
    .split(/\s+/)
    .filter((word) => word.length > 0);
}

/** Every article of the library: id → title and words of the body. */
export async function readArticles(
  shell: WebShell,
): Promise<Map<string, { title: string; words: string[] }>> {
  const list = await call<ArticleSummary[]>(shell, 'articles.list', { limit: 500 });
  const out = new Map<string, { title: string; words: string[] }>();
  for (const summary of list) {
    const article = await call<Article>(shell, 'articles.get', { id: summary.id });
    out.set(article.id, { title: article.title, words: docWords(article.body) });
  }
  return out;
}

/** Ids of every photo in the library. */
export async function readPhotoIds(shell: WebShell): Promise<Set<string>> {
  const list = await call<{ photos: { id: string }[] }>(shell, 'photos.list', { limit: 1000 });
  return new Set(list.photos.map((photo) => photo.id));
}

/** A distinct JPEG (noise, so no two are duplicates or near-duplicates). */
export async function noiseJpeg(random: () => number, width = 480, height = 320): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i += 1) raw[i] = Math.floor(random() * 256);
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 80 })
    .toBuffer();
}

/** A body of paragraphs in TipTap JSON. */
export function bodyOf(text: string): DocNode {
  return {
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
  };
}

/** Sleeps. */
export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));
