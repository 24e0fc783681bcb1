import type { Database } from 'better-sqlite3';

import type { Role } from '../../../../shared/workflow/roles';
import type { PasswordHash } from '../../auth/password';

/** A stored account. */
export interface UserRow {
  id: string;
  user_name: string;
  display_name: string;
  role: Role;
  password_hash: Buffer;
  password_salt: Buffer;
  kdf: string;
  disabled: number;
  created_at: number;
  updated_at: number;
}

/** How many accounts exist (zero on first start). */
export function countUsers(db: Database): number {
  return (db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
}

/** Active administrators, so the last one cannot be demoted or disabled. */
export function countActiveAdmins(db: Database): number {
  return (
    db.prepare("SELECT count(*) AS n FROM users WHERE role = 'admin' AND disabled = 0").get() as {
      n: number;
    }
  ).n;
}

/** Adds an account. */
export function insertUser(db: Database, row: UserRow): void {
  db.prepare(
    `INSERT INTO users (id, user_name, display_name, role, password_hash, password_salt, kdf,
                        disabled, created_at, updated_at)
     VALUES (@id, @user_name, @display_name, @role, @password_hash, @password_salt, @kdf,
             @disabled, @created_at, @updated_at)`,
  ).run(row);
}

/** One account by id. */
export function getUser(db: Database, id: string): UserRow | undefined {
  return db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
}

/** One account by its canonical sign-in name. */
export function getUserByName(db: Database, userName: string): UserRow | undefined {
  return db.prepare('SELECT * FROM users WHERE user_name = ?').get(userName) as UserRow | undefined;
}

/** Every account, administrators first, then by name. */
export function listUsers(db: Database): UserRow[] {
  return db
    .prepare(
      `SELECT * FROM users
       ORDER BY CASE role WHEN 'admin' THEN 0 WHEN 'editor' THEN 1 WHEN 'photo_editor' THEN 2 ELSE 3 END,
                display_name COLLATE NOCASE`,
    )
    .all() as UserRow[];
}

/** Changes the fields given. */
export function updateUser(
  db: Database,
  id: string,
  change: Partial<
    Pick<UserRow, 'display_name' | 'role' | 'disabled' | 'password_hash' | 'password_salt' | 'kdf'>
  > & { updated_at: number },
): void {
  const columns = Object.keys(change);
  db.prepare(
    `UPDATE users SET ${columns.map((column) => `${column} = @${column}`).join(', ')} WHERE id = @id`,
  ).run({ ...change, id });
}

/** The row's columns for a new password hash. */
export function passwordColumns(
  password: PasswordHash,
): Pick<UserRow, 'password_hash' | 'password_salt' | 'kdf'> {
  return { password_hash: password.hash, password_salt: password.salt, kdf: password.kdf };
}

/** The hash a row stores, as the password check takes it. */
export function storedPassword(row: UserRow): PasswordHash {
  return { hash: row.password_hash, salt: row.password_salt, kdf: row.kdf };
}

/** A new, enabled account row (the user name already canonical, the display name in NFC). */
export function newUserRow(
  input: { id: string; userName: string; displayName: string; role: Role },
  password: PasswordHash,
  at: number,
): UserRow {
  return {
    id: input.id,
    user_name: input.userName,
    display_name: input.displayName,
    role: input.role,
    ...passwordColumns(password),
    disabled: 0,
    created_at: at,
    updated_at: at,
  };
}
