import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { AppError } from '../../shared/errors/appError';
import { createCore } from '../core/app/createCore';
import { defaultDataDir } from '../core/library/defaultDataDir';
import { libraryPaths } from '../core/library/libraryPaths';
import { installCrashHandlers } from '../core/logging/crashReports';
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
    },
  });
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`Cổng không hợp lệ: ${values.port}. Hãy dùng một số từ 0 đến 65535.\n`);
    process.exit(2);
  }

  let core;
  try {
    core = createCore({
      dataDir,
      shell: 'browser',
      appVersion: NEWSDESK_VERSION,
      photoWorkerUrl: path.join(__dirname, 'photoWorker.js'),
    });
  } catch (error) {
    if (error instanceof AppError) {
      process.stderr.write(`${error.userMessage}\n`);
      process.exit(3);
    }
    throw error;
  }
  const opened = core;
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
