import type { CallName } from '../../../shared/contract/calls';
import { calls, isCallName } from '../../../shared/contract/calls';
import type { LibraryImportReport } from '../../../shared/contract/libraryMoveCalls';
import type { HostCallName } from '../../../shared/contract/recoveryCalls';
import { hostCallNames } from '../../../shared/contract/recoveryCalls';
import { fail, ok } from '../../../shared/contract/result';
import type {
  BackupInfo,
  LibraryStatus,
  RestoreReport,
  SalvageReport,
} from '../../../shared/domain/recovery';
import { AppError, defaultMessages } from '../../../shared/errors/appError';
import type { Core, CoreOptions } from '../app/createCore';
import { createCore } from '../app/createCore';
import type { Dispatch, Handlers } from '../contract/dispatch';
import type { EventBus } from '../events/eventBus';
import { createEventBus } from '../events/eventBus';
import type { LibraryPaths } from '../library/libraryPaths';
import { libraryPaths } from '../library/libraryPaths';
import type { Logger } from '../logging/logger';
import { createFileLogger, createNullLogger } from '../logging/logger';
import { listBackups, readPlaces } from './backupStore';
import { estimateLoss, inspectLibrary, isCorruption } from './inspect';
import { classifyFolderError } from './folderCheck';
import { importLibraryArchive } from './libraryArchive';
import { resetMark, restoreBackup } from './restore';
import { salvageLibrary } from './salvage';

/**
 * One library folder as the shells see it: opened when sound, or held in recovery when it is
 * damaged, behind its mark or in a folder that cannot be written. The shells serve `dispatch`
 * and `events` whatever the state; the recovery calls restore, salvage or carry on, and the
 * library is reopened in place. The chaos benchmark drives the same object (docs/recovery.md).
 */
export interface LibraryHost {
  readonly paths: LibraryPaths;
  readonly events: EventBus;
  readonly logger: Logger;
  /** The library's state now. */
  status(): LibraryStatus;
  /** The open core, or null while the library is in recovery. */
  core(): Core | null;
  /** Serves every contract call: the core's when open, else only the recovery calls. */
  dispatch: Dispatch;
  /** Verified backups, newest first. */
  backups(): BackupInfo[];
  /** Restores a backup (any state; the current library is set aside) and reopens. */
  restore(choice: { place: BackupInfo['place']; id: string }): Promise<RestoreReport>;
  /** Salvages a damaged library into a new one and reopens. */
  salvage(): Promise<SalvageReport>;
  /** Accepts a library that is behind its mark, as it is, and opens it. */
  continueBehind(): Promise<void>;
  close(): Promise<void>;
}

/** How a shell opens a library folder. */
export type HostOptions = CoreOptions & {
  /** Run the automatic backup timer (both shells do; tests usually not). */
  scheduleBackups?: boolean;
};

/**
 * Inspects the folder (`inspectLibrary`) and opens the library when it is sound. Never throws for
 * a damaged, behind or unwritable library: `status()` says which. Throws `library_locked` when
 * another Newsdesk holds the library, as before.
 */
export function openLibraryHost(options: HostOptions): LibraryHost {
  const now = options.now ?? Date.now;
  const paths = libraryPaths(options.dataDir);
  const events = createEventBus();
  const first = inspectLibrary(paths.dataDir, { now });
  const logger =
    options.logger ??
    (first.status.kind === 'folder_problem'
      ? createNullLogger()
      : createFileLogger({ dir: paths.logs, echo: options.shell === 'browser' }));
  const log = logger.child('host');
  let status: LibraryStatus = first.status;
  let core: Core | null = null;
  let closing: Promise<void> | null = null;

  const open = (checkedAt: number | null): void => {
    try {
      core = createCore({
        ...options,
        logger,
        now,
        host: {
          events,
          handlers,
          checkedAt,
          scheduleBackups: options.scheduleBackups ?? false,
          onDamaged: (detail) => enterDamaged(detail),
          importLibrary: (file) => importLibrary(file),
        },
      });
      status = { kind: 'ok' };
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (isCorruption(error)) {
        status = {
          kind: 'damaged',
          dataDir: paths.dataDir,
          detail: error instanceof Error ? error.message : String(error),
          loss: estimateLoss(paths.dataDir),
        };
        return;
      }
      const folder = classifyFolderError(paths.dataDir, error);
      if (!folder) throw error;
      status = { kind: 'folder_problem', dataDir: paths.dataDir, ...folder };
    }
  };

  const closeCore = async (backup: boolean): Promise<void> => {
    const current = core;
    core = null;
    if (current) await current.close({ backup });
  };

  const enterDamaged = (detail: string): void => {
    if (status.kind === 'damaged') return;
    log.error('library damaged while open; writes stopped', { detail });
    status = {
      kind: 'damaged',
      dataDir: paths.dataDir,
      detail,
      loss: { backup: null, changedSince: null },
    };
    closing = closeCore(false)
      .catch((error: unknown) => log.error('closing the damaged library failed', { error }))
      .then(() => {
        if (status.kind === 'damaged') status = { ...status, loss: estimateLoss(paths.dataDir) };
      });
  };

  const reopen = (): void => {
    const again = inspectLibrary(paths.dataDir, { now, forceCheck: true });
    status = again.status;
    if (status.kind === 'ok') open(again.checkedAt);
  };

  const restore = async (choice: {
    place: BackupInfo['place'];
    id: string;
  }): Promise<RestoreReport> => {
    await closing;
    await closeCore(false);
    try {
      const report = restoreBackup(paths.dataDir, choice, now);
      log.warn('library restored from backup', { backup: choice.id, setAside: report.setAsideDir });
      return report;
    } finally {
      reopen();
    }
  };

  // Moving to a new PC from the app: like a restore, the library is closed, replaced (the old
  // one set aside) and reopened; a refused file leaves the current library as it was.
  const importLibrary = async (file: string): Promise<LibraryImportReport> => {
    await closing;
    await closeCore(false);
    try {
      const report = importLibraryArchive(paths.dataDir, file, now);
      log.warn('library imported from a .ndlibrary file', {
        articles: report.articleCount,
        setAside: report.setAsideDir,
      });
      return report;
    } finally {
      reopen();
    }
  };

  const salvage = async (): Promise<SalvageReport> => {
    if (status.kind !== 'damaged')
      throw new AppError('conflict', 'Thư viện không bị hỏng nên không cần cứu dữ liệu.');
    await closing;
    await closeCore(false);
    try {
      const report = salvageLibrary(paths.dataDir, now);
      log.warn('library salvaged', {
        copied: report.copiedRows,
        unreadable: report.unreadableRows,
        setAside: report.setAsideDir,
      });
      return report;
    } finally {
      reopen();
    }
  };

  const continueBehind = async (): Promise<void> => {
    if (status.kind !== 'behind')
      throw new AppError('conflict', 'Thư viện không thiếu thay đổi nào nên không cần xác nhận.');
    await closing;
    log.warn('user continues with a library behind its mark', { ...status, loss: undefined });
    resetMark(paths.dataDir, now());
    reopen();
  };

  const refuseWhenOk = (): void => {
    if (status.kind === 'ok')
      throw new AppError(
        'conflict',
        'Thư viện đang hoạt động bình thường. Để quay về một bản sao lưu, hãy vào Cài đặt → Sao lưu.',
      );
  };

  const handlers: Pick<Handlers, HostCallName> = {
    'recovery.status': () => status,
    'recovery.backups': () => listBackups(readPlaces(paths.dataDir)),
    'recovery.restore': (args) => {
      refuseWhenOk();
      return restore(args);
    },
    'recovery.salvage': () => salvage(),
    'recovery.continueBehind': async () => {
      await continueBehind();
      return null;
    },
    'backups.restore': (args) => restore(args),
  };

  /** The calls answered while no library is open: only the host's own. */
  const recoveryDispatch: Dispatch = async (name, input) => {
    if (!isCallName(name))
      return fail({ code: 'unknown_call', message: defaultMessages.unknown_call });
    if (!(hostCallNames as readonly CallName[]).includes(name))
      return fail({
        code: 'library_damaged',
        message:
          status.kind === 'folder_problem'
            ? status.message
            : 'Thư viện dữ liệu đang chờ khôi phục. Hãy tải lại trang để xem cách lấy lại dữ liệu.',
      });
    const parsed = calls[name].input.safeParse(input);
    if (!parsed.success)
      return fail({ code: 'invalid_input', message: defaultMessages.invalid_input });
    try {
      const handler = handlers[name as HostCallName] as (args: unknown) => unknown;
      return ok(await handler(parsed.data));
    } catch (error) {
      if (error instanceof AppError) return fail(error.toContractError());
      log.error('recovery call failed', { name, error });
      return fail({ code: 'internal', message: defaultMessages.internal });
    }
  };

  if (status.kind === 'ok') open(first.checkedAt);
  else log.warn('library not opened', { status: status.kind });

  return {
    paths,
    events,
    logger,
    status: () => status,
    core: () => core,
    dispatch: (name, input, context) => {
      const current = core;
      return current && status.kind === 'ok'
        ? current.dispatch(name, input, context)
        : recoveryDispatch(name, input, context);
    },
    backups: () => listBackups(readPlaces(paths.dataDir)),
    restore,
    salvage,
    continueBehind,
    async close() {
      await closing;
      await closeCore(status.kind === 'ok');
    },
  };
}
