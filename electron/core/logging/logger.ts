import fs from 'node:fs';
import path from 'node:path';

/** Severity of a log line. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** A logger bound to one module name, as docs/ARCHITECTURE.md rule 14 asks (a logger per module). */
export interface Logger {
  debug(message: string, data?: Record<string, unknown>): void;
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
  child(module: string): Logger;
  /** The file being written, shown on the diagnostics screen. */
  readonly file: string;
}

/** Rotation settings; the defaults keep at most ~10 MB of logs. */
export interface LogOptions {
  dir: string;
  maxBytes?: number;
  keep?: number;
  /** Also echo warnings and errors to stderr (the browser shell's terminal). */
  echo?: boolean;
}

function serialiseError(value: unknown): unknown {
  if (value instanceof Error) {
    return { name: value.name, message: value.message, stack: value.stack };
  }
  return value;
}

/**
 * A small synchronous JSON-lines logger with size-based rotation (newsdesk.log, newsdesk.1.log…).
 * Synchronous on purpose: a crash handler must be able to write its last line before exit.
 */
export function createFileLogger(options: LogOptions): Logger {
  const maxBytes = options.maxBytes ?? 2 * 1024 * 1024;
  const keep = options.keep ?? 5;
  fs.mkdirSync(options.dir, { recursive: true });
  const file = path.join(options.dir, 'newsdesk.log');
  let size = fs.existsSync(file) ? fs.statSync(file).size : 0;

  const rotate = (): void => {
    for (let i = keep - 1; i >= 1; i -= 1) {
      const from = i === 1 ? file : path.join(options.dir, `newsdesk.${i - 1}.log`);
      const to = path.join(options.dir, `newsdesk.${i}.log`);
      if (fs.existsSync(from)) fs.renameSync(from, to);
    }
    size = 0;
  };

  const write = (
    level: LogLevel,
    module: string,
    message: string,
    data?: Record<string, unknown>,
  ): void => {
    const entry: Record<string, unknown> = { t: new Date().toISOString(), level, module, message };
    if (data) {
      for (const [key, value] of Object.entries(data)) entry[key] = serialiseError(value);
    }
    const line = `${JSON.stringify(entry)}\n`;
    try {
      if (size + line.length > maxBytes) rotate();
      fs.appendFileSync(file, line);
      size += Buffer.byteLength(line);
    } catch {
      // A full or read-only disk must not take the app down with it: logging is best effort.
    }
    if (options.echo && (level === 'warn' || level === 'error')) {
      process.stderr.write(`[${level}] ${module}: ${message}\n`);
    }
  };

  const make = (module: string): Logger => ({
    debug: (message, data) => write('debug', module, message, data),
    info: (message, data) => write('info', module, message, data),
    warn: (message, data) => write('warn', module, message, data),
    error: (message, data) => write('error', module, message, data),
    child: (name) => make(name),
    file,
  });
  return make('app');
}

/** A logger that drops everything, for tests that do not look at logs. */
export function createNullLogger(): Logger {
  const noop = (): void => undefined;
  const logger: Logger = {
    debug: noop,
    info: noop,
    warn: noop,
    error: noop,
    child: () => logger,
    file: '',
  };
  return logger;
}
