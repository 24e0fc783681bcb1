import type { Locator, Page } from 'playwright-core';

import type { Account } from './AuthPage';

/** The roles as the contract names them. */
export type RoleName = 'reporter' | 'photo_editor' | 'editor' | 'admin';

/** Page object for Settings: the administrator's accounts and the newsroom's rules. */
export class AccountsPage {
  readonly userRows: Locator;
  readonly message: Locator;

  constructor(readonly page: Page) {
    this.userRows = page.getByTestId('user-row');
    this.message = page.getByTestId('users-message');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('nav-settings').click();
    await this.page.getByTestId('policy-section').waitFor();
  }

  /** Creates an account and waits for it in the list. */
  async createUser(account: Account, role: RoleName): Promise<void> {
    await this.page.getByTestId('new-user-username').fill(account.userName);
    await this.page.getByTestId('new-user-displayname').fill(account.displayName);
    await this.page.getByTestId('new-user-role').selectOption(role);
    await this.page.getByTestId('new-user-password').fill(account.password);
    await this.page.getByTestId('new-user-submit').click();
    await this.row(account.userName).waitFor();
  }

  /** Scrolls Settings back to the accounts list. */
  async scrollToTop(): Promise<void> {
    await this.page.getByTestId('settings').evaluate((element) => element.scrollTo(0, 0));
  }

  row(userName: string): Locator {
    return this.page.locator(`[data-testid="user-row"][data-username="${userName}"]`);
  }

  /** Names this workstation (bundles, the audit trail and conflict copies show it). */
  async setWorkstationName(name: string): Promise<void> {
    await this.page.getByTestId('policy-workstationName').fill(name);
    await this.page.getByTestId('policy-save').click();
    await this.page.getByTestId('policy-message').waitFor();
  }
}
