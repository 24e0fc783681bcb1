import { maxImportBytes } from '../../../shared/domain/media';

/*
 * How the desk feeds `photos.import`: files go in chunks small enough for one IPC message (the
 * contract caps a call at 20 files; the desk also keeps a call under ~60 MB so a batch of camera
 * JPEGs never sits whole in memory), each read as base64 only when its chunk is sent.
 */

/** Most files per `photos.import` call (the contract's limit). */
export const maxFilesPerCall = 20;

/** Rough cap on the raw bytes of one call; a single larger file still goes alone. */
export const maxBytesPerCall = 60 * 1024 * 1024;

/** Files above this are refused before sending: the contract would reject the whole call. */
export const maxFileBytes = maxImportBytes;

/** Splits files into import calls by count and size, keeping their order. */
export function chunkFiles<T extends { size: number }>(
  files: readonly T[],
  maxFiles = maxFilesPerCall,
  maxBytes = maxBytesPerCall,
): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const file of files) {
    if (current.length > 0 && (current.length >= maxFiles || bytes + file.size > maxBytes)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(file);
    bytes += file.size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** Reads a file as base64 (without the `data:` prefix) the way the contract carries bytes. */
export function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      const comma = url.indexOf(',');
      resolve(comma === -1 ? '' : url.slice(comma + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** The name to report for a file: its folder-relative path when a folder was picked. */
export function displayName(file: File): string {
  return file.webkitRelativePath || file.name;
}
