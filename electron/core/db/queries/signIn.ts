import type { Database } from 'better-sqlite3';

/** A failure counter: per sign-in name (`name:<canonical>`) or for the workstation. */
export interface SignInCounterRow {
  key: string;
  failures: number;
  last_failure_at: number;
  locked_until: number | null;
}

/** A stored sign-in log entry. The table refuses UPDATE and DELETE (migration 0230). */
export interface SignInLogRow {
  id: string;
  at: number;
  user_name_tried: string;
  reason: string;
  by_user: string | null;
  seq: number;
}

/** One counter, or undefined when it has no failures. */
export function getCounter(db: Database, key: string): SignInCounterRow | undefined {
  return db.prepare('SELECT * FROM sign_in_counters WHERE key = ?').get(key) as
    SignInCounterRow | undefined;
}

/** Writes a counter. */
export function putCounter(db: Database, row: SignInCounterRow): void {
  db.prepare(
    `INSERT INTO sign_in_counters (key, failures, last_failure_at, locked_until)
     VALUES (@key, @failures, @last_failure_at, @locked_until)
     ON CONFLICT (key) DO UPDATE SET failures = excluded.failures,
       last_failure_at = excluded.last_failure_at, locked_until = excluded.locked_until`,
  ).run(row);
}

/** Forgets a counter (after a right password, or an administrator's unlock). */
export function clearCounter(db: Database, key: string): void {
  db.prepare('DELETE FROM sign_in_counters WHERE key = ?').run(key);
}

/** Names locked until after `at`. */
export function lockedCounters(db: Database, at: number): SignInCounterRow[] {
  return db
    .prepare(
      "SELECT * FROM sign_in_counters WHERE key LIKE 'name:%' AND locked_until > ? ORDER BY locked_until DESC",
    )
    .all(at) as SignInCounterRow[];
}

/** Appends a log entry. */
export function insertSignInLog(db: Database, row: Omit<SignInLogRow, 'seq'>): void {
  db.prepare(
    `INSERT INTO sign_in_log (id, at, user_name_tried, reason, by_user, seq)
     VALUES (@id, @at, @user_name_tried, @reason, @by_user,
       (SELECT coalesce(max(seq), 0) + 1 FROM sign_in_log))`,
  ).run(row);
}

/** The newest log entries. */
export function listSignInLog(db: Database, limit: number): SignInLogRow[] {
  return db
    .prepare('SELECT * FROM sign_in_log ORDER BY at DESC, seq DESC LIMIT ?')
    .all(limit) as SignInLogRow[];
}
