import { fork } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { defaultConcurrency } from '../electron/core/photos/batch/workerPool';
import { CACHE_DIR, ensureCorpus } from './corpus';
import { measureNearDuplicates } from './nearDuplicates';
import type { ChildResult } from './photosChild';
import { lumaOfFile, referenceLuma, ssim } from './ssim';
import type { LumaPlane } from './ssim';
import { findImageMagick, findVipsthumbnail, runImageMagick, runVipsthumbnail } from './tools';
import type { ToolRun } from './tools';

/*
 * `npm run bench:photos`: Newsdesk's photo batch against vipsthumbnail and ImageMagick on 40 real
 * 12 MP photos (bench/corpus.ts), the standard Web recipe, every core busy. Prints throughput, output
 * parity (SSIM on luma against a lossless Lanczos reference, file sizes) and Newsdesk's peak memory
 * for 40 and 1,000 photos, then one `FIGURE <name> <value>` line per figure. Not a timed test.
 * NEWSDESK_BENCH_ROUNDS (default 2): throughput is the best of that many alternating rounds, since
 * the machine's cores are shared. Each round also prints its CPU time per photo (user + system, all
 * threads and processes), which other people's load disturbs far less than wall time.
 * NEWSDESK_BENCH_SMOKE=1: the small size CI runs (fixture photos, one round, a short memory run).
 */

const jitiCli = path.join(
  path.dirname(createRequire(import.meta.url).resolve('jiti/package.json')),
  'lib/jiti-cli.mjs',
);
const childScript = fileURLToPath(new URL('./photosChild.ts', import.meta.url));
const workRoot = path.join(os.tmpdir(), 'newsdesk-bench');
const smoke = process.env.NEWSDESK_BENCH_SMOKE === '1';
const rounds = smoke ? 1 : Math.max(1, Number(process.env.NEWSDESK_BENCH_ROUNDS ?? 2));
/** The memory run queues the corpus this many times (1,000 photos at full size). */
const memoryRepeat = smoke ? 2 : 25;
const fixtures = fileURLToPath(new URL('../tests/fixtures/photos/', import.meta.url));
const cores = defaultConcurrency();

function runNewsdesk(inputs: string[], repeat: number): Promise<ChildResult> {
  const settings = { inputs, repeat, workDir: path.join(workRoot, `newsdesk-x${repeat}`) };
  return new Promise((resolve, reject) => {
    const child = fork(jitiCli, [childScript], {
      env: { ...process.env, NEWSDESK_BENCH_CHILD: JSON.stringify(settings) },
    });
    let result: ChildResult | undefined;
    child.on('message', (message: ChildResult) => {
      result = message;
    });
    child.on('exit', (code) => {
      if (result !== undefined && code === 0) resolve(result);
      else reject(new Error(`Newsdesk batch child exited with ${String(code)}`));
    });
  });
}

/**
 * CPU time (user + system) of this process's finished children, in ms: every contender runs in
 * children, so a round's delta is its CPU cost whatever else the shared machine is doing. Linux only.
 */
function childrenCpuMs(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[13]) + Number(fields[14])) * (1000 / 100);
  } catch {
    return NaN;
  }
}

function fmt(value: number, digits = 2): string {
  return Number.isFinite(value) ? value.toFixed(digits) : 'NaN';
}

function bytesOf(files: string[]): number {
  return files.reduce((sum, file) => sum + statSync(file).size, 0);
}

async function meanSsim(files: string[], references: LumaPlane[]): Promise<number> {
  let total = 0;
  for (const [index, file] of files.entries()) {
    const reference = references[index];
    if (reference === undefined) throw new Error('missing reference');
    const luma = await lumaOfFile(file, { width: reference.width, height: reference.height });
    total += ssim(reference, luma);
  }
  return total / files.length;
}

interface Contender {
  name: string;
  run: () => Promise<ToolRun>;
}

// The smoke size (NEWSDESK_BENCH_SMOKE=1, in CI) runs every step on the four small fixture photos:
// no download, a few seconds; it proves the benchmark runs, its figures say nothing about speed.
const corpus = smoke
  ? readdirSync(fixtures)
      .filter((name) => name.endsWith('.jpg'))
      .sort()
      .map((name) => ({ file: path.join(fixtures, name), rotated: false }))
  : await ensureCorpus(40);
const files = corpus.map((photo) => photo.file);
if (smoke) {
  console.log(`corpus (smoke size): ${files.length} fixture photos from ${fixtures}`);
} else {
  console.log(`corpus: ${files.length} photos 4000×3000 JPEG q92 from Debian mate-backgrounds`);
  console.log(
    `        ${corpus.filter((photo) => photo.rotated).length} with EXIF Orientation 6, in ${CACHE_DIR}`,
  );
}
console.log(
  `machine: ${cores} cores (${os.cpus()[0]?.model ?? 'unknown'}), load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);

const vips = findVipsthumbnail();
const magick = findImageMagick();
console.log(`vipsthumbnail: ${vips.available ? vips.version : vips.reason}`);
console.log(`ImageMagick:   ${magick.available ? magick.version : magick.reason}`);

let newsdeskPeak40 = 0;
const contenders: Contender[] = [
  {
    name: 'newsdesk',
    run: async () => {
      const result = await runNewsdesk(files, 1);
      if (result.failed > 0)
        throw new Error(`${result.failed} photos failed in the Newsdesk batch`);
      newsdeskPeak40 = Math.max(newsdeskPeak40, result.peakRssMb);
      return {
        name: 'newsdesk',
        seconds: result.seconds,
        jpeg1600: result.jpeg1600,
        cpuMsPerPhoto: result.cpuMsPerPhoto,
      };
    },
  },
];
if (vips.available) {
  contenders.push({
    name: 'vipsthumbnail',
    run: () => runVipsthumbnail(vips.command, files, path.join(workRoot, 'vips'), cores),
  });
}
if (magick.available) {
  contenders.push(
    {
      name: 'imagemagick',
      run: () => runImageMagick(magick.command, files, path.join(workRoot, 'im'), cores, false),
    },
    {
      name: 'imagemagick+jpeg:size',
      run: () => runImageMagick(magick.command, files, path.join(workRoot, 'im-hint'), cores, true),
    },
  );
}

const best = new Map<string, ToolRun>();
for (let round = 1; round <= rounds; round += 1) {
  for (const contender of contenders) {
    const cpuBefore = childrenCpuMs();
    const result = await contender.run();
    // The Newsdesk child also starts jiti and warms up: it reports its timed batch's CPU itself.
    const cpuPerPhoto = result.cpuMsPerPhoto ?? (childrenCpuMs() - cpuBefore) / files.length;
    console.log(
      `round ${round} ${contender.name.padEnd(22)} ${fmt(result.seconds)} s  ${fmt(files.length / result.seconds)} images/s` +
        `  CPU ${fmt(cpuPerPhoto, 0)} ms per photo`,
    );
    const previous = best.get(contender.name);
    if (previous === undefined || result.seconds < previous.seconds)
      best.set(contender.name, result);
  }
}

console.log('\nparity of the 1600 px JPEG (mean SSIM on luma vs full-decode Lanczos-3 reference):');
const references: LumaPlane[] = [];
for (const file of files) references.push(await referenceLuma(file, 1600));
const scores = new Map<string, { ssim: number; bytes: number }>();
for (const [name, result] of best) {
  scores.set(name, {
    ssim: await meanSsim(result.jpeg1600, references),
    bytes: bytesOf(result.jpeg1600),
  });
}
for (const [name, result] of best) {
  const score = scores.get(name);
  console.log(
    `  ${name.padEnd(22)} ${fmt(files.length / result.seconds)} images/s  SSIM ${fmt(score?.ssim ?? NaN, 5)}  ` +
      `${fmt((score?.bytes ?? NaN) / 1024 / files.length, 1)} KiB per 1600 px JPEG`,
  );
}

const rate = (name: string): number => {
  const result = best.get(name);
  return result === undefined ? NaN : files.length / result.seconds;
};
const newsdeskRate = rate('newsdesk');
const cliNames = [...best.keys()].filter((name) => name !== 'newsdesk');
const bestCliRate = cliNames.length === 0 ? NaN : Math.max(...cliNames.map(rate));
const newsdeskScore = scores.get('newsdesk');
const cliScores = cliNames.flatMap((name) => {
  const score = scores.get(name);
  return score === undefined ? [] : [{ name, ...score }];
});
const bestTool = cliScores.sort((a, b) => b.ssim - a.ssim)[0];
const ssimGap =
  bestTool === undefined || newsdeskScore === undefined ? NaN : bestTool.ssim - newsdeskScore.ssim;
if (bestTool !== undefined && newsdeskScore !== undefined) {
  const sizeRatio = newsdeskScore.bytes / bestTool.bytes;
  console.log(
    `  best-scoring tool: ${bestTool.name}; Newsdesk SSIM ${ssimGap <= 0.002 ? 'within' : 'NOT within'} 0.002 ` +
      `(gap ${fmt(ssimGap, 5)}), files ${fmt(sizeRatio * 100, 1)}% of its size ` +
      `(${Math.abs(sizeRatio - 1) <= 0.1 ? 'within' : 'NOT within'} 10%)`,
  );
}

console.log('\npeak memory of the Newsdesk batch process (RSS, workers and libvips included):');
const thousand = await runNewsdesk(files, memoryRepeat);
if (thousand.failed > 0) throw new Error(`${thousand.failed} photos failed in the memory run`);
console.log(
  `  40 photos: ${fmt(newsdeskPeak40, 0)} MB; ${thousand.photos} photos: ${fmt(thousand.peakRssMb, 0)} MB ` +
    `(${fmt(thousand.photos / thousand.seconds)} images/s, ${thousand.failed} failed)`,
);
// Near-duplicate accuracy on the corpus's distinct photos (the first 12 are 12 different sources).
const near = await measureNearDuplicates(files.slice(0, 12), workRoot);
console.log('\nnear-duplicates (pairs of different pictures flagged; true re-sent copies missed):');
for (const [name, value] of Object.entries(near)) console.log(`  ${name}: ${value}`);
rmSync(workRoot, { recursive: true, force: true });

console.log('');
if (smoke) console.log('(smoke size: figures prove the benchmark runs, not speed)');
console.log(`FIGURE newsdesk_images_per_s ${fmt(newsdeskRate)}`);
console.log(`FIGURE best_cli_images_per_s ${fmt(bestCliRate)}`);
console.log(`FIGURE ratio_vs_best_cli ${fmt(newsdeskRate / bestCliRate)}`);
console.log(`FIGURE ratio_vs_imagemagick_plain ${fmt(newsdeskRate / rate('imagemagick'))}`);
console.log(`FIGURE ssim_gap ${fmt(ssimGap, 5)}`);
console.log(`FIGURE peak_rss_mb_40 ${fmt(newsdeskPeak40, 0)}`);
console.log(`FIGURE peak_rss_mb_1000 ${fmt(thousand.peakRssMb, 0)}`);
for (const [name, value] of Object.entries(near)) console.log(`FIGURE ${name} ${value}`);
