import { z } from 'zod';

import type {
  Article,
  ArticleSearchHit,
  ArticleSummary,
  AuthorProfile,
  Category,
} from '../domain/article';
import {
  articleDocSchema,
  articleLimits,
  articleMetaSchema,
  articleStatuses,
} from '../domain/article';
import type { ImportedImage } from '../domain/media';
import { maxImportBytes } from '../domain/media';
import type { Revision, RevisionSummary } from '../domain/revision';
import type { Diagnostics } from '../domain/diagnostics';
import type { Settings } from '../domain/settings';
import { locales, toneStyles } from '../domain/settings';

/**
 * A call in the contract: its input schema and (as a phantom type) its result. The result is a
 * type only: the main side builds it, so there is nothing to validate on the way back.
 */
export interface CallSpec<I extends z.ZodType, O> {
  input: I;
  /** Phantom: never set at run time; carries the result type. */
  readonly output?: O;
}

function call<O>() {
  return <I extends z.ZodType>(input: I): CallSpec<I, O> => ({ input });
}

const id = z.string().uuid();
const noInput = z.object({}).strict();

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
    z.object({ title: z.string().max(articleLimits.titleChars).default('') }).strict(),
  ),
  'articles.save': call<{ version: number; updatedAt: number; slug: string }>()(
    z
      .object({
        id,
        title: z.string().max(articleLimits.titleChars),
        meta: articleMetaSchema,
        body: articleDocSchema,
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
