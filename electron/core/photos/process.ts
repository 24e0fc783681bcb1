import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

import sharp from 'sharp';
import type { OverlayOptions, Sharp, SharpOptions } from 'sharp';

import { applyMetadataPolicy, encodeOutput, mergeCredits } from './encode';
import type { EncodedOutput } from './encode';
import { DEFAULT_MAX_PIXELS, photoErrors, toPhotoError } from './errors';
import { extensionFor, renderFileStem } from './fileName';
import { planGeometry } from './geometry';
import type { GeometryPlan, Size } from './geometry';
import { chooseNames, writeAllOrNothing } from './outputFiles';
import type { ExistingPolicy, PlannedName } from './outputFiles';
import { buildIim, photoshopBlock, withIptc } from './iptcWrite';
import { loadWatermark, renderOverlayText, textOverlay, watermarkOverlay } from './overlays';
import { HEAD_BYTES, inspectImage } from './probe';
import type { PhotoProbe } from './probe';
import type { FocalPoint, OutputFormat, OutputSpec, Recipe } from './recipe';
import type { XmpCredits } from './xmp';

/*
 * Decode once, measured (sharp 0.35.5 / libvips 8.18, Node 20, 2 shared cores, the default Web
 * recipe: 1600px JPEG + 1600px WebP + 400px JPEG, sharp cache off, median of 3–4 runs):
 *
 *   input                      full-res raw, then   clone() per output   raw at the largest
 *                              resize per output    (each clone decodes) output, then resize
 *   12 MP JPEG (4618×2598, 6 MB)      306 ms              283 ms                283 ms
 *   12 MP PNG  (same pixels, 33 MB)   397 ms              481 ms                352 ms
 *
 * For JPEG the three are within noise: libjpeg's shrink-on-load makes each clone's decode cheap and
 * the WebP encode (~190 ms) dominates. For PNG/TIFF/WebP input, which cannot shrink on load, clone()
 * pays the full decode per output. So we decode once, straight to the largest output size (JPEG
 * shrink-on-load still applies), into a raw 8-bit sRGB buffer (~5 MB instead of 36 MB at full size),
 * and derive every output from it. Two cases read the original again instead: 'keep-all' (raw pixels
 * carry no metadata to keep) and animated WebP outputs (all frames are needed).
 */

/** Per-photo values the editor typed or the batch assigned. */
export interface PhotoMeta {
  caption?: string | undefined;
  byline?: string | undefined;
  credit?: string | undefined;
  copyright?: string | undefined;
  /** Article or event slug for {slug}, e.g. "khai-mac-hoi-nghi". */
  slug?: string | undefined;
  /** 'YYYY-MM-DD' for {date}; defaults to the capture date. */
  date?: string | undefined;
  /** Position in the batch for {seq}. */
  seq?: number | undefined;
  /** The editor's focal point for this photo, carried with the batch item so a resume keeps it. */
  focalPoint?: FocalPoint | undefined;
}

/** Everything processPhoto needs; services receive paths and limits as arguments. */
export interface ProcessPhotoInput {
  inputPath: string;
  recipe: Recipe;
  meta: PhotoMeta;
  outDir: string;
  existingPolicy: ExistingPolicy;
  signal?: AbortSignal | undefined;
  /** The editor's focal point for this photo; overrides the recipe's. */
  focalPoint?: FocalPoint | undefined;
  maxPixels?: number | undefined;
}

/** One file written for one output spec of the recipe. */
export interface ProcessedOutput {
  path: string;
  format: OutputFormat;
  width: number;
  height: number;
  bytes: number;
  quality: number;
  /** False when `targetMaxBytes` could not be reached even at the lowest quality. */
  targetMet: boolean;
}

/** Stops runaway decodes of pathological files; a 200 MP JPEG takes a few seconds. */
const PIPELINE_TIMEOUT_SECONDS = 120;

interface RawBase {
  data: Buffer;
  info: { width: number; height: number; channels: 1 | 2 | 3 | 4 };
}

function inputOptions(maxPixels: number, animated: boolean): SharpOptions {
  // 'error' aborts on truncated or corrupt data but tolerates the harmless warnings phones trigger.
  return { limitInputPixels: maxPixels, failOn: 'error', animated };
}

/** Orientation, crop and resize to `target` in one pipeline (sharp allows one resize per pipeline). */
function shapePipeline(
  original: Buffer,
  recipe: Recipe,
  plan: GeometryPlan,
  target: Size,
  options: { maxPixels: number; animated: boolean },
): Sharp {
  let pipeline = sharp(original, inputOptions(options.maxPixels, options.animated)).timeout({
    seconds: PIPELINE_TIMEOUT_SECONDS,
  });
  if (recipe.autoOrient && !options.animated) pipeline = pipeline.autoOrient();
  const { crop, source } = plan;
  const cropped = crop.width !== source.width || crop.height !== source.height;
  if (cropped && recipe.crop.strategy === 'attention' && !options.animated) {
    return pipeline.resize({ ...target, fit: 'cover', position: sharp.strategy.attention });
  }
  if (cropped) pipeline = pipeline.extract(crop);
  if (target.width !== crop.width || target.height !== crop.height) {
    pipeline = pipeline.resize({ ...target, fit: 'fill' });
  }
  return pipeline;
}

async function decodeBase(
  original: Buffer,
  recipe: Recipe,
  plan: GeometryPlan,
  maxPixels: number,
): Promise<RawBase> {
  // toColourspace('srgb') converts CMYK (via its profile), applies embedded ICC profiles and turns
  // 16-bit input into 8-bit, so every output starts from the same 8-bit sRGB pixels.
  const { data, info } = await shapePipeline(original, recipe, plan, plan.base, {
    maxPixels,
    animated: false,
  })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, info: { width: info.width, height: info.height, channels: info.channels } };
}

function isAnimatedOutput(output: OutputSpec, probe: PhotoProbe): boolean {
  return output.format === 'webp' && output.animated && probe.pages > 1;
}

interface OutputJob {
  output: OutputSpec;
  size: Size;
  overlays: OverlayOptions[];
  direct: boolean;
  animated: boolean;
}

function outputPipeline(
  job: OutputJob,
  context: {
    original: Buffer;
    recipe: Recipe;
    plan: GeometryPlan;
    base: RawBase | undefined;
    maxPixels: number;
  },
): Sharp {
  const { output, size } = job;
  let pipeline: Sharp;
  let hasAlpha: boolean;
  if (job.direct || context.base === undefined) {
    pipeline = shapePipeline(context.original, context.recipe, context.plan, size, {
      maxPixels: context.maxPixels,
      animated: job.animated,
    }).toColourspace('srgb');
    hasAlpha = true; // Unknown until decoded; flattening an opaque image is a no-op.
  } else {
    const { data, info } = context.base;
    pipeline = sharp(data, { raw: info });
    if (info.width !== size.width || info.height !== size.height) {
      pipeline = pipeline.resize({ ...size, fit: 'fill' });
    }
    hasAlpha = info.channels === 2 || info.channels === 4;
  }
  if (output.format === 'jpeg' && hasAlpha) pipeline = pipeline.flatten({ background: '#ffffff' });
  if (context.recipe.sharpen && !job.animated) pipeline = pipeline.sharpen({ sigma: 0.6 });
  if (job.overlays.length > 0) pipeline = pipeline.composite(job.overlays);
  return pipeline;
}

async function overlaysFor(
  recipe: Recipe,
  output: OutputSpec,
  size: Size,
  logo: Buffer | undefined,
  credits: XmpCredits,
): Promise<OverlayOptions[]> {
  if (!output.overlays) return [];
  const layers: OverlayOptions[] = [];
  if (recipe.watermark !== undefined && logo !== undefined) {
    const layer = await watermarkOverlay(logo, recipe.watermark, size);
    if (layer !== undefined) layers.push(layer);
  }
  if (recipe.textOverlay !== undefined) {
    const text = renderOverlayText(recipe.textOverlay.template, {
      byline: credits.byline ?? '',
      credit: credits.credit ?? '',
      copyright: credits.copyright ?? '',
      caption: credits.caption ?? '',
    });
    const layer = await textOverlay(text, recipe.textOverlay, size);
    if (layer !== undefined) layers.push(layer);
  }
  return layers;
}

async function readOriginal(inputPath: string): Promise<Buffer> {
  try {
    // Empty files are refused before reading; the whole file is then read once, so the original is
    // never held open (Windows locks) and every decode below shares the same bytes.
    if ((await stat(inputPath)).size === 0) throw photoErrors.emptyFile(inputPath);
    return await readFile(inputPath);
  } catch (error) {
    throw toPhotoError(error, inputPath, 'read');
  }
}

/** IIM to write next to XMP: never for 'strip'; the same credits XMP gets otherwise. */
function iimFor(policy: Recipe['metadata'], credits: XmpCredits): Buffer | undefined {
  return policy === 'strip' ? undefined : buildIim(credits);
}

function hasAnyCredit(meta: XmpCredits): boolean {
  return [meta.caption, meta.byline, meta.credit, meta.copyright].some(
    (value) => value !== undefined && value.trim() !== '',
  );
}

/**
 * Turns one original into every output of a recipe: probe (typed refusals), plan sizes and names,
 * decode once, encode each output, then write all-or-nothing. The original is only ever read.
 */
export async function processPhoto(input: ProcessPhotoInput): Promise<ProcessedOutput[]> {
  const { inputPath, recipe, meta, outDir, existingPolicy, signal } = input;
  const maxPixels = input.maxPixels ?? DEFAULT_MAX_PIXELS;
  const checkpoint = (): void => {
    if (signal?.aborted === true) throw photoErrors.cancelled(inputPath);
  };
  checkpoint();

  const original = await readOriginal(inputPath);
  const { probe } = await inspectImage(
    original,
    original.subarray(0, HEAD_BYTES),
    inputPath,
    original.length,
    { maxPixels },
  );
  const source = recipe.autoOrient
    ? { width: probe.width, height: probe.height }
    : { width: probe.storedWidth, height: probe.storedHeight };
  const plan = planGeometry(source, recipe, input.focalPoint ?? meta.focalPoint);
  const credits = mergeCredits(probe, meta);
  const metadataCredits = recipe.metadata === 'keep-all' && !hasAnyCredit(meta) ? {} : credits;

  const named = await chooseNames(
    outDir,
    plan.outputs.map(({ output, size }) => ({
      output,
      size,
      stem: renderFileStem(output.fileNamePattern ?? recipe.fileNamePattern, {
        slug: meta.slug,
        date: meta.date ?? probe.captureTime,
        seq: meta.seq,
        original: path.basename(inputPath),
        byline: credits.byline,
        width: size.width,
      }),
      extension: extensionFor(output.format),
    })),
    existingPolicy,
  ).catch((error: unknown) => {
    throw toPhotoError(error, outDir, 'write');
  });
  const logo = recipe.watermark === undefined ? undefined : await loadWatermark(recipe.watermark);
  checkpoint();

  const jobs: (OutputJob & { name: PlannedName })[] = await Promise.all(
    named.map(async ({ output, size, name }) => {
      const animated = isAnimatedOutput(output, probe);
      return {
        output,
        size,
        name,
        animated,
        direct: animated || recipe.metadata === 'keep-all',
        overlays: animated ? [] : await overlaysFor(recipe, output, size, logo, credits),
      };
    }),
  );

  let encoded: (EncodedOutput & { job: OutputJob; name: PlannedName })[];
  try {
    const base = jobs.some((job) => !job.direct)
      ? await decodeBase(original, recipe, plan, maxPixels)
      : undefined;
    checkpoint();
    const context = { original, recipe, plan, base, maxPixels };
    encoded = await Promise.all(
      jobs.map(async (job) => {
        const pipeline = applyMetadataPolicy(
          outputPipeline(job, context),
          recipe.metadata,
          probe,
          metadataCredits,
        );
        const iim =
          job.output.format === 'jpeg' ? iimFor(recipe.metadata, metadataCredits) : undefined;
        if (iim === undefined) {
          return { ...(await encodeOutput(pipeline, job.output)), job, name: job.name };
        }
        // The APP13 block counts towards a size target: search quality for what is left.
        const overhead = photoshopBlock(iim).length + 4;
        const target = job.output.targetMaxBytes;
        const spec =
          target === undefined
            ? job.output
            : { ...job.output, targetMaxBytes: Math.max(1, target - overhead) };
        const result = await encodeOutput(pipeline, spec);
        return { ...result, data: withIptc(result.data, iim), job, name: job.name };
      }),
    );
  } catch (error) {
    throw toPhotoError(error, inputPath, 'decode', maxPixels);
  }
  checkpoint();

  try {
    await mkdir(outDir, { recursive: true });
  } catch (error) {
    throw toPhotoError(error, outDir, 'write');
  }
  const written = await writeAllOrNothing(outDir, encoded, existingPolicy, signal);
  return written.map((file) => ({
    path: file.path,
    format: file.job.output.format,
    width: file.width,
    // An animated output's height is the height of the whole frame strip; report one frame.
    height: file.job.animated ? file.job.size.height : file.height,
    bytes: file.data.length,
    quality: file.quality,
    targetMet: file.targetMet,
  }));
}
