import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { createCore } from '../electron/core/app/createCore';
import type { Core } from '../electron/core/app/createCore';
import { createNullLogger } from '../electron/core/logging/logger';
import { sourcePhotoWorkerUrl } from '../electron/core/photos/batch/sourceWorker';
import { createRequestMeter } from '../electron/core/portal/requestMeter';
import type { CallInput, CallName, CallOutput } from '../shared/contract/calls';
import { emptyMeta } from '../shared/domain/article';
import { articleBody } from '../tests/support/articleBody';
import {
  phpUnavailableReason,
  startNukeVietHarness,
  type NukeVietHarness,
} from '../tests/support/nukeviet-harness/harness';
import { photoBytes } from '../tests/support/syncFixtures';

/*
 * `npm run bench:sync`: 50 approved articles × 5 photos (1600 px JPEGs made from the real photos
 * in tests/fixtures/photos) synced by the real outbox to the local WordPress
 * (scripts/wordpress-local.sh; WP_URL, WP_USER, WP_APP_PASSWORD or its credentials file).
 * Measures from the worker's start to an empty outbox: articles per minute, requests per
 * article, the share of wall time with a request waiting on the server, and what the client adds
 * on top of that waiting (photo rendering, SQLite, scheduling while no request is out). Ends with
 * one `FIGURE <name> <value>` line per figure. Not a timed test. NEWSDESK_BENCH_ARTICLES and
 * NEWSDESK_BENCH_PHOTOS change the size; NEWSDESK_BENCH_KEEP=1 leaves the posts on the site.
 *
 * Then the same articles go to the NukeViet harness (tests/support/nukeviet-harness: the
 * connector under php -S with 4 workers on its MariaDB, bcrypt cost 10 as on a real 4.5 site):
 * `FIGURE nukeviet_articles_per_min` and `nukeviet_requests_per_article`. The server verifies a
 * bcrypt on every request (NukeViet's api.php), the client signs once per 2 s window.
 * NEWSDESK_BENCH_PORTALS=wordpress or =nukeviet runs one of the two.
 */

/** NEWSDESK_BENCH_SMOKE=1: the small size CI runs (3 articles × 1 photo), to prove the bench runs. */
const SMOKE = process.env.NEWSDESK_BENCH_SMOKE === '1';
const ARTICLES = SMOKE ? 3 : Number(process.env.NEWSDESK_BENCH_ARTICLES ?? 50);
const PHOTOS = SMOKE ? 1 : Number(process.env.NEWSDESK_BENCH_PHOTOS ?? 5);
const WIDTH = 1600;

interface WordPress {
  url: string;
  user: string;
  password: string;
}

function wordpress(): WordPress {
  let { WP_URL: url, WP_USER: user, WP_APP_PASSWORD: password } = process.env;
  const file = fileURLToPath(new URL('../.wordpress-local/credentials.env', import.meta.url));
  if ((!url || !user || !password) && fs.existsSync(file)) {
    const values = new Map(
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .map((line) => /^(\w+)='(.*)'$/u.exec(line))
        .filter((match): match is RegExpExecArray => match !== null)
        .map((match) => [match[1] ?? '', match[2] ?? '']),
    );
    url = values.get('WP_URL');
    user = values.get('WP_USER');
    password = values.get('WP_APP_PASSWORD');
  }
  if ((!url || !user || !password) && SMOKE && !process.env.CI) {
    console.error(
      'SKIPPED bench:sync (smoke): no WordPress (WP_URL, WP_USER, WP_APP_PASSWORD). In CI (CI set) this fails instead.',
    );
    process.exit(0);
  }
  if (!url || !user || !password) {
    console.error(
      'bench:sync needs a WordPress: run `sudo scripts/wordpress-local.sh setup` (or set WP_URL, WP_USER, WP_APP_PASSWORD).',
    );
    process.exit(2);
  }
  return { url: url.replace(/\/+$/u, ''), user, password };
}

async function call<K extends CallName>(
  core: Core,
  name: K,
  input: CallInput<K>,
): Promise<CallOutput<K>> {
  const result = await core.dispatch(name, input, { shell: 'browser' });
  if (!result.ok) throw new Error(`${name}: ${result.error.code}: ${result.error.message}`);
  return result.value as CallOutput<K>;
}

async function rest(wp: WordPress, method: string, route: string, body?: object): Promise<unknown> {
  const response = await fetch(`${wp.url}/wp-json${route}`, {
    method,
    headers: {
      Authorization: `Basic ${Buffer.from(`${wp.user}:${wp.password}`).toString('base64')}`,
      ...(body ? { 'Content-Type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return response.json();
}

/** Deletes what the run created (posts, then their photos), a few at a time. */
async function cleanUp(wp: WordPress, run: string): Promise<void> {
  for (const kind of ['posts', 'media']) {
    for (;;) {
      const found = (await rest(
        wp,
        'GET',
        `/wp/v2/${kind}?search=${run}&status=any&per_page=100&_fields=id`,
      )) as { id: number }[];
      if (!Array.isArray(found) || found.length === 0) break;
      for (let i = 0; i < found.length; i += 8) {
        await Promise.all(
          found
            .slice(i, i + 8)
            .map((item) => rest(wp, 'DELETE', `/wp/v2/${kind}/${item.id}?force=true`)),
        );
      }
    }
  }
}

/** Where the articles go: the portal connection to save, and the category title it knows. */
interface Target {
  figurePrefix: string;
  connection: CallInput<'portals.save'>;
  categoryTitle: string;
  /** Creates the category on the portal when it does not have it yet. */
  prepare(run: string): Promise<void>;
  cleanUp(run: string): Promise<void>;
}

function wordpressTarget(): Target {
  const wp = wordpress();
  return {
    figurePrefix: '',
    connection: {
      kind: 'wordpress',
      name: 'WordPress cục bộ',
      baseUrl: wp.url,
      username: wp.user,
      secret: wp.password,
    },
    categoryTitle: '',
    prepare: async (run) => {
      await rest(wp, 'POST', '/wp/v2/categories', { name: `Thời sự ${run}` });
    },
    cleanUp: (run) => cleanUp(wp, run),
  };
}

function nukevietTarget(harness: NukeVietHarness): Target {
  return {
    figurePrefix: 'nukeviet_',
    connection: {
      kind: 'nukeviet',
      name: 'NukeViet (harness)',
      baseUrl: harness.baseUrl,
      username: harness.editor.ident,
      secret: harness.editor.secret,
      authMode: 'bcrypt',
    },
    // One of the harness site's categories.
    categoryTitle: 'Tin hoạt động',
    prepare: async () => {},
    cleanUp: async () => {},
  };
}

async function main(): Promise<void> {
  const portals = (process.env.NEWSDESK_BENCH_PORTALS ?? 'wordpress,nukeviet').split(',');
  if (portals.includes('wordpress')) {
    const target = wordpressTarget();
    await runTarget(target);
  }
  if (portals.includes('nukeviet')) {
    const reason = phpUnavailableReason();
    if (reason !== null) {
      console.error(`bench:sync needs the NukeViet harness: ${reason}`);
      process.exit(2);
    }
    const harness = await startNukeVietHarness({
      workers: 4,
      maxWidth: 4000,
      maxHeight: 4000,
      maxUploadBytes: 16 * 1024 * 1024,
    });
    try {
      await runTarget(nukevietTarget(harness));
    } finally {
      await harness.stop();
    }
  }
}

async function runTarget(target: Target): Promise<void> {
  const run = `bench${Date.now().toString(36)}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-bench-sync-'));
  const meter = createRequestMeter();
  const core = createCore({
    dataDir,
    shell: 'browser',
    appVersion: 'bench',
    logger: createNullLogger(),
    photoWorkerUrl: sourcePhotoWorkerUrl,
    passwordCost: { N: 2 ** 10, r: 8, p: 1 },
    sync: { autoStart: false, meter },
  });
  try {
    await call(core, 'auth.setupAdmin', {
      userName: 'quantri',
      displayName: 'Quản trị viên',
      password: 'mat-khau-bench-sync',
    });
    const connection = await call(core, 'portals.save', target.connection);
    await target.prepare(run);
    const categoryTitle = target.categoryTitle || `Thời sự ${run}`;
    const categoryId = (await call(core, 'categories.save', { title: categoryTitle })).id;
    const authorId = (await call(core, 'authors.save', { name: 'Phóng viên', position: '' })).id;

    console.log(
      `${target.connection.kind}: preparing ${ARTICLES} articles × ${PHOTOS} photos (${WIDTH} px JPEG)…`,
    );
    let photoBytesTotal = 0;
    for (let a = 0; a < ARTICLES; a += 1) {
      const figures = [];
      for (let p = 0; p < PHOTOS; p += 1) {
        const data = await photoBytes(a * PHOTOS + p, WIDTH);
        photoBytesTotal += data.length;
        const imported = await call(core, 'media.importImage', {
          fileName: `anh-${a}-${p}.jpg`,
          dataBase64: data.toString('base64'),
        });
        figures.push({
          mediaPath: imported.mediaPath,
          caption: `Ảnh ${p + 1} của tin ${a + 1} ${run}`,
          alt: `Mô tả ảnh ${p + 1}`,
          credit: 'Ảnh: Phóng viên',
        });
      }
      const title = `Tin thứ ${a + 1} của đợt đo ${run}`;
      const created = await call(core, 'articles.create', { title });
      await call(core, 'articles.save', {
        id: created.id,
        title,
        meta: {
          ...emptyMeta(),
          slug: `tin-thu-${a + 1}-${run}`,
          slugLocked: true,
          lead: `Tóm tắt tin ${a + 1}`,
          categoryId,
          authorId,
          tags: [`Đợt đo ${run}`, `Nhóm ${a % 5} ${run}`],
          featuredImage: figures[0]
            ? { mediaPath: figures[0].mediaPath, alt: 'Ảnh đại diện' }
            : null,
        },
        body: articleBody(title, figures),
        baseVersion: created.version,
      });
      await call(core, 'sync.enqueue', { articleId: created.id, connectionId: connection.id });
    }
    console.log(
      `photos: ${ARTICLES * PHOTOS}, ${(photoBytesTotal / ARTICLES / PHOTOS / 1024).toFixed(0)} KB each on average`,
    );

    const start = performance.now();
    core.sync.start();
    for (;;) {
      const status = core.sync.status();
      if (status.failed > 0 || status.conflicts > 0) {
        const failed = core.sync.list({ states: ['failed', 'conflict'] });
        throw new Error(`sync stopped: ${JSON.stringify(failed[0]?.lastError)}`);
      }
      if (status.waiting === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const wallMs = performance.now() - start;
    const busyMs = meter.busyMs();
    const done = core.sync.list({ states: ['done'], limit: 500 }).length;
    if (done !== ARTICLES) throw new Error(`${done} of ${ARTICLES} articles synced`);

    const perMinute = ARTICLES / (wallMs / 60_000);
    const requestsPerArticle = meter.requests / ARTICLES;
    const waitingShare = busyMs / wallMs;
    const overheadPct = ((wallMs - busyMs) / busyMs) * 100;
    console.log(
      `synced ${ARTICLES} articles with ${ARTICLES * PHOTOS} photos in ${(wallMs / 1000).toFixed(1)} s`,
    );
    console.log(`requests: ${meter.requests} (${requestsPerArticle.toFixed(2)} per article)`);
    console.log(
      `waiting on the server (≥ 1 request out): ${(busyMs / 1000).toFixed(1)} s = ${(waitingShare * 100).toFixed(1)} % of the wall time`,
    );
    console.log(
      `client alone (no request out: rendering, SQLite, scheduling): ${((wallMs - busyMs) / 1000).toFixed(2)} s`,
    );
    const prefix = target.figurePrefix;
    console.log(`FIGURE ${prefix}articles_per_min ${perMinute.toFixed(2)}`);
    console.log(`FIGURE ${prefix}requests_per_article ${requestsPerArticle.toFixed(2)}`);
    console.log(`FIGURE ${prefix}client_overhead_pct ${overheadPct.toFixed(2)}`);
  } finally {
    await core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (process.env.NEWSDESK_BENCH_KEEP !== '1') await target.cleanUp(run);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
