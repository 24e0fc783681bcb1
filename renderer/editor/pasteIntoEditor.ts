import type { Editor } from '@tiptap/core';
import type { Selection, Transaction } from '@tiptap/pm/state';
import i18next from 'i18next';

import type { NewsdeskApi } from '../../shared/contract/api';
import { AppError } from '../../shared/errors/appError';
import { figureFor } from './figure/insertImages';
import type { LegacyReport, PasteWarning } from './paste';
import { PASTE_WARNING_MESSAGES, cleanPastedHtml, cleanPastedText } from './paste';
import { CHUNKED_PASTE_MIN, splitPastedHtml } from './paste/chunks';
import { assertPasteSize } from './paste/errors';
import { PASTE_WARNING_ORDER } from './paste/warnings';

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
    messages.push(i18next.t('paste.remoteImages', { count: remote }));
  }
  return doc.body.innerHTML;
}

/** The cause of a refused paste, in the words the reporter sees. */
function refusal(error: unknown): string {
  return error instanceof AppError ? error.userMessage : i18next.t('paste.refused');
}

/** Lets the page paint and take keys between two pieces of a large paste. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** After the block the caret ends, when it is at that block's end: where the next piece goes. */
function blockEndAfter(editor: Editor, pos: number): number {
  const $pos = editor.state.doc.resolve(pos);
  return $pos.depth > 0 && $pos.parent.isTextblock && pos === $pos.end() ? $pos.after() : pos;
}

/**
 * The editor's paste: clipboard HTML (Word, Google Docs, web pages) and longer plain text are
 * cleaned, sanitised, NFC-normalised and converted from TCVN3/VNI before they reach the
 * document. Returns false when ProseMirror should handle the paste itself. A large paste is
 * cleaned and inserted in pieces, one task each, as one undo step (docs/large-paste.md).
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
  let pieces: string[];
  try {
    if (html) assertPasteSize(html);
    pieces = html.length >= CHUNKED_PASTE_MIN ? splitPastedHtml(html) : [html];
  } catch (error) {
    report({ legacy: null, messages: [refusal(error)], undoLegacy: null });
    return true;
  }
  const run = async (legacyMode: 'auto' | 'off', at?: number): Promise<void> => {
    const messages: string[] = [];
    const warnings = new Set<PasteWarning>();
    let legacy: LegacyReport | null = null;
    const before = editor.state.doc.content.size;
    const start = at ?? insertAt;
    // Later pieces join the first one's undo step: one Ctrl+Z takes the whole paste back.
    const sameStep = editor.state.tr;
    let next: number | null = null;
    let placed: Selection | null = null;
    let inserting = false;
    // Typing elsewhere while the pieces arrive moves where the next piece goes.
    const follow = ({ transaction }: { transaction: Transaction }): void => {
      if (next !== null && !inserting) next = transaction.mapping.map(next);
    };
    editor.on('transaction', follow);
    try {
      for (const [index, piece] of pieces.entries()) {
        if (index > 0) await nextTask();
        if (editor.isDestroyed) return;
        let result;
        try {
          result = html
            ? cleanPastedHtml(piece, { legacy: legacyMode })
            : cleanPastedText(text, { legacy: legacyMode });
        } catch (error) {
          messages.push(refusal(error));
          break;
        }
        legacy ??= result.legacy;
        for (const warning of result.warnings) warnings.add(warning);
        const cleaned =
          result.images.length > 0 ? await importImages(result.html, api, messages) : result.html;
        inserting = true;
        const chain = editor.chain();
        if (index === 0) chain.focus();
        else chain.command(({ tr }) => Boolean(tr.setMeta('appendedTransaction', sameStep)));
        const { from, to } = editor.state.selection;
        const sizeBefore = editor.state.doc.content.size;
        // A paste is cleaned into the schema on purpose: what the schema lacks is dropped, never a
        // reason to refuse the paste (the content check guards loading stored bodies only).
        chain.insertContentAt(next ?? at ?? { from, to }, cleaned, {
          parseOptions: { preserveWhitespace: false },
          errorOnInvalidContent: false,
          // The caret follows the paste unless the reporter has moved it meanwhile.
          updateSelection: index === 0 || editor.state.selection === placed,
        });
        chain.run();
        inserting = false;
        next =
          next === null
            ? blockEndAfter(editor, editor.state.selection.to)
            : next + editor.state.doc.content.size - sizeBefore;
        placed = editor.state.selection;
      }
    } finally {
      editor.off('transaction', follow);
    }
    const insertedSize = editor.state.doc.content.size - before;
    for (const warning of PASTE_WARNING_ORDER)
      if (warnings.has(warning)) messages.push(PASTE_WARNING_MESSAGES[warning]);
    report({
      legacy,
      messages: [...new Set(messages)],
      undoLegacy:
        legacy && legacyMode === 'auto'
          ? () => {
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
