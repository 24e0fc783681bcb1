import { z } from 'zod';

/*
 * A Recipe is what a photo editor saves as "Web", "Trang nhất", "Mạng xã hội"…: how to turn one
 * original into web-ready files. It imports only zod so it can move into shared/ when the contract
 * needs it (the renderer edits recipes).
 */

/** Variables the file-name pattern understands; anything else in braces is rejected when saving. */
export const FILE_NAME_VARIABLES = ['slug', 'date', 'seq', 'original', 'byline', 'width'] as const;

/** A file-name variable, kept as a union so the renderer can offer exactly these. */
export type FileNameVariable = (typeof FILE_NAME_VARIABLES)[number];

const fileNamePattern = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine(
    (pattern) =>
      [...pattern.matchAll(/\{([^}]*)\}/g)].every((match) =>
        (FILE_NAME_VARIABLES as readonly string[]).includes(match[1] ?? ''),
      ),
    { message: `Mẫu tên tệp chỉ dùng các biến {${FILE_NAME_VARIABLES.join('}, {')}}.` },
  );

/** Where an overlay sits; the four corners cover newsroom practice, centre is for big watermarks. */
export const overlayPositionSchema = z.enum([
  'top-left',
  'top-right',
  'bottom-left',
  'bottom-right',
  'center',
]);

/** Overlay placement, shared by the logo and the byline text. */
export type OverlayPosition = z.infer<typeof overlayPositionSchema>;

/** A point of interest in the oriented image, 0..1 from the top-left, chosen by the editor per photo. */
export const focalPointSchema = z.object({
  x: z.number().min(0).max(1),
  y: z.number().min(0).max(1),
});

/** Focal point, stored per photo so the same recipe crops each photo around its subject. */
export type FocalPoint = z.infer<typeof focalPointSchema>;

/** Target aspects offered in the UI; 'free' keeps the photo's own aspect (no crop). */
export const cropAspectSchema = z.enum(['16:9', '4:3', '1:1', 'free']);

/** One of the offered aspects. */
export type CropAspect = z.infer<typeof cropAspectSchema>;

const resizeSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('none') }),
  z.object({ mode: z.literal('longEdge'), longEdge: z.int().min(16).max(20_000) }),
  z.object({
    mode: z.literal('box'),
    width: z.int().min(16).max(20_000),
    height: z.int().min(16).max(20_000),
  }),
]);

const cropSchema = z.object({
  aspect: cropAspectSchema.default('free'),
  /** 'focal' centres on the photo's focal point (centre if none); 'attention' lets libvips pick. */
  strategy: z.enum(['focal', 'attention']).default('focal'),
  focalPoint: focalPointSchema.default({ x: 0.5, y: 0.5 }),
});

/** A logo in the library's logo store: the SHA-256 of its PNG bytes. */
export const logoIdSchema = z.string().regex(/^[0-9a-f]{64}$/);

const watermarkSchema = z
  .object({
    /** The logo the editor imported (Settings of the recipe); resolved to a file by the core. */
    logoId: logoIdSchema.optional(),
    /**
     * Absolute path to a PNG logo with transparency. Set only by the core (from `logoId`) or by
     * scripts and tests; the contract refuses it from the renderer.
     */
    path: z.string().min(1).optional(),
    opacity: z.number().min(0).max(1).default(0.8),
    position: overlayPositionSchema.default('bottom-right'),
    /** Logo width as a share of the output width, so it looks the same on 1600px and 800px outputs. */
    widthRatio: z.number().min(0.02).max(1).default(0.15),
    /** Distance from the edges as a share of the output width. */
    marginRatio: z.number().min(0).max(0.2).default(0.02),
  })
  .refine((mark) => mark.logoId !== undefined || mark.path !== undefined, {
    message: 'Hãy chọn logo cho dấu bản quyền.',
  });

/** The bundled font (resources/fonts, SIL OFL) that has every Vietnamese glyph. */
export const BUNDLED_FONT_FAMILY = 'Be Vietnam Pro';

const textOverlaySchema = z.object({
  /** Text with {byline}, {credit}, {copyright}; skipped when it resolves to nothing. */
  template: z.string().min(1).max(200).default('Ảnh: {byline}'),
  fontFamily: z.string().min(1).max(100).default(BUNDLED_FONT_FAMILY),
  /**
   * A TTF/OTF to register before drawing, for PCs without a Vietnamese-capable font. Set by the
   * core (the bundled font) or by scripts; the contract refuses it from the renderer.
   */
  fontFile: z.string().min(1).optional(),
  /** Font size as a share of the output width. */
  sizeRatio: z.number().min(0.005).max(0.2).default(0.022),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .default('#ffffff'),
  shadow: z.boolean().default(true),
  position: overlayPositionSchema.default('bottom-left'),
  marginRatio: z.number().min(0).max(0.2).default(0.02),
});

const outputCommon = {
  /** Long edge of this output in pixels; never enlarges. Omitted: the recipe's size. */
  longEdge: z.int().min(16).max(20_000).optional(),
  /** Reach this size by lowering quality (binary search); `targetMet` reports failure. */
  targetMaxBytes: z.int().min(1_000).optional(),
  /** Overrides the recipe's pattern, e.g. to add "-thumb". */
  fileNamePattern: fileNamePattern.optional(),
  /** Thumbnails usually skip logo and byline: they would be unreadable. */
  overlays: z.boolean().default(true),
};

const jpegOutputSchema = z.object({
  format: z.literal('jpeg'),
  quality: z.int().min(1).max(100).default(82),
  progressive: z.boolean().default(true),
  mozjpeg: z.boolean().default(false),
  ...outputCommon,
});

const webpOutputSchema = z.object({
  format: z.literal('webp'),
  quality: z.int().min(1).max(100).default(80),
  effort: z.int().min(0).max(6).default(4),
  /** Keep all frames of an animated GIF/WebP input instead of its first frame. */
  animated: z.boolean().default(false),
  ...outputCommon,
});

const avifOutputSchema = z.object({
  format: z.literal('avif'),
  quality: z.int().min(1).max(100).default(50),
  effort: z.int().min(0).max(9).default(4),
  ...outputCommon,
});

/** One file a recipe produces; a recipe lists several (large JPEG, WebP, thumbnail…). */
export const outputSpecSchema = z.discriminatedUnion('format', [
  jpegOutputSchema,
  webpOutputSchema,
  avifOutputSchema,
]);

/** A parsed output, with defaults filled in. */
export type OutputSpec = z.infer<typeof outputSpecSchema>;

/** Output encodings, for switches that must handle each. */
export type OutputFormat = OutputSpec['format'];

/**
 * 'keep-credits' (default) keeps caption, byline, credit and copyright (written as XMP) and capture
 * time, and drops GPS, serial numbers and maker notes: sources' locations and devices stay private.
 */
export const metadataPolicySchema = z.enum(['strip', 'keep-credits', 'keep-all']);

/** What metadata travels with the published copy. */
export type MetadataPolicy = z.infer<typeof metadataPolicySchema>;

/** The whole recipe, validated at the boundary (IPC, saved settings) and trusted inside. */
export const recipeSchema = z.object({
  name: z.string().trim().min(1).max(100),
  autoOrient: z.boolean().default(true),
  resize: resizeSchema.default({ mode: 'none' }),
  crop: cropSchema.prefault({}),
  watermark: watermarkSchema.optional(),
  textOverlay: textOverlaySchema.optional(),
  sharpen: z.boolean().default(false),
  outputs: z.array(outputSpecSchema).min(1).max(8),
  metadata: metadataPolicySchema.default('keep-credits'),
  fileNamePattern: fileNamePattern.default('{slug}-{seq}-{width}'),
});

/** A recipe after parsing: every default filled in. */
export type Recipe = z.infer<typeof recipeSchema>;

/** What a caller may write: defaults may be omitted. */
export type RecipeInput = z.input<typeof recipeSchema>;

/** Parses untrusted input (IPC, JSON settings) into a complete recipe; throws a ZodError. */
export function parseRecipe(input: unknown): Recipe {
  return recipeSchema.parse(input);
}

/**
 * The recipe every newsroom starts with: a 1600px progressive JPEG for the article, the same as WebP
 * for modern browsers, and a 400px JPEG thumbnail for lists; credits kept, GPS and serials removed.
 */
export const defaultWebRecipe: Recipe = parseRecipe({
  name: 'Web',
  autoOrient: true,
  resize: { mode: 'longEdge', longEdge: 1600 },
  outputs: [
    { format: 'jpeg', longEdge: 1600, quality: 82, progressive: true },
    { format: 'webp', longEdge: 1600, quality: 80, effort: 4 },
    { format: 'jpeg', longEdge: 400, quality: 82, progressive: true, overlays: false },
  ],
  metadata: 'keep-credits',
  fileNamePattern: '{slug}-{seq}-{width}',
} satisfies RecipeInput);
