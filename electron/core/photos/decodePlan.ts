import type { Metadata } from 'sharp';

import type { GeometryPlan, Size } from './geometry';
import { isSrgbEquivalent } from './iccProfile';
import type { PhotoProbe } from './probe';

/*
 * How the one decode of a photo reads its original. Two costs dominated it, neither needed for the
 * output (4000×3000 JPEGs tagged sRGB, CPU per photo on one core, decode 152 ms → 38 ms):
 *
 * - sharp converts a tagged original to sRGB at full size, before resizing: ~95 ms of lcms. An sRGB
 *   profile (what cameras and most phones embed) converts to itself, so that pass is skipped; any
 *   other 8-bit RGB profile (Display P3, Adobe RGB) is applied after the resize, at the base size,
 *   as vipsthumbnail does. CMYK, 16-bit and grey originals keep sharp's own order.
 * - sharp gives up JPEG shrink-on-load when the integer part of the scale equals the factor it would
 *   use (2 ≤ scale < 3, 4 ≤ scale < 5, 8 ≤ scale < 9), a guard against libjpeg's rounding of
 *   auto-sized outputs: 4000 → 1600 px decoded all 12 MP (~15 ms more). Every size here is exact
 *   (`fit: 'fill'`), so the photo is opened with libvips' own load option, `photo.jpg[shrink=2]`:
 *   libjpeg decodes at half size in the DCT domain and the Lanczos-3 resize does the remaining 1.25×,
 *   as ImageMagick's `jpeg:size` hint does (vipsthumbnail keeps 2× for the resize and decodes more).
 *   Measured on the bench corpus: mean SSIM of the 1600 px JPEG 0.98795 → 0.98759 (vipsthumbnail
 *   0.98789, ImageMagick with the hint 0.98724), the same file sizes.
 */

/** What the base decode reads and how it treats the embedded profile. */
export interface DecodeSource {
  /** The original's bytes, or its path with a libvips load option (`photo.jpg[shrink=2]`). */
  input: Buffer | string;
  /**
   * 'sharp': sharp's default (convert before the resize); 'after-resize': ignore it on load and
   * convert at the base size; 'skip': the profile is sRGB already.
   */
  icc: 'sharp' | 'after-resize' | 'skip';
}

/**
 * The largest libjpeg shrink-on-load factor (8, 4 or 2) whose decoded size still covers `target` on
 * both axes, or 1. libjpeg rounds scaled sizes up: ⌈4000 / 2⌉ = 2000. Sizes are as stored.
 */
export function jpegShrinkFactor(stored: Size, target: Size): number {
  for (const factor of [8, 4, 2]) {
    const width = Math.ceil(stored.width / factor);
    const height = Math.ceil(stored.height / factor);
    // With 2× or more left over, sharp could reload the file with a factor of its own: leave it be.
    const leftOver = Math.min(width / target.width, height / target.height);
    if (width >= target.width && height >= target.height && leftOver < 2) return factor;
  }
  return 1;
}

/** EXIF orientations 5–8 store the photo sideways. */
function storedSize(size: Size, orientation: number): Size {
  return orientation >= 5 ? { width: size.height, height: size.width } : size;
}

/** Chooses how the base decode of one photo reads its original; see the comment above. */
export async function planDecode(context: {
  inputPath: string;
  original: Buffer;
  probe: PhotoProbe;
  metadata: Metadata;
  plan: GeometryPlan;
  autoOrient: boolean;
}): Promise<DecodeSource> {
  const { inputPath, original, probe, metadata, plan } = context;
  let icc: DecodeSource['icc'] = 'sharp';
  if (probe.hasIccProfile && probe.space === 'srgb' && probe.bitDepth === 8) {
    const sRgb = metadata.icc !== undefined && (await isSrgbEquivalent(metadata.icc));
    icc = sRgb ? 'skip' : 'after-resize';
  }
  const { crop, source } = plan;
  const uncropped = crop.width === source.width && crop.height === source.height;
  // UltraHDR JPEGs (a gain map) load through another libvips loader: leave them to sharp.
  const plainJpeg = probe.format === 'jpeg' && metadata.gainMap === undefined && probe.pages === 1;
  if (!plainJpeg || !uncropped) return { input: original, icc };
  const orientation = context.autoOrient ? probe.orientation : 1;
  const factor = jpegShrinkFactor(
    { width: probe.storedWidth, height: probe.storedHeight },
    storedSize(plan.base, orientation),
  );
  return { input: factor > 1 ? `${inputPath}[shrink=${factor}]` : original, icc };
}
