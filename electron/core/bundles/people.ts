import type { Database } from 'better-sqlite3';

import { canonicalUserName } from '../../../shared/workflow/accounts';
import { getUser, getUserByName } from '../db/queries/users';
import type { ArticlePayload, UserPayload } from './payload';

/*
 * Accounts are per workstation: the same reporter has one id on A and another on B. A bundle
 * names the accounts its user ids point to, and the receiving side maps each id to its own
 * account with the same sign-in name, so "own" articles and comments stay the owner's. Nothing
 * here creates an account: a bundle is not authenticated.
 */

/** Every user id an article entry refers to (creator, comment authors and resolvers, audit). */
function referencedIds(payload: Omit<ArticlePayload, 'users'>): Set<string> {
  const ids = new Set<string>();
  const add = (id: string | null): void => {
    if (id !== null) ids.add(id);
  };
  add(payload.article.createdBy);
  for (const comment of payload.comments) {
    add(comment.authorId);
    add(comment.resolvedBy);
  }
  for (const entry of payload.audit) add(entry.userId);
  return ids;
}

/** The local accounts an entry's ids point to, for the `users` list of an exported entry. */
export function usersFor(db: Database, payload: Omit<ArticlePayload, 'users'>): UserPayload[] {
  return [...referencedIds(payload)].flatMap((id) => {
    const row = getUser(db, id);
    return row
      ? [{ id: row.id, userName: row.user_name, displayName: row.display_name, role: row.role }]
      : [];
  });
}

/**
 * Maps an incoming entry's user ids to this workstation's: an id whose account has a local
 * account with the same sign-in name (case-insensitive, NFC) becomes that account's id; any
 * other id is kept as it came (its display name travels with the record).
 */
export function localUserIds(
  db: Database,
  users: readonly UserPayload[] | undefined,
): (id: string) => string {
  const map = new Map<string, string>();
  for (const user of users ?? []) {
    const local = getUserByName(db, canonicalUserName(user.userName));
    if (local) map.set(user.id, local.id);
  }
  return (id) => map.get(id) ?? id;
}
