import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { emptyMeta } from '../../../shared/domain/article';
import { tempDir } from '../../../tests/support/tempDir';
import { staleIndexIds } from '../db/queries/articleSearch';
import { openDatabase } from '../db/open';
import { createEventBus } from '../events/eventBus';
import { createNullLogger } from '../logging/logger';
import { createArticlesService } from './articles';
import { createRevisionsService } from './revisions';
import { createSearchIndexer } from './searchIndexer';

function setup(delayMs: number) {
  const { db } = openDatabase(path.join(tempDir(), 'lib.sqlite'));
  const events = createEventBus();
  const logger = createNullLogger();
  const indexer = createSearchIndexer({ db, logger, delayMs });
  const revisions = createRevisionsService({
    db,
    events,
    logger,
    now: Date.now,
    onContentChanged: () => indexer.schedule(),
  });
  const articles = createArticlesService({ db, events, logger, now: Date.now, revisions, indexer });
  return { db, indexer, articles };
}

const body = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

describe('search indexer', () => {
  it('keeps indexing out of the save, catches up after a pause, and searches never see stale text', async () => {
    const { db, indexer, articles } = setup(200);
    const article = articles.create({ title: '' });
    articles.save({
      id: article.id,
      title: 'Hội nghị',
      meta: emptyMeta(),
      body: body('Bí thư phát biểu'),
      baseVersion: 0,
    });
    expect(staleIndexIds(db, 10)).toEqual([article.id]);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(staleIndexIds(db, 10)).toEqual([]);

    articles.save({
      id: article.id,
      title: 'Hội nghị',
      meta: emptyMeta(),
      body: body('Nông dân phấn khởi'),
      baseVersion: 1,
    });
    expect(staleIndexIds(db, 10)).toEqual([article.id]);
    expect(articles.search({ query: 'nong dan', limit: 10 }).map((hit) => hit.id)).toEqual([
      article.id,
    ]);
    expect(articles.search({ query: 'bi thu', limit: 10 })).toEqual([]);
    indexer.dispose();
    db.close();
  });

  it('repairs an index a crash left behind', () => {
    const { db, indexer, articles } = setup(60_000);
    const article = articles.create({ title: 'Tin Đức Thọ' });
    indexer.dispose();
    expect(staleIndexIds(db, 10)).toEqual([article.id]);
    // What start-up does after a crash: flush whatever is stale.
    const fresh = createSearchIndexer({ db, logger: createNullLogger() });
    expect(fresh.flush()).toBe(1);
    expect(articles.search({ query: 'duc tho', limit: 10 }).map((hit) => hit.id)).toEqual([
      article.id,
    ]);
    db.close();
  });
});
