import { useCallback, useState } from 'react';

import type { NewsdeskApi } from '../../../shared/contract/api';
import type { PhotoImportReport } from '../../../shared/photos/desk';
import type { GroupChoice } from '../../../shared/photos/duplicateGroups';
import { callOrThrow } from '../../lib/api';
import { uploadFile } from '../../lib/uploadFile';
import { displayName, maxFileBytes } from './importChunks';
import { messageOf } from './errors';
import type { PhotoDeskLabels } from './labels';

/** How far an import has got, for the progress line. */
export interface ImportProgress {
  done: number;
  total: number;
  /** The file being uploaded, and how many of its bytes are sent. */
  file?: string;
  sent?: number;
  size?: number;
}

/** What the desk's import controls need: start, progress, the merged report, duplicate choices. */
export interface PhotoImport {
  progress: ImportProgress | null;
  report: PhotoImportReport | null;
  error: string | null;
  importFiles: (files: readonly File[], event: string) => Promise<void>;
  /** One decision for a near-duplicate group: keep all, or keep one and drop the others. */
  resolveGroup: (ids: string[], keep: GroupChoice) => Promise<void>;
  dismiss: () => void;
}

const emptyReport = (): PhotoImportReport => ({
  imported: [],
  duplicates: [],
  nearDuplicates: [],
  failed: [],
});

/**
 * Uploads picked or dropped files one by one in chunks (docs/large-imports.md), imports each with
 * `photos.importUploaded` and merges the answers into one report; a file that fails is reported
 * with its message and the rest still go. `onChanged` runs after an import or a duplicate choice so the
 * grid reloads.
 */
export function usePhotoImport(
  api: NewsdeskApi,
  labels: PhotoDeskLabels,
  onChanged: () => void,
): PhotoImport {
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [report, setReport] = useState<PhotoImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  const importFiles = useCallback(
    async (files: readonly File[], event: string): Promise<void> => {
      if (files.length === 0) return;
      const merged = emptyReport();
      const sendable = files.filter((file) => {
        if (file.size <= maxFileBytes) return true;
        merged.failed.push({ name: file.name, code: 'too_large', message: labels.tooLarge });
        return false;
      });
      let done = files.length - sendable.length;
      setProgress({ done, total: files.length });
      setReport(null);
      setError(null);
      // One file per call, uploaded in chunks: any number of photos up to the per-file limit.
      for (const file of sendable) {
        try {
          const uploadId = await uploadFile(api, 'photo', file, (sent) =>
            setProgress({ done, total: files.length, file: file.name, sent, size: file.size }),
          );
          const answer = await callOrThrow(api, 'photos.importUploaded', {
            uploadIds: [uploadId],
            event: event.trim().slice(0, 200),
          });
          merged.imported.push(...answer.imported);
          merged.duplicates.push(...answer.duplicates);
          merged.nearDuplicates.push(...answer.nearDuplicates);
          merged.failed.push(...answer.failed);
        } catch (failure) {
          const message =
            failure instanceof DOMException
              ? labels.readFailed
              : messageOf(failure, labels.unexpected);
          merged.failed.push({ name: displayName(file), code: 'import_failed', message });
        }
        done += 1;
        setProgress({ done, total: files.length });
      }
      setProgress(null);
      setReport(merged);
      onChanged();
    },
    [api, labels, onChanged],
  );

  const resolveGroup = useCallback(
    async (ids: string[], keep: GroupChoice): Promise<void> => {
      try {
        await callOrThrow(api, 'photos.resolveGroup', { ids, keep });
        const settled = new Set(ids);
        setReport((current) =>
          current
            ? {
                ...current,
                nearDuplicates: current.nearDuplicates.filter(
                  (pair) => !settled.has(pair.photo.id) && !settled.has(pair.similar.id),
                ),
              }
            : current,
        );
        setError(null);
        onChanged();
      } catch (failure) {
        setError(messageOf(failure, labels.unexpected));
      }
    },
    [api, labels, onChanged],
  );

  const dismiss = useCallback(() => {
    setReport(null);
    setError(null);
  }, []);

  return { progress, report, error, importFiles, resolveGroup, dismiss };
}
