import { constants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

import type { Article, AuthorProfile, Category, DocNode } from '../../../shared/domain/article';
import { AppError } from '../../../shared/errors/appError';
import { portalStylesheet, renderStandalonePage } from '../../../shared/render/portalPage';
import { isValidSlug, slugify } from '../../../shared/vietnamese/slug';
import { resolveMediaFile } from '../library/mediaFiles';

/** What an export needs: the article, its profiles and where the files are and go. */
export interface ExportArticleInput {
  article: Article;
  author: AuthorProfile | null;
  category: Category | null;
  /** The library's media folder; figure paths are resolved inside it only. */
  mediaDir: string;
  /** The folder the reporter chose; the article gets its own folder inside it. */
  outDir: string;
}

/** Where the export went: the new folder and its files, relative to it with `/` separators. */
export interface ExportArticleResult {
  folder: string;
  files: string[];
}

const FOLDER_FALLBACK = 'bai-viet';
const FOLDER_MAX_LENGTH = 80;

/** Media paths of all figures in document order, each once; iterative like the renderer. */
function figureMediaPaths(doc: DocNode): string[] {
  const seen = new Set<string>();
  const stack: DocNode[] = [doc];
  const ordered: string[] = [];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined) break;
    const mediaPath = node.type === 'figure' ? node.attrs?.mediaPath : undefined;
    if (typeof mediaPath === 'string' && mediaPath !== '' && !seen.has(mediaPath)) {
      seen.add(mediaPath);
      ordered.push(mediaPath);
    }
    const children = node.content ?? [];
    for (let i = children.length - 1; i >= 0; i -= 1) {
      const child = children[i];
      if (child) stack.push(child);
    }
  }
  return ordered;
}

/** The file a media path names, refusing anything that could leave the media folder. */
function resolveInside(mediaDir: string, mediaPath: string): string {
  const escapes = mediaPath.split(/[\\/]/u).some((segment) => segment === '..');
  const resolved = escapes ? null : resolveMediaFile(mediaDir, mediaPath);
  if (resolved === null) {
    throw new AppError(
      'invalid_input',
      `Đường dẫn ảnh «${mediaPath}» nằm ngoài thư mục ảnh của thư viện. Hãy chèn lại ảnh này từ thư viện.`,
    );
  }
  return resolved;
}

/** A portable file name for an exported image: ASCII, lower case, unique within the folder. */
function safeImageName(mediaPath: string, taken: Set<string>): string {
  const base = path.posix.basename(mediaPath.replace(/\\/gu, '/'));
  const rawExt = path.posix.extname(base).toLowerCase();
  const ext = /^\.[a-z0-9]{1,5}$/u.test(rawExt) ? rawExt : '';
  const stem = slugify(base.slice(0, base.length - rawExt.length), {
    fallback: 'anh',
    maxLength: 60,
  });
  let name = `${stem}${ext}`;
  for (let n = 2; taken.has(name); n += 1) name = `${stem}-${n}${ext}`;
  taken.add(name);
  return name;
}

function folderBaseName(article: Article): string {
  const { slug } = article.meta;
  const base = isValidSlug(slug, FOLDER_MAX_LENGTH)
    ? slug
    : slugify(slug || article.title, { maxLength: FOLDER_MAX_LENGTH });
  return base === '' ? FOLDER_FALLBACK : base;
}

async function exists(target: string): Promise<boolean> {
  try {
    await fs.lstat(target);
    return true;
  } catch {
    return false;
  }
}

/** Renames the finished folder to `<base>`, `<base>-2`, `<base>-3`… whichever is free. */
async function moveIntoPlace(temp: string, outDir: string, base: string): Promise<string> {
  for (let n = 1; n < 1000; n += 1) {
    const target = path.join(outDir, n === 1 ? base : `${base}-${n}`);
    if (await exists(target)) continue;
    try {
      await fs.rename(temp, target);
      return target;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST' && code !== 'ENOTEMPTY') throw error;
    }
  }
  throw new AppError('conflict', `Thư mục «${outDir}» đã có quá nhiều bản xuất của bài này.`);
}

/**
 * Exports an article as a folder anyone can open without Newsdesk: `index.html` (the portal
 * layout, images linked relatively), `style.css` and `images/`. Everything is built in a hidden
 * folder beside the target and renamed at the end, so a failure (a photo missing from the
 * library, a full disk) leaves no half-written folder behind; an existing export is never
 * overwritten.
 */
export async function exportArticleFolder(input: ExportArticleInput): Promise<ExportArticleResult> {
  const { article, mediaDir } = input;
  const outDir = path.resolve(input.outDir);

  const names = new Map<string, string>();
  const sources: Array<{ source: string; name: string; mediaPath: string }> = [];
  const taken = new Set<string>();
  for (const mediaPath of figureMediaPaths(article.body)) {
    const source = resolveInside(mediaDir, mediaPath);
    const stat = await fs.stat(source).catch(() => null);
    if (stat === null || !stat.isFile()) {
      throw new AppError(
        'not_found',
        `Không tìm thấy tệp ảnh «${mediaPath}» trong thư viện. Hãy chèn lại ảnh này rồi xuất lại.`,
      );
    }
    const name = safeImageName(mediaPath, taken);
    names.set(mediaPath, name);
    sources.push({ source, name, mediaPath });
  }

  const html = renderStandalonePage({
    article,
    author: input.author,
    category: input.category,
    mediaUrl: (mediaPath) => `images/${names.get(mediaPath) ?? ''}`,
  });

  const base = folderBaseName(article);
  let temp: string | null = null;
  try {
    await fs.mkdir(outDir, { recursive: true });
    temp = await fs.mkdtemp(path.join(outDir, `.${base}.tmp-`));
    const files = ['index.html', 'style.css'];
    await fs.writeFile(path.join(temp, 'index.html'), html, { encoding: 'utf8', flag: 'wx' });
    await fs.writeFile(path.join(temp, 'style.css'), portalStylesheet, {
      encoding: 'utf8',
      flag: 'wx',
    });
    if (sources.length > 0) await fs.mkdir(path.join(temp, 'images'));
    for (const { source, name, mediaPath } of sources) {
      try {
        await fs.copyFile(source, path.join(temp, 'images', name), constants.COPYFILE_EXCL);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        throw new AppError(
          'not_found',
          `Không tìm thấy tệp ảnh «${mediaPath}» trong thư viện. Hãy chèn lại ảnh này rồi xuất lại.`,
          { cause: error },
        );
      }
      files.push(`images/${name}`);
    }
    const folder = await moveIntoPlace(temp, outDir, base);
    temp = null;
    return { folder, files };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(
      'storage_failed',
      `Không xuất được bài viết vào thư mục «${outDir}». Hãy kiểm tra quyền ghi và dung lượng ổ đĩa rồi thử lại.`,
      { cause: error },
    );
  } finally {
    if (temp !== null) await fs.rm(temp, { recursive: true, force: true }).catch(() => undefined);
  }
}
