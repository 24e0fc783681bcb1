import type { NewsdeskApi } from '../../shared/contract/api';
import type { UploadKind } from '../../shared/contract/uploadCalls';
import { uploadChunkBytes } from '../../shared/contract/uploadCalls';
import { callOrThrow } from './api';

/** Reads part of a file as base64 (without the `data:` prefix). */
function readBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      const comma = url.indexOf(',');
      resolve(comma === -1 ? '' : url.slice(comma + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(blob);
  });
}

/**
 * Sends one file to the core in chunks (docs/large-imports.md), reading each chunk only when it
 * is sent, and resolves to the upload id an import call takes. `onProgress` gets the bytes sent.
 * A failure cancels the upload so nothing is left in the data folder.
 */
export async function uploadFile(
  api: NewsdeskApi,
  kind: UploadKind,
  file: File,
  onProgress?: (sent: number, total: number) => void,
): Promise<string> {
  const { uploadId } = await callOrThrow(api, 'uploads.begin', {
    kind,
    fileName: file.name.slice(0, 255) || 'tep',
    size: file.size,
  });
  try {
    let offset = 0;
    while (offset < file.size) {
      const dataBase64 = await readBase64(file.slice(offset, offset + uploadChunkBytes));
      const { received } = await callOrThrow(api, 'uploads.append', {
        uploadId,
        offset,
        dataBase64,
      });
      offset = received;
      onProgress?.(offset, file.size);
    }
    return uploadId;
  } catch (error) {
    void api.call('uploads.cancel', { uploadId });
    throw error;
  }
}
