import { z } from 'zod';

import type {
  BackupInfo,
  BackupPlaces,
  LibraryStatus,
  RestoreReport,
  SalvageReport,
} from '../domain/recovery';
import { call, noInput } from './callSpec';

const backupChoice = z
  .object({
    place: z.enum(['main', 'extra']),
    id: z
      .string()
      .max(200)
      .regex(/^[\w.-]+\.sqlite$/),
  })
  .strict();

/**
 * Calls of backups and recovery (issue 11). `recovery.*` work before anyone signs in, because a
 * damaged library has no accounts to sign in with; they act only while the library is not `ok`.
 * `backups.*` are the administrator's, in Settings. Spread into `calls`.
 */
export const recoveryCalls = {
  /** The library's state: ok, damaged, behind (lost changes) or a folder problem. */
  'recovery.status': call<LibraryStatus>()(noInput),
  /** Verified backups, newest first, for the recovery screen. */
  'recovery.backups': call<BackupInfo[]>()(noInput),
  /** Replaces a damaged or behind library by a backup; the library is set aside first. */
  'recovery.restore': call<RestoreReport>()(backupChoice),
  /** Copies every readable row of a damaged library into a new one; the old one is set aside. */
  'recovery.salvage': call<SalvageReport>()(noInput),
  /** Carries on with a library that is behind its mark, after the user has seen what it lacks. */
  'recovery.continueBehind': call<null>()(noInput),
  /** Backups and where they go, for Settings. */
  'backups.list': call<{ backups: BackupInfo[]; places: BackupPlaces }>()(noInput),
  /** Takes a verified backup now. */
  'backups.create': call<BackupInfo>()(noInput),
  /** Sets the second place (another drive, a USB stick, a network folder) or removes it. */
  'backups.setPlaces': call<BackupPlaces>()(
    z
      .object({
        extraDir: z.string().trim().min(1).max(1000).nullable(),
        intervalMinutes: z
          .number()
          .int()
          .min(1)
          .max(24 * 60)
          .optional(),
      })
      .strict(),
  ),
  /** Restores a backup over a working library (set aside first); everyone signs in again. */
  'backups.restore': call<RestoreReport>()(backupChoice),
  /** Writes the whole library and its media into one `.ndlibrary` file, for a new PC. */
  'backups.exportLibrary': call<{ file: string; sizeBytes: number }>()(noInput),
};

/** The calls the library host answers itself (they close or replace the open library). */
export const hostCallNames = [
  'recovery.status',
  'recovery.backups',
  'recovery.restore',
  'recovery.salvage',
  'recovery.continueBehind',
  'backups.restore',
] as const;

/** One of the host's calls. */
export type HostCallName = (typeof hostCallNames)[number];
