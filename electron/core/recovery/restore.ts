import path from 'node:path';

import type { BackupInfo, RestoreReport } from '../../../shared/domain/recovery';
import { AppError } from '../../../shared/errors/appError';
import { libraryPaths } from '../library/libraryPaths';
import {
  backupFile,
  copyMissingFiles,
  listBackups,
  placeDirs,
  placeMediaDir,
  readPlaces,
  verifyCopy,
} from './backupStore';
import { markFileName, readArticleCount, readCommitCounter, writeMark } from './commitMark';
import { copyDurably, setLibraryAside } from './setAside';
import Database from 'better-sqlite3';

/**
 * Puts a verified backup in place of the library, which must be closed. The current library
 * files are first set aside (renamed into `set-aside/<stamp>-before-restore/`), never deleted;
 * media files the backup needs come back from the place's mirror without touching the others.
 * The copy is checked again before it is used, and the mark is reset to what it holds.
 */
export function restoreBackup(
  dataDir: string,
  choice: { place: BackupInfo['place']; id: string },
  now: () => number = Date.now,
): RestoreReport {
  const places = readPlaces(dataDir);
  const backup = listBackups(places).find(
    (info) => info.place === choice.place && info.id === choice.id,
  );
  const file = backupFile(places, choice.place, choice.id);
  if (!backup || !file)
    throw new AppError(
      'not_found',
      'Không tìm thấy bản sao lưu này (có thể ổ USB hoặc thư mục mạng chưa được cắm/kết nối). Hãy kiểm tra rồi chọn lại.',
    );
  const check = verifyCopy(file);
  if (!check.ok)
    throw new AppError(
      'corrupt_data',
      'Bản sao lưu này không còn nguyên vẹn (kiểm tra toàn vẹn không đạt). Hãy chọn một bản sao lưu cũ hơn.',
    );
  const paths = libraryPaths(dataDir);
  const setAsideDir = setLibraryAside(dataDir, 'before-restore', now());
  copyDurably(file, paths.database);
  const placeDir = placeDirs(places).find((entry) => entry.place === choice.place)?.dir;
  if (placeDir) copyMissingFiles(placeMediaDir(placeDir), paths.media);
  resetMark(dataDir, now());
  return { setAsideDir, backup, articleCount: check.articleCount };
}

/** Writes the mark of a library that was just replaced (restore, salvage, import). */
export function resetMark(dataDir: string, at: number): void {
  const paths = libraryPaths(dataDir);
  const db = new Database(paths.database, { readonly: true, fileMustExist: true });
  try {
    writeMark(path.join(paths.dataDir, markFileName), {
      counter: readCommitCounter(db) ?? 0,
      articleCount: readArticleCount(db),
      committedAt: at,
      checkedAt: at,
      closedClean: null,
    });
  } finally {
    db.close();
  }
}
