/*
 * Bundle bytes in the renderer: the contract carries them as base64 (the browser shell has only
 * HTTP), so a picked file is encoded here and a returned export is decoded for the download.
 */

/** Bytes per chunk handed to `String.fromCharCode` (its argument list has a limit). */
const chunkBytes = 0x8000;

/** Base64 of some bytes, in chunks so a 100 MB bundle does not overflow the call stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += chunkBytes)
    binary += String.fromCharCode(...bytes.subarray(at, at + chunkBytes));
  return btoa(binary);
}

/** The bytes of a base64 string. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A file the user picked, as base64 for `bundles.import`. */
export async function fileToBase64(file: Blob): Promise<string> {
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()));
}

/** Hands bytes to the browser's download (the browser shell cannot reveal a folder). */
export function downloadBytes(fileName: string, bytes: Uint8Array<ArrayBuffer>): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Chromium reads the blob when the download starts; give it a moment before letting go.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A byte count as people read it: «1,4 MB». */
export function formatBytes(bytes: number, language: string): string {
  const format = new Intl.NumberFormat(language.startsWith('en') ? 'en-GB' : 'vi-VN', {
    maximumFractionDigits: 1,
  });
  if (bytes < 1024) return `${format.format(bytes)} B`;
  if (bytes < 1024 * 1024) return `${format.format(bytes / 1024)} KB`;
  return `${format.format(bytes / (1024 * 1024))} MB`;
}
