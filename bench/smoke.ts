import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

/*
 * `npm run bench:smoke`: every benchmark at its small size (NEWSDESK_BENCH_SMOKE=1), one after
 * the other, so a change that breaks a benchmark fails CI (`npm test` runs this after the e2e
 * suite, on the build it made). Each benchmark prints its FIGURE lines as usual; nothing here
 * judges speed. Exits non-zero if any benchmark fails or prints no FIGURE line (bench:sync at
 * smoke size skips, loudly and with exit 0, only when no WordPress is set up outside CI).
 */

const jitiCli = path.join(
  path.dirname(createRequire(import.meta.url).resolve('jiti/package.json')),
  'lib/jiti-cli.mjs',
);
const benches = ['editor', 'photos', 'photolib', 'sync', 'integrity', 'chaos'];

function run(name: string): Promise<{ code: number | null; figures: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [jitiCli, path.join(import.meta.dirname, `${name}.ts`)], {
      env: { ...process.env, NEWSDESK_BENCH_SMOKE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      process.stderr.write(chunk);
    });
    child.on('close', (code) => {
      resolve({ code, figures: (output.match(/^FIGURE \S+ \S+$/gmu) ?? []).length, output });
    });
  });
}

const failures: string[] = [];
for (const name of benches) {
  process.stdout.write(`\n== bench:${name} (smoke size)\n`);
  const started = performance.now();
  const { code, figures, output } = await run(name);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const skipped = code === 0 && /^SKIPPED bench:/mu.test(output);
  if (code !== 0) failures.push(`bench:${name} exited with ${String(code)}`);
  else if (figures === 0 && !skipped) failures.push(`bench:${name} printed no FIGURE line`);
  process.stdout.write(
    `== bench:${name} ${skipped ? 'SKIPPED' : code === 0 ? 'ran' : 'FAILED'} in ${seconds} s, ${figures} figures\n`,
  );
}
if (failures.length > 0) {
  process.stderr.write(`\nbench:smoke FAILED:\n${failures.map((f) => `  ${f}`).join('\n')}\n`);
  process.exit(1);
}
process.stdout.write('\nbench:smoke: every benchmark ran at its small size\n');
