import fs from 'node:fs/promises';

import type { uploadCalls } from '../../../shared/contract/uploadCalls';
import type { PhotoImportReport } from '../../../shared/photos/desk';
import type { SignedInUser } from '../../../shared/workflow/accounts';
import type { BundleImportReport } from '../../../shared/workflow/handoff';
import type { Handlers } from '../contract/dispatch';
import { requireUser } from '../contract/dispatch';
import type { Logger } from '../logging/logger';
import type { TakenUpload } from '../uploads/uploadStore';
import { createUploadStore } from '../uploads/uploadStore';

/** The upload calls, as one slice of the contract's handlers. */
export type UploadDeskHandlers = Pick<Handlers, keyof typeof uploadCalls>;

/**
 * Large imports in both shells (docs/large-imports.md): chunked uploads into the data folder,
 * then photo or bundle import from the finished file. The imports are the desks' own.
 */
export function createUploadDesk(deps: {
  dataDir: string;
  logger: Logger;
  importPhotos: (files: readonly TakenUpload[], event: string) => Promise<PhotoImportReport>;
  importBundle: (user: SignedInUser, fileName: string, data: Buffer) => Promise<BundleImportReport>;
}) {
  const store = createUploadStore({ dataDir: deps.dataDir, logger: deps.logger.child('uploads') });
  const handlers: UploadDeskHandlers = {
    'uploads.begin': (args) => store.begin(args),
    'uploads.append': (args) => store.append(args),
    'uploads.cancel': (args) => store.cancel(args.uploadId),
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
  };
  return { handlers };
}
