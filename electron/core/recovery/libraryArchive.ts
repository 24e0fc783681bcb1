import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import type { Database } from 'better-sqlite3';

import { AppError } from '../../../shared/errors/appError';
import { libraryPaths } from '../library/libraryPaths';
import { copyMissingFiles, stampOf, verifyCopy } from './backupStore';
import { resetMark } from './restore';
import { setLibraryAside } from './setAside';

/**
 * One `.ndlibrary` file holding a whole library for a move to a new PC: a magic line, a 4-byte
 * manifest length, the JSON manifest (each file's path, size and SHA-256), then the files'
 * bytes in manifest order. The database inside is an online backup, so the app keeps running.
 * Import checks every checksum into a staging folder before anything is replaced.
 */
const magic = Buffer.from('NEWSDESK-LIBRARY-1\n', 'utf8');
const chunk = 1024 * 1024;

interface ArchiveEntry {
  path: string;
  size: number;
  sha256: string;
}

function hashFile(file: string): string {
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(chunk);
    let read: number;
    while ((read = fs.readSync(fd, buffer, 0, chunk, null)) > 0)
      hash.update(buffer.subarray(0, read));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

function listFiles(root: string, relative = ''): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(path.join(root, relative), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const rel = path.posix.join(relative, entry.name);
    if (entry.isDirectory()) return listFiles(root, rel);
    return entry.isFile() && !entry.name.endsWith('.tmp') ? [rel] : [];
  });
}

/** Writes the library (an online copy of `db`) and its media into `outFile`. */
export async function exportLibraryArchive(
  db: Database,
  dataDir: string,
  outFile: string,
  now: () => number = Date.now,
): Promise<{ file: string; sizeBytes: number }> {
  const paths = libraryPaths(dataDir);
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  const snapshot = `${outFile}.db.partial`;
  await db.backup(snapshot);
  try {
    const files: { entry: ArchiveEntry; source: string }[] = [
      {
        entry: {
          path: 'newsdesk.sqlite',
          size: fs.statSync(snapshot).size,
          sha256: hashFile(snapshot),
        },
        source: snapshot,
      },
      ...listFiles(paths.media).map((rel) => {
        const source = path.join(paths.media, rel);
        return {
          entry: { path: `media/${rel}`, size: fs.statSync(source).size, sha256: hashFile(source) },
          source,
        };
      }),
    ];
    const manifest = Buffer.from(
      JSON.stringify({ createdAt: now(), files: files.map((file) => file.entry) }),
      'utf8',
    );
    const length = Buffer.alloc(4);
    length.writeUInt32BE(manifest.length);
    const partial = `${outFile}.partial`;
    const out = fs.openSync(partial, 'w');
    try {
      fs.writeSync(out, magic);
      fs.writeSync(out, length);
      fs.writeSync(out, manifest);
      const buffer = Buffer.alloc(chunk);
      for (const { source } of files) {
        const fd = fs.openSync(source, 'r');
        try {
          let read: number;
          while ((read = fs.readSync(fd, buffer, 0, chunk, null)) > 0)
            fs.writeSync(out, buffer, 0, read);
        } finally {
          fs.closeSync(fd);
        }
      }
      fs.fsyncSync(out);
    } finally {
      fs.closeSync(out);
    }
    fs.renameSync(partial, outFile);
  } finally {
    fs.rmSync(snapshot, { force: true });
  }
  return { file: outFile, sizeBytes: fs.statSync(outFile).size };
}

/** The default name of an export: `exports/newsdesk-<stamp>.ndlibrary`. */
export function archiveFileName(dataDir: string, at: number): string {
  return path.join(libraryPaths(dataDir).exports, `newsdesk-${stampOf(at)}.ndlibrary`);
}

const refuse = (detail: string): AppError =>
  new AppError(
    'corrupt_data',
    `Tệp thư viện chuyển máy này không đọc được (${detail}). Thư viện hiện tại vẫn giữ nguyên. Hãy xuất lại tệp trên máy cũ rồi chép sang.`,
  );

/**
 * Imports a `.ndlibrary` file into `dataDir` (library closed): every file is checked against its
 * checksum in a staging folder first; only then is the current library (if any) set aside and the
 * imported one put in place. Media files are added beside the existing ones, never overwritten.
 */
export function importLibraryArchive(
  dataDir: string,
  archive: string,
  now: () => number = Date.now,
): { setAsideDir: string; articleCount: number } {
  const paths = libraryPaths(dataDir);
  const staging = path.join(paths.dataDir, `import-staging-${stampOf(now())}`);
  const fd = fs.openSync(archive, 'r');
  try {
    const head = Buffer.alloc(magic.length + 4);
    if (
      fs.readSync(fd, head, 0, head.length, 0) !== head.length ||
      !head.subarray(0, magic.length).equals(magic)
    )
      throw refuse('không phải tệp .ndlibrary của Newsdesk');
    const manifestLength = head.readUInt32BE(magic.length);
    if (manifestLength > 64 * 1024 * 1024) throw refuse('mục lục quá lớn');
    const manifestBuffer = Buffer.alloc(manifestLength);
    if (fs.readSync(fd, manifestBuffer, 0, manifestLength, head.length) !== manifestLength)
      throw refuse('tệp bị cắt ngắn');
    let entries: ArchiveEntry[];
    try {
      entries = (JSON.parse(manifestBuffer.toString('utf8')) as { files: ArchiveEntry[] }).files;
    } catch {
      throw refuse('mục lục hỏng');
    }
    let position = head.length + manifestLength;
    fs.mkdirSync(staging, { recursive: true });
    const buffer = Buffer.alloc(chunk);
    for (const entry of entries) {
      const normal = path.posix.normalize(entry.path);
      if (
        typeof entry.size !== 'number' ||
        normal.startsWith('..') ||
        path.posix.isAbsolute(normal) ||
        !(normal === 'newsdesk.sqlite' || normal.startsWith('media/'))
      )
        throw refuse(`mục «${entry.path}» không hợp lệ`);
      const target = path.join(staging, normal);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const out = fs.openSync(target, 'w');
      const hash = createHash('sha256');
      try {
        let left = entry.size;
        while (left > 0) {
          const read = fs.readSync(fd, buffer, 0, Math.min(chunk, left), position);
          if (read <= 0) throw refuse('tệp bị cắt ngắn');
          hash.update(buffer.subarray(0, read));
          fs.writeSync(out, buffer, 0, read);
          position += read;
          left -= read;
        }
      } finally {
        fs.closeSync(out);
      }
      if (hash.digest('hex') !== entry.sha256) throw refuse(`«${entry.path}» sai mã kiểm tra`);
    }
    const stagedDb = path.join(staging, 'newsdesk.sqlite');
    const check = fs.existsSync(stagedDb) ? verifyCopy(stagedDb) : null;
    if (!check?.ok) throw refuse('thư viện bên trong không nguyên vẹn');
    const setAsideDir = setLibraryAside(dataDir, 'before-import', now());
    fs.renameSync(stagedDb, paths.database);
    copyMissingFiles(path.join(staging, 'media'), paths.media);
    resetMark(dataDir, now());
    return { setAsideDir, articleCount: check.articleCount };
  } finally {
    fs.closeSync(fd);
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
