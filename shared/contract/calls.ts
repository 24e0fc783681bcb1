import { z } from 'zod';

import type {
  Article,
  ArticleSearchHit,
  ArticleSummary,
  AuthorProfile,
  Category,
} from '../domain/article';
import { articleLimits, articleMetaSchema, articleStatuses, storedText } from '../domain/article';
import type { ImportedImage } from '../domain/media';
import { articleBodySchema } from '../editor/bodySchema';
import { uploadCalls } from './uploadCalls';
import { libraryMoveCalls } from './libraryMoveCalls';
import { photoListFields, photoSearchCalls } from './photoSearchCalls';
import type { CaptionTemplate, JobStatus, PhotoImportReport } from '../photos/desk';
import type { LogoRecord, NearDuplicate, PhotoRecord } from '../photos/photoRecord';
import { focalPointSchema, recipeSchema } from '../photos/recipe';
import type { SavedRecipe } from '../photos/savedRecipe';
import { maxImportBytes } from '../domain/media';
import type { Revision, RevisionSummary } from '../domain/revision';
import type { Diagnostics } from '../domain/diagnostics';
import type { Settings } from '../domain/settings';
import { locales, toneStyles } from '../domain/settings';
import type { CallSpec } from './callSpec';
import { call, id, noInput } from './callSpec';
import { securityCalls } from './securityCalls';
import { recoveryCalls } from './recoveryCalls';
import { portalPullCalls } from './portalPullCalls';
import { portalLinkCalls } from './portalLinkCalls';
import { syncCalls } from './syncCalls';
import { photoDeskCalls } from './photoDeskCalls';
import { portalSecretCalls } from './portalSecretCalls';
import { workflowCalls } from './workflowCalls';

export type { CallSpec } from './callSpec';

/**
 * Every call the renderer can make, by domain verb. Electron's IPC, the preload bridge, the web
 * bridge and the renderer's client are all built from this map, so a call exists everywhere or
 * nowhere.
 */
export const calls = {
  'articles.list': call<ArticleSummary[]>()(
    z
      .object({
        status: z.enum(articleStatuses).optional(),
        authorId: id.optional(),
        categoryId: id.optional(),
        updatedFrom: z.number().int().optional(),
        updatedTo: z.number().int().optional(),
        sort: z.enum(['updated', 'created', 'title']).default('updated'),
        limit: z.number().int().min(1).max(500).default(200),
      })
      .strict(),
  ),
  'articles.search': call<ArticleSearchHit[]>()(
    z
      .object({
        query: z.string().trim().min(1).max(200),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
  ),
  'articles.get': call<Article>()(z.object({ id }).strict()),
  'articles.create': call<Article>()(
    z.object({ title: storedText(articleLimits.titleChars).default('') }).strict(),
  ),
  'articles.save': call<{ version: number; updatedAt: number; slug: string }>()(
    z
      .object({
        id,
        title: storedText(articleLimits.titleChars),
        meta: articleMetaSchema,
        body: articleBodySchema,
        baseVersion: z.number().int().min(0),
      })
      .strict(),
  ),
  'articles.exportHtml': call<{ folder: string; files: string[] }>()(z.object({ id }).strict()),
  'revisions.list': call<RevisionSummary[]>()(z.object({ articleId: id }).strict()),
  'revisions.create': call<RevisionSummary>()(z.object({ articleId: id }).strict()),
  'revisions.get': call<Revision>()(z.object({ id: z.number().int().min(1) }).strict()),
  'revisions.restore': call<Article>()(
    z
      .object({
        articleId: id,
        revisionId: z.number().int().min(1),
        baseVersion: z.number().int().min(0),
      })
      .strict(),
  ),
  'media.importImage': call<ImportedImage>()(
    z
      .object({
        fileName: z.string().min(1).max(255),
        dataBase64: z
          .string()
          .min(1)
          .max(Math.ceil((maxImportBytes * 4) / 3) + 4)
          .regex(/^[A-Za-z0-9+/]*={0,2}$/),
      })
      .strict(),
  ),
  'photos.import': call<PhotoImportReport>()(
    z
      .object({
        files: z
          .array(
            z
              .object({
                name: z.string().min(1).max(255),
                dataBase64: z.string().max(Math.ceil((maxImportBytes * 4) / 3) + 4),
              })
              .strict(),
          )
          .min(1)
          .max(20),
        event: z.string().max(200).default(''),
      })
      .strict(),
  ),
  'photos.list': call<{ photos: PhotoRecord[]; total: number }>()(
    z.object(photoListFields).strict(),
  ),
  'photos.events': call<Array<{ event: string; count: number }>>()(noInput),
  'photos.duplicates': call<NearDuplicate[]>()(noInput),
  'photos.resolveDuplicate': call<null>()(
    z.object({ photoId: id, similarId: id, keep: z.enum(['both', 'first', 'second']) }).strict(),
  ),
  'photos.updateCaptions': call<PhotoRecord[]>()(
    z
      .object({
        ids: z.array(id).min(1).max(1000),
        caption: z.string().max(2000).optional(),
        byline: z.string().max(300).optional(),
        credit: z.string().max(300).optional(),
        altText: z.string().max(500).optional(),
      })
      .strict(),
  ),
  'photos.applyTemplate': call<PhotoRecord[]>()(
    z
      .object({
        ids: z.array(id).min(1).max(1000),
        template: z.string().min(1).max(2000),
        place: z.string().max(200).default(''),
      })
      .strict(),
  ),
  'photos.codes': call<Array<{ code: string; expansion: string }>>()(noInput),
  'photos.setCode': call<null>()(
    z
      .object({ code: z.string().regex(/^[\p{L}\p{N}_-]{1,30}$/u), expansion: z.string().max(500) })
      .strict(),
  ),
  'photos.removeCode': call<null>()(z.object({ code: z.string().min(1).max(30) }).strict()),
  'photos.templates': call<CaptionTemplate[]>()(noInput),
  'photos.saveTemplate': call<CaptionTemplate>()(
    z
      .object({
        id: id.optional(),
        name: z.string().trim().min(1).max(100),
        template: z.string().min(1).max(2000),
      })
      .strict(),
  ),
  'photos.process': call<{ jobId: string }>()(
    z
      .object({
        ids: z.array(id).min(1).max(5000),
        existingPolicy: z.enum(['rename', 'skip', 'overwrite']).default('rename'),
        recipeId: id.optional(),
      })
      .strict(),
  ),
  'photos.setFocalPoint': call<PhotoRecord[]>()(
    z
      .object({ ids: z.array(id).min(1).max(1000), focalPoint: focalPointSchema.nullable() })
      .strict(),
  ),
  'logos.import': call<LogoRecord>()(
    z
      .object({
        fileName: z.string().min(1).max(255),
        // 5 MB of PNG at most (base64 is 4/3 of it).
        dataBase64: z
          .string()
          .min(1)
          .max(Math.ceil((5 * 1024 * 1024 * 4) / 3) + 4)
          .regex(/^[A-Za-z0-9+/]*={0,2}$/),
      })
      .strict(),
  ),
  'logos.list': call<LogoRecord[]>()(noInput),
  'recipes.list': call<SavedRecipe[]>()(noInput),
  'recipes.save': call<SavedRecipe>()(
    z
      .object({
        id: id.optional(),
        // Watermark logos and font files are paths on disk: the renderer may not name them.
        recipe: recipeSchema.refine(
          (recipe) => recipe.watermark?.path === undefined && !recipe.textOverlay?.fontFile,
          {
            message:
              'Logo và phông chữ được chọn trong thư viện logo của máy, không gửi đường dẫn tệp.',
          },
        ),
      })
      .strict(),
  ),
  'recipes.delete': call<null>()(z.object({ id }).strict()),
  'recipes.setDefault': call<SavedRecipe[]>()(z.object({ id }).strict()),
  'jobs.status': call<JobStatus>()(
    z.object({ jobId: id, items: z.boolean().default(true) }).strict(),
  ),
  'jobs.pause': call<JobStatus>()(z.object({ jobId: id }).strict()),
  'jobs.resume': call<JobStatus>()(z.object({ jobId: id }).strict()),
  'jobs.cancel': call<JobStatus>()(z.object({ jobId: id }).strict()),
  'authors.list': call<AuthorProfile[]>()(noInput),
  'authors.save': call<AuthorProfile>()(
    z
      .object({
        id: id.optional(),
        name: z.string().trim().min(1).max(200),
        position: z.string().trim().max(300).default(''),
      })
      .strict(),
  ),
  'categories.list': call<Category[]>()(noInput),
  'categories.save': call<Category>()(
    z
      .object({
        id: id.optional(),
        parentId: id.nullable().default(null),
        title: z.string().trim().min(1).max(250),
        alias: z.string().max(250).optional(),
      })
      .strict(),
  ),
  'settings.get': call<Settings>()(noInput),
  'settings.update': call<Settings>()(
    z
      .object({
        locale: z.enum(locales).optional(),
        toneStyle: z.enum(toneStyles).optional(),
        newsroomWords: z.array(z.string().trim().min(1).max(60)).max(5000).optional(),
        lastArticleId: id.nullable().optional(),
      })
      .strict(),
  ),
  'app.diagnostics': call<Diagnostics>()(noInput),
  ...workflowCalls,
  ...syncCalls,
  ...photoDeskCalls,
  ...portalSecretCalls,
  ...securityCalls,
  ...recoveryCalls,
  ...portalPullCalls,
  ...portalLinkCalls,
  ...uploadCalls,
  ...libraryMoveCalls,
  ...photoSearchCalls,
} as const;

/** The name of a contract call, e.g. `articles.save`. */
export type CallName = keyof typeof calls;

/** What a caller passes (defaults still optional). */
export type CallInput<K extends CallName> = z.input<(typeof calls)[K]['input']>;

/** What a handler receives after validation (defaults applied). */
export type CallArgs<K extends CallName> = z.output<(typeof calls)[K]['input']>;

/** What a call returns on success. */
export type CallOutput<K extends CallName> =
  (typeof calls)[K] extends CallSpec<z.ZodType, infer O> ? O : never;

/** All call names, for binding loops. */
export const callNames = Object.keys(calls) as CallName[];

/** Narrows an arbitrary string to a call name. */
export function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(calls, name);
}
