import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerTm } from '../../src/cli/commands/tm.js';
import type { CliContext } from '../../src/cli/context.js';
import { VersioError } from '../../src/errors.js';
import { memoryKey } from '../../src/memory/key.js';
import { TranslationMemory } from '../../src/memory/store.js';
import { fromTmx } from '../../src/memory/tmx.js';
import { findInMemory } from '../../src/pipeline/memory.js';

const fixtures = join(import.meta.dirname, '../fixtures/tmx');
let cwd: string;

beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'versio-tm-'));
});
afterEach(async () => {
  await rm(cwd, { recursive: true, force: true });
});

function sink(): Writable & { text: string } {
  const stream = new Writable({
    write(chunk, _encoding, done) {
      stream.text += String(chunk);
      done();
    },
  }) as Writable & { text: string };
  stream.text = '';
  return stream;
}

/** Runs `versio tm ...` with the tm command registered as the lead wires it; returns stdout. */
async function tm(...args: string[]): Promise<string> {
  const stdout = sink();
  const ctx: CliContext = {
    io: { stdout, stderr: sink(), env: {}, cwd },
    exitCode: 0,
    signal: new AbortController().signal,
  };
  const program = new Command('versio').exitOverride();
  registerTm(program, ctx);
  await program.parseAsync(['node', 'versio', 'tm', ...args]);
  return stdout.text;
}

async function seedMemory(path: string): Promise<void> {
  const memory = await TranslationMemory.open(path);
  await memory.append(
    ['Le musée a été pillé.', 'Palmyre & Tadmor <ville> ]]>', "L'armée est entrée."].map((source, n) => ({
      key: `k${n}`,
      source,
      target: `target ${n}`,
      provider: 'apertium',
      sourceLang: 'fr',
      targetLang: 'en',
      createdAt: '2025-01-01T00:00:00.000Z',
    })),
  );
  await memory.append([
    {
      key: 'k0',
      source: 'Le musée a été pillé.',
      target: 'The museum was looted.',
      provider: 'apertium',
      sourceLang: 'fr',
      targetLang: 'en',
      createdAt: '2025-01-02T00:00:00.000Z',
    },
  ]);
  await memory.close();
}

describe('versio tm export', () => {
  it('writes well-formed TMX with one <tu> per segment, the latest translation', async () => {
    await seedMemory(join(cwd, '.versio/memory.jsonl'));
    expect(await tm('export', '--tmx', 'out/memory.tmx')).toBe(
      'exported 3 translation units to out/memory.tmx\n',
    );
    const xml = await readFile(join(cwd, 'out/memory.tmx'), 'utf8');
    await promisify(execFile)('xmllint', ['--noout', join(cwd, 'out/memory.tmx')]);
    expect(xml.match(/<tu[ >]/g)).toHaveLength(3);
    const { units } = fromTmx(xml, 'memory.tmx');
    expect(units.find((u) => u.props['x-versio-key'] === 'k0')?.target).toBe('The museum was looted.');
    expect(units.map((u) => u.source)).toContain('Palmyre & Tadmor <ville> ]]>');
  });

  it('says so when there is no memory', async () => {
    const error = await tm('export', '--tmx', 'out.tmx').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VersioError);
    expect((error as VersioError).exitCode).toBe(2);
    expect((error as Error).message).toBe(`no translation memory at ${join(cwd, '.versio/memory.jsonl')}`);
  });
});

describe('versio tm import', () => {
  it('imports a TMX from another tool; import then export keeps every unit', async () => {
    const out = await tm('import', join(fixtures, 'other-tool.tmx'), '--memory', 'tm.jsonl');
    expect(out).toMatch(/read 4 translation units from .*other-tool\.tmx; 4 new in tm\.jsonl/);
    await tm('export', '--memory', 'tm.jsonl', '--tmx', 'back.tmx');

    const before = fromTmx(await readFile(join(fixtures, 'other-tool.tmx'), 'utf8'), 'other-tool.tmx').units;
    const after = fromTmx(await readFile(join(cwd, 'back.tmx'), 'utf8'), 'back.tmx').units;
    const pairs = (units: typeof before) =>
      units.map((u) => [u.sourceLang, u.source, u.lang, u.target]).sort();
    expect(pairs(after)).toEqual(pairs(before));
  });

  it('is idempotent, and a versio export re-imports without duplicates', async () => {
    await tm('import', join(fixtures, 'other-tool-utf16.tmx'), '--memory', 'tm.jsonl', '--provider', 'deepl');
    expect(
      await tm('import', join(fixtures, 'other-tool.tmx'), '--memory', 'tm.jsonl', '--provider', 'deepl'),
    ).toMatch(/; 0 new in tm\.jsonl/);
    await tm('export', '--memory', 'tm.jsonl', '--tmx', 'back.tmx');
    expect(await tm('import', 'back.tmx', '--memory', 'tm.jsonl')).toMatch(/; 0 new in tm\.jsonl/);
  });

  it('keeps imported units out of keyed lookups; a translation finds them by exact source text', async () => {
    await tm('import', join(fixtures, 'other-tool.tmx'), '--memory', 'tm.jsonl', '--provider', 'deepl');
    const memory = await TranslationMemory.open(join(cwd, 'tm.jsonl'));
    for await (const record of memory.iterate()) expect(record.provider).toBe('tmx:deepl');
    const source = "L'armée syrienne a repris Palmyre.";
    const key = memoryKey({ source, provider: 'deepl', fingerprint: 'deepl:EN-GB', termsHash: '' });
    expect(await memory.lookup(key)).toBeUndefined();
    const find = (text: string, sourceLang: string, targetLang: string) =>
      findInMemory(memory, key, { source: text }, { sourceLang, targetLang });
    expect((await find(source, 'fr-fr', 'en-gb'))?.target).toBe('The Syrian army has retaken Palmyra.');
    expect(await find(source, 'fr-FR', 'de-DE')).toBeUndefined();
    expect(await find(source.slice(0, -1), 'fr-FR', 'en-GB')).toBeUndefined();
    await memory.close();
  });

  it.each([
    ['entity-expansion.tmx', /entity-expansion\.tmx:6:\d+: a DOCTYPE with an internal subset/],
    ['not-well-formed.tmx', /not-well-formed\.tmx:5:\d+: /],
    ['missing.tmx', /cannot read .*missing\.tmx: no such file/],
  ])('refuses %s with exit code 2 and leaves the memory alone', async (file, message) => {
    const error = await tm('import', join(fixtures, file), '--memory', 'tm.jsonl').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VersioError);
    expect((error as VersioError).exitCode).toBe(2);
    expect((error as Error).message).toMatch(message);
    await expect(readFile(join(cwd, 'tm.jsonl'))).rejects.toThrow(/ENOENT/);
  });
});
