/*
 * The bench's bare TipTap page (`npm run bench:editor`, issue 16): the article schema the
 * document needs (the shared schema extensions), no React, no spellcheck, no comments, no
 * autosave. Its figures render as plain <img>. The bench serves the document, the photo and the
 * typography measured from Newsdesk's own editor, so both pages lay out the same text alike.
 */
import '../../renderer/styles/prosemirror.css';

import { Editor, mergeAttributes } from '@tiptap/core';

import type { DocNode } from '../../shared/domain/article';
import { articleSchemaExtensions } from '../../shared/editor/extensions';

declare global {
  interface Window {
    /** Set once the document is loaded, for the bench to wait on. */
    __bareReady?: boolean;
  }
}

async function start(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const doc = (await (await fetch('/doc.json')).json()) as DocNode;
  const host = document.getElementById('editor');
  if (!host) throw new Error('no #editor');
  host.style.cssText = params.get('style') ?? '';
  const extensions = articleSchemaExtensions().map((extension) =>
    extension.name === 'figure'
      ? extension.extend({
          renderHTML({ HTMLAttributes }: { HTMLAttributes: Record<string, unknown> }) {
            return [
              'figure',
              mergeAttributes(HTMLAttributes, { 'data-testid': 'figure' }),
              ['img', { src: '/photo.jpg', alt: '' }],
              ['figcaption', 0],
            ];
          },
        })
      : extension,
  );
  new Editor({
    element: host,
    extensions,
    content: doc,
    injectCSS: false,
    editorProps: { attributes: { 'data-testid': 'editor-body', spellcheck: 'false', lang: 'vi' } },
  });
  window.__bareReady = true;
}

void start();
