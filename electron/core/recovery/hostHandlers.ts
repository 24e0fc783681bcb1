import type { LibraryImportReport } from '../../../shared/contract/libraryMoveCalls';
import type { HostCallName } from '../../../shared/contract/recoveryCalls';
import { AppError } from '../../../shared/errors/appError';
import type { Handlers } from '../contract/dispatch';

const needsHost = (): never => {
  throw new AppError(
    'conflict',
    'Thư viện đang hoạt động bình thường nên không cần khôi phục hay cứu dữ liệu. Để quay về một bản sao lưu, hãy vào Cài đặt → Sao lưu.',
  );
};

/**
 * The host's calls for a core opened without a library host (unit tests, scripts): the library
 * is open, so it is `ok`, and nothing can be restored from here.
 */
export const hostCallsWithoutHost: Pick<Handlers, HostCallName> = {
  'recovery.status': () => ({ kind: 'ok' }),
  'recovery.backups': () => [],
  'recovery.restore': needsHost,
  'recovery.salvage': needsHost,
  'recovery.continueBehind': needsHost,
  'backups.restore': needsHost,
};

/**
 * Imports a whole library through the host that opened the core; a core opened on its own
 * (tests, scripts) cannot replace its own library, so it refuses and keeps the file untouched.
 */
export function importLibraryThroughHost(
  host: { importLibrary?(file: string): Promise<LibraryImportReport> } | undefined,
  file: string,
): Promise<LibraryImportReport> {
  if (!host?.importLibrary)
    throw new AppError(
      'conflict',
      'Không nhập được thư viện khi Newsdesk chạy theo cách này. Hãy khởi động lại với tuỳ chọn --import-library <tệp>.',
    );
  return host.importLibrary(file);
}
