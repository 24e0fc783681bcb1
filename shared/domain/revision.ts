import type { ArticleMeta, DocNode } from './article';

/** Why a revision was taken. */
export const revisionReasons = ['interval', 'restore', 'workflow', 'manual', 'portal'] as const;
/** One reason. */
export type RevisionReason = (typeof revisionReasons)[number];

/** A revision in the history list. */
export interface RevisionSummary {
  id: number;
  articleId: string;
  createdAt: number;
  reason: RevisionReason;
  articleVersion: number;
  title: string;
  wordCount: number;
}

/** A revision with its snapshot, for the diff view and restore. */
export interface Revision extends RevisionSummary {
  meta: ArticleMeta;
  body: DocNode;
  /** Body text split into paragraphs, for a paragraph-by-paragraph diff. */
  paragraphs: string[];
}
