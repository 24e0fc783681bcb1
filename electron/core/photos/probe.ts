import { open, stat } from 'node:fs/promises';
import path from 'node:path';

import sharp from 'sharp';
import type { Metadata } from 'sharp';

import { DEFAULT_MAX_PIXELS, photoErrors, toPhotoError } from './errors';
import { readExif } from './exif';
import { readIptc } from './iptc';
import { readXmp } from './xmp';

/** What the editor sees about an original before processing: size, device, time, credits. */
export interface PhotoProbe {
  filePath: string;
  fileName: string;
  bytes: number;
  /** Real format from the bytes (sharp's id: 'jpeg', 'png', 'webp', 'gif', 'tiff', 'heif'…). */
  format: string;
  /** As displayed, EXIF orientation applied. */
  width: number;
  height: number;
  /** As stored in the file. */
  storedWidth: number;
  storedHeight: number;
  /** EXIF orientation 1..8 (1 when absent). */
  orientation: number;
  pages: number;
  hasAlpha: boolean;
  /** libvips colour space, e.g. 'srgb', 'cmyk', 'b-w', 'rgb16'. */
  space: string;
  bitDepth: number;
  hasIccProfile: boolean;
  /** 'YYYY-MM-DDTHH:MM:SS' (with offset when recorded); from EXIF, else XMP, else IPTC. */
  captureTime?: string | undefined;
  cameraMake?: string | undefined;
  cameraModel?: string | undefined;
  hasGps: boolean;
  /** Credits already in the file: XMP first (reliable UTF-8), then IPTC-IIM, then EXIF. */
  caption?: string | undefined;
  byline?: string | undefined;
  credit?: string | undefined;
  copyright?: string | undefined;
}

/** Limits and checks for probing untrusted files. */
export interface ProbeOptions {
  /** Refuse images with more pixels than this (decompression bombs). */
  maxPixels?: number;
  /** Also decode a small version to detect truncated or corrupt data (slower, still cheap). */
  verifyPixels?: boolean;
}

/** Kind of ISO-BMFF container, from the `ftyp` box: HEIC must be refused before libheif sees it. */
export type HeifKind = 'heic' | 'avif' | 'other-heif';

const HEVC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs']);
const AVIF_BRANDS = new Set(['avif', 'avis']);
const HEIF_BRANDS = new Set(['mif1', 'msf1', 'mif2', 'miaf', ...HEVC_BRANDS, ...AVIF_BRANDS]);

/**
 * Classifies a HEIF-family file from its first bytes, or undefined when it is not one. Phones name
 * HEIC files .jpg after some transfers, so the extension is never trusted.
 */
export function sniffHeif(head: Uint8Array): HeifKind | undefined {
  const text = (start: number) => String.fromCharCode(...head.subarray(start, start + 4));
  if (text(4) !== 'ftyp') return undefined;
  const boxSize =
    (((head[0] ?? 0) << 24) >>> 0) +
    ((head[1] ?? 0) << 16) +
    ((head[2] ?? 0) << 8) +
    (head[3] ?? 0);
  const brands = [text(8)];
  for (let at = 16; at + 4 <= Math.min(boxSize, head.length); at += 4) brands.push(text(at));
  if (!brands.some((brand) => HEIF_BRANDS.has(brand))) return undefined;
  if (brands.some((brand) => AVIF_BRANDS.has(brand))) return 'avif';
  if (brands.some((brand) => HEVC_BRANDS.has(brand))) return 'heic';
  return 'other-heif';
}

const JUNK_DESCRIPTIONS =
  /^(|.*digital camera|samsung camera pictures|dcim|default|untitled|image|photo)$/i;

function bitDepthOf(depth: Metadata['depth']): number {
  if (depth === 'ushort' || depth === 'short') return 16;
  if (depth === 'float' || depth === 'uint' || depth === 'int') return 32;
  if (depth === 'double') return 64;
  return 8;
}

function firstDefined(...values: (string | undefined)[]): string | undefined {
  return values.find((value) => value !== undefined && value.trim() !== '');
}

/** Builds the probe from sharp's metadata and the three metadata readers. */
export function describeMetadata(metadata: Metadata, filePath: string, bytes: number): PhotoProbe {
  const exif = readExif(metadata.exif);
  const iptc = readIptc(metadata.iptc);
  const xmp = readXmp(metadata.xmp);
  const exifDescription =
    exif?.description !== undefined && !JUNK_DESCRIPTIONS.test(exif.description.trim())
      ? exif.description
      : undefined;
  return {
    filePath,
    fileName: path.basename(filePath),
    bytes,
    format: metadata.format,
    width: metadata.autoOrient.width,
    height: metadata.autoOrient.height,
    storedWidth: metadata.width,
    storedHeight: metadata.height,
    orientation: metadata.orientation ?? 1,
    pages: metadata.pages ?? 1,
    hasAlpha: metadata.hasAlpha,
    space: metadata.space,
    bitDepth: bitDepthOf(metadata.depth),
    hasIccProfile: metadata.hasProfile,
    hasGps: (exif?.hasGpsIfd ?? false) || (xmp?.hasGps ?? false),
    captureTime: firstDefined(exif?.captureTime, xmp?.captureTime, iptc?.dateCreated),
    cameraMake: exif?.make,
    cameraModel: exif?.model,
    caption: firstDefined(xmp?.caption, iptc?.caption, exifDescription),
    byline: firstDefined(xmp?.byline, iptc?.byline, exif?.artist),
    credit: firstDefined(xmp?.credit, iptc?.credit),
    copyright: firstDefined(xmp?.copyright, iptc?.copyright, exif?.copyright),
  };
}

/**
 * Reads metadata of an in-memory or on-disk image, refusing empty files, HEIC and bombs before any
 * pixel is decoded. Shared by probePhoto and processPhoto so both refuse the same files.
 */
export async function inspectImage(
  input: Buffer | string,
  head: Uint8Array,
  filePath: string,
  bytes: number,
  options: ProbeOptions = {},
): Promise<{ probe: PhotoProbe; metadata: Metadata }> {
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_PIXELS;
  if (bytes === 0) throw photoErrors.emptyFile(filePath);
  if (sniffHeif(head) === 'heic') throw photoErrors.heic(filePath);

  let metadata: Metadata;
  try {
    // Header only: no pixels are decoded here, so the limit is checked by hand just below.
    metadata = await sharp(input, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw toPhotoError(error, filePath, 'read', maxPixels);
  }
  if (metadata.format === 'heif' && metadata.compression === 'hevc') {
    throw photoErrors.heic(filePath);
  }
  if (!['jpeg', 'png', 'webp', 'gif', 'tiff', 'heif'].includes(metadata.format)) {
    throw photoErrors.unsupported(filePath, metadata.format);
  }
  if (metadata.width * metadata.height > maxPixels) {
    throw photoErrors.tooManyPixels(filePath, maxPixels, metadata);
  }
  if (options.verifyPixels === true) {
    try {
      await sharp(input, { limitInputPixels: maxPixels, failOn: 'error' })
        .resize(64, 64, { fit: 'inside' })
        .raw()
        .toBuffer();
    } catch (error) {
      throw toPhotoError(error, filePath, 'decode', maxPixels);
    }
  }
  return { probe: describeMetadata(metadata, filePath, bytes), metadata };
}

/** Bytes read for sniffing: enough for an `ftyp` box with a dozen compatible brands. */
export const HEAD_BYTES = 64;

/**
 * Probes a file on disk without decoding it: typed errors for empty, vanished, non-image, HEIC and
 * oversized files; metadata for the import screen otherwise.
 */
export async function probePhoto(
  filePath: string,
  options: ProbeOptions = {},
): Promise<PhotoProbe> {
  let bytes: number;
  const head = new Uint8Array(HEAD_BYTES);
  try {
    bytes = (await stat(filePath)).size;
    const handle = await open(filePath, 'r');
    try {
      await handle.read(head, 0, HEAD_BYTES, 0);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw toPhotoError(error, filePath, 'read', options.maxPixels);
  }
  const { probe } = await inspectImage(filePath, head, filePath, bytes, options);
  return probe;
}
