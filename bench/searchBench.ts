import { performance } from 'node:perf_hooks';

import Database from 'better-sqlite3';

import { indexArticle, toFtsQuery } from '../electron/core/db/queries/articleSearch';
import { insertArticle } from '../electron/core/db/queries/articles';
import { countWords } from '../shared/vietnamese/counts';
import { slugify } from '../shared/vietnamese/slug';
import { percentile, seeded } from './editorCorpus';
import { archiveQueries, createArchive } from './searchCorpus';

/*
 * Article search on a generated newsroom archive (bench/searchCorpus.ts), side by side with bare
 * FTS5 on the same library in the same process: an external-content table over title, sapo and
 * body with `unicode61 remove_diacritics 2`, queried for the same words (prefix on the last word
 * only) with bm25(10, 3, 1), top 20 and `snippet()`.
 */

/** Figures of one side-by-side search run. */
export interface SearchFigures {
  p50: number;
  p95: number;
  bareP50: number;
  bareP95: number;
  matchesMedian: number;
  matchesP95: number;
}

/**
 * Fills a migrated, closed library file with `count` archive articles, indexed as the
 * background indexer would have, and adds the bare baseline's FTS5 table.
 */
export function buildArchiveLibrary(
  file: string,
  count: number,
  log: (line: string) => void,
): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  const archive = createArchive(count, Date.UTC(2026, 0, 1));
  const started = performance.now();
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i += 1) {
      const article = archive.article(i);
      const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      insertArticle(db, {
        id,
        title: article.title,
        body_json: JSON.stringify({
          type: 'doc',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: article.body }] }],
        }),
        body_text: article.body,
        word_count: countWords(article.body),
        status: 'published',
        version: 1,
        created_at: article.at,
        updated_at: article.at,
        slug: slugify(article.title),
        slug_locked: 0,
        lead: article.lead,
        category_id: null,
        tags_json: '[]',
        author_id: null,
        source: '',
        featured_json: null,
        publish_at: null,
        expire_at: null,
      });
      indexArticle(db, id, { title: article.title, lead: article.lead, body: article.body });
    }
  });
  for (let i = 0; i < count; i += 1000) batch(i, Math.min(count, i + 1000));
  db.exec('UPDATE articles SET indexed_version = version');
  const generated = performance.now();
  db.exec(`
    CREATE VIRTUAL TABLE bare_search USING fts5(
      title, lead, body_text, content = 'articles', content_rowid = 'rowid',
      tokenize = 'unicode61 remove_diacritics 2'
    );
    INSERT INTO bare_search (bare_search) VALUES ('rebuild');
  `);
  db.close();
  log(
    `library: ${count} archive articles generated and indexed in ${((generated - started) / 1000).toFixed(1)} s, ` +
      `bare FTS5 built in ${((performance.now() - generated) / 1000).toFixed(1)} s`,
  );
}

/** Newsdesk's search as the bench reaches it: through an opened core, closed after each block. */
export interface OpenedSearch {
  search(query: string): Promise<number>;
  close(): Promise<void>;
}

/**
 * Runs `rounds` queries (drawn from the archive's realistic queries) through Newsdesk's search
 * and through bare FTS5, and prints per-query match counts. The core holds its library with an
 * exclusive lock, so the two cannot be open at once: they take turns in blocks of queries,
 * alternating which goes first, so drifting load on the shared machine falls on both alike.
 */
export async function measureSearch(
  file: string,
  count: number,
  rounds: number,
  openSearch: () => Promise<OpenedSearch>,
  log: (line: string) => void,
): Promise<SearchFigures> {
  const queries = archiveQueries(createArchive(count, Date.UTC(2026, 0, 1)));
  const random = seeded(11);
  const drawn = Array.from(
    { length: rounds },
    () => queries[Math.floor(random() * queries.length)] ?? 'bi thu',
  );
  const blocks = Math.max(2, Math.min(8, Math.floor(rounds / 25)));
  const perBlock = Math.ceil(rounds / blocks);
  const times: number[] = [];
  const bareTimes: number[] = [];
  const matches: number[] = [];

  const runBare = (block: string[], warm: boolean): void => {
    const db = new Database(file, { readonly: true });
    const bare = db.prepare(
      `SELECT rowid, title, snippet(bare_search, -1, '[', ']', '…', 12) AS snippet
       FROM bare_search WHERE bare_search MATCH ?
       ORDER BY bm25(bare_search, 10, 3, 1) LIMIT 20`,
    );
    if (warm) {
      const countOf = db.prepare(
        'SELECT count(*) AS n FROM article_search WHERE article_search MATCH ?',
      );
      const bareCountOf = db.prepare(
        'SELECT count(*) AS n FROM bare_search WHERE bare_search MATCH ?',
      );
      for (const query of queries) {
        const match = toFtsQuery(query) ?? '';
        const n = (countOf.get(match) as { n: number }).n;
        matches.push(n);
        log(
          `  query ${JSON.stringify(query).padEnd(26)} matches ${String(n).padStart(6)} ` +
            `(${((n / count) * 100).toFixed(1)}%), bare FTS5 ${(bareCountOf.get(match) as { n: number }).n}`,
        );
      }
    }
    for (const query of block) {
      const t0 = performance.now();
      bare.all(toFtsQuery(query) ?? '');
      bareTimes.push(performance.now() - t0);
    }
    db.close();
  };
  const runNewsdesk = async (block: string[]): Promise<void> => {
    const opened = await openSearch();
    for (const query of queries.slice(0, 4)) await opened.search(query);
    for (const query of block) {
      const t0 = performance.now();
      await opened.search(query);
      times.push(performance.now() - t0);
    }
    await opened.close();
  };

  runBare([], true);
  for (let b = 0; b < blocks; b += 1) {
    const block = drawn.slice(b * perBlock, (b + 1) * perBlock);
    if (b % 2 === 0) {
      runBare(block, false);
      await runNewsdesk(block);
    } else {
      await runNewsdesk(block);
      runBare(block, false);
    }
  }
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    bareP50: percentile(bareTimes, 50),
    bareP95: percentile(bareTimes, 95),
    matchesMedian: percentile(matches, 50),
    matchesP95: percentile(matches, 95),
  };
}
