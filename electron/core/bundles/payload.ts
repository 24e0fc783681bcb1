import { z } from 'zod';

import { mediaPathPattern } from './container';
import { articleMetaSchema, articleStatuses } from '../../../shared/domain/article';
import { articleBodySchema } from '../../../shared/editor/bodySchema';
import { userNameSchema } from '../../../shared/workflow/accounts';
import { roles } from '../../../shared/workflow/roles';
import { chainPayload, signaturePayload } from './signatures';

/*
 * What a bundle's JSON entries hold, as zod schemas: whatever a bundle says is untrusted until
 * it has passed these (and the container's checksums).
 */

const text = (max: number) => z.string().max(max);
const nullableText = (max: number) => z.string().max(max).nullable();

/** One revision snapshot, identified across workstations by its global id. */
export const revisionPayload = z.object({
  globalId: z.string().min(1).max(64),
  createdAt: z.number().int(),
  reason: text(20),
  articleVersion: z.number().int().min(0),
  title: text(500),
  meta: z.record(z.string(), z.unknown()),
  body: articleBodySchema,
  /** Signed by whoever's session took it (bundles from before signing have none). */
  sig: signaturePayload.nullable().optional(),
});

/** A comment with its anchor and tombstone, as stored. */
export const commentPayload = z.object({
  id: z.string().uuid(),
  kind: z.enum(['inline', 'general']),
  body: text(5000),
  authorId: text(64),
  authorName: text(200),
  originalQuote: nullableText(2000),
  quote: nullableText(2000),
  prefix: nullableText(200),
  suffix: nullableText(200),
  anchorFrom: z.number().int().nullable(),
  anchorTo: z.number().int().nullable(),
  anchorOffset: z.number().int().nullable(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  resolvedAt: z.number().int().nullable(),
  resolvedBy: nullableText(64),
  resolvedByName: nullableText(200),
  deletedAt: z.number().int().nullable(),
  /** The author's signature of the comment, and the last state change's (resolve, delete). */
  sig: signaturePayload.nullable().optional(),
  stateSig: signaturePayload.nullable().optional(),
});

/** An audit entry as stored (it stays append-only on the receiving side). */
export const auditPayload = z.object({
  id: z.string().uuid(),
  at: z.number().int(),
  action: text(20),
  transition: nullableText(30),
  fromStatus: nullableText(30),
  toStatus: nullableText(30),
  userId: nullableText(64),
  userName: text(200),
  userRole: nullableText(20),
  note: text(2000),
  workstationId: text(100),
  workstationName: text(100),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  /** The entry's link in the article's hash chain and its author's signature. */
  chain: chainPayload.nullable().optional(),
  sig: signaturePayload.nullable().optional(),
});

/**
 * An account an entry's user ids point to, as the sending workstation knows it. Accounts are per
 * workstation, so the receiving side recognises the same person by sign-in name; the name is
 * compared in NFC, whatever form the sender wrote it in.
 */
export const userPayload = z.object({
  id: z.string().min(1).max(64),
  userName: z
    .string()
    .max(200)
    .transform((name) => name.normalize('NFC'))
    .pipe(userNameSchema),
  displayName: text(200),
  role: z.enum(roles),
});

/** The parsed form of a bundle's account entry. */
export type UserPayload = z.infer<typeof userPayload>;

/** `articles/<id>.json`. */
export const articlePayload = z.object({
  article: z.object({
    id: z.string().uuid(),
    title: text(500),
    status: z.enum(articleStatuses),
    createdAt: z.number().int(),
    updatedAt: z.number().int(),
    createdBy: nullableText(64),
    createdByName: text(200),
    statusChangedAt: z.number().int().nullable(),
    // Older Newsdesk versions stored slugs longer than today's limit; the core cuts them on read.
    meta: articleMetaSchema.extend({ slug: z.string().max(1000) }),
    body: articleBodySchema,
  }),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  lineage: z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(10_000),
  revisions: z.array(revisionPayload).max(10_000),
  comments: z.array(commentPayload).max(10_000),
  audit: z.array(auditPayload).max(100_000),
  /** The hash of the chain's newest entry when the bundle was written. */
  head: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable()
    .optional(),
  /** The accounts the ids above name (bundles written before this field have none). */
  users: z
    .array(userPayload)
    .max(1000)
    .refine((users) => new Set(users.map((user) => user.id)).size === users.length, {
      message: 'duplicate user id',
    })
    .optional(),
});

/** The parsed form of an article entry. */
export type ArticlePayload = z.infer<typeof articlePayload>;

/** `photos.json`: library records of the photos the articles use. */
export const photosPayload = z.array(
  z.object({
    id: z.string().uuid(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    mediaPath: z.string().regex(mediaPathPattern),
    originalName: text(255),
    bytes: z.number().int().min(0),
    format: text(20),
    width: z.number().int().min(0),
    height: z.number().int().min(0),
    orientation: z.number().int(),
    captureTime: nullableText(40),
    camera: text(200),
    hasGps: z.boolean(),
    caption: text(5000),
    captionMissing: z.boolean(),
    byline: text(300),
    credit: text(300),
    copyright: text(300),
    dhash: text(32),
    event: text(200),
    importedAt: z.number().int(),
  }),
);

/** `directory.json`: author profiles and categories the articles point to. */
export const directoryPayload = z.object({
  authors: z.array(z.object({ id: z.string().uuid(), name: text(200), position: text(300) })),
  categories: z.array(
    z.object({
      id: z.string().uuid(),
      parentId: z.string().uuid().nullable(),
      title: text(250),
      alias: text(250),
    }),
  ),
});

/** `recipes.json`: the recipes used for the photos (paths to logos and fonts are not carried). */
export const recipesPayload = z.array(z.object({ name: text(100), recipe: z.unknown() }));
