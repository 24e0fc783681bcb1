/**
 * URL checks for links and images. Parsing with `URL` (not a prefix test) means tricks such as
 * `java\tscript:`, `JaVaScRiPt:` or leading control characters are judged the way the browser
 * would judge them.
 */

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const DATA_IMAGE = /^data:image\/(?:png|jpeg|jpg|gif|webp|bmp);base64,[a-z0-9+/=\s]+$/iu;

/** What became of an image source. */
export type ImageSource =
  { ok: true; src: string } | { ok: false; reason: 'local' | 'unsafe' | 'missing' };

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** A link target safe to keep (http, https, mailto), normalised; null for anything else. */
export function safeHref(raw: string | null): string | null {
  if (raw === null) return null;
  const url = parseUrl(raw.trim());
  return url !== null && LINK_PROTOCOLS.has(url.protocol) ? url.href : null;
}

/** True for a `javascript:`/`vbscript:`/`data:` link: reported as removed active content. */
export function isScriptUrl(raw: string | null): boolean {
  if (raw === null) return false;
  const url = parseUrl(raw.trim());
  return url !== null && ['javascript:', 'vbscript:', 'data:'].includes(url.protocol);
}

/**
 * Classifies an img src: http(s) and base64 raster data are kept; Word's `file:///…/clip_image`
 * and Outlook's `cid:` point at files the paste does not carry ("local"); anything else
 * (javascript:, SVG data, blob:) is unsafe or useless.
 */
export function imageSource(raw: string | null): ImageSource {
  const value = raw?.trim() ?? '';
  if (value === '') return { ok: false, reason: 'missing' };
  if (/^data:/iu.test(value)) {
    return DATA_IMAGE.test(value) ? { ok: true, src: value } : { ok: false, reason: 'unsafe' };
  }
  const url = parseUrl(value);
  if (url === null) return { ok: false, reason: 'missing' };
  if (url.protocol === 'http:' || url.protocol === 'https:') return { ok: true, src: url.href };
  if (url.protocol === 'file:' || url.protocol === 'cid:') return { ok: false, reason: 'local' };
  return { ok: false, reason: 'unsafe' };
}

function dimension(value: string | null): number | undefined {
  if (value === null) return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(?:px)?\s*$/iu.exec(value);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/**
 * A tracking pixel: declared 1×1 (or smaller, or zero in either direction) by attributes or by
 * inline style. Images without declared size are kept; their size is unknown until loaded.
 */
export function isTrackingPixel(
  attrWidth: string | null,
  attrHeight: string | null,
  style: { width?: number; height?: number },
): boolean {
  const width = style.width ?? dimension(attrWidth);
  const height = style.height ?? dimension(attrHeight);
  if (width === 0 || height === 0) return true;
  return width !== undefined && height !== undefined && width <= 1 && height <= 1;
}
