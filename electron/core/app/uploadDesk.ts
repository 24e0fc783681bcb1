import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

import type {
  LibraryImportReport,
  libraryMoveCalls,
} from '../../../shared/contract/libraryMoveCalls';
import type { uploadCalls, UploadKind } from '../../../shared/contract/uploadCalls';
import { AppError } from '../../../shared/errors/appError';
import type { ImportedImage } from '../../../shared/domain/media';
import type { PhotoImportReport } from '../../../shared/photos/desk';
import type { SignedInUser } from '../../../shared/workflow/accounts';
import type { BundleImportReport } from '../../../shared/workflow/handoff';
import type { HandlerContext, Handlers } from '../contract/dispatch';
import { requireUser } from '../contract/dispatch';
import type { Logger } from '../logging/logger';
import type { TakenUpload } from '../uploads/uploadStore';
import { createUploadStore } from '../uploads/uploadStore';

/** The upload calls, as one slice of the contract's handlers. */
export type UploadDeskHandlers = Pick<
  Handlers,
  keyof typeof uploadCalls | keyof typeof libraryMoveCalls
>;

/**
 * Large imports in both shells (docs/large-imports.md): chunked uploads into the data folder,
 * then photo or bundle import from the finished file. The imports are the desks' own.
 */
export function createUploadDesk(deps: {
  dataDir: string;
  logger: Logger;
  importPhotos: (files: readonly TakenUpload[], event: string) => Promise<PhotoImportReport>;
  importBundle: (user: SignedInUser, fileName: string, data: Buffer) => Promise<BundleImportReport>;
  /** One photo for an article (the editor's insert from the computer). */
  importArticleImage: (fileName: string, data: Buffer) => Promise<ImportedImage>;
  /** Whether any account exists; before the first one, a whole library may be imported. */
  hasAccounts: () => boolean;
  /** Replaces the open library by the archive file (the library host closes and reopens it). */
  importLibrary: (file: string) => Promise<LibraryImportReport>;
}) {
  const store = createUploadStore({ dataDir: deps.dataDir, logger: deps.logger.child('uploads') });
  /**
   * The upload calls are public for one case only: a whole library on the first-start screen.
   * Everything else needs a signed-in user, and a library needs the administrator once accounts
   * exist (docs/large-imports.md).
   */
  const allow = (context: HandlerContext, kind: UploadKind): void => {
    if (kind === 'library' && !deps.hasAccounts()) return;
    const user = requireUser(context);
    if (kind === 'library' && user.role !== 'admin')
      throw new AppError(
        'forbidden',
        'Bạn không có quyền nhập toàn bộ thư viện. Việc này cần vai trò Quản trị viên.',
      );
  };
  const handlers: UploadDeskHandlers = {
    'uploads.begin': (args, context) => {
      allow(context, args.kind);
      return store.begin(args);
    },
    'uploads.append': (args, context) => {
      allow(context, store.kindOf(args.uploadId));
      return store.append(args);
    },
    'uploads.cancel': (args, context) => {
      allow(context, store.kindOf(args.uploadId));
      return store.cancel(args.uploadId);
    },
    'library.importUploaded': async (args, context) => {
      allow(context, 'library');
      const upload = store.take(args.uploadId, 'library');
      // Out of uploads/, which the reopened library empties, until the import is done.
      const file = path.join(deps.dataDir, `library-import-${randomUUID()}.ndlibrary`);
      await fs.rename(upload.file, file);
      try {
        return await deps.importLibrary(file);
      } finally {
        await fs.rm(file, { force: true });
      }
    },
    'photos.importUploaded': (args) => {
      // Take every upload first: one incomplete upload refuses the call, and the others are
      // cleaned up rather than left in the folder.
      const taken: TakenUpload[] = [];
      try {
        for (const uploadId of args.uploadIds) taken.push(store.take(uploadId, 'photo'));
      } catch (error) {
        for (const upload of taken) void fs.rm(upload.file, { force: true });
        throw error;
      }
      return deps.importPhotos(taken, args.event);
    },
    'bundles.importUploaded': async (args, context) => {
      const user = requireUser(context);
      const upload = store.take(args.uploadId, 'bundle');
      try {
        return await deps.importBundle(user, upload.fileName, await fs.readFile(upload.file));
      } finally {
        await fs.rm(upload.file, { force: true });
      }
    },
    'media.importUploaded': async (args, context) => {
      requireUser(context);
      const upload = store.take(args.uploadId, 'photo');
      try {
        return await deps.importArticleImage(upload.fileName, await fs.readFile(upload.file));
      } finally {
        await fs.rm(upload.file, { force: true });
      }
    },
  };
  return { handlers };
}
