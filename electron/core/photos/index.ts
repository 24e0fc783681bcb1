/*
 * The photo engine's public surface: what the batch queue, the IPC handlers and the web bridge may
 * call. Everything else in this folder is an implementation detail.
 */
export { sha256File } from './contentHash';
export { DEFAULT_MAX_PIXELS, HEIC_HELP, PhotoError, isPhotoError, toPhotoError } from './errors';
export type { PhotoErrorCode, PhotoStage } from './errors';
export { foldVietnamese, renderFileStem, sanitizeFileStem } from './fileName';
export type { FileNameValues } from './fileName';
export type { ExistingPolicy } from './outputFiles';
export {
  NEAR_DUPLICATE_DISTANCE,
  differenceHash,
  hammingDistance,
  isNearDuplicate,
} from './perceptualHash';
export { planGeometry } from './geometry';
export type { GeometryPlan, Size } from './geometry';
export { probePhoto } from './probe';
export type { PhotoProbe, ProbeOptions } from './probe';
export { processPhoto } from './process';
export type { PhotoMeta, ProcessPhotoInput, ProcessedOutput } from './process';
export {
  FILE_NAME_VARIABLES,
  defaultWebRecipe,
  parseRecipe,
  recipeSchema,
  outputSpecSchema,
  metadataPolicySchema,
  focalPointSchema,
} from '../../../shared/photos/recipe';
export type {
  CropAspect,
  FocalPoint,
  MetadataPolicy,
  OutputFormat,
  OutputSpec,
  Recipe,
  RecipeInput,
} from '../../../shared/photos/recipe';
