import type { Locator, Page } from 'playwright-core';

/** An account as the tests type it. */
export interface Account {
  userName: string;
  displayName: string;
  password: string;
}

/** Page object for first start, sign-in, the lock screen and the sidebar's account box. */
export class AuthPage {
  readonly firstStartCard: Locator;
  readonly signInCard: Locator;
  readonly lockScreen: Locator;
  readonly error: Locator;
  readonly accountName: Locator;
  readonly accountRole: Locator;

  constructor(readonly page: Page) {
    this.firstStartCard = page.getByTestId('first-start');
    this.signInCard = page.getByTestId('sign-in');
    this.lockScreen = page.getByTestId('lock-screen');
    this.error = page.getByTestId('auth-error');
    this.accountName = page.getByTestId('account-name');
    this.accountRole = page.getByTestId('account-role');
  }

  /** Fills the first-start form; `again` differs from the password to test the mismatch. */
  async fillFirstStart(account: Account, again = account.password): Promise<void> {
    await this.page.getByTestId('setup-username').fill(account.userName);
    await this.page.getByTestId('setup-displayname').fill(account.displayName);
    await this.page.getByTestId('setup-password').fill(account.password);
    await this.page.getByTestId('setup-password-again').fill(again);
    await this.page.getByTestId('setup-submit').click();
  }

  /** Creates the administrator on the first-start screen and waits for the app. */
  async firstStart(account: Account): Promise<void> {
    await this.fillFirstStart(account);
    await this.page.getByRole('navigation').waitFor();
  }

  /** Signs in on whichever sign-in form is showing (start, lock or switch). */
  async submitSignIn(userName: string | null, password: string): Promise<void> {
    if (userName !== null) await this.page.getByTestId('signin-username').fill(userName);
    await this.page.getByTestId('signin-password').fill(password);
    await this.page.getByTestId('signin-submit').click();
  }

  /** Signs in from the start screen and waits for the app as that user. */
  async signIn(account: Account): Promise<void> {
    await this.submitSignIn(account.userName, account.password);
    await this.waitForUser(account.displayName);
  }

  /** Switches user from the sidebar. */
  async switchUser(account: Account): Promise<void> {
    await this.page.getByTestId('switch-user').click();
    await this.page.getByTestId('switch').waitFor();
    await this.submitSignIn(account.userName, account.password);
    await this.waitForUser(account.displayName);
  }

  /** Unlocks the lock screen as the user it names. */
  async unlock(password: string): Promise<void> {
    await this.lockScreen.waitFor();
    await this.submitSignIn(null, password);
    await this.lockScreen.waitFor({ state: 'detached' });
  }

  async signOut(): Promise<void> {
    await this.page.getByTestId('sign-out').click();
    await this.signInCard.waitFor();
  }

  async waitForUser(displayName: string): Promise<void> {
    await this.page
      .locator(`[data-testid="account-name"]:text-is("${displayName}")`)
      .waitFor({ state: 'visible' });
    await this.lockScreen.waitFor({ state: 'detached' });
  }
}
