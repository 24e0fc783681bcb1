import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

import sharp from 'sharp';
import type { OverlayOptions, Sharp, SharpOptions } from 'sharp';

import { planDecode } from './decodePlan';
import type { DecodeSource } from './decodePlan';
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
import type { FocalPoint, OutputFormat, OutputSpec, Recipe } from '../../../shared/photos/recipe';
import type { XmpCredits } from './xmp';

/*
 * Decode once: the original is decoded a single time, straight to the largest output size, into a
 * raw 8-bit sRGB buffer (5.5 MB for 1600×1200 instead of 36 MB at 12 MP), and every output is encoded
 * from it; clone() per output would decode again for every output (PNG and TIFF originals cannot
 * shrink on load). Two cases read the original again instead: 'keep-all' (raw pixels carry no
 * metadata to keep) and animated WebP outputs (all frames are needed).
 *
 * Where the time goes, CPU per photo on one core (sharp 0.35.5 / libvips 8.18, 4000×3000 JPEG q92
 * tagged sRGB from bench/corpus.ts, default Web recipe, median of 60 photo runs on 2 shared cores):
 *
 *   stage                                  before     now  why
 *   decode to the 1600 px base               152 ms   38 ms  decodePlan.ts: no full-size sRGB→sRGB
 *                                                            lcms pass, JPEG shrink-on-load
 *   1600 px JPEG q82 progressive              46 ms   25 ms  no clone() (encode.ts): it copied the
 *   1600 px WebP q80 effort 4                167 ms  145 ms  5.5 MB base with structuredClone on
 *   400 px JPEG (resized from the base)       28 ms    8 ms  the worker's JS thread, per output
 *   read, probe, IIM splice, three writes      7 ms    7 ms
 *   total                                    400 ms  223 ms
 *
 * The WebP encode now dominates, as it does for every tool that makes these outputs.
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

interface ShapeOptions {
  maxPixels: number;
  animated: boolean;
  /** How the embedded ICC profile is handled (decodePlan.ts); sharp's default otherwise. */
  icc?: DecodeSource['icc'] | undefined;
}

/** Orientation, crop and resize to `target` in one pipeline (sharp allows one resize per pipeline). */
function shapePipeline(
  input: Buffer | string,
  recipe: Recipe,
  plan: GeometryPlan,
  target: Size,
  options: ShapeOptions,
): Sharp {
  const icc = options.animated ? 'sharp' : (options.icc ?? 'sharp');
  let pipeline = sharp(input, {
    ...inputOptions(options.maxPixels, options.animated),
    ignoreIcc: icc !== 'sharp',
  }).timeout({ seconds: PIPELINE_TIMEOUT_SECONDS });
  // From the embedded profile (still attached to the pixels) to sRGB, after the resize; the profile
  // is not attached to the result: every output is plain sRGB.
  if (icc === 'after-resize') pipeline = pipeline.withIccProfile('srgb', { attach: false });
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
  source: DecodeSource,
  recipe: Recipe,
  plan: GeometryPlan,
  maxPixels: number,
): Promise<RawBase> {
  // toColourspace('srgb') converts CMYK (via its profile), applies embedded ICC profiles (or leaves
  // them to decodePlan.ts's choice) and turns 16-bit input into 8-bit, so every output starts from
  // the same 8-bit sRGB pixels.
  const decode = (input: Buffer | string) =>
    shapePipeline(input, recipe, plan, plan.base, { maxPixels, animated: false, icc: source.icc })
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
  let decoded: Awaited<ReturnType<typeof decode>>;
  try {
    decoded = await decode(source.input);
  } catch (error) {
    // Reading the path again (shrink-on-load) must never fail a photo the bytes in hand can make:
    // retry from them, so a damaged file reports the same error either way.
    if (source.input === original) throw error;
    decoded = await decode(original);
  }
  const { data, info } = decoded;
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
    // never held open (Windows locks) and the probe and every decode share the same bytes. The one
    // exception, a JPEG decoded with shrink-on-load, opens the file by path for that decode only
    // and falls back to these bytes if that fails (decodePlan.ts).
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
  const { probe, metadata } = await inspectImage(
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
      ? await decodeBase(
          original,
          await planDecode({
            inputPath,
            original,
            probe,
            metadata,
            plan,
            autoOrient: recipe.autoOrient,
          }),
          recipe,
          plan,
          maxPixels,
        )
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
