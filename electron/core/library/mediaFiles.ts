import fs from 'node:fs';
import path from 'node:path';

/**
 * Resolves a media path requested by the renderer to a file inside the library's media folder,
 * or null when it would escape it (`..`, absolute paths, encoded separators, NUL bytes).
 */
export function resolveMediaFile(mediaDir: string, requested: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requested);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || path.isAbsolute(decoded)) return null;
  const root = path.resolve(mediaDir);
  const target = path.resolve(root, decoded);
  if (target !== root && target.startsWith(root + path.sep)) return target;
  return null;
}

/** True when `target` is `root` itself or lies under it (both already resolved). */
function isInside(root: string, target: string): boolean {
  return target === root || target.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

/** Where a requested media path leads: a real file inside the folder, or why not. */
export type MediaLookup = { file: string } | { refused: 'outside' | 'missing' };

/**
 * Finds a requested path as an existing regular file whose real location (every symlink
 * followed) is inside the real media folder. What the lexical check alone cannot see: a link in
 * `media/` pointing at the database or anywhere else on the disk (issue 12). Serve the returned
 * real path, never the requested one, so the file read is the file checked.
 */
export function locateMediaFile(mediaDir: string, requested: string): MediaLookup {
  const lexical = resolveMediaFile(mediaDir, requested);
  if (!lexical) return { refused: 'outside' };
  let root: string;
  let real: string;
  try {
    root = fs.realpathSync(mediaDir);
    real = fs.realpathSync(lexical);
  } catch {
    return { refused: 'missing' };
  }
  if (real === root || !isInside(root, real)) return { refused: 'outside' };
  try {
    return fs.statSync(real).isFile() ? { file: real } : { refused: 'missing' };
  } catch {
    return { refused: 'missing' };
  }
}

/** MIME types of the files the app serves to its renderer. */
const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** The MIME type for a file name, defaulting to opaque bytes. */
export function mimeTypeFor(file: string): string {
  return mimeTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}
