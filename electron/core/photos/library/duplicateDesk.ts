import { rm } from 'node:fs/promises';
import path from 'node:path';

import type { Database } from 'better-sqlite3';

import { AppError, missingCaseError } from '../../../../shared/errors/appError';
import { groupPairs } from '../../../../shared/photos/duplicateGroups';
import type {
  DuplicateChoice,
  NearDuplicate,
  NearDuplicateGroup,
  PhotoRecord,
} from '../../../../shared/photos/photoRecord';
import {
  deletePhoto,
  markDuplicateResolved,
  markGroupResolved,
  selectOpenDuplicates,
  selectPhoto,
  selectUsage,
} from '../../db/queries/photos';
import type { PhotoRow } from '../../db/queries/photos';
import type { Logger } from '../../logging/logger';
import { thumbnailMediaPath } from './layout';
import { toPhotoRecord } from './records';

function notFound(id: string): AppError {
  return new AppError(
    'not_found',
    `Không tìm thấy ảnh «${id}» trong thư viện; hãy tải lại danh sách ảnh.`,
  );
}

const settled = (): AppError =>
  new AppError(
    'not_found',
    'Nhóm ảnh giống nhau này đã được xử lý hoặc không còn; hãy tải lại danh sách.',
  );

/**
 * Near-duplicates as the editor settles them: open pairs, stacked into groups
 * (docs/photo-duplicates.md). Dropping a photo removes it from the library but keeps its bytes in the
 * media folder, since an article's HTML may still point at them; a photo used in an article is
 * refused, and a group decision changes nothing unless it can be done whole.
 */
export function createDuplicateDesk(deps: { db: Database; mediaDir: string; logger: Logger }) {
  const { db, mediaDir, logger } = deps;
  const mustGet = (id: string): PhotoRow => {
    const row = selectPhoto(db, id);
    if (row === undefined) throw notFound(id);
    return row;
  };

  /** Removes photos from the library (not their bytes) after checking no article uses them. */
  async function drop(rows: readonly PhotoRow[]): Promise<void> {
    const used = rows.filter((row) => selectUsage(db, row.id).length > 0);
    if (used.length > 0) {
      const names = used.map((row) => `«${row.original_name}»`).join(', ');
      throw new AppError(
        'conflict',
        `Ảnh ${names} đang được dùng trong bài viết; hãy giữ ảnh này hoặc gỡ nó khỏi bài trước.`,
      );
    }
    db.transaction(() => {
      for (const row of rows) deletePhoto(db, row.id);
    })();
    for (const row of rows) {
      await rm(path.join(mediaDir, thumbnailMediaPath(row.sha256)), { force: true });
      logger.info('near-duplicate dropped', { photoId: row.id });
    }
  }

  return {
    /** Near-duplicate pairs still waiting for the editor, e.g. after a restart. */
    openDuplicates(): NearDuplicate[] {
      return selectOpenDuplicates(db).map((pair) => ({
        photo: toPhotoRecord(mustGet(pair.photo_id)),
        similar: toPhotoRecord(mustGet(pair.similar_id)),
        distance: pair.distance,
      }));
    },

    /** The open pairs as stacks, oldest import first within each, oldest stack first. */
    duplicateGroups(): NearDuplicateGroup[] {
      const pairs = selectOpenDuplicates(db);
      const records = new Map<string, PhotoRecord>();
      for (const pair of pairs) {
        for (const id of [pair.photo_id, pair.similar_id]) {
          if (!records.has(id)) records.set(id, toPhotoRecord(mustGet(id)));
        }
      }
      const order = [...records.values()]
        .sort((a, b) => a.importedAt - b.importedAt || a.id.localeCompare(b.id))
        .map((photo) => photo.id);
      return groupPairs(
        pairs.map((pair) => [pair.photo_id, pair.similar_id] as const),
        order,
      ).map((ids) => ({ photos: ids.flatMap((id) => records.get(id) ?? []) }));
    },

    /**
     * One decision for a group: 'all' keeps every photo (the group does not come back); an id
     * keeps that photo and drops the others. Refused whole when the group was already settled or
     * another photo of it is used in an article.
     */
    async resolveGroup(ids: readonly string[], keep: string): Promise<void> {
      const open = new Set(selectOpenDuplicates(db).flatMap((p) => [p.photo_id, p.similar_id]));
      if (!ids.some((id) => open.has(id))) throw settled();
      const rows = ids.map(mustGet);
      if (keep === 'all') {
        db.transaction(() => markGroupResolved(db, ids))();
        return;
      }
      if (!ids.includes(keep)) {
        throw new AppError('invalid_input', 'Ảnh được giữ phải nằm trong nhóm ảnh giống nhau này.');
      }
      await drop(rows.filter((row) => row.id !== keep));
    },

    /** Settles one pair: keep both, or keep only the first (`photoId`) or second (`similarId`). */
    async resolveDuplicate(
      photoId: string,
      similarId: string,
      keep: DuplicateChoice,
    ): Promise<void> {
      const pairExists = selectOpenDuplicates(db).some(
        (pair) =>
          (pair.photo_id === photoId && pair.similar_id === similarId) ||
          (pair.photo_id === similarId && pair.similar_id === photoId),
      );
      if (!pairExists) {
        throw new AppError(
          'not_found',
          'Cặp ảnh trùng này đã được xử lý hoặc không còn; hãy tải lại danh sách.',
        );
      }
      switch (keep) {
        case 'both':
          markDuplicateResolved(db, photoId, similarId);
          markDuplicateResolved(db, similarId, photoId);
          return;
        case 'first':
        case 'second':
          await drop([mustGet(keep === 'first' ? similarId : photoId)]);
          return;
        default:
          throw missingCaseError(keep);
      }
    },
  };
}
