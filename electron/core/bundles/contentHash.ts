import { createHash } from 'node:crypto';

import type { ArticleMeta, ArticleStatus, DocNode } from '../../../shared/domain/article';

/** JSON with object keys sorted, so equal content hashes equally on every workstation. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** What identifies a version of an article across workstations: text, fields and status. */
export interface HashedContent {
  title: string;
  meta: ArticleMeta;
  body: DocNode;
  status: ArticleStatus;
}

/**
 * The content hash hand-off merges compare. Status is part of it, so a return or an approval
 * made without touching the text still travels as a new version.
 */
export function contentHash(content: HashedContent): string {
  return createHash('sha256')
    .update(
      canonicalJson({
        title: content.title,
        meta: content.meta,
        body: content.body,
        status: content.status,
      }),
    )
    .digest('hex');
}
