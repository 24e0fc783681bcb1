import fs from 'node:fs';
import path from 'node:path';

import type { Locator, Page } from 'playwright-core';

/** One line of an import report. */
export interface ImportLine {
  title: string;
  outcome: string;
}

/** Page object for hand-off bundles: «Xuất gói bài» (a download) and «Nhập gói bài». */
export class HandoffPage {
  readonly report: Locator;

  constructor(readonly page: Page) {
    this.report = page.getByTestId('import-report');
  }

  /**
   * Exports the articles with these titles and saves the downloaded bundle in `folder`, the way
   * a reporter copies it to a USB stick. Resolves to the file's path.
   */
  async exportArticles(titles: string[], folder: string): Promise<string> {
    await this.page.getByTestId('nav-articles').click();
    await this.page.getByTestId('bundle-export').click();
    const dialog = this.page.getByTestId('export-dialog');
    await dialog.waitFor();
    const items = dialog.getByTestId('export-item');
    for (let i = 0; i < (await items.count()); i += 1) {
      const item = items.nth(i);
      const title = (await item.locator('xpath=..').innerText()).trim();
      const wanted = titles.some((wantedTitle) => title.startsWith(wantedTitle));
      if ((await item.isChecked()) !== wanted) await item.click();
    }
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      dialog.getByTestId('export-submit').click(),
    ]);
    fs.mkdirSync(folder, { recursive: true });
    const file = path.join(folder, download.suggestedFilename());
    await download.saveAs(file);
    await dialog.getByTestId('export-result').waitFor();
    return file;
  }

  /** Closes the export dialog after reading its result. */
  async closeExport(): Promise<void> {
    await this.page.getByTestId('export-close').click();
  }

  /** Imports a bundle file and resolves to the report's lines (or throws the refusal). */
  async importBundle(file: string): Promise<ImportLine[]> {
    await this.page.getByTestId('nav-articles').click();
    await this.page.getByTestId('bundle-file-input').setInputFiles(file);
    await this.report.waitFor();
    await this.report
      .locator('[data-testid="import-outcome"], [data-testid="import-error"]')
      .first()
      .waitFor();
    return this.report.getByTestId('import-outcome').evaluateAll((lines) =>
      lines.map((line) => ({
        title: line.querySelector('strong')?.textContent ?? '',
        outcome: line.getAttribute('data-outcome') ?? '',
      })),
    );
  }

  async closeReport(): Promise<void> {
    await this.page.getByTestId('import-close').click();
    await this.report.waitFor({ state: 'detached' });
  }
}
