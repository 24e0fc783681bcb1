import { createHash } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { Database } from 'better-sqlite3';
import sharp from 'sharp';

import { AppError } from '../../../../shared/errors/appError';
import type { LogoRecord } from '../../../../shared/photos/photoRecord';
import type { Recipe } from '../../../../shared/photos/recipe';
import { insertLogo, selectLogo, selectLogos } from '../../db/queries/photos';
import type { LogoRow } from '../../db/queries/photos';

/** A logo larger than this is certainly not a logo (and would slow every photo it stamps). */
export const MAX_LOGO_BYTES = 5 * 1024 * 1024;
const MAX_LOGO_EDGE = 4000;

function toLogoRecord(row: LogoRow): LogoRecord {
  return {
    id: row.id,
    name: row.name,
    mediaPath: row.media_path,
    width: row.width,
    height: row.height,
    hasAlpha: row.has_alpha === 1,
    importedAt: row.imported_at,
  };
}

/**
 * Watermark logos: imported once from bytes the renderer sends (never a path), checked to be a
 * real PNG, stored content-addressed in the media folder (`logos/<sha>.png`, so the recipe editor
 * can preview it) and referred to by hash from recipes. Before a batch runs, `resolveRecipe`
 * turns the hash into the file and adds the bundled Vietnamese font, so the engine (which takes
 * paths) never sees anything the renderer named.
 */
export function createLogoStore(deps: {
  db: Database;
  mediaDir: string;
  now: () => number;
  /** The bundled TTF with every Vietnamese glyph (resources/fonts). */
  fontFile: string;
}) {
  const { db, mediaDir, now } = deps;

  return {
    /** Checks and stores a PNG logo; the same bytes twice keep one copy and the first name. */
    async importLogo(fileName: string, data: Buffer): Promise<LogoRecord> {
      if (data.length === 0 || data.length > MAX_LOGO_BYTES) {
        throw new AppError(
          'invalid_input',
          `Tệp logo «${fileName}» rỗng hoặc lớn hơn 5 MB. Hãy dùng logo PNG nhỏ gọn (thường dưới 500 KB).`,
        );
      }
      let info: { format?: string; width?: number; height?: number; hasAlpha?: boolean };
      try {
        info = await sharp(data, {
          failOn: 'error',
          limitInputPixels: MAX_LOGO_EDGE ** 2,
        }).metadata();
        // Decode it fully now: a truncated logo must fail here, not on the hundredth photo.
        await sharp(data, { failOn: 'error' }).raw().toBuffer();
      } catch (error) {
        throw new AppError(
          'invalid_input',
          `Không đọc được «${fileName}» như một ảnh PNG. Hãy xuất lại logo dạng PNG có nền trong suốt.`,
          { cause: error },
        );
      }
      if (info.format !== 'png' || info.width === undefined || info.height === undefined) {
        throw new AppError(
          'invalid_input',
          `«${fileName}» không phải tệp PNG. Logo đóng dấu cần là PNG có nền trong suốt.`,
        );
      }
      const id = createHash('sha256').update(data).digest('hex');
      const mediaPath = `logos/${id}.png`;
      const target = path.join(mediaDir, ...mediaPath.split('/'));
      await mkdir(path.dirname(target), { recursive: true });
      const temp = `${target}.${process.pid}.tmp`;
      try {
        await writeFile(temp, data);
        await rename(temp, target);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
      insertLogo(db, {
        id,
        name: fileName.normalize('NFC').trim().slice(0, 200) || 'logo.png',
        media_path: mediaPath,
        width: info.width,
        height: info.height,
        has_alpha: info.hasAlpha === true ? 1 : 0,
        imported_at: now(),
      });
      const row = selectLogo(db, id);
      if (row === undefined) throw new Error('logo row missing after insert');
      return toLogoRecord(row);
    },

    /** Every logo, newest first. */
    list(): LogoRecord[] {
      return selectLogos(db).map(toLogoRecord);
    },

    /**
     * The recipe as the engine takes it: the watermark's logo hash becomes its file, and text
     * overlays get the bundled font unless the recipe names another installed family.
     */
    resolveRecipe(recipe: Recipe): Recipe {
      let resolved = recipe;
      const mark = recipe.watermark;
      if (mark !== undefined && mark.path === undefined && mark.logoId !== undefined) {
        const row = selectLogo(db, mark.logoId);
        if (row === undefined) {
          throw new AppError(
            'not_found',
            `Công thức «${recipe.name}» dùng một logo không còn trong thư viện. Hãy mở công thức và chọn lại logo.`,
          );
        }
        resolved = {
          ...resolved,
          watermark: { ...mark, path: path.join(mediaDir, ...row.media_path.split('/')) },
        };
      }
      const text = recipe.textOverlay;
      if (text !== undefined && text.fontFile === undefined) {
        resolved = { ...resolved, textOverlay: { ...text, fontFile: deps.fontFile } };
      }
      return resolved;
    },
  };
}

/** The logo store's interface, for wiring. */
export type LogoStore = ReturnType<typeof createLogoStore>;
