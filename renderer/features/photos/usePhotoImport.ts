import { useCallback, useState } from 'react';

import type { NewsdeskApi } from '../../../shared/contract/api';
import type { PhotoImportReport } from '../../../shared/photos/desk';
import type { DuplicateChoice, NearDuplicate } from '../../../shared/photos/photoRecord';
import { callOrThrow } from '../../lib/api';
import { chunkFiles, maxFileBytes, readBase64 } from './importChunks';
import { messageOf } from './errors';
import type { PhotoDeskLabels } from './labels';

/** How far an import has got, for the progress line. */
export interface ImportProgress {
  done: number;
  total: number;
}

/** What the desk's import controls need: start, progress, the merged report, duplicate choices. */
export interface PhotoImport {
  progress: ImportProgress | null;
  report: PhotoImportReport | null;
  error: string | null;
  importFiles: (files: readonly File[], event: string) => Promise<void>;
  resolveDuplicate: (pair: NearDuplicate, keep: DuplicateChoice) => Promise<void>;
  dismiss: () => void;
}

const emptyReport = (): PhotoImportReport => ({
  imported: [],
  duplicates: [],
  nearDuplicates: [],
  failed: [],
});

/**
 * Sends picked or dropped files to `photos.import` chunk by chunk and merges the answers into
 * one report; a chunk the main side refuses whole marks each of its files failed with that
 * message, and the rest still go. `onChanged` runs after an import or a duplicate choice so the
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
      for (const chunk of chunkFiles(sendable)) {
        const payload: Array<{ name: string; dataBase64: string }> = [];
        for (const file of chunk) {
          try {
            payload.push({ name: file.name.slice(0, 255), dataBase64: await readBase64(file) });
          } catch {
            merged.failed.push({
              name: file.name,
              code: 'read_failed',
              message: labels.readFailed,
            });
          }
        }
        if (payload.length > 0) {
          try {
            const answer = await callOrThrow(api, 'photos.import', {
              files: payload,
              event: event.trim().slice(0, 200),
            });
            merged.imported.push(...answer.imported);
            merged.duplicates.push(...answer.duplicates);
            merged.nearDuplicates.push(...answer.nearDuplicates);
            merged.failed.push(...answer.failed);
          } catch (failure) {
            const message = messageOf(failure, labels.unexpected);
            for (const file of payload) {
              merged.failed.push({ name: file.name, code: 'import_failed', message });
            }
          }
        }
        done += chunk.length;
        setProgress({ done, total: files.length });
      }
      setProgress(null);
      setReport(merged);
      onChanged();
    },
    [api, labels, onChanged],
  );

  const resolveDuplicate = useCallback(
    async (pair: NearDuplicate, keep: DuplicateChoice): Promise<void> => {
      try {
        await callOrThrow(api, 'photos.resolveDuplicate', {
          photoId: pair.photo.id,
          similarId: pair.similar.id,
          keep,
        });
        setReport((current) =>
          current
            ? { ...current, nearDuplicates: current.nearDuplicates.filter((p) => p !== pair) }
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

  return { progress, report, error, importFiles, resolveDuplicate, dismiss };
}
