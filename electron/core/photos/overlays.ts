import { access, readFile } from 'node:fs/promises';

import sharp from 'sharp';
import type { OverlayOptions } from 'sharp';

import { photoErrors } from './errors';
import type { Size } from './geometry';
import type { OverlayPosition, Recipe } from '../../../shared/photos/recipe';
import { escapeXml } from './xmp';

/** Logo settings as parsed from the recipe. */
export type WatermarkSpec = NonNullable<Recipe['watermark']>;

/** Byline/credit text settings as parsed from the recipe. */
export type TextOverlaySpec = NonNullable<Recipe['textOverlay']>;

const registeredFonts = new Map<string, Promise<void>>();

/**
 * Makes a font file usable by family name in SVG text. librsvg finds fonts through fontconfig and
 * sharp has no "add font" call, but rendering Pango text with `fontfile` adds the file to the
 * process-wide fontconfig set, which librsvg shares. Offline newsroom PCs often lack a font with
 * Vietnamese glyphs, hence the bundled file. Registered once per path per process.
 */
export function registerFontFile(fontFile: string, fontFamily: string): Promise<void> {
  let pending = registeredFonts.get(fontFile);
  if (pending === undefined) {
    // Pango silently falls back to another font for a missing file, so check it ourselves.
    pending = access(fontFile)
      .then(() =>
        sharp({ text: { text: 'Ả', font: fontFamily, fontfile: fontFile } })
          .png()
          .toBuffer(),
      )
      .then(
        () => undefined,
        (error: unknown) => {
          throw photoErrors.fontUnreadable(fontFile, error);
        },
      );
    registeredFonts.set(fontFile, pending);
    pending.catch(() => registeredFonts.delete(fontFile));
  }
  return pending;
}

function place(
  position: OverlayPosition,
  canvas: Size,
  item: Size,
  margin: number,
): { left: number; top: number } {
  const right = canvas.width - item.width - margin;
  const bottom = canvas.height - item.height - margin;
  const centre = {
    left: Math.round((canvas.width - item.width) / 2),
    top: Math.round((canvas.height - item.height) / 2),
  };
  const spot = {
    'top-left': { left: margin, top: margin },
    'top-right': { left: right, top: margin },
    'bottom-left': { left: margin, top: bottom },
    'bottom-right': { left: right, top: bottom },
    center: centre,
  }[position];
  return { left: Math.max(0, Math.round(spot.left)), top: Math.max(0, Math.round(spot.top)) };
}

/** Reads the logo once per photo; a missing or broken logo is the editor's to fix, not a crash. */
export async function loadWatermark(spec: WatermarkSpec): Promise<Buffer> {
  // The core resolves `logoId` to `path` before a batch; a bare id here is a wiring mistake.
  const file = spec.path ?? `logo ${spec.logoId ?? ''}`;
  try {
    if (spec.path === undefined) throw new Error('watermark logo was not resolved to a file');
    const bytes = await readFile(spec.path);
    // Decode it fully now: a broken logo must not surface later as an error about the photo.
    await sharp(bytes, { failOn: 'error' }).raw().toBuffer();
    return bytes;
  } catch (error) {
    throw photoErrors.watermarkUnreadable(file, error);
  }
}

/**
 * Sizes the logo to a share of the output width, applies opacity by scaling its alpha channel (sharp's
 * composite has no opacity option), and positions it with a margin. Shrinks further if the output is
 * too short for it.
 */
export async function watermarkOverlay(
  logo: Buffer,
  spec: WatermarkSpec,
  canvas: Size,
): Promise<OverlayOptions | undefined> {
  const margin = Math.round(canvas.width * spec.marginRatio);
  const maxWidth = Math.max(1, Math.min(Math.round(canvas.width * spec.widthRatio), canvas.width));
  const maxHeight = Math.max(1, canvas.height - 2 * margin);
  if (spec.opacity === 0) return undefined;
  const { data, info } = await sharp(logo)
    .resize({ width: maxWidth, height: maxHeight, fit: 'inside' })
    .ensureAlpha()
    .linear([1, 1, 1, spec.opacity], [0, 0, 0, 0])
    .png()
    .toBuffer({ resolveWithObject: true });
  return { input: data, ...place(spec.position, canvas, info, margin) };
}

/** Fills {byline}, {credit}, {copyright}, {caption}; returns '' when every variable was empty. */
export function renderOverlayText(
  template: string,
  values: { byline?: string; credit?: string; copyright?: string; caption?: string },
): string {
  let anyFilled = false;
  const text = template.replace(
    /\{(byline|credit|copyright|caption)\}/g,
    (_token, name: string) => {
      const value = (values[name as keyof typeof values] ?? '').trim();
      if (value !== '') anyFilled = true;
      return value;
    },
  );
  const usesVariables = /\{(byline|credit|copyright|caption)\}/.test(template);
  return usesVariables && !anyFilled ? '' : text.trim();
}

/**
 * Draws the text as an SVG the size of the output, so librsvg handles shaping of Vietnamese
 * diacritics. Text width cannot be measured without the font, so the size is reduced when a
 * generous estimate (0.6 em per character) would overflow.
 */
export async function textOverlay(
  text: string,
  spec: TextOverlaySpec,
  canvas: Size,
): Promise<OverlayOptions | undefined> {
  if (text === '') return undefined;
  if (spec.fontFile !== undefined) await registerFontFile(spec.fontFile, spec.fontFamily);
  const margin = Math.round(canvas.width * spec.marginRatio);
  const available = Math.max(1, canvas.width - 2 * margin);
  const estimated = Math.max(10, Math.round(canvas.width * spec.sizeRatio));
  const fontSize = Math.max(
    8,
    Math.min(estimated, Math.floor(available / (0.6 * [...text].length))),
  );
  const horizontal = spec.position.endsWith('left')
    ? { x: margin, anchor: 'start' }
    : spec.position.endsWith('right')
      ? { x: canvas.width - margin, anchor: 'end' }
      : { x: canvas.width / 2, anchor: 'middle' };
  const y = spec.position.startsWith('top')
    ? margin + fontSize
    : spec.position.startsWith('bottom')
      ? canvas.height - margin - Math.round(fontSize * 0.25)
      : canvas.height / 2 + fontSize / 2;
  const family = escapeXml(spec.fontFamily);
  const body = escapeXml(text);
  const attributes = `font-family="${family}" font-size="${fontSize}" text-anchor="${horizontal.anchor}"`;
  const offset = Math.max(1, Math.round(fontSize / 16));
  const shadow = spec.shadow
    ? `<text x="${horizontal.x + offset}" y="${y + offset}" ${attributes} fill="#000000" fill-opacity="0.6">${body}</text>`
    : '';
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${canvas.width}" height="${canvas.height}">` +
    `${shadow}<text x="${horizontal.x}" y="${y}" ${attributes} fill="${spec.color}">${body}</text></svg>`;
  return { input: Buffer.from(svg, 'utf8'), left: 0, top: 0 };
}
