import path from 'node:path';

import type { Locator, Page } from 'playwright-core';

/** Page object for Settings → Tòa soạn and the «Tham gia tòa soạn» card. */
export class NewsroomPage {
  readonly section: Locator;
  readonly message: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByTestId('newsroom');
    this.message = page.getByTestId('newsroom-message');
  }

  /** Opens Settings and scrolls to the newsroom section. */
  async open(): Promise<void> {
    await this.page.getByTestId('nav-settings').click();
    await this.section.waitFor();
    await this.section.scrollIntoViewIfNeeded();
    // The section reads the roster again when the pointer comes in.
    await this.section.getByRole('heading').first().hover();
  }

  /** Creates the newsroom (administrator, once). */
  async create(name: string): Promise<void> {
    await this.section.getByTestId('newsroom-name').fill(name);
    await this.section.getByTestId('newsroom-create').click();
    await this.section.getByTestId('newsroom-joined').waitFor();
  }

  /** Exports a member's enrolment file and saves the download in `folder`. */
  async exportEnrolment(userName: string, folder: string): Promise<string> {
    await this.section.getByTestId('newsroom-enrol-member').selectOption(userName);
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.section.getByTestId('newsroom-export-enrolment').click(),
    ]);
    const file = path.join(folder, download.suggestedFilename());
    await download.saveAs(file);
    return file;
  }

  /** Joins with an enrolment file and its first password, on whichever join card is shown. */
  async join(file: string, password: string): Promise<void> {
    const card = this.page.getByTestId('join-newsroom');
    await card.getByTestId('join-file').setInputFiles(file);
    await card.getByTestId('join-password').fill(password);
    await card.getByTestId('join-submit').click();
  }
}
