/**
 * Never pay twice (issue 13), with real HTTP to the counting DeepL-compatible server: a
 * sentence repeated within a run, and segments two processes translate at once on one
 * memory file, are each billed once.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseMemory } from '../../src/memory/parse.js';
import { binPath, type CliResult, runMain } from '../support/cli.js';
import { type DeeplServer, startDeeplServer } from '../support/deepl-server.js';

const KEY = 'versio-test-key:fx';
let dir: string;
let server: DeeplServer | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'versio-never-twice-'));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  rmSync(dir, { recursive: true, force: true });
});

/** Characters DeepL bills for these texts (code points, as the server counts). */
const billed = (texts: Iterable<string>) => [...texts].reduce((n, t) => n + [...t].length, 0);

function article(name: string, title: string, lines: readonly string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${title}\n\n${lines.join('\n')}\n`);
  return path;
}

function args(files: string[], out: string, memory: string): string[] {
  return ['translate', ...files, '--provider', 'deepl', '--no-glossary', '--out', out, '--memory', memory];
}

const env = (s: DeeplServer) => ({ DEEPL_AUTH_KEY: KEY, DEEPL_SERVER_URL: s.url });

describe('one run', () => {
  it('sends a sentence repeated within and across articles once, and fills every occurrence', async () => {
    server = await startDeeplServer({ authKeys: [KEY] });
    const repeated = 'Le conseil municipal a voté le budget mardi soir.';
    const a = article('a.fr.txt', 'Premier titre', [repeated, 'La séance a duré trois heures.', repeated]);
    const b = article('b.fr.txt', 'Second titre', ['Les élus se retrouveront jeudi.', repeated]);
    const out = join(dir, 'out');
    const result = await runMain([...args([a, b], out, join(dir, 'tm.jsonl')), '--jobs', '2', '--quiet'], {
      env: env(server),
    });
    expect(result.code, result.stderr).toBe(0);

    const unique = new Set([
      'Premier titre',
      'Second titre',
      repeated,
      'La séance a duré trois heures.',
      'Les élus se retrouveront jeudi.',
    ]);
    expect(server.stats().billedCharacters).toBe(billed(unique));
    const sent = server.stats().translations.flatMap((t) => t.texts);
    expect(sent.filter((t) => t === repeated)).toHaveLength(1);

    const englishA = readFileSync(join(out, 'a.en.txt'), 'utf8').split('\n');
    const englishB = readFileSync(join(out, 'b.en.txt'), 'utf8').split('\n');
    expect(englishA[2]).not.toBe('');
    expect(englishA[4]).toBe(englishA[2]);
    expect(englishB[3]).toBe(englishA[2]);
    // The segment that was paid for says what it cost (XLIFF provenance note).
    const xliff = readFileSync(join(out, 'a.en.xlf'), 'utf8');
    expect(xliff).toContain(`${[...'La séance a duré trois heures.'].length} billed characters`);

    const memory = parseMemory(readFileSync(join(dir, 'tm.jsonl'), 'utf8'), 'tm.jsonl').records;
    expect(memory.map((r) => r.source).sort()).toEqual([...unique].sort());
    for (const record of memory) expect(record.billedCharacters).toBe([...record.source].length);
  });
});

function spawnCli(argv: string[], extraEnv: NodeJS.ProcessEnv): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binPath, ...argv], {
      env: { ...process.env, CI: 'true', ...extraEnv },
      cwd: dir,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        code: code ?? -1,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
  });
}

describe('two processes on one memory file', () => {
  it('bill each segment once in total; both finish with every segment translated', async () => {
    // A slow server keeps both runs in flight at once.
    const deepl = await startDeeplServer({ authKeys: [KEY], latencyMs: 150 });
    server = deepl;
    const towns = ['Lyon', 'Lille', 'Nantes'];
    const sources: string[] = [];
    const files = towns.map((town, d) => {
      const lines = Array.from(
        { length: 40 },
        (_, i) => `Le conseil de ${town} a examiné le dossier ${i} mardi.`,
      );
      sources.push(`Conseil de ${town}`, ...lines);
      return article(`article${d}.fr.txt`, `Conseil de ${town}`, lines);
    });
    const memory = join(dir, 'shared.jsonl');
    const runs = await Promise.all(
      ['one', 'two'].map((name) =>
        spawnCli([...args(files, join(dir, name), memory), '--quiet'], env(deepl)),
      ),
    );
    for (const run of runs) expect(run.code, run.stderr).toBe(0);

    expect(server.stats().billedCharacters).toBe(billed(sources));
    for (const name of ['one', 'two']) {
      for (let d = 0; d < towns.length; d++) {
        const english = readFileSync(join(dir, name, `article${d}.en.txt`), 'utf8').split('\n');
        // Title, blank line, 40 sentences, final newline: every line translated.
        expect(english).toHaveLength(43);
        expect(english.filter((line, i) => i !== 1 && i !== 42 && line.trim() === '')).toEqual([]);
      }
    }
  });
});
