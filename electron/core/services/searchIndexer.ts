import type { Database } from 'better-sqlite3';

import { reindexArticle, staleIndexIds } from '../db/queries/articleSearch';
import type { Logger } from '../logging/logger';

/**
 * Keeps the full-text index in step with articles outside the save path: autosave runs every
 * few seconds while a reporter types, and re-indexing a long article on each save cost more than
 * the save itself. Saves only mark the article stale (its version moves past `indexed_version`);
 * the indexer catches up after typing pauses, before every search, and at start-up (so a crash
 * between a save and its indexing is repaired).
 */
export function createSearchIndexer(deps: { db: Database; logger: Logger; delayMs?: number }) {
  const { db, logger } = deps;
  const delayMs = deps.delayMs ?? 1500;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const catchUp = (): number => {
    let indexed = 0;
    for (;;) {
      const ids = staleIndexIds(db, 50);
      if (ids.length === 0) return indexed;
      for (const id of ids) reindexArticle(db, id);
      indexed += ids.length;
    }
  };

  const flush = (): number => {
    if (timer) clearTimeout(timer);
    timer = null;
    try {
      return catchUp();
    } catch (error) {
      logger.error('search indexing failed', { error });
      return 0;
    }
  };

  return {
    /** After a change: index once things are quiet. */
    schedule(): void {
      if (timer) clearTimeout(timer);
      timer = setTimeout(flush, delayMs);
      timer.unref();
    },
    /** Index everything stale now (before a search, and at shutdown). */
    flush,
    /** Stops the timer without indexing (the next start catches up). */
    dispose(): void {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

/** The indexer's API. */
export type SearchIndexer = ReturnType<typeof createSearchIndexer>;
