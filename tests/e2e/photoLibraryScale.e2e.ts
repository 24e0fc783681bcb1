import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { fillPhotoLibrary } from '../../bench/photolibCorpus';
import { openDatabase } from '../../electron/core/db/open';
import { libraryPaths } from '../../electron/core/library/libraryPaths';
import { tempDir } from '../support/tempDir';
import { AppPage } from './pages/AppPage';
import { newPage, screenshot } from './support/browser';
import { useChromium } from './support/useChromium';
import { repoRoot, startWebShell } from './support/webShell';

const chromium = useChromium();
const photos = 600;

/** A library of `photos` rows (written while no shell holds it); returns the oldest photo's id. */
async function makeLibrary(dataDir: string): Promise<string> {
  // The shell makes the library and its administrator.
  await (await startWebShell(dataDir)).stop();
  const paths = libraryPaths(dataDir);
  const { db } = openDatabase(paths.database);
  try {
    await fillPhotoLibrary(
      db,
      paths.media,
      photos,
      path.join(repoRoot, 'tests/fixtures/photos/ladybird.jpg'),
    );
    db.prepare(
      `UPDATE photos SET caption = 'Phố cổ Hà Nội sáng mùng một Tết', caption_missing = 0
       WHERE rowid = (SELECT max(rowid) FROM photos)`,
    ).run();
    const oldest = db.prepare('SELECT id FROM photos ORDER BY imported_at LIMIT 1').get() as {
      id: string;
    };
    return oldest.id;
  } finally {
    db.close();
  }
}

describe('Kho ảnh with a newsroom-sized library in Chromium', () => {
  it('keeps only the visible rows in the page and finds «Hà Nội» when the editor types «ha noi»', async () => {
    const dataDir = tempDir();
    const oldest = await makeLibrary(dataDir);
    const shell = await startWebShell(dataDir);
    try {
      const app = new AppPage(await newPage(chromium()));
      const page = app.page;
      await app.open(shell.url);
      await page.getByTestId('nav-photos').click();
      const grid = page.getByTestId('photo-grid');
      await expect.poll(() => grid.getAttribute('data-total')).toBe(String(photos));
      await page.locator('[data-testid="photo-tile"]').first().waitFor();
      // Virtualised: a screenful of tiles, not a page of 120, let alone 600.
      const tiles = page.getByTestId('photo-tile');
      expect(await tiles.count()).toBeLessThan(80);
      await screenshot(page, 'photo-library-scale-top-vi');

      // The bottom of the grid: the oldest photo is there, still only a screenful in the page.
      await grid.evaluate((box) => box.scrollTo({ top: box.scrollHeight }));
      await page.locator(`[data-testid="photo-tile"][data-id="${oldest}"]`).waitFor();
      expect(await tiles.count()).toBeLessThan(80);

      // Typing without tones finds the caption with them; the grid shows only the matches.
      const search = page.getByTestId('photo-search');
      await search.fill('pho co ha noi');
      await expect.poll(() => grid.getAttribute('data-total')).toBe('1');
      await expect.poll(() => tiles.count()).toBe(1);
      expect(await tiles.first().getAttribute('title')).toBe('Phố cổ Hà Nội sáng mùng một Tết');
      await search.fill('ha noi');
      await expect
        .poll(async () => Number(await grid.getAttribute('data-total')))
        .toBeGreaterThan(1);
      await expect.poll(() => tiles.count()).toBeGreaterThan(1);
      const titles = await tiles.evaluateAll((nodes) =>
        nodes.map((node) => node.getAttribute('title') ?? ''),
      );
      expect(titles.every((title) => title.includes('Hà Nội'))).toBe(true);
      await screenshot(page, 'photo-library-search-vi');

      await search.fill('khong co anh nao nhu vay');
      await expect.poll(() => grid.getAttribute('data-total')).toBe('0');
      expect(await page.getByTestId('photo-no-match').innerText()).toContain(
        'khong co anh nao nhu vay',
      );
    } finally {
      await shell.stop();
    }
  });
});
