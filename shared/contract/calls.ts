import { z } from 'zod';

import type { Article, ArticleSearchHit, ArticleSummary } from '../domain/article';
import { articleDocSchema, articleLimits, articleStatuses } from '../domain/article';
import type { Diagnostics } from '../domain/diagnostics';
import type { Settings } from '../domain/settings';
import { locales } from '../domain/settings';

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
  'articles.save': call<{ version: number; updatedAt: number }>()(
    z
      .object({
        id,
        title: z.string().max(articleLimits.titleChars),
        body: articleDocSchema,
        baseVersion: z.number().int().min(0),
      })
      .strict(),
  ),
  'settings.get': call<Settings>()(noInput),
  'settings.update': call<Settings>()(
    z
      .object({
        locale: z.enum(locales).optional(),
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
