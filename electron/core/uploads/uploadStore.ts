import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import type { UploadKind } from '../../../shared/contract/uploadCalls';
import { uploadLimits } from '../../../shared/contract/uploadCalls';
import { AppError } from '../../../shared/errors/appError';
import type { Logger } from '../logging/logger';

/** At most this many uploads are open at once (a crashed renderer cannot fill the disk). */
const maxOpenUploads = 64;

interface Upload {
  kind: UploadKind;
  fileName: string;
  size: number;
  received: number;
  file: string;
}

/** A finished upload handed to an import: its file (the importer deletes it) and name. */
export interface TakenUpload {
  file: string;
  fileName: string;
}

const notFound = (): AppError =>
  new AppError(
    'not_found',
    'Không tìm thấy tệp đang tải lên (có thể Newsdesk vừa khởi động lại). Hãy chọn lại tệp.',
  );

/**
 * Chunked uploads into `uploads/` in the data folder (docs/large-imports.md): each file is
 * appended in order to its own temporary file, so no call carries more than one chunk and no
 * file sits whole in a message. Leftovers from a previous run are removed at start.
 */
export function createUploadStore(deps: { dataDir: string; logger: Logger }) {
  const dir = path.join(deps.dataDir, 'uploads');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const uploads = new Map<string, Upload>();

  const get = (uploadId: string, kind?: UploadKind): Upload => {
    const upload = uploads.get(uploadId);
    if (!upload || (kind && upload.kind !== kind)) throw notFound();
    return upload;
  };

  const drop = (uploadId: string): void => {
    const upload = uploads.get(uploadId);
    uploads.delete(uploadId);
    if (upload) fs.rmSync(upload.file, { force: true });
  };

  return {
    /** Opens an upload of `size` bytes; the size limit is the kind's. */
    begin(input: { kind: UploadKind; fileName: string; size: number }): { uploadId: string } {
      if (input.size > uploadLimits[input.kind]) {
        throw new AppError(
          'invalid_input',
          `Tệp «${input.fileName}» lớn hơn giới hạn ${Math.round(uploadLimits[input.kind] / 1024 / 1024)} MB.`,
        );
      }
      if (uploads.size >= maxOpenUploads) {
        throw new AppError(
          'invalid_input',
          'Đang có quá nhiều tệp tải lên dở dang. Hãy đợi các tệp trước xong rồi thử lại.',
        );
      }
      const uploadId = randomUUID();
      const file = path.join(dir, `${uploadId}.part`);
      fs.writeFileSync(file, '');
      uploads.set(uploadId, { ...input, received: 0, file });
      return { uploadId };
    },

    /** Appends the next chunk; it must start where the previous one ended. */
    append(input: { uploadId: string; offset: number; dataBase64: string }): { received: number } {
      const upload = get(input.uploadId);
      const data = Buffer.from(input.dataBase64, 'base64');
      if (input.offset !== upload.received || upload.received + data.length > upload.size) {
        throw new AppError(
          'invalid_input',
          `Phần tệp «${upload.fileName}» gửi lên không khớp vị trí. Hãy chọn lại tệp.`,
        );
      }
      fs.appendFileSync(upload.file, data);
      upload.received += data.length;
      return { received: upload.received };
    },

    /** The kind an open upload was begun with (its permission follows it). */
    kindOf(uploadId: string): UploadKind {
      return get(uploadId).kind;
    },

    /** Abandons an upload and deletes its bytes. */
    cancel(uploadId: string): null {
      drop(uploadId);
      return null;
    },

    /**
     * Hands a complete upload to an import and forgets it; the caller deletes the file (or
     * moves it) when done. Refuses one that is incomplete.
     */
    take(uploadId: string, kind: UploadKind): TakenUpload {
      const upload = get(uploadId, kind);
      if (upload.received !== upload.size) {
        drop(uploadId);
        throw new AppError(
          'invalid_input',
          `Tệp «${upload.fileName}» chưa tải lên hết (${upload.received}/${upload.size} byte). Hãy chọn lại tệp.`,
        );
      }
      uploads.delete(uploadId);
      deps.logger.info('upload complete', { kind, size: upload.size });
      return { file: upload.file, fileName: upload.fileName };
    },
  };
}

/** The upload store's API. */
export type UploadStore = ReturnType<typeof createUploadStore>;
