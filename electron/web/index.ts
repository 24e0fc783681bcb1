import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { AppError } from '../../shared/errors/appError';
import { defaultDataDir } from '../core/library/defaultDataDir';
import { libraryPaths } from '../core/library/libraryPaths';
import { installCrashHandlers } from '../core/logging/crashReports';
import { importLibraryArchive } from '../core/recovery/libraryArchive';
import type { LibraryHost } from '../core/recovery/libraryHost';
import { openLibraryHost } from '../core/recovery/libraryHost';
import { builtRendererDir, startWebServer } from './server';

declare const NEWSDESK_VERSION: string;

/**
 * `npm run web -- --data-dir <dir> --port <n>`: the browser shell. Opens the library, serves the
 * renderer and the contract on 127.0.0.1 and prints one line with the address to open.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string', default: '0' },
      'import-library': { type: 'string' },
    },
  });
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`Cổng không hợp lệ: ${values.port}. Hãy dùng một số từ 0 đến 65535.\n`);
    process.exit(2);
  }

  let core: LibraryHost;
  try {
    // Moving to a new PC: the whole library from one `.ndlibrary` file (the current one, if
    // any, is set aside first).
    const archive = values['import-library'];
    if (archive) {
      const imported = importLibraryArchive(dataDir, archive);
      process.stderr.write(
        `Đã nhập thư viện (${imported.articleCount} bài) từ ${archive}. Thư viện cũ (nếu có) được cất ở ${imported.setAsideDir}.\n`,
      );
    }
    core = openLibraryHost({
      dataDir,
      shell: 'browser',
      appVersion: NEWSDESK_VERSION,
      photoWorkerUrl: path.join(__dirname, 'photoWorker.js'),
      scheduleBackups: true,
    });
  } catch (error) {
    if (error instanceof AppError) {
      process.stderr.write(`${error.userMessage}\n`);
      process.exit(3);
    }
    throw error;
  }
  const opened = core;
  const status = opened.status();
  if (status.kind === 'folder_problem') {
    process.stderr.write(`${status.message}\n`);
    process.exit(3);
  }
  if (status.kind !== 'ok') {
    process.stderr.write(
      status.kind === 'damaged'
        ? `Tệp thư viện trong «${status.dataDir}» bị hỏng; Newsdesk không ghi gì vào đó. Hãy mở địa chỉ dưới đây để khôi phục từ bản sao lưu hoặc cứu dữ liệu.\n`
        : `Thư viện trong «${status.dataDir}» thiếu những thay đổi đã lưu lần trước (có thể tệp newsdesk.sqlite-wal đã bị xoá). Hãy mở địa chỉ dưới đây để chọn bản sao lưu.\n`,
    );
  }
  installCrashHandlers(libraryPaths(dataDir).crashes, opened.logger, () => process.exit(70));

  const server = await startWebServer({
    core: opened,
    staticDir: builtRendererDir(__dirname),
    token: randomBytes(24).toString('base64url'),
    port,
  });
  let closing = false;
  const shutdown = (): void => {
    if (closing) return;
    closing = true;
    void server
      .close()
      .then(() => opened.close())
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  process.stdout.write(`Newsdesk ready at ${server.url}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Không khởi động được Newsdesk: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
