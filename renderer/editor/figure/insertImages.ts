import type { Editor } from '@tiptap/react';

import i18next from 'i18next';

import type { NewsdeskApi } from '../../../shared/contract/api';
import type { ImportedImage } from '../../../shared/domain/media';
import { callOrThrow } from '../../lib/api';
import { errorText } from '../../lib/errorText';
import { uploadFile } from '../../lib/uploadFile';

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
    // In chunks, like any photo: a 40 MB camera file goes in through the browser shell too.
    try {
      const uploadId = await uploadFile(api, 'photo', file);
      figures.push(figureFor(await callOrThrow(api, 'media.importUploaded', { uploadId })));
    } catch (failure) {
      errors.push(errorText(failure, i18next.t('errors.unexpected')));
    }
  }
  if (figures.length > 0) {
    const chain = editor.chain().focus();
    if (position === undefined) chain.insertContent(figures);
    else chain.insertContentAt(position, figures);
    chain.run();
  }
  return errors;
}
