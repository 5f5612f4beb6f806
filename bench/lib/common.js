// Shared helpers of the benches: timing, statistics, tables, bench/results.json (read-modify-write,
// one key per figure) and the machine the figures ran on. Plain Node, no dependencies.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../../dist/io/atomic-write.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = join(ROOT, 'dist/cli/bin.js');

// Every figure measures runs on their own pipelines, never an engine server someone left running
// (`versio engine start`); figure 1 starts one of its own for the rows that measure it.
process.env.VERSIO_ENGINE = 'local';
const RESULTS = join(ROOT, 'bench/results.json');

export function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    model: cpus[0]?.model ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString(),
  };
}

/** Merges `value` under `key` into bench/results.json, keeping the other figures. */
export async function saveResult(key, value) {
  const results = JSON.parse(await readFile(RESULTS, 'utf8').catch(() => '{}'));
  results[key] = { ...value, machine: machine() };
  await writeFileAtomic(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
}

export async function loadResults() {
  return JSON.parse(await readFile(RESULTS, 'utf8').catch(() => '{}'));
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export const round = (value, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Runs a command; resolves with wall seconds, stdout, stderr and exit code (rejects on a non-zero exit unless `allowFail`). */
export function run(
  command,
  args,
  { cwd = ROOT, env = process.env, stdin, allowFail = false, shell = false } = {},
) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd,
      env,
      shell,
      stdio: [stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    });
    const out = [];
    const err = [];
    child.stdout.on('data', (c) => out.push(c));
    child.stderr.on('data', (c) => err.push(c));
    if (stdin) child.stdin.end(stdin);
    child.on('error', reject);
    child.on('close', (code) => {
      const result = {
        seconds: (performance.now() - started) / 1000,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        code,
      };
      if (code !== 0 && !allowFail) {
        reject(new Error(`${command} ${args.join(' ')} exited with ${code}: ${result.stderr.slice(-2000)}`));
      } else resolve(result);
    });
  });
}

/** A fresh temporary directory, removed after `fn`. */
export async function withTempDir(prefix, fn) {
  const dir = await mkdtemp(join(os.tmpdir(), `versio-bench-${prefix}-`));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Prints rows (arrays of cells) as an aligned table; numbers right-aligned. */
export function printTable(title, header, rows) {
  const cells = [header, ...rows].map((row) => row.map((cell) => String(cell)));
  const widths = header.map((_, col) => Math.max(...cells.map((row) => row[col]?.length ?? 0)));
  const line = (row) =>
    row
      .map((cell, col) =>
        /^[-\d.,×%<>≤≥ ]+$/.test(cell) && col > 0 ? cell.padStart(widths[col]) : cell.padEnd(widths[col]),
      )
      .join('  ');
  console.log(`\n${title}`);
  console.log(line(cells[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of cells.slice(1)) console.log(line(row));
}
