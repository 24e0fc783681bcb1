import path from 'node:path';

import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

import { tempDir } from '../support/tempDir';
import { AppPage } from './pages/AppPage';
import { bridgeCall } from './support/bridgeCall';
import { newPage, screenshot } from './support/browser';
import { useChromium } from './support/useChromium';
import { startWebShell } from './support/webShell';

const chromium = useChromium();

/** A body as a newer Newsdesk might store it: a `callout` node and a `textStyle` mark. */
const newerBody = JSON.stringify({
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: 'Đoạn mở đầu bài viết.' }] },
    {
      type: 'callout',
      attrs: { tone: 'warning' },
      content: [
        {
          type: 'paragraph',
          content: [
            {
              type: 'text',
              text: 'Lưu ý của toà soạn',
              marks: [{ type: 'textStyle', attrs: { color: '#c00' } }],
            },
          ],
        },
      ],
    },
  ],
});

function storedBody(dataDir: string, id: string): { body: string; version: number } {
  const db = new Database(path.join(dataDir, 'newsdesk.sqlite'), { readonly: true });
  try {
    const row = db.prepare('SELECT body_json, version FROM articles WHERE id = ?').get(id) as {
      body_json: string;
      version: number;
    };
    return { body: row.body_json, version: row.version };
  } finally {
    db.close();
  }
}

describe('a stored body the editor cannot read', () => {
  it('opens read-only with a banner, and typing never overwrites it', async () => {
    const dataDir = tempDir();
    let shell = await startWebShell(dataDir);
    const created = await bridgeCall<{ id: string }>(shell.url, 'articles.create', {
      title: 'Bài từ bản Newsdesk mới hơn',
    });
    await shell.stop();
    // As an older library or a newer bundle left it: written straight into the library file.
    const db = new Database(path.join(dataDir, 'newsdesk.sqlite'));
    db.prepare('UPDATE articles SET body_json = ? WHERE id = ?').run(newerBody, created.id);
    db.close();
    const before = storedBody(dataDir, created.id);

    shell = await startWebShell(dataDir);
    const page = await newPage(chromium());
    const app = new AppPage(page);
    await app.open(shell.url);
    await app.articleItems.first().click();
    const banner = page.getByTestId('unreadable-body-banner');
    await banner.waitFor();
    expect(await banner.innerText()).toMatch(/chỉ đọc.*«callout»/su);
    expect(await page.getByTestId('editor').getAttribute('data-editable')).toBe('false');

    // The reporter tries to type anyway, in the body and the title, then leaves the field.
    await app.body.click({ force: true });
    await page.keyboard.type('Gõ thử', { delay: 15 });
    await app.title.click({ force: true });
    await page.keyboard.type(' sửa', { delay: 15 });
    await page.getByTestId('new-article').focus();
    await page.waitForTimeout(4000);
    await screenshot(page, 'unreadable-body-banner');
    const current = await bridgeCall<{ body: unknown; version: number }>(
      shell.url,
      'articles.get',
      {
        id: created.id,
      },
    );
    expect({ body: JSON.stringify(current.body), version: current.version }).toEqual(before);

    // «Xuất gói bài» keeps the stored body in a bundle (downloaded in the browser shell).
    const download = page.waitForEvent('download');
    await page.getByTestId('unreadable-body-export').click();
    expect((await download).suggestedFilename()).toMatch(/\.ndbundle$/u);
    await page.getByTestId('unreadable-body-outcome').waitFor();
    await shell.stop();
    expect(storedBody(dataDir, created.id)).toEqual(before);
  });
});
