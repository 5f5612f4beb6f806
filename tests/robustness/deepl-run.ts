/** Runs of `versio translate --provider deepl` against the local DeepL-compatible server. */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseMemory } from '../../src/memory/store.js';
import { binPath, type CliResult, runMain } from '../support/cli.js';
import type { DeeplServer } from '../support/deepl-server.js';
import { testJobs } from '../support/jobs.js';
import { put } from './support.js';

export const KEY = 'versio-test-key:fx';

/**
 * `count` French articles of `sentences` sentences each, every sentence distinct, with no `&`, `<`
 * or `>` (so the text sent to DeepL has exactly the characters of the source).
 */
export function makeArticles(
  dir: string,
  count: number,
  sentences: number,
): { files: string[]; sources: string[] } {
  const files: string[] = [];
  const sources: string[] = [];
  const towns = ['Lyon', 'Lille', 'Nantes', 'Rennes', 'Dijon', 'Brest', 'Metz', 'Tours'];
  for (let d = 0; d < count; d++) {
    const lines = Array.from(
      { length: sentences },
      (_, i) =>
        `Le conseil de ${towns[d % towns.length]} a examiné le dossier numéro ${d * 100 + i} mardi soir.`,
    );
    sources.push(...lines);
    files.push(put(dir, `article${d + 1}.fr.txt`, `Conseil numéro ${d + 1}\n\n${lines.join('\n')}\n`));
    sources.push(`Conseil numéro ${d + 1}`);
  }
  return { files, sources };
}

export function deeplEnv(server: DeeplServer | string, key = KEY): NodeJS.ProcessEnv {
  return { DEEPL_AUTH_KEY: key, DEEPL_SERVER_URL: typeof server === 'string' ? server : server.url };
}

export function translateArgs(files: string[], out: string, memory: string, extra: string[] = []): string[] {
  return [
    'translate',
    ...files,
    '--provider',
    'deepl',
    '--no-glossary',
    '--out',
    out,
    '--memory',
    memory,
    '--quiet',
    // VERSIO_TEST_JOBS: the tests hold whatever order the articles are scheduled in.
    '--jobs',
    testJobs(),
    ...extra,
  ];
}

/** In-process run (fast). */
export function runDeepl(
  server: DeeplServer | string,
  files: string[],
  out: string,
  memory: string,
  extra: string[] = [],
  key = KEY,
): Promise<CliResult> {
  return runMain(translateArgs(files, out, memory, extra), { env: deeplEnv(server, key) });
}

/** Sources stored in a memory file (torn lines skipped, as `TranslationMemory.open` does). */
export function memorySources(path: string): string[] {
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  return parseMemory(text, path).records.map((r) => r.source);
}

/** Characters DeepL bills for these texts (code points, as the server counts). */
export const billed = (texts: readonly string[]) => texts.reduce((n, t) => n + [...t].length, 0);

/**
 * Spawns the built CLI and sends `signal` once the memory holds at least `records` records.
 * Resolves with the exit code, stdout/stderr, and the signal the process died of.
 */
export function interruptWhenStored(
  args: string[],
  env: NodeJS.ProcessEnv,
  memory: string,
  records: number,
  signal: NodeJS.Signals,
): Promise<CliResult & { signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binPath, ...args], {
      env: { ...process.env, CI: 'true', ...env },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    const poll = setInterval(() => {
      if (memorySources(memory).length >= records) {
        clearInterval(poll);
        child.kill(signal);
      }
    }, 10);
    child.on('error', reject);
    child.on('close', (code, killedBy) => {
      clearInterval(poll);
      resolve({
        code: code ?? -1,
        signal: killedBy,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });
}
