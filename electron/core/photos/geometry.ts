import type { CropAspect, FocalPoint, OutputSpec, Recipe } from '../../../shared/photos/recipe';

/*
 * Pure size arithmetic. Every output's exact width and height is known before any pixel is decoded,
 * so file names with {width} and the 'skip' policy can be decided up front, and the pipeline is told
 * exact sizes instead of trusting rounding inside libvips.
 */

/** Width and height in pixels. */
export interface Size {
  width: number;
  height: number;
}

/** A rectangle inside the oriented original. */
export interface Rect extends Size {
  left: number;
  top: number;
}

/** Width ÷ height for each named aspect; undefined keeps the photo's own aspect. */
export function aspectRatio(aspect: CropAspect): number | undefined {
  switch (aspect) {
    case '16:9':
      return 16 / 9;
    case '4:3':
      return 4 / 3;
    case '1:1':
      return 1;
    case 'free':
      return undefined;
    default: {
      const unknown: never = aspect;
      throw new Error(`Unhandled aspect ${String(unknown)}`);
    }
  }
}

/**
 * The largest rectangle of the given aspect inside `size`, centred on the focal point and slid back
 * inside the image when the point is near an edge (a face at the border still gets a full crop).
 */
export function cropRect(size: Size, ratio: number | undefined, focal: FocalPoint): Rect {
  if (ratio === undefined) return { left: 0, top: 0, ...size };
  let width = size.width;
  let height = Math.round(width / ratio);
  if (height > size.height) {
    height = size.height;
    width = Math.round(height * ratio);
  }
  width = Math.max(1, Math.min(width, size.width));
  height = Math.max(1, Math.min(height, size.height));
  const clamp = (value: number, max: number) => Math.min(Math.max(0, Math.round(value)), max);
  return {
    left: clamp(focal.x * size.width - width / 2, size.width - width),
    top: clamp(focal.y * size.height - height / 2, size.height - height),
    width,
    height,
  };
}

/** Scales `size` down to fit inside `bound`, keeping its aspect; never enlarges. */
export function fitInside(size: Size, bound: Size): Size {
  const scale = Math.min(1, bound.width / size.width, bound.height / size.height);
  if (scale >= 1) return { ...size };
  return {
    width: Math.max(1, Math.round(size.width * scale)),
    height: Math.max(1, Math.round(size.height * scale)),
  };
}

const UNBOUNDED: Size = { width: Number.POSITIVE_INFINITY, height: Number.POSITIVE_INFINITY };

function recipeBound(resize: Recipe['resize']): Size {
  switch (resize.mode) {
    case 'none':
      return UNBOUNDED;
    case 'longEdge':
      return { width: resize.longEdge, height: resize.longEdge };
    case 'box':
      return { width: resize.width, height: resize.height };
    default: {
      const unknown: never = resize;
      throw new Error(`Unhandled resize ${JSON.stringify(unknown)}`);
    }
  }
}

/** Where every output of one photo comes from and how big it will be. */
export interface GeometryPlan {
  /** Size after auto-orientation (or as stored when the recipe turns it off). */
  source: Size;
  /** Region of `source` kept by the crop (the whole image for 'free'). */
  crop: Rect;
  /** The size the original is decoded to once: the largest output. */
  base: Size;
  /** Each output spec with its exact size, in recipe order. */
  outputs: { output: OutputSpec; size: Size }[];
}

/**
 * Plans one photo: crop to the aspect, bound by the recipe's resize, then each output by its own
 * long edge. The base is the largest output, so the single decode never produces unused pixels.
 */
export function planGeometry(source: Size, recipe: Recipe, focalPoint?: FocalPoint): GeometryPlan {
  const crop = cropRect(
    source,
    aspectRatio(recipe.crop.aspect),
    focalPoint ?? recipe.crop.focalPoint,
  );
  const bounded = fitInside(crop, recipeBound(recipe.resize));
  const outputs = recipe.outputs.map((output) => ({
    output,
    size:
      output.longEdge === undefined
        ? bounded
        : fitInside(bounded, { width: output.longEdge, height: output.longEdge }),
  }));
  const base = outputs.reduce<Size>(
    (largest, { size }) =>
      size.width * size.height > largest.width * largest.height ? size : largest,
    { width: 0, height: 0 },
  );
  return { source, crop, base, outputs };
}
