import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

import sharp from 'sharp';

/*
 * The command-line tools Newsdesk is measured against, each making the same three outputs per photo
 * (auto-oriented 1600 px JPEG q82 progressive, 1600 px WebP q80 effort 4, 400 px JPEG q82), each
 * using every core: vipsthumbnail with many files per process (one process per core, one pass per
 * output, as the tool writes one output per input), ImageMagick with one process per photo, as many
 * at a time as there are cores, deriving all three outputs from one decode.
 */

const run = promisify(execFile);

/** A tool's timed run and where its 1600 px JPEGs are, in corpus order. */
export interface ToolRun {
  name: string;
  seconds: number;
  jpeg1600: string[];
  /** CPU per photo when the run measured it itself (else the caller measures its children). */
  cpuMsPerPhoto?: number | undefined;
}

/** A runnable tool, or the reason it is not there. */
export type Tool =
  { available: true; command: string; version: string } | { available: false; reason: string };

function probe(command: string, args: string[], pattern: RegExp): Tool {
  try {
    const out = execFileSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
    const version = out.split('\n').find((line) => pattern.test(line));
    if (version === undefined)
      return { available: false, reason: `${command} is not ${pattern.source}` };
    return { available: true, command, version: version.trim() };
  } catch {
    return { available: false, reason: 'not installed' };
  }
}

/** vipsthumbnail from libvips-tools. */
export function findVipsthumbnail(): Tool {
  return probe('vipsthumbnail', ['--vips-version'], /vips/i);
}

/** ImageMagick 7 `magick`, else ImageMagick 6 `convert` (not GraphicsMagick). */
export function findImageMagick(): Tool {
  const seven = probe('magick', ['-version'], /ImageMagick/);
  return seven.available ? seven : probe('convert', ['-version'], /ImageMagick/);
}

/** Runs `jobs` with at most `limit` at a time. */
async function pooled<T>(
  items: T[],
  limit: number,
  job: (item: T) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next];
      next += 1;
      if (item !== undefined) await job(item);
    }
  });
  await Promise.all(lanes);
}

function stemOf(file: string): string {
  return path.basename(file, path.extname(file));
}

/** vipsthumbnail: one process per core, each taking its share of the files through three passes. */
export async function runVipsthumbnail(
  command: string,
  files: string[],
  outDir: string,
  cores: number,
): Promise<ToolRun> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const shares = Array.from({ length: cores }, (_, lane) =>
    files.filter((_, i) => i % cores === lane),
  );
  const passes = [
    ['-s', '1600', '-o', path.join(outDir, '%s-1600.jpg[Q=82,interlace,strip]')],
    ['-s', '1600', '-o', path.join(outDir, '%s-1600.webp[Q=80,effort=4,strip]')],
    ['-s', '400', '-o', path.join(outDir, '%s-400.jpg[Q=82,interlace,strip]')],
  ];
  const started = performance.now();
  await Promise.all(
    shares.map(async (share) => {
      if (share.length === 0) return;
      for (const pass of passes) await run(command, [...pass, ...share]);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    name: 'vipsthumbnail',
    seconds,
    jpeg1600: files.map((file) => path.join(outDir, `${stemOf(file)}-1600.jpg`)),
  };
}

/** The best `jpeg:size` hint: the stored size scaled so its long edge is the largest output's. */
async function sizeHint(file: string, longEdge: number): Promise<string> {
  const { width = longEdge, height = longEdge } = await sharp(file).metadata();
  const scale = longEdge / Math.max(width, height);
  return `${Math.ceil(width * scale)}x${Math.ceil(height * scale)}`;
}

/** ImageMagick: one process per photo, `cores` at a time, one thread each; all outputs from one decode. */
export async function runImageMagick(
  command: string,
  files: string[],
  outDir: string,
  cores: number,
  withHint: boolean,
): Promise<ToolRun> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const hints = withHint ? await Promise.all(files.map((file) => sizeHint(file, 1600))) : [];
  const env = { ...process.env, MAGICK_THREAD_LIMIT: '1', OMP_NUM_THREADS: '1' };
  const started = performance.now();
  await pooled(
    files.map((file, index) => ({ file, hint: hints[index] })),
    cores,
    ({ file, hint }) => {
      const out = (suffix: string): string => path.join(outDir, `${stemOf(file)}-${suffix}`);
      const args = [
        ...(hint === undefined ? [] : ['-define', `jpeg:size=${hint}`]),
        file,
        '-auto-orient',
        '-resize',
        '1600x1600',
        '-strip',
        '(',
        '+clone',
        '-quality',
        '82',
        '-interlace',
        'Plane',
        '-write',
        out('1600.jpg'),
        '+delete',
        ')',
        '(',
        '+clone',
        '-quality',
        '80',
        '-define',
        'webp:method=4',
        '-write',
        out('1600.webp'),
        '+delete',
        ')',
        '-resize',
        '400x400',
        '-quality',
        '82',
        '-interlace',
        'Plane',
        out('400.jpg'),
      ];
      return run(command, args, { env });
    },
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    name: withHint ? 'imagemagick+jpeg:size' : 'imagemagick',
    seconds,
    jpeg1600: files.map((file) => path.join(outDir, `${stemOf(file)}-1600.jpg`)),
  };
}
