import os from 'node:os';
import { randomUUID } from 'node:crypto';

import type { Database } from 'better-sqlite3';

import type { WorkflowPolicy } from '../../../shared/workflow/review';
import { AppError } from '../../../shared/errors/appError';
import { readSettings, writeSettings } from '../db/queries/settings';

/** Defaults for a new library. */
const defaultPolicy = {
  idleLockMinutes: 15,
  leaseMinutes: 30,
  minWords: 80,
  maxWords: 5000,
} as const;

const keys = {
  workstationId: 'workstationId',
  workstationName: 'workstationName',
  idleLockMinutes: 'policy.idleLockMinutes',
  leaseMinutes: 'policy.leaseMinutes',
  minWords: 'policy.minWords',
  maxWords: 'policy.maxWords',
} as const;

function positiveInt(value: unknown, fallback: number, min: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min ? value : fallback;
}

/**
 * The newsroom's workflow rules and this workstation's identity, kept in the settings table.
 * The workstation id is created the first time the library opens and never changes: bundles and
 * audit entries name the workstation by it.
 */
export function createPolicyService(deps: { db: Database; hostName?: string }) {
  const { db } = deps;
  let cached: WorkflowPolicy | null = null;

  const read = (): WorkflowPolicy => {
    const values = readSettings(db);
    const workstationId = values.get(keys.workstationId);
    const workstationName = values.get(keys.workstationName);
    return {
      workstationId: typeof workstationId === 'string' ? workstationId : '',
      workstationName:
        typeof workstationName === 'string' && workstationName.trim() !== ''
          ? workstationName
          : (deps.hostName ?? os.hostname()).slice(0, 60) || 'Máy trạm',
      idleLockMinutes: positiveInt(
        values.get(keys.idleLockMinutes),
        defaultPolicy.idleLockMinutes,
        1,
      ),
      leaseMinutes: positiveInt(values.get(keys.leaseMinutes), defaultPolicy.leaseMinutes, 1),
      minWords: positiveInt(values.get(keys.minWords), defaultPolicy.minWords, 0),
      maxWords: positiveInt(values.get(keys.maxWords), defaultPolicy.maxWords, 1),
    };
  };

  const get = (): WorkflowPolicy => (cached ??= read());

  // First open: this library becomes a workstation with its own id.
  if (get().workstationId === '') {
    writeSettings(db, { [keys.workstationId]: randomUUID() });
    cached = null;
  }

  return {
    get,

    update(patch: Partial<Omit<WorkflowPolicy, 'workstationId'>>): WorkflowPolicy {
      const next = { ...get(), ...patch };
      if (next.maxWords < next.minWords) {
        throw new AppError(
          'invalid_input',
          `Số chữ tối đa (${next.maxWords}) nhỏ hơn số chữ tối thiểu (${next.minWords}). Hãy sửa lại khoảng số chữ.`,
        );
      }
      const entries: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(patch)) {
        if (value === undefined || !(key in keys)) continue;
        entries[keys[key as keyof typeof keys]] =
          typeof value === 'string' ? value.normalize('NFC').trim() : value;
      }
      writeSettings(db, entries);
      cached = null;
      return get();
    },
  };
}

/** The policy service's API. */
export type PolicyService = ReturnType<typeof createPolicyService>;
