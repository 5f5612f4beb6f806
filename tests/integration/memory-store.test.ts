import { type ChildProcess, spawn } from 'node:child_process';
import { appendFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import type { MemoryRecord } from '../../src/memory/record.js';
import { TranslationMemory } from '../../src/memory/store.js';

let dir: string;
let childScript: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'versio-memory-'));
  childScript = await buildAppender(join(dir, 'build'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let counter = 0;
function memoryPath(): string {
  counter++;
  return join(dir, `case-${counter}`, '.versio', 'memory.jsonl');
}

function record(n: number, overrides: Partial<MemoryRecord> = {}): MemoryRecord {
  return {
    key: `key-${n}`,
    source: `Phrase numéro ${n}.`,
    target: `Sentence number ${n}.`,
    provider: 'apertium',
    sourceLang: 'fr',
    targetLang: 'en',
    createdAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

describe('TranslationMemory', () => {
  it('opens a missing file as an empty memory and creates its directory', async () => {
    const path = memoryPath();
    const memory = await TranslationMemory.open(path);
    expect(memory.size).toBe(0);
    await memory.append([record(1)]);
    await memory.close();
    expect((await readFile(path, 'utf8')).split('\n')).toHaveLength(2);
  });

  it('finds appended records after reopening; later records win', async () => {
    const path = memoryPath();
    const first = await TranslationMemory.open(path);
    await first.append([record(1), record(2)]);
    await first.append([record(1, { target: 'Corrected sentence.' })]);
    expect((await first.lookup('key-1'))?.target).toBe('Corrected sentence.');
    await first.close();
    const again = await TranslationMemory.open(path);
    expect(again.size).toBe(2);
    expect((await again.lookup('key-1'))?.target).toBe('Corrected sentence.');
    expect(await again.lookup('key-2')).toEqual(record(2));
    expect(await again.lookup('key-3')).toBeUndefined();
    expect((await collect(again)).map((r) => r.key)).toEqual(['key-2', 'key-1']);
    await again.close();
  });

  it('keeps every record of appends started together in one process', async () => {
    const path = memoryPath();
    const memory = await TranslationMemory.open(path);
    await Promise.all(Array.from({ length: 20 }, (_, n) => memory.append([record(n)])));
    await memory.close();
    const reopened = await TranslationMemory.open(path);
    expect(reopened.size).toBe(20);
    expect(reopened.tornLines).toEqual([]);
    await reopened.close();
  });

  it('reports a memory it cannot append to, naming the path', async () => {
    const path = memoryPath();
    const memory = await TranslationMemory.open(path);
    // Something else takes the path between open and the first append.
    await mkdir(path);
    await expect(memory.append([record(1)])).rejects.toThrow(
      `cannot append to the translation memory ${path}: the path is a directory`,
    );
    expect(await memory.lookup('key-1')).toBeUndefined();
    await memory.close();
  });

  it('stores only the record fields: nothing else a caller spreads in reaches the file', async () => {
    const path = memoryPath();
    const memory = await TranslationMemory.open(path);
    const leaky = {
      ...record(1, { billedCharacters: 17 }),
      authKey: 'secret-key-123:fx',
      serverUrl: 'http://x',
    };
    await memory.append([leaky]);
    await memory.close();
    const text = await readFile(path, 'utf8');
    expect(text).not.toContain('secret-key-123');
    expect(Object.keys(JSON.parse(text))).toEqual([
      'key',
      'source',
      'target',
      'provider',
      'sourceLang',
      'targetLang',
      'createdAt',
      'billedCharacters',
    ]);
  });

  it('ignores a torn last line and starts the next append on a fresh line', async () => {
    const path = memoryPath();
    const memory = await TranslationMemory.open(path);
    await memory.append([record(1)]);
    await memory.close();
    const line = JSON.stringify(record(2));
    await appendFile(path, line.slice(0, line.length / 2));

    const torn = await TranslationMemory.open(path);
    expect(torn.size).toBe(1);
    expect(torn.tornLines).toEqual([2]);
    await torn.append([record(3)]);
    await torn.close();

    const reopened = await TranslationMemory.open(path);
    expect((await collect(reopened)).map((r) => r.key)).toEqual(['key-1', 'key-3']);
    expect(reopened.tornLines).toEqual([2]);
    await reopened.close();
  });

  it('refuses a well-formed line that is not a record, naming file and line', async () => {
    const path = memoryPath();
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, `${JSON.stringify(record(1))}\n${JSON.stringify({ key: 'x', source: 'y' })}\n`);
    const opening = TranslationMemory.open(path);
    await expect(opening).rejects.toBeInstanceOf(InputError);
    await expect(opening).rejects.toThrow(
      `${path}:2: not a translation-memory record: field "target" is missing`,
    );
  });

  it('keeps every acknowledged record when the appending process is killed with SIGKILL', async () => {
    const path = memoryPath();
    const child = startAppender(path, 'a', 1_000_000);
    const acked = await ackedBatches(child, 30);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    const memory = await TranslationMemory.open(path);
    for (let batch = 0; batch < acked; batch++) {
      for (let i = 0; i < BATCH; i++)
        expect((await memory.lookup(`a-${batch}-${i}`))?.target).toBe(`target a ${batch} ${i}`);
    }
    expect(memory.tornLines.length).toBeLessThanOrEqual(1);
    // Whatever the kill left, the next append lands on a line of its own.
    await memory.append([record(1)]);
    await memory.close();
    const reopened = await TranslationMemory.open(path);
    expect(await reopened.lookup('key-1')).toEqual(record(1));
    expect(reopened.size).toBe(memory.size);
    await reopened.close();
  });

  it('keeps every record of two processes appending to one memory at once', async () => {
    const path = memoryPath();
    const batches = 40;
    const children = [startAppender(path, 'a', batches), startAppender(path, 'b', batches)];
    const codes = await Promise.all(children.map((c) => new Promise((resolve) => c.once('exit', resolve))));
    expect(codes).toEqual([0, 0]);
    const memory = await TranslationMemory.open(path);
    expect(memory.tornLines).toEqual([]);
    expect(memory.size).toBe(2 * batches * BATCH);
    expect((await memory.lookup(`b-${batches - 1}-${BATCH - 1}`))?.target).toBe(
      `target b ${batches - 1} ${BATCH - 1}`,
    );
    await memory.close();
  });
});

async function collect(memory: TranslationMemory): Promise<MemoryRecord[]> {
  const records: MemoryRecord[] = [];
  for await (const record of memory.iterate()) records.push(record);
  return records;
}

/** Records per batch in the child, each with a long source so a batch is one large write. */
const BATCH = 50;

/**
 * A real process appending with the real store (the built one in dist/, which the test
 * set-up builds), printing `acked <n>` once each append has resolved.
 */
async function buildAppender(out: string): Promise<string> {
  const store = pathToFileURL(join(import.meta.dirname, '../../dist/memory/store.js')).href;
  await mkdir(out, { recursive: true });
  const script = join(out, 'appender.mjs');
  await writeFile(
    script,
    `import { TranslationMemory } from ${JSON.stringify(store)};
const [path, tag, count] = process.argv.slice(2);
const memory = await TranslationMemory.open(path);
const padding = 'x'.repeat(2000);
for (let batch = 0; batch < Number(count); batch++) {
  const records = [];
  for (let i = 0; i < ${BATCH}; i++) {
    records.push({ key: tag + '-' + batch + '-' + i, source: padding + batch, target: 'target ' + tag + ' ' + batch + ' ' + i,
      provider: 'pseudo', sourceLang: 'fr', targetLang: 'en', createdAt: new Date().toISOString() });
  }
  await memory.append(records);
  process.stdout.write('acked ' + (batch + 1) + '\\n');
}
await memory.close();
`,
  );
  return script;
}

function startAppender(path: string, tag: string, batches: number): ChildProcess {
  return spawn(process.execPath, [childScript, path, tag, String(batches)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

/** Resolves with the number of acknowledged batches once at least `atLeast` are. */
function ackedBatches(child: ChildProcess, atLeast: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let acked = 0;
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) acked = Number(line.replace('acked ', ''));
      if (acked >= atLeast) {
        child.stdout?.removeAllListeners('data');
        resolve(acked);
      }
    });
    child.once('exit', (code) => reject(new Error(`appender exited (${code}) after ${acked} batches`)));
  });
}
