import { createHash } from 'node:crypto';

import { z } from 'zod';

import type { ArticleMeta, ArticleStatus, DocNode } from '../../../shared/domain/article';
import { articleStatuses } from '../../../shared/domain/article';
import type { SigningKey } from '../auth/keys';
import { signBytes, verifyBytes } from '../auth/keys';
import { canonicalJson } from './contentHash';

/*
 * What exactly is signed (docs/signing.md). Every form is canonical JSON (sorted keys) of the
 * fields that travel in a bundle, naming people by sign-in name (account ids differ per
 * workstation). The receiving side rebuilds the same form from the bundle and checks the
 * signature against the key its roster has for that name.
 */

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const base64 = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/);

/** A signature as it travels: who signed, with which public key, and the signature. */
export const signaturePayload = z.object({
  signer: z.string().min(1).max(200),
  publicKey: base64,
  signature: base64,
});
/** A parsed signature. */
export type SignaturePayload = z.infer<typeof signaturePayload>;

/** Where the first chained entry of an article starts from (legacy history it vouches for). */
export const genesisPayload = z.object({
  status: z.enum(articleStatuses),
  owner: z.string().max(200).nullable(),
  textHash: hex64,
  legacy: z.array(hex64).max(100_000),
});
/** A parsed genesis. */
export type Genesis = z.infer<typeof genesisPayload>;

/** An audit entry's place in its article's hash chain. */
export const chainPayload = z.object({
  prev: hex64.nullable(),
  hash: hex64,
  textHash: hex64.nullable(),
  genesis: genesisPayload.nullable(),
});
/** A parsed chain link. */
export type ChainLink = z.infer<typeof chainPayload>;

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The hash of an article's text and fields (status aside), bound to the article's id. */
export function textHash(
  articleId: string,
  content: { title: string; meta: ArticleMeta; body: DocNode },
): string {
  return sha256(
    canonicalJson({ articleId, title: content.title, meta: content.meta, body: content.body }),
  );
}

/** The fields of an audit entry that are signed (as in the bundle's `audit` list). */
export interface AuditFields {
  id: string;
  at: number;
  action: string;
  transition: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  userName: string;
  userRole: string | null;
  note: string;
  workstationId: string;
  workstationName: string;
  details: Record<string, string | number | boolean | null>;
}

function auditCore(articleId: string, entry: AuditFields) {
  return {
    t: 'audit',
    v: 1,
    articleId,
    id: entry.id,
    at: entry.at,
    action: entry.action,
    transition: entry.transition,
    fromStatus: entry.fromStatus,
    toStatus: entry.toStatus,
    name: entry.userName,
    role: entry.userRole,
    note: entry.note,
    workstationId: entry.workstationId,
    workstationName: entry.workstationName,
    details: entry.details,
  };
}

/** The hash a genesis lists for an entry made before signing existed. */
export function legacyEntryHash(articleId: string, entry: AuditFields): string {
  return sha256(canonicalJson(auditCore(articleId, entry)));
}

/** The signed form of a chained audit entry: its fields, signer and link. */
export function auditForm(
  articleId: string,
  entry: AuditFields,
  signer: string | null,
  link: Omit<ChainLink, 'hash'>,
): string {
  return canonicalJson({
    ...auditCore(articleId, entry),
    signer,
    prev: link.prev,
    textHash: link.textHash,
    genesis: link.genesis,
  });
}

/** The fields of a comment that are signed by its author (they never change). */
export interface CommentFields {
  id: string;
  kind: string;
  body: string;
  authorName: string;
  originalQuote: string | null;
  createdAt: number;
}

/** The signed form of a comment. */
export function commentForm(articleId: string, comment: CommentFields, signer: string): string {
  return canonicalJson({
    t: 'comment',
    v: 1,
    articleId,
    id: comment.id,
    kind: comment.kind,
    body: comment.body,
    name: comment.authorName,
    originalQuote: comment.originalQuote,
    createdAt: comment.createdAt,
    signer,
  });
}

/** The state of a comment (resolved, deleted) as signed by whoever last changed it. */
export interface CommentStateFields {
  id: string;
  resolvedAt: number | null;
  resolvedByName: string | null;
  deletedAt: number | null;
}

/** The signed form of a comment's state. */
export function commentStateForm(
  articleId: string,
  state: CommentStateFields,
  signer: string,
): string {
  return canonicalJson({
    t: 'commentState',
    v: 1,
    articleId,
    id: state.id,
    resolvedAt: state.resolvedAt,
    resolvedByName: state.resolvedByName,
    deletedAt: state.deletedAt,
    signer,
  });
}

/** The fields of a revision that are signed by whoever's session took it. */
export interface RevisionFields {
  globalId: string;
  createdAt: number;
  reason: string;
  articleVersion: number;
  title: string;
  meta: unknown;
  body: unknown;
}

/** The signed form of a revision. */
export function revisionForm(articleId: string, revision: RevisionFields, signer: string): string {
  return canonicalJson({
    t: 'revision',
    v: 1,
    articleId,
    globalId: revision.globalId,
    createdAt: revision.createdAt,
    reason: revision.reason,
    articleVersion: revision.articleVersion,
    title: revision.title,
    meta: revision.meta,
    body: revision.body,
    signer,
  });
}

/** The chain hash of a signed form. */
export const formHash = sha256;

/** Signs a form as the key's owner. */
export function signForm(form: string, signer: string, key: SigningKey): SignaturePayload {
  return { signer, publicKey: key.publicKey, signature: signBytes(key, Buffer.from(form, 'utf8')) };
}

/** Whether a signature over a form is good for the given public key. */
export function formSigned(form: string, publicKey: string, signature: string): boolean {
  return verifyBytes(publicKey, Buffer.from(form, 'utf8'), signature);
}

/** Statuses, for a genesis read back from the database. */
export function isStatus(value: unknown): value is ArticleStatus {
  return typeof value === 'string' && (articleStatuses as readonly string[]).includes(value);
}
