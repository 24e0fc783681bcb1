import type { Page } from 'playwright-core';

import { makeText, seeded } from './editorCorpus';

/** What a large paste did to the page: first content, the whole, and the longest task meanwhile. */
export interface PasteRun {
  bytes: number;
  firstContentMs: number;
  completeMs: number;
  longestTaskMs: number;
}

/** Word-like clipboard HTML of about `bytes` bytes, with markers on its first and last paragraph. */
export function wordClipboard(bytes: number): { html: string; first: string; last: string } {
  const random = seeded(11);
  const head =
    '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style><!-- p.MsoNormal ' +
    '{font-family:"Times New Roman",serif;} --></style></head><body lang=EN-US><!--StartFragment-->';
  const paragraph = (text: string): string =>
    `<p class=MsoNormal style='margin-bottom:6.0pt;text-align:justify;line-height:130%'><span lang=VI ` +
    `style='font-size:13.0pt;line-height:130%;font-family:"Times New Roman",serif'>${text}<o:p></o:p></span></p>\r\n`;
  const first = 'Mở đầu phần dán thử';
  const last = 'Kết thúc phần dán thử';
  const opening = paragraph(`${first}. ${makeText(60, random)}`);
  const parts = [opening];
  let size = head.length + opening.length;
  while (size < bytes) {
    const next = paragraph(makeText(60, random));
    parts.push(next);
    size += Buffer.byteLength(next);
  }
  parts.push(paragraph(last));
  return { html: `${head}${parts.join('')}<!--EndFragment--></body></html>`, first, last };
}

/**
 * Pastes `html` at the caret of the page's editor as a clipboard event would, and measures when
 * its first and last paragraphs appear and the longest main-thread task until then.
 */
export async function measurePaste(page: Page, bytes: number): Promise<PasteRun> {
  const clip = wordClipboard(bytes);
  const result = await page.evaluate(
    `new Promise((resolve) => {
      const { html, first, last } = ${JSON.stringify(clip)};
      const dom = document.querySelector('[data-testid="editor-body"]');
      const tasks = [];
      const longTasks = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push(entry.duration);
      });
      longTasks.observe({ type: 'longtask' });
      const started = performance.now();
      let firstAt = null;
      const seen = (node, text) => node.textContent && node.textContent.includes(text);
      const observer = new MutationObserver((records) => {
        for (const record of records) for (const node of record.addedNodes) {
          if (firstAt === null && seen(node, first)) firstAt = performance.now() - started;
          if (seen(node, last)) {
            const completeAt = performance.now() - started;
            observer.disconnect();
            // Let the observer report the tasks of the last frame.
            setTimeout(() => {
              longTasks.disconnect();
              resolve({ firstContentMs: firstAt ?? completeAt, completeMs: completeAt,
                longestTaskMs: Math.max(0, ...tasks) });
            }, 200);
            return;
          }
        }
      });
      observer.observe(dom, { childList: true, subtree: true });
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', 'dán');
      dom.focus();
      setTimeout(() => dom.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })), 0);
    })`,
  );
  return { bytes: Buffer.byteLength(clip.html), ...(result as Omit<PasteRun, 'bytes'>) };
}
