import fs from 'node:fs';
import path from 'node:path';

import type { FolderProblemKind } from '../../../shared/domain/recovery';

/** Free space below which a start is refused: a save, a WAL checkpoint and a backup must fit. */
const minimumFreeBytes = 8 * 1024 * 1024;

/** A data folder the app cannot use, with the message that names it and says what to do. */
export interface FolderProblem {
  problem: FolderProblemKind;
  message: string;
}

/** The Vietnamese message for a folder problem: what happened, which folder, what to do. */
function folderProblemMessage(problem: FolderProblemKind, dir: string): string {
  switch (problem) {
    case 'read_only':
      return `Thư mục dữ liệu «${dir}» chỉ cho phép đọc (ổ đĩa hoặc thư mục bị khoá ghi), nên Newsdesk không thể lưu bài. Hãy bỏ chế độ chỉ đọc của thư mục (hoặc của ổ USB/ổ mạng), hoặc chép thư mục sang ổ khác rồi mở lại Newsdesk.`;
    case 'no_permission':
      return `Tài khoản Windows/Linux đang dùng không có quyền ghi vào thư mục dữ liệu «${dir}». Hãy cấp quyền ghi cho tài khoản này (Properties → Security), hoặc nhờ bộ phận kỹ thuật, rồi mở lại Newsdesk.`;
    case 'disk_full':
      return `Ổ đĩa chứa thư mục dữ liệu «${dir}» đã đầy, nên Newsdesk không thể lưu bài an toàn. Hãy xoá bớt tệp không cần hoặc dọn thùng rác để có ít nhất 100 MB trống, rồi mở lại Newsdesk. Dữ liệu cũ vẫn nguyên vẹn.`;
    case 'not_a_folder':
      return `Đường dẫn dữ liệu «${dir}» không phải là một thư mục hoặc không tạo được. Hãy chọn một thư mục khác hoặc kiểm tra lại ổ đĩa, rồi mở lại Newsdesk.`;
  }
}

function classify(error: unknown): FolderProblemKind | null {
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code === 'EROFS') return 'read_only';
  if (code === 'EACCES' || code === 'EPERM') return 'no_permission';
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'disk_full';
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'not_a_folder';
  return null;
}

/**
 * Proves the data folder can take a durable write before the library opens: creates it if
 * needed, writes, fsyncs and removes a probe file, and checks the free space. SQLite would only
 * say «disk I/O error» or «attempt to write a readonly database»; this names the folder and the
 * cause. Returns null when the folder is usable.
 */
export function checkDataFolder(dataDir: string): FolderProblem | null {
  const dir = path.resolve(dataDir);
  const found = (problem: FolderProblemKind): FolderProblem => ({
    problem,
    message: folderProblemMessage(problem, dir),
  });
  try {
    fs.mkdirSync(dir, { recursive: true });
    if (!fs.statSync(dir).isDirectory()) return found('not_a_folder');
  } catch (error) {
    return found(classify(error) ?? 'not_a_folder');
  }
  const probe = path.join(dir, `.newsdesk-write-probe-${process.pid}`);
  try {
    const fd = fs.openSync(probe, 'w');
    try {
      fs.writeSync(fd, Buffer.alloc(64 * 1024));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    const kind = classify(error);
    fs.rmSync(probe, { force: true });
    if (kind) return found(kind);
    throw error;
  }
  fs.rmSync(probe, { force: true });
  // An existing library file the folder lets us create files beside, but not write itself.
  for (const name of ['newsdesk.sqlite', 'newsdesk.sqlite-wal']) {
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) continue;
    try {
      fs.accessSync(file, fs.constants.W_OK);
    } catch (error) {
      return found(classify(error) ?? 'no_permission');
    }
  }
  const space = fs.statfsSync(dir);
  if (space.bavail * space.bsize < minimumFreeBytes) return found('disk_full');
  return null;
}

/** A folder problem met while the library was already being opened (e.g. SQLITE_READONLY). */
export function classifyFolderError(dataDir: string, error: unknown): FolderProblem | null {
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const dir = path.resolve(dataDir);
  let kind: FolderProblemKind | null = classify(error);
  if (code.startsWith('SQLITE_READONLY')) kind = 'read_only';
  if (code === 'SQLITE_FULL') kind = 'disk_full';
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM') kind = 'no_permission';
  return kind ? { problem: kind, message: folderProblemMessage(kind, dir) } : null;
}
