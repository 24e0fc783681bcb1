import { z } from 'zod';

import type { BundleImportReport } from '../workflow/handoff';
import { maxBundleBytes } from '../workflow/handoff';
import { maxImportBytes } from '../domain/media';
import type { ImportedImage } from '../domain/media';
import type { PhotoImportReport } from '../photos/desk';
import { maxLibraryArchiveBytes } from './libraryMoveCalls';
import { call, id } from './callSpec';

/** What an upload is for; it sets the size limit (one photo, one bundle, a whole library). */
export const uploadKinds = ['photo', 'bundle', 'library'] as const;
/** One upload kind. */
export type UploadKind = (typeof uploadKinds)[number];

/** The largest file of each kind, as the other calls allow it. */
export const uploadLimits: Record<UploadKind, number> = {
  photo: maxImportBytes,
  bundle: maxBundleBytes,
  library: maxLibraryArchiveBytes,
};

/**
 * Raw bytes per `uploads.append` call: small enough for one IPC message and far under the
 * browser bridge's request cap once base64-encoded (docs/large-imports.md).
 */
export const uploadChunkBytes = 8 * 1024 * 1024;

const base64 = (maxBytes: number) =>
  z
    .string()
    .max(Math.ceil((maxBytes * 4) / 3) + 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/);

/**
 * Large files in both shells: a file goes up in chunks into a temporary file in the library's
 * data folder, then one call imports it by its upload id. Spread into the call map.
 */
export const uploadCalls = {
  'uploads.begin': call<{ uploadId: string }>()(
    z
      .object({
        kind: z.enum(uploadKinds),
        fileName: z.string().min(1).max(255),
        size: z
          .number()
          .int()
          .min(0)
          .max(Math.max(...Object.values(uploadLimits))),
      })
      .strict()
      .refine((input) => input.size <= uploadLimits[input.kind], {
        message: 'Tệp lớn hơn giới hạn cho loại này.',
        path: ['size'],
      }),
  ),
  'uploads.append': call<{ received: number }>()(
    z
      .object({
        uploadId: id,
        offset: z.number().int().min(0),
        dataBase64: base64(uploadChunkBytes),
      })
      .strict(),
  ),
  'uploads.cancel': call<null>()(z.object({ uploadId: id }).strict()),
  'photos.importUploaded': call<PhotoImportReport>()(
    z
      .object({
        uploadIds: z.array(id).min(1).max(20),
        event: z.string().max(200).default(''),
      })
      .strict(),
  ),
  'bundles.importUploaded': call<BundleImportReport>()(z.object({ uploadId: id }).strict()),
  /** One photo inserted into an article from the computer, uploaded in chunks like any photo. */
  'media.importUploaded': call<ImportedImage>()(z.object({ uploadId: id }).strict()),
} as const;
