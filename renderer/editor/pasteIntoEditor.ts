import type { Editor } from '@tiptap/core';

import type { NewsdeskApi } from '../../shared/contract/api';
import { AppError } from '../../shared/errors/appError';
import { figureFor } from './figure/insertImages';
import type { LegacyReport } from './paste';
import { PASTE_WARNING_MESSAGES, cleanPastedHtml, cleanPastedText } from './paste';

/** What a paste did, for the notice under the toolbar. */
export interface PasteOutcome {
  legacy: LegacyReport | null;
  messages: string[];
  /** Re-inserts the same clipboard content without legacy conversion (the «undo» offer). */
  undoLegacy: (() => void) | null;
}

/** Short plain pastes go through ProseMirror untouched: IMEs in clipboard mode paste per key. */
const passThroughChars = 20;

function dataUriToBase64(src: string): { base64: string; extension: string } | null {
  const match = /^data:image\/(png|jpe?g|gif|webp|avif|tiff);base64,([A-Za-z0-9+/=\s]+)$/i.exec(
    src,
  );
  if (!match?.[1] || !match[2]) return null;
  return { base64: match[2].replace(/\s+/g, ''), extension: match[1].toLowerCase() };
}

/**
 * Turns pasted `<img>`s into figures: embedded (data:) images are imported into the photo
 * library; web images are left out with a message (the workstation is offline).
 */
async function importImages(html: string, api: NewsdeskApi, messages: string[]): Promise<string> {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const images = Array.from(doc.body.querySelectorAll('img'));
  let remote = 0;
  for (const [index, image] of images.entries()) {
    const data = dataUriToBase64(image.getAttribute('src') ?? '');
    if (!data) {
      remote += 1;
      image.remove();
      continue;
    }
    const result = await api.call('media.importImage', {
      fileName: `anh-dan-${index + 1}.${data.extension}`,
      dataBase64: data.base64,
    });
    if (!result.ok) {
      messages.push(result.error.message);
      image.remove();
      continue;
    }
    const figure = figureFor(result.value);
    const element = doc.createElement('figure');
    const img = doc.createElement('img');
    img.setAttribute('data-media-path', figure.attrs.mediaPath);
    img.setAttribute('alt', image.getAttribute('alt') ?? '');
    element.append(img, doc.createElement('figcaption'));
    const block = image.closest('p') ?? image;
    block.replaceWith(element);
  }
  if (remote > 0) {
    messages.push(
      `Đã bỏ ${remote} ảnh lấy từ trang web vì máy đang làm việc ngoại tuyến. Hãy tải ảnh về máy rồi kéo thả vào bài.`,
    );
  }
  return doc.body.innerHTML;
}

/**
 * The editor's paste: clipboard HTML (Word, Google Docs, web pages) and longer plain text are
 * cleaned, sanitised, NFC-normalised and converted from TCVN3/VNI before they reach the
 * document. Returns null when ProseMirror should handle the paste itself.
 */
export function pasteIntoEditor(
  editor: Editor,
  api: NewsdeskApi,
  clipboard: DataTransfer,
  report: (outcome: PasteOutcome) => void,
): boolean {
  const html = clipboard.getData('text/html');
  const text = clipboard.getData('text/plain');
  if (!html && text.length < passThroughChars) return false;
  const insertAt = editor.state.selection.from;
  const run = async (legacyMode: 'auto' | 'off', at?: number): Promise<void> => {
    const messages: string[] = [];
    let result;
    try {
      result = html
        ? cleanPastedHtml(html, { legacy: legacyMode })
        : cleanPastedText(text, { legacy: legacyMode });
    } catch (error) {
      report({
        legacy: null,
        messages: [error instanceof AppError ? error.userMessage : 'Không dán được nội dung này.'],
        undoLegacy: null,
      });
      return;
    }
    const cleaned =
      result.images.length > 0 ? await importImages(result.html, api, messages) : result.html;
    const before = editor.state.doc.content.size;
    const chain = editor.chain().focus();
    // A paste is cleaned into the schema on purpose: what the schema lacks is dropped, never a
    // reason to refuse the paste (the content check guards loading stored bodies only).
    const { from, to } = editor.state.selection;
    chain.insertContentAt(at ?? { from, to }, cleaned, {
      parseOptions: { preserveWhitespace: false },
      errorOnInvalidContent: false,
    });
    chain.run();
    const insertedSize = editor.state.doc.content.size - before;
    for (const warning of result.warnings) messages.push(PASTE_WARNING_MESSAGES[warning]);
    report({
      legacy: result.legacy,
      messages,
      undoLegacy:
        result.legacy && legacyMode === 'auto'
          ? () => {
              const start = at ?? insertAt;
              editor
                .chain()
                .focus()
                .deleteRange({ from: start, to: start + insertedSize })
                .run();
              void run('off', start);
            }
          : null,
    });
  };
  void run('auto');
  return true;
}
