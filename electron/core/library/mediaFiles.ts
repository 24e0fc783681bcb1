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

/** MIME types of the files the app serves to its renderer. */
export const mimeTypes: Record<string, string> = {
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
