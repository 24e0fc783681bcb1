/**
 * Starts a NukeViet 4.5 stand-in for integration tests: a site folder laid out like NukeViet's
 * (modules/, uploads/, assets/, data/) with the Newsdesk connector copied in the way an operator
 * installs it, served by `php -S` through this folder's api.php, which reproduces NukeViet's
 * authentication and dispatch, on its own MariaDB database with NukeViet's table definitions
 * (scripts/nukeviet-harness-db.sh runs the server). Tests talk to it over real HTTP and read its
 * database to check what the connector wrote.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HARNESS_DIR = path.dirname(fileURLToPath(import.meta.url));
const DB_SCRIPT = path.resolve(HARNESS_DIR, '../../../scripts/nukeviet-harness-db.sh');
/** The account scripts/nukeviet-harness-db.sh creates (rights on `nvh_%` databases only). */
const DB_USER = { user: 'nvharness', pass: 'nvharness-pass' };
/** The connector as shipped (its tree mirrors a NukeViet site's root). */
export const CONNECTOR_DIR = path.resolve(
  HARNESS_DIR,
  '../../../resources/portal-connectors/nukeviet',
);

/** The five API classes of the connector. */
export const CONNECTOR_APIS = [
  'NewsdeskCatalog',
  'NewsdeskImageUpload',
  'NewsdeskArticleSave',
  'NewsdeskArticleGet',
  'NewsdeskArticleTakeDown',
] as const;

let dbSocket: string | null = null;

/** Starts (once per process) the harness's MariaDB server; returns its socket. */
function databaseSocket(): string {
  if (dbSocket !== null) return dbSocket;
  const started = spawnSync(DB_SCRIPT, ['start'], { encoding: 'utf8' });
  if (started.status !== 0) {
    throw new Error(`${DB_SCRIPT} start failed: ${started.stderr}${started.stdout}`);
  }
  dbSocket = started.stdout.trim();
  return dbSocket;
}

/**
 * Why the PHP tests cannot run here, or null when `php` with pdo_mysql and mbstring is available
 * and the harness's MariaDB server runs (it is started here when needed).
 */
export function phpUnavailableReason(): string | null {
  const probe = spawnSync(
    'php',
    ['-r', 'echo extension_loaded("pdo_mysql") && extension_loaded("mbstring") ? "ok" : "no";'],
    { encoding: 'utf8' },
  );
  if (probe.error !== undefined) return `php is not installed (${probe.error.message})`;
  if (probe.stdout.trim() !== 'ok') {
    return 'php has no pdo_mysql or mbstring (apt-get install php-mysql php-mbstring)';
  }
  try {
    databaseSocket();
  } catch (error) {
    return `the harness's MariaDB does not start (apt-get install mariadb-server): ${String(error)}`;
  }
  return null;
}

/** An admin account of the stand-in site. */
export interface HarnessAdmin {
  id: number;
  username: string;
  /** 1 God admin, 2 super admin, 3 module admin. */
  lev: 1 | 2 | 3;
  firstName?: string;
  lastName?: string;
  suspended?: boolean;
}

/** An API role: which APIs of the news module it grants. */
export interface HarnessRole {
  id: number;
  title: string;
  apis: string[];
}

/** An API credential (key and secret) of an admin. */
export interface HarnessCredential {
  ident: string;
  secret: string;
  adminId: number;
  roles: number[];
  method?: 'password_verify' | 'md5_verify' | 'none';
  ips?: string[];
}

/** A category of the news module. */
export interface HarnessCategory {
  id: number;
  parent: number;
  title: string;
  alias: string;
  /** 1 active, 2 active off the home page, 0 suspended. */
  status: number;
}

/** A row of the module's per-category rights table (`_admins`). */
export interface HarnessRight {
  userid: number;
  catid: number;
  admin?: number;
  add_content?: number;
  pub_content?: number;
  edit_content?: number;
  del_content?: number;
  app_content?: number;
}

/** What to build; everything has a default. */
export interface HarnessOptions {
  admins?: HarnessAdmin[];
  roles?: HarnessRole[];
  credentials?: HarnessCredential[];
  categories?: HarnessCategory[];
  rights?: HarnessRight[];
  /** Comma list of admin ids that manage the module (nv4_vi_modules.admins). */
  moduleAdmins?: string;
  /** The site's "max upload size" (nv_max_size). Default 2 MB. */
  maxUploadBytes?: number;
  maxWidth?: number;
  maxHeight?: number;
  remoteApiAccess?: boolean;
  siteLangs?: string[];
  tags?: string[];
  /** php.ini overrides for the server (upload_max_filesize, post_max_size…). */
  phpIni?: Record<string, string>;
  /** The site's data language (default 'vi'): tables are nv4_<lang>_… */
  lang?: string;
  /**
   * The news module as installed (default news/news/news): a virtual copy has its own name
   * (URL), data name (tables) and upload folder.
   */
  module?: { name: string; data: string; upload: string };
  /** Copy the connector into the site (default true). */
  installConnector?: boolean;
  /**
   * Requests php -S serves at once (PHP_CLI_SERVER_WORKERS). Default 1: php -S is
   * single-threaded, and the outbox's parallel uploads would queue behind each other.
   */
  workers?: number;
}

/** A running stand-in site. */
export interface NukeVietHarness {
  baseUrl: string;
  port: number;
  siteDir: string;
  /** The editor's credential (God admin, role with every Newsdesk API). */
  editor: HarnessCredential;
  /** Rows of a query on the site's database. */
  query<T = Record<string, unknown>>(sql: string, ...params: unknown[]): T[];
  /** Runs a statement on the site's database (to change roles, rights… between calls). */
  exec(sql: string, ...params: unknown[]): void;
  /** Module cache clears the connector asked for ("delMod news"…). */
  cacheEvents(): string[];
  /** Signatures api.php accepted, one per request: `timestamp` and `hashsecret`. */
  acceptedSignatures(): { timestamp: number; hash: string }[];
  /** What php -S printed (for failure messages). */
  serverLog(): string;
  stop(): Promise<void>;
}

const DEFAULT_CATEGORIES: HarnessCategory[] = [
  { id: 1, parent: 0, title: 'Tin tức', alias: 'tin-tuc', status: 1 },
  { id: 2, parent: 1, title: 'Tin hoạt động', alias: 'tin-hoat-dong', status: 1 },
  { id: 3, parent: 1, title: 'Chỉ đạo điều hành', alias: 'chi-dao-dieu-hanh', status: 1 },
  { id: 4, parent: 0, title: 'Lưu trữ (tạm ngưng)', alias: 'luu-tru', status: 0 },
];

/** A random API key or secret: 32 letters and digits, as NukeViet's nv_genpass(32, 3) makes. */
export function randomIdent(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  return Array.from(crypto.randomBytes(32), (b) => alphabet[b % alphabet.length]).join('');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`php -S exited early:\n${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`php -S did not start on port ${port}:\n${log()}`);
}

/** Builds a site in a temp folder and serves it with `php -S` on a free port. */
export async function startNukeVietHarness(options: HarnessOptions = {}): Promise<NukeVietHarness> {
  const siteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-nukeviet-'));
  const editor: HarnessCredential = {
    ident: randomIdent(),
    secret: randomIdent(),
    adminId: 1,
    roles: [1],
    method: 'password_verify',
  };
  const admins = options.admins ?? [
    { id: 1, username: 'bientap', lev: 1, firstName: 'Ban', lastName: 'Biên tập' },
  ];
  const roles = options.roles ?? [{ id: 1, title: 'Newsdesk', apis: [...CONNECTOR_APIS] }];
  const credentials = options.credentials ?? [editor];
  const config = {
    db: {
      socket: databaseSocket(),
      name: `nvh_${path.basename(siteDir).replace(/[^A-Za-z0-9]/gu, '_')}`,
      ...DB_USER,
    },
    lang: options.lang ?? 'vi',
    timezone: 'Asia/Ho_Chi_Minh',
    sitekey: randomIdent(),
    site_langs: options.siteLangs ?? [options.lang ?? 'vi'],
    max_width: options.maxWidth ?? 1500,
    max_height: options.maxHeight ?? 1500,
    file_allowed_ext: ['adobe', 'archives', 'audio', 'documents', 'images', 'flash'],
    forbid_extensions: ['php', 'php3', 'php4', 'php5', 'phtml', 'inc', 'exe'],
    global: {
      site_name: 'Cổng thông tin điện tử tỉnh (thử nghiệm)',
      remote_api_access: options.remoteApiAccess === false ? 0 : 1,
      remote_api_log: 1,
      nv_max_size: options.maxUploadBytes ?? 2 * 1024 * 1024,
      nv_auto_resize: 1,
      rewrite_enable: 1,
      rewrite_optional: 1,
      rewrite_exturl: '.html',
    },
    module: {
      name: options.module?.name ?? 'news',
      file: 'news',
      data: options.module?.data ?? 'news',
      upload: options.module?.upload ?? 'news',
      title: 'Tin tức',
      admins: options.moduleAdmins ?? '',
    },
    module_config: {
      alias_lower: 1,
      structure_upload: 'Ym',
      htmlhometext: 0,
      imgposition: 2,
      setcomm: 4,
      tags_alias: 0,
      timecheckstatus: 0,
    },
    admins: admins.map((a) => ({
      id: a.id,
      username: a.username,
      lev: a.lev,
      first_name: a.firstName ?? '',
      last_name: a.lastName ?? '',
      suspended: a.suspended === true,
    })),
    module_rights: (options.rights ?? []).map((r) => ({
      admin: 0,
      add_content: 0,
      pub_content: 0,
      edit_content: 0,
      del_content: 0,
      app_content: 0,
      ...r,
    })),
    categories: options.categories ?? DEFAULT_CATEGORIES,
    block_cats: [{ id: 1, title: 'Tin nổi bật', alias: 'tin-noi-bat', adddefault: 1 }],
    tags: (options.tags ?? ['Chính trị']).map((t) => ({
      title: t,
      alias: t.toLowerCase().replace(/ /gu, '-'),
    })),
    roles: roles.map((r) => ({
      id: r.id,
      title: r.title,
      data: { sys: [], [options.lang ?? 'vi']: { [options.module?.name ?? 'news']: r.apis } },
    })),
    credentials: credentials.map((c) => ({
      ident: c.ident,
      secret: c.secret,
      admin_id: c.adminId,
      roles: c.roles,
      method: c.method ?? 'password_verify',
      ips: c.ips ?? [],
    })),
  };
  fs.writeFileSync(path.join(siteDir, 'harness.json'), JSON.stringify(config, null, 2));
  const setup = spawnSync('php', [path.join(HARNESS_DIR, 'setup.php'), siteDir], {
    encoding: 'utf8',
  });
  if (setup.status !== 0) throw new Error(`setup.php failed: ${setup.stderr}${setup.stdout}`);
  if (options.installConnector !== false) {
    fs.cpSync(path.join(CONNECTOR_DIR, 'modules'), path.join(siteDir, 'modules'), {
      recursive: true,
    });
  }

  const port = await freePort();
  const ini = {
    upload_max_filesize: '32M',
    post_max_size: '40M',
    display_errors: '0',
    log_errors: '1',
    error_log: path.join(siteDir, 'data', 'php-errors.log'),
    ...options.phpIni,
  };
  const args = Object.entries(ini).flatMap(([key, value]) => ['-d', `${key}=${value}`]);
  const child = spawn(
    'php',
    [...args, '-S', `127.0.0.1:${port}`, '-t', siteDir, path.join(HARNESS_DIR, 'router.php')],
    {
      env: {
        ...process.env,
        NV_HARNESS_SITE: siteDir,
        ...(options.workers !== undefined && options.workers > 1
          ? { PHP_CLI_SERVER_WORKERS: String(options.workers) }
          : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so stop() also ends the workers php -S forks.
      detached: true,
    },
  );
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const serverLog = (): string => {
    const errors = path.join(siteDir, 'data', 'php-errors.log');
    return (
      log +
      (fs.existsSync(errors) ? `\n--- php errors ---\n${fs.readFileSync(errors, 'utf8')}` : '')
    );
  };
  await waitForPort(port, child, serverLog);

  const runSql = <T>(sql: string, params: unknown[]): T[] => {
    const result = spawnSync('php', [path.join(HARNESS_DIR, 'query.php'), siteDir], {
      input: JSON.stringify({ sql, params }),
      encoding: 'utf8',
    });
    if (result.status !== 0)
      throw new Error(`query failed: ${sql}\n${result.stderr}${result.stdout}`);
    return JSON.parse(result.stdout) as T[];
  };

  return {
    baseUrl: `http://127.0.0.1:${port}/`,
    port,
    siteDir,
    editor: credentials[0] ?? editor,
    query: <T>(sql: string, ...params: unknown[]): T[] => runSql<T>(sql, params),
    exec: (sql: string, ...params: unknown[]): void => {
      runSql(sql, params);
    },
    cacheEvents: (): string[] => {
      const file = path.join(siteDir, 'data', 'cache-events.log');
      return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split('\n') : [];
    },
    acceptedSignatures: () => {
      const file = path.join(siteDir, 'data', 'auth.log');
      if (!fs.existsSync(file)) return [];
      return fs
        .readFileSync(file, 'utf8')
        .trim()
        .split('\n')
        .map((line) => {
          const [timestamp = '', hash = ''] = line.split(' ');
          return { timestamp: Number(timestamp), hash };
        });
    },
    serverLog,
    stop: async (): Promise<void> => {
      if (child.exitCode === null) {
        await new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          if (child.pid === undefined) child.kill('SIGTERM');
          else process.kill(-child.pid, 'SIGTERM');
        });
      }
      runSql(`DROP DATABASE IF EXISTS \`${config.db.name}\``, []);
      fs.rmSync(siteDir, { recursive: true, force: true });
    },
  };
}
