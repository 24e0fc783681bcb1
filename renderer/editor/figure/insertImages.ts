import type { Editor } from '@tiptap/react';

import type { NewsdeskApi } from '../../../shared/contract/api';
import type { ImportedImage } from '../../../shared/domain/media';

/** Reads a File as base64 for the contract (the browser shell carries bytes over HTTP). */
function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const result = typeof reader.result === 'string' ? reader.result : '';
      resolve(result.slice(result.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** A figure node for an imported photo, prefilled with the credits found in the file. */
export function figureFor(image: ImportedImage) {
  return {
    type: 'figure',
    attrs: { mediaPath: image.mediaPath, alt: image.altText, credit: image.credit || image.byline },
    content: image.caption ? [{ type: 'text', text: image.caption.normalize('NFC') }] : [],
  };
}

/**
 * Imports image files into the library and inserts them as figures at `position` (or the
 * selection). Files that fail are reported by name with the core's Vietnamese message; the
 * others still go in.
 */
export async function insertImageFiles(
  editor: Editor,
  api: NewsdeskApi,
  files: File[],
  position?: number,
): Promise<string[]> {
  const errors: string[] = [];
  const figures = [];
  for (const file of files) {
    if (
      !file.type.startsWith('image/') &&
      !/\.(jpe?g|png|webp|gif|tiff?|avif|heic|heif)$/i.test(file.name)
    )
      continue;
    const result = await api.call('media.importImage', {
      fileName: file.name,
      dataBase64: await toBase64(file),
    });
    if (result.ok) figures.push(figureFor(result.value));
    else errors.push(result.error.message);
  }
  if (figures.length > 0) {
    const chain = editor.chain().focus();
    if (position === undefined) chain.insertContent(figures);
    else chain.insertContentAt(position, figures);
    chain.run();
  }
  return errors;
}
