import type { Database } from 'better-sqlite3';

import { AppError } from '../../../../shared/errors/appError';
import { migration0010 } from './0010-create-articles';
import { migration0020 } from './0020-create-settings';
import { migration0030 } from './0030-create-article-search';
import { migration0040 } from './0040-add-article-meta';
import { migration0050 } from './0050-create-revisions';
import { migration0060 } from './0060-create-photos';
import { migration0070 } from './0070-create-photo-jobs';
import { migration0080 } from './0080-add-indexed-version';
import { migration0090 } from './0090-create-recipes';
import { migration0100 } from './0100-create-users';
import { migration0110 } from './0110-add-article-workflow';
import { migration0120 } from './0120-create-comments';
import { migration0130 } from './0130-create-article-leases';
import { migration0140 } from './0140-add-article-lineage';
import { migration0150 } from './0150-create-portal-connections';
import { migration0160 } from './0160-create-sync-outbox';
import { migration0200 } from './0200-add-photo-focus-and-logos';
import { migration0220 } from './0220-create-library-commits';
import { migration0230 } from './0230-add-sign-in-guard-and-author-owners';
import { migration0240 } from './0240-add-signing';
import { migration0250 } from './0250-create-sync-bases';
import { migration0260 } from './0260-create-portal-links';
import { migration0270 } from './0270-add-nukeviet-settings';
import { migration0280 } from './0280-article-search-columns';
import { migration0290 } from './0290-recount-words-without-captions';
import { migration0320 } from './0320-add-sync-log-codes';
import { migration0330 } from './0330-add-photo-colour-and-alt';
import { migration0340 } from './0340-create-photo-search';
import { migration0360 } from './0360-article-headline-search';
import type { Migration } from './types';

/** Every migration, in order. Append only. */
export const migrations: readonly Migration[] = [
  migration0010,
  migration0020,
  migration0030,
  migration0040,
  migration0050,
  migration0060,
  migration0070,
  migration0080,
  migration0090,
  migration0100,
  migration0110,
  migration0120,
  migration0130,
  migration0140,
  migration0150,
  migration0160,
  migration0200,
  migration0220,
  migration0230,
  migration0240,
  migration0250,
  migration0260,
  migration0270,
  migration0280,
  migration0290,
  migration0320,
  migration0330,
  migration0340,
  migration0360,
];

/** The schema version this build of the code writes. */
export function latestSchemaVersion(list: readonly Migration[] = migrations): number {
  return list.at(-1)?.version ?? 0;
}

/**
 * Brings the database to the newest schema in one transaction, or refuses a database written by
 * a newer Newsdesk (opening it would risk losing data the old code does not understand).
 */
export function runMigrations(db: Database, list: readonly Migration[] = migrations): number {
  for (let i = 1; i < list.length; i += 1) {
    const previous = list[i - 1];
    const current = list[i];
    if (!previous || !current || current.version <= previous.version) {
      throw new Error(`Migrations out of order at index ${i}`);
    }
  }
  const current = db.pragma('user_version', { simple: true });
  if (typeof current !== 'number') throw new Error('user_version is not a number');
  const latest = latestSchemaVersion(list);
  if (current > latest) {
    throw new AppError(
      'library_too_new',
      `Thư viện dữ liệu có phiên bản cấu trúc ${current}, mới hơn phiên bản ${latest} mà bản Newsdesk này hiểu. Hãy cập nhật Newsdesk để mở thư viện này; dữ liệu không bị thay đổi.`,
    );
  }
  const pending = list.filter((migration) => migration.version > current);
  if (pending.length === 0) return current;
  db.transaction(() => {
    for (const migration of pending) {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }
  })();
  return latest;
}
