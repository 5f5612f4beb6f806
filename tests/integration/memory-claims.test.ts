/**
 * Claims between real processes sharing one memory file, `tm compact` beside a process that
 * keeps appending, and which record a key resolves to. The other process runs the built store
 * (dist/, which the test set-up builds).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MemoryRecord } from '../../src/memory/record.js';
import { TranslationMemory } from '../../src/memory/store.js';
import { runMain } from '../support/cli.js';

const store = pathToFileURL(join(import.meta.dirname, '../../dist/memory/store.js')).href;
let dir: string;
let children: ChildProcess[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'versio-claims-'));
});
afterEach(() => {
  for (const child of children) child.kill('SIGKILL');
  children = [];
  rmSync(dir, { recursive: true, force: true });
});

function record(key: string, overrides: Partial<MemoryRecord> = {}): MemoryRecord {
  return {
    key,
    source: `source ${key}`,
    target: `target ${key}`,
    provider: 'pseudo',
    sourceLang: 'fr',
    targetLang: 'en',
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** Runs `body` (ESM, `memory` open on argv[2]) in a child; resolves once it prints `ready`. */
async function child(body: string, path: string, leaseMs = 30_000): Promise<ChildProcess> {
  const script = join(dir, `child-${children.length}.mjs`);
  writeFileSync(
    script,
    `import { TranslationMemory } from ${JSON.stringify(store)};
const memory = await TranslationMemory.open(process.argv[2], { leaseMs: ${leaseMs} });
${body}`,
  );
  const proc = spawn(process.execPath, [script, path], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(proc);
  await new Promise<void>((resolve, reject) => {
    proc.stdout?.on('data', (c: Buffer) => {
      if (c.toString().includes('ready')) resolve();
    });
    proc.once('exit', (code) => reject(new Error(`child exited ${code} before it was ready`)));
  });
  return proc;
}

/** The child's exit code (null when killed), whether it has exited already or not. */
const exited = (proc: ChildProcess) =>
  proc.exitCode !== null || proc.signalCode !== null
    ? Promise.resolve(proc.exitCode)
    : new Promise((resolve) => proc.once('exit', resolve));

describe('claims between processes', () => {
  it('a waiter gets the record the claimant appends, and never the right to send it', async () => {
    const path = join(dir, 'tm.jsonl');
    const k = 'a'.repeat(64);
    const other = await child(
      `await memory.claim([${JSON.stringify(k)}]);
process.stdout.write('ready\\n');
await new Promise((r) => setTimeout(r, 300));
await memory.append([${JSON.stringify(record(k))}]);
await memory.close();`,
      path,
    );
    const memory = await TranslationMemory.open(path, { pollMs: 20 });
    const claim = (await memory.claim([k])).get(k);
    expect(claim?.kind).toBe('wait');
    expect(claim?.kind === 'wait' ? (await claim.done)?.target : undefined).toBe(`target ${k}`);
    await exited(other);
    await memory.close();
  });

  it("a crashed claimant's keys are taken over once its lease ends", async () => {
    const path = join(dir, 'tm.jsonl');
    const k = 'b'.repeat(64);
    const other = await child(
      `await memory.claim([${JSON.stringify(k)}]);
process.stdout.write('ready\\n');
// Alive (its heartbeat timer does not hold the process open) until killed.
setInterval(() => {}, 1000);`,
      path,
      // Short, so the test waits little; long enough for a loaded machine to renew it in time.
      2_000,
    );
    const memory = await TranslationMemory.open(path, { pollMs: 20 });
    const first = (await memory.claim([k])).get(k);
    expect(first?.kind).toBe('wait');
    other.kill('SIGKILL');
    await exited(other);
    // No record ever comes: the lease ends and the waiter is told to claim again.
    expect(first?.kind === 'wait' ? await first.done : 'not waiting').toBeUndefined();
    expect((await memory.claim([k])).get(k)?.kind).toBe('mine');
    await memory.close();
  });

  it('a released key is claimed by the next asker at once', async () => {
    const path = join(dir, 'tm.jsonl');
    const k = 'c'.repeat(64);
    const a = await TranslationMemory.open(path);
    const b = await TranslationMemory.open(path, { pollMs: 20 });
    expect((await a.claim([k])).get(k)?.kind).toBe('mine');
    const waiting = (await b.claim([k])).get(k);
    expect(waiting?.kind).toBe('wait');
    await a.release([k]);
    expect(waiting?.kind === 'wait' ? await waiting.done : 'not waiting').toBeUndefined();
    expect((await b.claim([k])).get(k)?.kind).toBe('mine');
    await Promise.all([a.close(), b.close()]);
  });
});

describe('which record a key resolves to', () => {
  it('the last human record, over any machine record written after it', async () => {
    const path = join(dir, 'tm.jsonl');
    const k = 'd'.repeat(64);
    const memory = await TranslationMemory.open(path);
    await memory.append([record(k, { target: 'machine 1' })]);
    await memory.append([record(k, { target: 'human 1', origin: 'human' })]);
    await memory.append([record(k, { target: 'human 2', origin: 'human' })]);
    await memory.append([record(k, { target: 'machine 2', origin: 'machine' })]);
    expect((await memory.lookup(k))?.target).toBe('human 2');
    await memory.close();
    const again = await TranslationMemory.open(path);
    expect((await again.lookup(k))?.target).toBe('human 2');
    await again.close();
  });
});

describe('versio tm compact', () => {
  it('keeps one record per key, the one lookups return, and drops torn lines', async () => {
    const path = join(dir, 'tm.jsonl');
    const memory = await TranslationMemory.open(path);
    await memory.append([record('k1', { target: 'old' }), record('k2'), record('k1', { target: 'new' })]);
    await memory.append([record('k2'), record('k3', { target: 'reviewed', origin: 'human' }), record('k3')]);
    await memory.close();
    writeFileSync(path, `${readFileSync(path, 'utf8')}{"key":"torn`);

    const result = await runMain(['tm', 'compact', '--memory', 'tm.jsonl'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('3 records kept of 7 lines');
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as MemoryRecord).target)).toEqual([
      // In order of each key's last write.
      'new',
      'target k2',
      'reviewed',
    ]);
  });

  it('loses no record of a process appending while it runs', async () => {
    const path = join(dir, 'tm.jsonl');
    const writer = await child(
      `process.stdout.write('ready\\n');
for (let i = 0; i < 60; i++) {
  await memory.append([{ key: 'w' + i, source: 's' + i, target: 't' + i, provider: 'pseudo', sourceLang: 'fr', targetLang: 'en', createdAt: 'now' }, { key: 'same', source: 's', target: 't' + i, provider: 'pseudo', sourceLang: 'fr', targetLang: 'en', createdAt: 'now' }]);
}
await memory.close();`,
      path,
    );
    const done = exited(writer);
    let finished = false;
    void done.then(() => {
      finished = true;
    });
    do {
      const result = await runMain(['tm', 'compact', '--memory', 'tm.jsonl'], { cwd: dir });
      expect([0, 2]).toContain(result.code); // 2 before the writer's first append: no memory yet
    } while (!finished);
    expect(await done).toBe(0);
    const memory = await TranslationMemory.open(path);
    expect(memory.size).toBe(61);
    expect((await memory.lookup('w59'))?.target).toBe('t59');
    expect((await memory.lookup('same'))?.target).toBe('t59');
    await memory.close();
  });
});
