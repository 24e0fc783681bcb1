import type {
  CropAspect,
  FileNameVariable,
  MetadataPolicy,
  OutputFormat,
  OutputSpec,
  OverlayPosition,
  Recipe,
} from '../../../shared/photos/recipe';
import { BUNDLED_FONT_FAMILY, FILE_NAME_VARIABLES } from '../../../shared/photos/recipe';
import type { PhotoDeskLabels } from './labels';

/*
 * The recipe editor's form state and its checks, kept pure so they test without a DOM. Numbers are
 * held as the text the editor typed, so a half-typed "1" or an empty box is not silently coerced;
 * `draftToRecipe` mirrors the limits of `recipeSchema` and answers Vietnamese messages per field.
 */

/** One output row as typed; `rest` keeps fields the form does not show (overlays, animated…). */
export interface OutputDraft {
  key: number;
  format: OutputFormat;
  longEdge: string;
  quality: string;
  progressive: boolean;
  mozjpeg: boolean;
  effort: string;
  targetKb: string;
  rest: { fileNamePattern?: string; overlays: boolean; animated: boolean };
}

/** The logo stamp as typed: percentages as text, the logo by its hash in the logo store. */
export interface WatermarkDraft {
  logoId: string;
  opacity: string;
  position: OverlayPosition;
  size: string;
  marginRatio: number;
}

/** The whole form; `textFont` and `textStyle` carry the overlay's look through unchanged. */
export interface RecipeDraft {
  name: string;
  autoOrient: boolean;
  resizeMode: Recipe['resize']['mode'];
  longEdge: string;
  boxWidth: string;
  boxHeight: string;
  aspect: CropAspect;
  strategy: Recipe['crop']['strategy'];
  focalX: string;
  focalY: string;
  sharpen: boolean;
  watermarkOn: boolean;
  watermark: WatermarkDraft;
  text: boolean;
  textTemplate: string;
  textPosition: OverlayPosition;
  textStyle: Omit<NonNullable<Recipe['textOverlay']>, 'template' | 'fontFile'> | null;
  outputs: OutputDraft[];
  metadata: MetadataPolicy;
  fileNamePattern: string;
}

/** Field name → message; output fields are keyed `output.<index>.<field>`. */
export type DraftErrors = Record<string, string>;

/** Most outputs a recipe may have (the schema's limit). */
export const MAX_OUTPUTS = 8;

/** Defaults a new row starts from, per format, equal to the schema's defaults. */
const FORMAT_DEFAULTS: Record<
  OutputFormat,
  { quality: number; effort: number; maxEffort: number }
> = {
  jpeg: { quality: 82, effort: 0, maxEffort: 0 },
  webp: { quality: 80, effort: 4, maxEffort: 6 },
  avif: { quality: 50, effort: 4, maxEffort: 9 },
};

/** Highest effort for a format, for the input's `max` and its message. */
export function maxEffort(format: OutputFormat): number {
  return FORMAT_DEFAULTS[format].maxEffort;
}

let nextKey = 1;

/** A row for an output spec, numbers turned into text. */
export function outputToDraft(output: OutputSpec): OutputDraft {
  return {
    key: nextKey++,
    format: output.format,
    longEdge: output.longEdge === undefined ? '' : String(output.longEdge),
    quality: String(output.quality),
    progressive: output.format === 'jpeg' ? output.progressive : true,
    mozjpeg: output.format === 'jpeg' ? output.mozjpeg : false,
    effort: String(output.format === 'jpeg' ? 4 : output.effort),
    targetKb: output.targetMaxBytes === undefined ? '' : String(output.targetMaxBytes / 1000),
    rest: {
      ...(output.fileNamePattern === undefined ? {} : { fileNamePattern: output.fileNamePattern }),
      overlays: output.overlays,
      animated: output.format === 'webp' ? output.animated : false,
    },
  };
}

/** A fresh row: WebP is what a newsroom usually adds next to the JPEG. */
export function newOutputDraft(format: OutputFormat = 'webp'): OutputDraft {
  return changeFormat(
    outputToDraft({
      format: 'jpeg',
      quality: 82,
      progressive: true,
      mozjpeg: false,
      overlays: true,
    }),
    format,
  );
}

/** Switches a row's format and resets quality and effort to that format's defaults. */
export function changeFormat(row: OutputDraft, format: OutputFormat): OutputDraft {
  const defaults = FORMAT_DEFAULTS[format];
  return {
    ...row,
    format,
    quality: String(defaults.quality),
    effort: String(format === 'jpeg' ? 4 : defaults.effort),
  };
}

/** The form for a saved recipe. */
export function recipeToDraft(recipe: Recipe): RecipeDraft {
  const { resize, crop, textOverlay } = recipe;
  const style = textOverlay ? withoutTextFields(textOverlay) : null;
  return {
    name: recipe.name,
    autoOrient: recipe.autoOrient,
    resizeMode: resize.mode,
    longEdge: resize.mode === 'longEdge' ? String(resize.longEdge) : '1600',
    boxWidth: resize.mode === 'box' ? String(resize.width) : '1600',
    boxHeight: resize.mode === 'box' ? String(resize.height) : '900',
    aspect: crop.aspect,
    strategy: crop.strategy,
    focalX: String(Math.round(crop.focalPoint.x * 100)),
    focalY: String(Math.round(crop.focalPoint.y * 100)),
    sharpen: recipe.sharpen,
    watermarkOn: recipe.watermark?.logoId !== undefined,
    watermark: {
      logoId: recipe.watermark?.logoId ?? '',
      opacity: String(Math.round((recipe.watermark?.opacity ?? 0.8) * 100)),
      position: recipe.watermark?.position ?? 'bottom-right',
      size: String(Math.round((recipe.watermark?.widthRatio ?? 0.15) * 100)),
      marginRatio: recipe.watermark?.marginRatio ?? 0.02,
    },
    text: textOverlay !== undefined,
    textTemplate: textOverlay?.template ?? 'Ảnh: {byline}',
    textPosition: textOverlay?.position ?? 'bottom-left',
    textStyle: style,
    outputs: recipe.outputs.map(outputToDraft),
    metadata: recipe.metadata,
    fileNamePattern: recipe.fileNamePattern,
  };
}

function withoutTextFields(
  overlay: NonNullable<Recipe['textOverlay']>,
): NonNullable<RecipeDraft['textStyle']> {
  const { fontFamily, sizeRatio, color, shadow, position, marginRatio } = overlay;
  return { fontFamily, sizeRatio, color, shadow, position, marginRatio };
}

const TEXT_STYLE_DEFAULTS: NonNullable<RecipeDraft['textStyle']> = {
  fontFamily: BUNDLED_FONT_FAMILY,
  sizeRatio: 0.022,
  color: '#ffffff',
  shadow: true,
  position: 'bottom-left',
  marginRatio: 0.02,
};

/** Reads a whole number within limits, or null. */
function intIn(text: string, min: number, max: number): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= min && value <= max ? value : null;
}

/** Unknown `{names}` in a file-name pattern, for the message. */
export function unknownVariables(pattern: string): string[] {
  const known: readonly string[] = FILE_NAME_VARIABLES;
  return [...pattern.matchAll(/\{([^}]*)\}/g)]
    .map((match) => match[1] ?? '')
    .filter((name) => !known.includes(name));
}

/**
 * The recipe to send, or the messages per field. The logo goes by its hash in the logo store,
 * never by a path (the main side refuses paths from the renderer); the overlay's font file is
 * dropped for the same reason and the main side adds the bundled font.
 */
export function draftToRecipe(
  draft: RecipeDraft,
  messages: PhotoDeskLabels['recipe']['errors'],
): { recipe: Recipe; errors: null } | { recipe: null; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const need = (key: string, value: number | null, message: string): number => {
    if (value === null) errors[key] = message;
    return value ?? 0;
  };
  const name = draft.name.trim();
  if (name.length < 1 || name.length > 100) errors.name = messages.name;

  let resize: Recipe['resize'] = { mode: 'none' };
  if (draft.resizeMode === 'longEdge') {
    const longEdge = need('longEdge', intIn(draft.longEdge, 16, 20_000), messages.edge);
    resize = { mode: 'longEdge', longEdge };
  } else if (draft.resizeMode === 'box') {
    const width = need('boxWidth', intIn(draft.boxWidth, 16, 20_000), messages.edge);
    const height = need('boxHeight', intIn(draft.boxHeight, 16, 20_000), messages.edge);
    resize = { mode: 'box', width, height };
  }

  const x = need('focalX', intIn(draft.focalX, 0, 100), messages.focal);
  const y = need('focalY', intIn(draft.focalY, 0, 100), messages.focal);

  if (draft.outputs.length < 1 || draft.outputs.length > MAX_OUTPUTS) {
    errors.outputs = messages.outputs;
  }
  const outputs = draft.outputs.map((row, index) => rowToOutput(row, `output.${index}.`));

  const pattern = draft.fileNamePattern.trim();
  const unknown = unknownVariables(pattern);
  if (pattern.length < 1 || pattern.length > 200) errors.pattern = messages.pattern;
  else if (unknown[0] !== undefined) errors.pattern = messages.patternVariable(unknown[0]);

  const template = draft.textTemplate;
  if (draft.text && (template.trim().length < 1 || template.length > 200)) {
    errors.textTemplate = messages.text;
  }

  let watermark: Recipe['watermark'];
  if (draft.watermarkOn) {
    const mark = draft.watermark;
    if (!/^[0-9a-f]{64}$/.test(mark.logoId)) errors.logo = messages.logo;
    const opacity = need('logoOpacity', intIn(mark.opacity, 0, 100), messages.opacity);
    const size = need('logoSize', intIn(mark.size, 2, 100), messages.logoSize);
    watermark = {
      logoId: mark.logoId,
      opacity: opacity / 100,
      position: mark.position,
      widthRatio: size / 100,
      marginRatio: mark.marginRatio,
    };
  }

  if (Object.keys(errors).length > 0) return { recipe: null, errors };
  return {
    errors: null,
    recipe: {
      name,
      autoOrient: draft.autoOrient,
      resize,
      crop: {
        aspect: draft.aspect,
        strategy: draft.strategy,
        focalPoint: { x: x / 100, y: y / 100 },
      },
      ...(watermark ? { watermark } : {}),
      ...(draft.text
        ? {
            textOverlay: {
              ...(draft.textStyle ?? TEXT_STYLE_DEFAULTS),
              position: draft.textPosition,
              template,
            },
          }
        : {}),
      sharpen: draft.sharpen,
      outputs,
      metadata: draft.metadata,
      fileNamePattern: pattern,
    },
  };

  function rowToOutput(row: OutputDraft, prefix: string): OutputSpec {
    const longEdge =
      row.longEdge.trim() === ''
        ? undefined
        : need(`${prefix}longEdge`, intIn(row.longEdge, 16, 20_000), messages.edge);
    const quality = need(`${prefix}quality`, intIn(row.quality, 1, 100), messages.quality);
    const kb =
      row.targetKb.trim() === ''
        ? undefined
        : need(`${prefix}targetKb`, intIn(row.targetKb, 1, 1_000_000), messages.targetKb);
    const common = {
      ...(longEdge === undefined ? {} : { longEdge }),
      ...(kb === undefined ? {} : { targetMaxBytes: kb * 1000 }),
      ...(row.rest.fileNamePattern === undefined
        ? {}
        : { fileNamePattern: row.rest.fileNamePattern }),
      overlays: row.rest.overlays,
      quality,
    };
    if (row.format === 'jpeg') {
      return { format: 'jpeg', ...common, progressive: row.progressive, mozjpeg: row.mozjpeg };
    }
    const max = maxEffort(row.format);
    const effort = need(`${prefix}effort`, intIn(row.effort, 0, max), messages.effort(max));
    return row.format === 'webp'
      ? { format: 'webp', ...common, effort, animated: row.rest.animated }
      : { format: 'avif', ...common, effort };
  }
}

const EXAMPLE_VALUES: Record<Exclude<FileNameVariable, 'width'>, string> = {
  slug: 'ky-hop-hdnd',
  date: '2024-05-06',
  seq: '1',
  original: 'DSC_0142',
  byline: 'minh-anh',
};

/**
 * What the first output of a photo would be called, e.g. `ky-hop-hdnd-1-1600.jpg`, so the editor
 * sees the pattern's effect while typing. The width is the output's long edge (a landscape photo).
 */
export function exampleFileName(draft: RecipeDraft): string {
  const first = draft.outputs[0];
  const edge =
    (first && intIn(first.longEdge, 16, 20_000)) ??
    (draft.resizeMode === 'longEdge' ? intIn(draft.longEdge, 16, 20_000) : null) ??
    (draft.resizeMode === 'box' ? intIn(draft.boxWidth, 16, 20_000) : null) ??
    4000;
  const extension = first?.format === 'jpeg' || !first ? 'jpg' : first.format;
  const name = draft.fileNamePattern
    .trim()
    .replace(/\{([^}]*)\}/g, (whole, variable: string) =>
      variable === 'width'
        ? String(edge)
        : (EXAMPLE_VALUES[variable as keyof typeof EXAMPLE_VALUES] ?? whole),
    );
  return `${name}.${extension}`;
}

/** Inserts `text` at a selection, answering the new value and where the cursor goes. */
export function insertAt(
  value: string,
  text: string,
  start: number | null,
  end: number | null,
): { value: string; cursor: number } {
  const from = start ?? value.length;
  const to = end ?? from;
  return { value: value.slice(0, from) + text + value.slice(to), cursor: from + text.length };
}
