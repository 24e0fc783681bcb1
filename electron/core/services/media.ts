import fs from 'node:fs/promises';
import path from 'node:path';

import type { ImportedImage } from '../../../shared/domain/media';
import { maxImportBytes } from '../../../shared/domain/media';
import { AppError } from '../../../shared/errors/appError';
import type { Handlers } from '../contract/dispatch';
import type { Logger } from '../logging/logger';
import { probePhoto, sha256File } from '../photos';
import { originalMediaPath, storedFormat } from '../photos/library/layout';

async function ensureDir(dir: string): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  return dir;
}

/** A file name safe on every OS, keeping Vietnamese letters. */
function safeFileName(name: string): string {
  const base = [...path.basename(name)]
    .map((ch) => (ch.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(ch) ? '_' : ch))
    .join('');
  return base === '' || base === '.' || base === '..' ? 'anh' : base;
}

/**
 * Photos in the library's media folder, content-addressed by SHA-256 (`photos/ab/abcd….jpg`), so
 * importing the same file twice keeps one copy. Every file is probed by the photo engine first:
 * corrupt files, HEIC, decompression bombs and non-images are refused with its Vietnamese message
 * and leave nothing behind.
 */
export function createMediaService(deps: { mediaDir: string; logger: Logger }) {
  const { mediaDir, logger } = deps;
  const incoming = path.join(mediaDir, 'incoming');

  return {
    async importImage(input: { fileName: string; data: Buffer }): Promise<ImportedImage> {
      if (input.data.length === 0) {
        throw new AppError(
          'invalid_input',
          `Tệp «${input.fileName}» rỗng (0 byte). Hãy chọn lại tệp ảnh gốc.`,
        );
      }
      if (input.data.length > maxImportBytes) {
        throw new AppError(
          'invalid_input',
          `Ảnh «${input.fileName}» lớn hơn 40 MB. Hãy xuất ảnh nhỏ hơn rồi chèn lại.`,
        );
      }
      // The temp file keeps the user's file name so the photo engine's messages name it.
      const tempDir = await fs.mkdtemp(path.join(await ensureDir(incoming), 'import-'));
      const safeName = safeFileName(input.fileName);
      const temp = path.join(tempDir, safeName);
      await fs.writeFile(temp, input.data);
      try {
        const probe = await probePhoto(temp, { verifyPixels: true });
        // Same layout as the photo library (AVIF is reported by libvips as 'heif').
        const format = await storedFormat(probe);
        if (!format) {
          throw new AppError(
            'invalid_input',
            `Định dạng ảnh «${probe.format}» chưa được hỗ trợ. Hãy lưu ảnh dạng JPEG hoặc PNG.`,
          );
        }
        const hash = await sha256File(temp);
        const mediaPath = originalMediaPath(hash, format);
        const target = path.join(mediaDir, mediaPath);
        await fs.mkdir(path.dirname(target), { recursive: true });
        try {
          await fs.access(target);
        } catch {
          await fs.rename(temp, target);
        }
        logger.info('image imported', { mediaPath, from: input.fileName.slice(0, 200) });
        return {
          mediaPath,
          width: probe.width,
          height: probe.height,
          caption: probe.caption ?? '',
          byline: probe.byline ?? '',
          credit: probe.credit ?? '',
          altText: '',
        };
      } finally {
        await fs.rm(tempDir, { recursive: true, force: true });
      }
    },
  };
}

/** The media service's API. */
export type MediaService = ReturnType<typeof createMediaService>;

/**
 * Binds the editor's photo insert (a pasted image, sent whole) to the contract;
 * `media.importUploaded` (a file from the computer, in chunks) is the upload desk's.
 * `importArticleImage` also files the photo in Kho ảnh with the alt text the desk gave it.
 */
export function mediaHandlers(
  importArticleImage: (fileName: string, data: Buffer) => Promise<ImportedImage>,
): Pick<Handlers, 'media.importImage'> {
  return {
    'media.importImage': (args) =>
      importArticleImage(args.fileName, Buffer.from(args.dataBase64, 'base64')),
  };
}
