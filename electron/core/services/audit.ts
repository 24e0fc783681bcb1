import { randomUUID } from 'node:crypto';

import type { Database } from 'better-sqlite3';

import type { ArticleStatus } from '../../../shared/domain/article';
import { articleStatuses } from '../../../shared/domain/article';
import type { SignedInUser } from '../../../shared/workflow/accounts';
import type { AuditAction, AuditEntry } from '../../../shared/workflow/review';
import { auditActions } from '../../../shared/workflow/review';
import type { Role } from '../../../shared/workflow/roles';
import { roles } from '../../../shared/workflow/roles';
import type { Transition } from '../../../shared/workflow/transitions';
import { transitions } from '../../../shared/workflow/transitions';
import type { HandlersOf } from '../contract/dispatch';
import type { AuditRow } from '../db/queries/audit';
import { insertAudit, listAudit } from '../db/queries/audit';
import { requireArticle } from './articles';
import type { PolicyService } from './workflowPolicy';

const pick = <T extends string>(list: readonly T[], value: string | null): T | null =>
  list.find((candidate) => candidate === value) ?? null;

function parseDetails(text: string): AuditEntry['details'] {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    const details: AuditEntry['details'] = {};
    for (const [key, item] of Object.entries(value)) {
      if (item === null || ['string', 'number', 'boolean'].includes(typeof item))
        details[key] = item as string | number | boolean | null;
    }
    return details;
  } catch {
    return {};
  }
}

/** An audit row as the contract carries it. */
function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    articleId: row.article_id,
    at: row.at,
    action: pick(auditActions, row.action) ?? 'sync',
    transition: pick(transitions, row.transition),
    fromStatus: pick(articleStatuses, row.from_status),
    toStatus: pick(articleStatuses, row.to_status),
    user:
      row.user_id === null
        ? null
        : { id: row.user_id, name: row.user_name, role: pick(roles, row.user_role) },
    note: row.note,
    workstation: { id: row.workstation_id, name: row.workstation_name },
    details: parseDetails(row.details_json),
  };
}

/** What a caller records; the service adds id, time and workstation. */
export interface AuditRecord {
  articleId: string;
  action: AuditAction;
  transition?: Transition | null;
  fromStatus?: ArticleStatus | null;
  toStatus?: ArticleStatus | null;
  /** Null for the system (sync runs). */
  user: SignedInUser | (Pick<SignedInUser, 'id' | 'displayName'> & { role: Role | null }) | null;
  note?: string;
  details?: AuditEntry['details'];
}

/**
 * The append-only audit trail: every transition, take-over, restore, import, export and sync,
 * with who, when and the note. There is no update or delete here, and the table's triggers
 * refuse them from anywhere else too.
 */
export function createAuditService(deps: {
  db: Database;
  now: () => number;
  policy: PolicyService;
  /** Signs and chains each entry (bundles/recordSigner.ts); absent in plain tests. */
  chain?: {
    beforeAudit(articleId: string): void;
    afterAudit(row: Omit<AuditRow, 'seq'>): void;
  };
}) {
  const { db, now, policy } = deps;
  return {
    record(entry: AuditRecord): AuditEntry {
      const workstation = policy.get();
      const row: Omit<AuditRow, 'seq'> = {
        id: randomUUID(),
        article_id: entry.articleId,
        at: now(),
        action: entry.action,
        transition: entry.transition ?? null,
        from_status: entry.fromStatus ?? null,
        to_status: entry.toStatus ?? null,
        user_id: entry.user?.id ?? null,
        user_name: entry.user?.displayName ?? '',
        user_role: entry.user?.role ?? null,
        note: (entry.note ?? '').normalize('NFC').trim(),
        workstation_id: workstation.workstationId,
        workstation_name: workstation.workstationName,
        details_json: JSON.stringify(entry.details ?? {}),
      };
      deps.chain?.beforeAudit(entry.articleId);
      insertAudit(db, row);
      deps.chain?.afterAudit(row);
      return toAuditEntry({ ...row, seq: 0 });
    },

    list: (articleId: string): AuditEntry[] => listAudit(db, articleId).map(toAuditEntry),
  };
}

/** The audit service's API (the sync engine records its runs through `record`). */
export type AuditService = ReturnType<typeof createAuditService>;

/** Binds the article's audit trail («Nhật ký bài») to the contract; it is read-only there. */
export function auditHandlers(deps: { db: Database; audit: AuditService }): HandlersOf<'audit'> {
  return {
    'audit.list': (args) => {
      requireArticle(deps.db, args.articleId);
      return deps.audit.list(args.articleId);
    },
  };
}
