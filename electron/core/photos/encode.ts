import type { Exif, Sharp } from 'sharp';

import type { MetadataPolicy, OutputSpec } from '../../../shared/photos/recipe';
import type { PhotoProbe } from './probe';
import { buildXmp } from './xmp';
import type { XmpCredits } from './xmp';

/** One encoded output, still in memory: written to disk only when every output succeeded. */
export interface EncodedOutput {
  data: Buffer;
  width: number;
  height: number;
  /** Quality actually used (lower than the recipe's when a size target forced it). */
  quality: number;
  /** False when even the lowest quality could not reach `targetMaxBytes`. */
  targetMet: boolean;
}

/** Lowest quality the size search may use; below this news photos visibly break up. */
export function minimumQuality(output: OutputSpec): number {
  return Math.min(output.quality, output.format === 'avif' ? 20 : 30);
}

function withFormat(pipeline: Sharp, output: OutputSpec, quality: number): Sharp {
  switch (output.format) {
    case 'jpeg':
      return pipeline.jpeg({
        quality,
        progressive: output.progressive,
        mozjpeg: output.mozjpeg,
        chromaSubsampling: '4:2:0',
      });
    case 'webp':
      return pipeline.webp({ quality, effort: output.effort });
    case 'avif':
      return pipeline.avif({ quality, effort: output.effort });
    default: {
      const unknown: never = output;
      throw new Error(`Unhandled output format ${JSON.stringify(unknown)}`);
    }
  }
}

async function encodeAt(
  pipeline: Sharp,
  output: OutputSpec,
  quality: number,
): Promise<EncodedOutput> {
  const { data, info } = await withFormat(pipeline, output, quality).toBuffer({
    resolveWithObject: true,
  });
  return { data, width: info.width, height: info.height, quality, targetMet: true };
}

/**
 * Encodes at the recipe's quality, or, with `targetMaxBytes`, at the highest quality that fits:
 * a binary search over quality (size is monotonic in quality to within noise), about six encodes.
 * Only the search encodes from clones: clone() copies the pipeline's input buffer (structuredClone),
 * 5.5 MB for a 1600 px base, so a plain encode uses the pipeline itself.
 */
export async function encodeOutput(pipeline: Sharp, output: OutputSpec): Promise<EncodedOutput> {
  const target = output.targetMaxBytes;
  const first = await encodeAt(
    target === undefined ? pipeline : pipeline.clone(),
    output,
    output.quality,
  );
  if (target === undefined || first.data.length <= target) return first;

  let low = minimumQuality(output);
  let high = output.quality - 1;
  let best: EncodedOutput | undefined;
  let smallest = first;
  while (low <= high) {
    const quality = Math.floor((low + high) / 2);
    const attempt = await encodeAt(pipeline.clone(), output, quality);
    if (attempt.data.length < smallest.data.length) smallest = attempt;
    if (attempt.data.length <= target) {
      best = attempt;
      low = quality + 1;
    } else {
      high = quality - 1;
    }
  }
  return best ?? { ...smallest, targetMet: false };
}

/** Credits as they will be written: the caller's values, else what the original already carried. */
export function mergeCredits(probe: PhotoProbe, meta: XmpCredits): XmpCredits {
  const pick = (given: string | undefined, found: string | undefined) =>
    given !== undefined && given.trim() !== '' ? given : found;
  return {
    caption: pick(meta.caption, probe.caption),
    byline: pick(meta.byline, probe.byline),
    credit: pick(meta.credit, probe.credit),
    copyright: pick(meta.copyright, probe.copyright),
  };
}

function asciiOnly(value: string | undefined): string | undefined {
  // EXIF text is ASCII by specification; non-ASCII values go in XMP only.
  return value !== undefined && /^[\x20-\x7e]+$/.test(value) ? value : undefined;
}

/**
 * A fresh EXIF block for 'keep-credits': capture time and camera make/model only. Rebuilding rather
 * than editing is what guarantees no GPS IFD, serial numbers or maker notes survive (sharp cannot
 * delete single tags, lovell/sharp#4389).
 */
export function creditsExif(probe: PhotoProbe): Exif | undefined {
  const ifd0: Record<string, string> = {};
  const exifIfd: Record<string, string> = {};
  const make = asciiOnly(probe.cameraMake);
  const model = asciiOnly(probe.cameraModel);
  if (make !== undefined) ifd0.Make = make;
  if (model !== undefined) ifd0.Model = model;
  const time = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2}:\d{2})/.exec(probe.captureTime ?? '');
  if (time) exifIfd.DateTimeOriginal = `${time[1]}:${time[2]}:${time[3]} ${time[4]}`;
  if (Object.keys(ifd0).length === 0 && Object.keys(exifIfd).length === 0) return undefined;
  return { IFD0: ifd0, IFD2: exifIfd };
}

/**
 * Applies the metadata policy to a pipeline. Output from sharp carries no metadata unless asked, so
 * 'strip' does nothing; 'keep-all' must run on a pipeline fed from the original file.
 */
export function applyMetadataPolicy(
  pipeline: Sharp,
  policy: MetadataPolicy,
  probe: PhotoProbe,
  credits: XmpCredits,
): Sharp {
  switch (policy) {
    case 'strip':
      return pipeline;
    case 'keep-credits': {
      const exif = creditsExif(probe);
      const xmp = buildXmp(credits);
      let result = exif === undefined ? pipeline : pipeline.withExif(exif);
      if (xmp !== undefined) result = result.withXmp(xmp);
      return result;
    }
    case 'keep-all': {
      // keepMetadata() alone would also keep the input ICC profile and skip the conversion to sRGB
      // (a CMYK profile would end up on RGB pixels); withIccProfile('srgb') keeps the conversion.
      const xmp = buildXmp(credits);
      const kept = pipeline.keepMetadata().withIccProfile('srgb');
      return xmp === undefined ? kept : kept.withXmp(xmp);
    }
    default: {
      const unknown: never = policy;
      throw new Error(`Unhandled metadata policy ${String(unknown)}`);
    }
  }
}
