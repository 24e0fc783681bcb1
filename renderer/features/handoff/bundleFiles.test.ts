import { describe, expect, it } from 'vitest';

import { base64ToBytes, bytesToBase64, fileToBase64, formatBytes } from './bundleFiles';

/** Bytes that cover every value, longer than one encoding chunk. */
function sample(length: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i += 1) bytes[i] = (i * 31 + (i >> 8)) % 256;
  return bytes;
}

/** The obvious encoding, one byte at a time: slow, but plainly right. */
function reference(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

describe('bundle bytes in the renderer', () => {
  it('encodes in chunks exactly as byte-by-byte does, and decodes back', () => {
    for (const length of [0, 1, 2, 3, 0x8000 - 1, 0x8000, 0x8000 * 3 + 7]) {
      const bytes = sample(length);
      const encoded = bytesToBase64(bytes);
      expect(encoded).toBe(reference(bytes));
      expect(Array.from(base64ToBytes(encoded))).toEqual(Array.from(bytes));
    }
  });

  it('reads a picked file as base64', async () => {
    const bytes = sample(100_000);
    const file = new Blob([bytes]);
    expect(await fileToBase64(file)).toBe(reference(bytes));
  });

  it('writes sizes the way people read them', () => {
    expect(formatBytes(512, 'vi')).toBe('512 B');
    expect(formatBytes(1536, 'vi')).toBe('1,5 KB');
    expect(formatBytes(3 * 1024 * 1024 + 400_000, 'en')).toBe('3.4 MB');
  });
});
