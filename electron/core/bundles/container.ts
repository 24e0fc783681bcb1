import { createHash } from 'node:crypto';

import { z } from 'zod';

import { AppError } from '../../../shared/errors/appError';

/*
 * The hand-off bundle container. No zip library is a dependency of the app, and a zip reader
 * brings the zip-slip, zip-bomb and central-directory ambiguities this format does not have:
 *
 *   "NEWSDESK-BUNDLE\n"            16 bytes, magic
 *   manifest length               4 bytes, unsigned big-endian
 *   manifest                      UTF-8 JSON: format, version, workstation, entries[{name,size,sha256}]
 *   entry bytes                   concatenated in manifest order, no padding
 *   SHA-256 of everything above   32 bytes
 *
 * Every check (magic, lengths, the trailer hash, each entry's SHA-256, entry names) runs before
 * anything is read from an entry, so a damaged or altered bundle is refused as a whole.
 */

const magic = Buffer.from('NEWSDESK-BUNDLE\n', 'ascii');
const hashBytes = 32;
const maxManifestBytes = 4 * 1024 * 1024;

/** Media paths of library originals (`photos/ab/<sha256>.<ext>`), the only files a bundle carries. */
export const mediaPathPattern = /^photos\/[0-9a-f]{2}\/[0-9a-f]{64}\.(jpg|png|webp|gif|tif|avif)$/;

/** The version this code writes; it also reads 1 (before signatures: imported as unverified). */
export const bundleFormatVersion = 2;

/** The oldest version this code reads. */
export const oldestBundleFormatVersion = 1;

/** One entry of a bundle. */
export interface BundleEntry {
  name: string;
  data: Buffer;
}

const manifestSchema = z.object({
  format: z.literal('newsdesk-bundle'),
  formatVersion: z.number().int(),
  workstationId: z.string().min(1).max(100),
  workstationName: z.string().max(100),
  createdAt: z.number().int(),
  createdBy: z.string().max(200),
  articleIds: z.array(z.string().uuid()).max(1000),
  entries: z
    .array(
      z.object({
        name: z.string().min(1).max(300),
        size: z.number().int().min(0),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
      }),
    )
    .max(20_000),
});

/** What the manifest says about the bundle (entries are returned separately). */
export type BundleManifest = z.infer<typeof manifestSchema>;

/** What a caller writes into the manifest; entries and format fields are added here. */
export type ManifestHeader = Omit<BundleManifest, 'format' | 'formatVersion' | 'entries'>;

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

const refuse = (detail: string): AppError =>
  new AppError('invalid_input', `${detail} Không có gì được nhập vào thư viện.`);

/**
 * Entry names a bundle may carry. Anything that could point outside the library once joined to
 * a folder (`..`, absolute paths, backslashes, drive letters, NUL) is refused before this.
 */
const allowedNames = [
  /^articles\/[0-9a-f-]{36}\.json$/,
  new RegExp(`^media/${mediaPathPattern.source.slice(1)}`),
  /^(photos|directory|recipes|roster)\.json$/,
];

/** Why an entry name is refused, or null when it is safe and expected. */
export function entryNameProblem(name: string): string | null {
  const escapes =
    name.includes('\0') ||
    name.includes('\\') ||
    name.startsWith('/') ||
    /^[A-Za-z]:/.test(name) ||
    name.split('/').some((segment) => segment === '..' || segment === '.' || segment === '');
  if (escapes) {
    return `Gói chứa đường dẫn «${name.slice(0, 80)}» trỏ ra ngoài thư mục thư viện, nên bị từ chối vì lý do an toàn.`;
  }
  if (!allowedNames.some((pattern) => pattern.test(name))) {
    return `Gói chứa mục lạ «${name.slice(0, 80)}» mà Newsdesk không dùng đến, nên bị từ chối.`;
  }
  return null;
}

/**
 * Writes a bundle. Names are not checked here on purpose (tests build hostile bundles with it);
 * the reader checks everything.
 */
export function encodeBundle(
  header: ManifestHeader,
  entries: readonly BundleEntry[],
  formatVersion = bundleFormatVersion,
): Buffer {
  const manifest: BundleManifest = {
    format: 'newsdesk-bundle',
    formatVersion,
    ...header,
    entries: entries.map((entry) => ({
      name: entry.name,
      size: entry.data.length,
      sha256: sha256(entry.data),
    })),
  };
  return sealBundle(Buffer.from(JSON.stringify(manifest), 'utf8'), entries);
}

/** Frames a manifest and entries and appends the trailer hash (exported for hostile tests). */
export function sealBundle(manifest: Buffer, entries: readonly BundleEntry[]): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(manifest.length);
  const body = Buffer.concat([magic, length, manifest, ...entries.map((entry) => entry.data)]);
  return Buffer.concat([body, createHash('sha256').update(body).digest()]);
}

/** Reads and checks a bundle; every problem is an AppError with a Vietnamese message. */
export function decodeBundle(data: Buffer): {
  manifest: BundleManifest;
  entries: Map<string, Buffer>;
} {
  if (data.length < magic.length + 4 || !data.subarray(0, magic.length).equals(magic)) {
    throw refuse('Tệp này không phải gói bàn giao của Newsdesk (đuôi .ndbundle).');
  }
  const manifestLength = data.readUInt32BE(magic.length);
  const manifestStart = magic.length + 4;
  if (manifestLength > maxManifestBytes || manifestStart + manifestLength > data.length) {
    throw refuse(
      'Gói bàn giao bị cắt cụt hoặc hỏng (phần mục lục không đọc được). Hãy chép lại tệp từ máy gửi.',
    );
  }
  let manifest: BundleManifest;
  try {
    const raw: unknown = JSON.parse(
      data.subarray(manifestStart, manifestStart + manifestLength).toString('utf8'),
    );
    const version =
      typeof raw === 'object' && raw !== null && 'formatVersion' in raw ? raw.formatVersion : null;
    if (typeof version === 'number' && version > bundleFormatVersion) {
      throw refuse(
        `Gói được tạo bởi phiên bản Newsdesk mới hơn (định dạng ${version}, máy này đọc được định dạng ${bundleFormatVersion}). Hãy cập nhật Newsdesk rồi nhập lại.`,
      );
    }
    manifest = manifestSchema.parse(raw);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw refuse('Gói bàn giao bị hỏng: phần mục lục không hợp lệ. Hãy chép lại tệp từ máy gửi.');
  }
  if (
    manifest.formatVersion < oldestBundleFormatVersion ||
    manifest.formatVersion > bundleFormatVersion
  ) {
    throw refuse(
      `Gói dùng định dạng ${manifest.formatVersion} mà bản Newsdesk này không đọc được. Hãy xuất lại gói từ máy gửi.`,
    );
  }
  const names = new Set<string>();
  for (const entry of manifest.entries) {
    const problem = entryNameProblem(entry.name);
    if (problem) throw refuse(problem);
    if (names.has(entry.name))
      throw refuse(`Gói chứa mục «${entry.name}» hai lần, nên bị từ chối.`);
    names.add(entry.name);
  }
  const entriesBytes = manifest.entries.reduce((sum, entry) => sum + entry.size, 0);
  const expected = manifestStart + manifestLength + entriesBytes + hashBytes;
  if (data.length < expected) {
    throw refuse(
      `Gói bàn giao bị cắt cụt (thiếu ${expected - data.length} byte), có thể do chép chưa xong hoặc USB bị rút sớm. Hãy chép lại tệp từ máy gửi.`,
    );
  }
  if (data.length > expected) {
    throw refuse(
      'Gói bàn giao có dữ liệu thừa ở cuối, nên có thể đã bị sửa. Hãy chép lại tệp từ máy gửi.',
    );
  }
  const bodyEnd = expected - hashBytes;
  const trailer = data.subarray(bodyEnd);
  if (!createHash('sha256').update(data.subarray(0, bodyEnd)).digest().equals(trailer)) {
    throw refuse(
      'Gói bàn giao không khớp mã kiểm tra (SHA-256): tệp đã bị hỏng hoặc bị sửa. Hãy chép lại tệp từ máy gửi.',
    );
  }
  const entries = new Map<string, Buffer>();
  let at = manifestStart + manifestLength;
  for (const entry of manifest.entries) {
    const bytes = data.subarray(at, at + entry.size);
    at += entry.size;
    if (sha256(bytes) !== entry.sha256) {
      throw refuse(
        `Mục «${entry.name}» trong gói không khớp mã kiểm tra (SHA-256): nội dung đã bị sửa hoặc hỏng. Hãy chép lại tệp từ máy gửi.`,
      );
    }
    entries.set(entry.name, bytes);
  }
  return { manifest, entries };
}
