import { randomUUID } from 'node:crypto';

import type { Database } from 'better-sqlite3';

import { AppError } from '../../../../shared/errors/appError';
import {
  expandCodes,
  isCaptionMissing,
  renderCaptionTemplate,
} from '../../../../shared/photos/captions';
import type { PhotoRecord } from '../../../../shared/photos/photoRecord';
import {
  deleteCaptionCode,
  deleteCaptionTemplate,
  selectCaptionCodes,
  selectCaptionTemplates,
  selectPhoto,
  updatePhotoCredits,
  upsertCaptionCode,
  upsertCaptionTemplate,
} from '../../db/queries/photos';
import type { CaptionTemplateRow, PhotoRow } from '../../db/queries/photos';
import { cleanText, toPhotoRecord } from './records';

/** Fields the caption dialog edits; a field left undefined keeps each photo's own value. */
export interface CaptionPatch {
  caption?: string | undefined;
  byline?: string | undefined;
  credit?: string | undefined;
  /** What a screen reader says instead of the photo; travels into articles with it. */
  altText?: string | undefined;
}

const CODE_SHAPE = /^[^\\\s]{1,40}$/u;

function notFound(id: string): AppError {
  return new AppError(
    'not_found',
    `Không tìm thấy ảnh «${id}» trong thư viện; hãy tải lại danh sách ảnh.`,
  );
}

/**
 * Caption editing for one or many photos, Photo Mechanic style: codes expand on save, templates
 * render per photo, and every batch is one transaction so a failure changes nothing.
 */
export function createCaptionDesk(deps: { db: Database; now: () => number }) {
  const { db, now } = deps;

  const write = (
    ids: readonly string[],
    edit: (row: PhotoRow, codes: Map<string, string>) => CaptionPatch,
  ) =>
    db.transaction((): PhotoRecord[] => {
      const codes = selectCaptionCodes(db);
      const at = now();
      return ids.map((id) => {
        const row = selectPhoto(db, id);
        if (row === undefined) throw notFound(id);
        const patch = edit(row, codes);
        const field = (value: string | undefined, current: string) =>
          value === undefined ? current : cleanText(expandCodes(value, codes));
        const caption = field(patch.caption, row.caption);
        const next = {
          id,
          caption,
          caption_missing: isCaptionMissing(caption) ? 1 : 0,
          byline: field(patch.byline, row.byline),
          credit: field(patch.credit, row.credit),
          alt_text: field(patch.altText, row.alt_text),
          updated_at: at,
        };
        updatePhotoCredits(db, next);
        return toPhotoRecord({ ...row, ...next });
      });
    })();

  return {
    /** Sets caption, byline, credit and/or alt text on every photo given; `\code\` expands on the way in. */
    updateCaptions(ids: readonly string[], patch: CaptionPatch): PhotoRecord[] {
      return write(ids, () => patch);
    },

    /**
     * Renders a template for each photo with its own values ({caption}, {original}, {date} from
     * the capture time…), so one template captions a whole assignment.
     */
    applyCaptionTemplate(
      ids: readonly string[],
      template: string,
      extra: { place?: string } = {},
    ): PhotoRecord[] {
      return write(ids, (row) => ({
        caption: renderCaptionTemplate(template, {
          caption: row.caption,
          byline: row.byline,
          credit: row.credit,
          event: row.event,
          date: row.capture_time ?? new Date(row.imported_at),
          place: extra.place,
          original: row.original_name,
        }),
      }));
    },

    /** The newsroom code list, for the caption dialog's live preview. */
    captionCodes(): Map<string, string> {
      return selectCaptionCodes(db);
    },

    /** Adds or replaces a code; codes are typed between backslashes, so they hold none. */
    setCaptionCode(code: string, expansion: string): void {
      const key = code.normalize('NFC');
      if (!CODE_SHAPE.test(key)) {
        throw new AppError(
          'invalid_input',
          'Mã viết tắt phải có từ 1 đến 40 ký tự, không có dấu cách và không có dấu «\\».',
        );
      }
      upsertCaptionCode(db, key, cleanText(expansion));
    },

    /** Removes a code from the list. */
    removeCaptionCode(code: string): void {
      deleteCaptionCode(db, code.normalize('NFC'));
    },

    /** Saved caption templates. */
    captionTemplates(): CaptionTemplateRow[] {
      return selectCaptionTemplates(db);
    },

    /** Saves a template (new when no id is given); returns it with its id. */
    saveCaptionTemplate(input: {
      id?: string;
      name: string;
      template: string;
    }): CaptionTemplateRow {
      const row = {
        id: input.id ?? randomUUID(),
        name: cleanText(input.name),
        template: input.template.normalize('NFC'),
      };
      if (row.name === '') throw new AppError('invalid_input', 'Hãy đặt tên cho mẫu chú thích.');
      upsertCaptionTemplate(db, row);
      return row;
    },

    /** Deletes a template. */
    removeCaptionTemplate(id: string): void {
      deleteCaptionTemplate(db, id);
    },
  };
}

/** The caption half of the photo library's API. */
export type CaptionDesk = ReturnType<typeof createCaptionDesk>;
