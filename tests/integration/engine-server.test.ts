/**
 * The engine server (`versio engine`, src/providers/apertium/engine-server.ts) with real Apertium:
 * runs through it write what runs on their own pipelines write, byte for byte; it keeps its
 * pipelines loaded between runs, replaces one that dies, starts fresh ones when their files change,
 * and a run whose server goes away finishes on pipelines of its own. The suite runs with
 * VERSIO_ENGINE=local (global-setup.ts); these tests point each run at a server of their own.
 */
import { spawn } from 'node:child_process';
import { readFileSync, utimesSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EngineConnection } from '../../src/providers/apertium/engine-client.js';
import type { EngineStatus } from '../../src/providers/apertium/engine-protocol.js';
import { type EngineServer, startEngineServer } from '../../src/providers/apertium/engine-server.js';
import { put, snapshot } from '../robustness/support.js';
import { FAULT_STAGE, FAULT_TRIGGER, installationWithExtraStage } from '../support/apertium-extra-stage.js';
import { binPath, repoRoot, runBin, runMain, seedArticle, tempDir } from '../support/cli.js';

const dir = tempDir('versio-engine-');
afterAll(() => dir.cleanup());

let servers: EngineServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

let count = 0;
async function serve(idleTimeoutMs = 0): Promise<{ server: EngineServer; socket: string }> {
  count += 1;
  const socket = join(dir.path, `engine-${count}.sock`);
  const server = await startEngineServer({ socket, idleTimeoutMs, processes: 2, env: process.env });
  servers.push(server);
  return { server, socket };
}

/** `versio translate` of `files` into `out`, through the server on `socket` (none: its own pipelines). */
function translate(files: string[], out: string, socket: string | undefined, env: NodeJS.ProcessEnv = {}) {
  return runMain(
    [
      'translate',
      ...files,
      '--glossary',
      join(repoRoot, 'glossary/versio.glossary.yaml'),
      '--out',
      out,
      '--memory',
      `${out}.memory.jsonl`,
      '--quiet',
    ],
    {
      env: socket
        ? { ...env, VERSIO_ENGINE: '', VERSIO_ENGINE_SOCKET: socket }
        : { ...env, VERSIO_ENGINE: 'local' },
    },
  );
}

/** The translated files of a run (its memory is beside them: its records carry times). */
const outputs = (out: string) => snapshot(out);

const startedBy = (status: EngineStatus) => status.pipelines.map((p) => p.started).reduce((a, b) => a + b, 0);

let reference: Map<string, string>;
beforeAll(async () => {
  const out = join(dir.path, 'reference');
  const result = await translate([seedArticle], out, undefined);
  expect(result.code, result.stderr).toBe(0);
  reference = outputs(out);
});

describe('versio translate through the engine server', () => {
  it('writes what a run on its own pipelines writes, and a second run loads nothing', async () => {
    const { server, socket } = await serve();
    const first = join(dir.path, 'first');
    const result = await translate([seedArticle], first, socket);
    expect(result.code, result.stderr).toBe(0);
    expect(outputs(first)).toEqual(reference);
    const loaded = server.status();
    // The main pipeline at least went through the server (the repair's chains too when it had words).
    expect(loaded.pipelines.some((p) => p.first.includes('fr-es.automorf.bin'))).toBe(true);
    const second = join(dir.path, 'second');
    expect((await translate([seedArticle], second, socket)).code).toBe(0);
    expect(outputs(second)).toEqual(reference);
    expect(startedBy(server.status())).toBe(startedBy(loaded));
  });

  it('two runs at once share its pipelines: the main one per core, each repair chain once', async () => {
    const { server, socket } = await serve();
    const cache = (name: string) => ({ VERSIO_CACHE_DIR: join(dir.path, `${name}-cache`) });
    const [a, b] = await Promise.all([
      translate([seedArticle], join(dir.path, 'together-a'), socket, cache('together-a')),
      translate([seedArticle], join(dir.path, 'together-b'), socket, cache('together-b')),
    ]);
    expect([a.code, b.code], a.stderr + b.stderr).toEqual([0, 0]);
    expect(outputs(join(dir.path, 'together-a'))).toEqual(reference);
    expect(outputs(join(dir.path, 'together-b'))).toEqual(reference);
    const pipelines = server.status().pipelines;
    const chains = pipelines.filter((p) => !p.first.includes('fr-es.automorf.bin'));
    // Empty caches: both runs asked the chains (es→fr, fr→eo→en, fr→ca→en), one pipeline each served them.
    expect(chains.length).toBeGreaterThanOrEqual(3);
    for (const chain of chains) expect(chain.started, chain.first).toBe(1);
  });

  it('answers a request it does not understand instead of leaving its client waiting', async () => {
    const { socket } = await serve();
    const client = net.connect(socket);
    const reply = new Promise<string>((resolve) => client.once('data', (chunk) => resolve(String(chunk))));
    client.write(`${JSON.stringify({ op: 'exchange', id: 7, stages: [['lt-proc']] })}\n`);
    expect(JSON.parse(await reply)).toMatchObject({
      id: 7,
      error: expect.stringMatching(/unsupported request/),
    });
    client.destroy();
  });

  it('a server speaking another protocol is not used: the run uses its own pipelines', async () => {
    // It answers status (protocol 999) and nothing else: a run that sent it records would hang.
    const socket = join(dir.path, 'other-protocol.sock');
    const other = net.createServer((connection) =>
      connection.on('data', (chunk) => {
        for (const line of String(chunk).split('\n').filter(Boolean)) {
          const { id, op } = JSON.parse(line) as { id: number; op: string };
          if (op === 'status') connection.write(`${JSON.stringify({ id, status: { protocol: 999 } })}\n`);
        }
      }),
    );
    await new Promise<void>((resolve) => other.listen(socket, resolve));
    try {
      const out = join(dir.path, 'other-protocol');
      const result = await translate([seedArticle], out, socket);
      expect(result.code, result.stderr).toBe(0);
      expect(outputs(out)).toEqual(reference);
    } finally {
      other.close();
    }
  });

  it('a server of another build of Versio runs no command: the client runs it itself', async () => {
    let ran = false;
    count += 1;
    const socket = join(dir.path, `engine-${count}.sock`);
    const server = await startEngineServer({
      socket,
      idleTimeoutMs: 0,
      processes: 2,
      env: process.env,
      commands: {
        run: async () => {
          ran = true;
          return 0;
        },
        build: 'an older build',
      },
    });
    servers.push(server);
    const out = join(dir.path, 'other-build');
    const result = await runBin(
      ['translate', seedArticle, '--out', out, '--memory', `${out}.memory.jsonl`, '--quiet'],
      {
        env: { VERSIO_ENGINE: '', VERSIO_ENGINE_SOCKET: socket },
      },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(ran).toBe(false);
    expect(outputs(out)).toEqual(reference);
    expect(server.status().runs).toBe(0);
  });

  it('a socket nobody answers on, or another user’s, is ignored: the run uses its own pipelines', async () => {
    const stale = put(dir.path, 'stale.sock', '');
    const out = join(dir.path, 'stale');
    expect((await translate([seedArticle], out, stale)).code).toBe(0);
    expect(outputs(out)).toEqual(reference);

    // A listening socket that belongs to someone else (as one in a shared /tmp could).
    const foreign = join(dir.path, 'foreign.sock');
    const impostor = net.createServer((c) => c.end());
    await new Promise<void>((resolve) => impostor.listen(foreign, resolve));
    try {
      const { chownSync } = await import('node:fs');
      chownSync(foreign, 65534, 65534);
      expect(await EngineConnection.connect(foreign)).toBeUndefined();
    } finally {
      impostor.close();
    }
  });
});

// The fr-es mode of a copy of the installation gets one more stage that kills itself or stalls on a
// trigger word (tests/support/apertium-extra-stage.ts): in a pipeline the server runs, with the
// run's own variables (VERSIO_FAULT reaches it).
let engine: string;
let faultEnv: NodeJS.ProcessEnv;
let article: string;
let faultReference: Map<string, string>;

beforeAll(async () => {
  engine = join(dir.path, 'fault-engine');
  faultEnv = installationWithExtraStage(engine, FAULT_STAGE);
  article = put(
    dir.path,
    'fault.fr.txt',
    `Le maire a rencontré ${FAULT_TRIGGER} mardi.\nLa séance a duré six heures.\n`,
  );
  const out = join(dir.path, 'fault-reference');
  const result = await translate([article], out, undefined, faultEnv);
  expect(result.code, result.stderr).toBe(0);
  faultReference = outputs(out);
});

describe('faults on the server side', () => {
  it('a pipeline that dies in the server is replaced, and the batch retried on the new one', async () => {
    const { server, socket } = await serve();
    const once = join(dir.path, 'killed-once');
    const out = join(dir.path, 'killed');
    const result = await translate([article], out, socket, {
      ...faultEnv,
      VERSIO_FAULT: 'kill',
      VERSIO_FAULT_ONCE: once,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(once, 'utf8')).toBe(''); // the fault did fire
    expect(outputs(out)).toEqual(faultReference);
    const main = server.status().pipelines.find((p) => p.first.includes('fr-es.automorf.bin'));
    expect(main?.started).toBe(2);
  });

  it('a server that goes away mid-run: the run finishes on pipelines of its own, same English', async () => {
    const { server, socket } = await serve();
    const out = join(dir.path, 'gone');
    const once = join(dir.path, 'stalled-once');
    const running = translate([article], out, socket, {
      ...faultEnv,
      VERSIO_FAULT: 'stall',
      VERSIO_FAULT_ONCE: once,
    });
    // Once the batch stalls in the server's pipeline, the server stops (a crash would look the same).
    for (let i = 0; i < 200 && !(await exists(once)); i++) await new Promise((r) => setTimeout(r, 50));
    await server.close();
    const result = await running;
    expect(result.code, result.stderr).toBe(0);
    expect(outputs(out)).toEqual(faultReference);
  });

  it('pipelines whose files changed are retired: the next run gets fresh ones', async () => {
    const { server, socket } = await serve();
    const run = async (name: string) => {
      const out = join(dir.path, name);
      const result = await translate([article], out, socket, faultEnv);
      expect(result.code, result.stderr).toBe(0);
      expect(outputs(out)).toEqual(faultReference);
    };
    const mainStarted = () =>
      server.status().pipelines.find((p) => p.first.includes('fr-es.automorf.bin'))?.started ?? 0;
    await run('before-change');
    expect(mainStarted()).toBe(1);
    await run('unchanged');
    expect(mainStarted()).toBe(1);
    // As an upgrade rewrites a stage's file.
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(engine, 'fault'), later, later);
    await run('after-change');
    expect(mainStarted()).toBe(2);
    expect(server.status().pipelines.filter((p) => p.first.includes('fr-es.automorf.bin'))).toHaveLength(1);
  });
});

async function exists(path: string): Promise<boolean> {
  const { access } = await import('node:fs/promises');
  return access(path).then(
    () => true,
    () => false,
  );
}

describe('versio engine start | status | stop (the built CLI)', () => {
  const cache = join(dir.path, 'cli-cache');
  const env = { VERSIO_CACHE_DIR: cache, VERSIO_ENGINE: '' };
  afterEach(async () => {
    await runBin(['engine', 'stop'], { env });
  });

  it('starts in the background, serves translate, reports what it holds, stops', async () => {
    expect((await runBin(['engine', 'status'], { env })).code).toBe(1);
    const started = await runBin(['engine', 'start'], { env });
    expect(started.code, started.stderr).toBe(0);
    expect(started.stdout).toMatch(
      /^engine server started \(pid \d+\) on .*engine\.sock; stops after 30 min idle/,
    );
    // A second start finds it.
    expect((await runBin(['engine', 'start'], { env })).stdout).toMatch(/already running/);

    const out = join(dir.path, 'cli-run');
    const run = await runBin(
      ['translate', seedArticle, '--out', out, '--memory', `${out}.memory.jsonl`, '--quiet'],
      { env },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(outputs(out)).toEqual(reference);
    const status = await runBin(['engine', 'status', '--json'], { env });
    expect(status.code).toBe(0);
    const held = JSON.parse(status.stdout) as EngineStatus;
    // The translation ran in the server (the client of the same build hands it over), on its pipelines.
    expect(held.runs).toBe(1);
    expect(held.pipelines.some((p) => p.first.includes('fr-es.automorf.bin') && p.running === 1)).toBe(true);

    const stopped = await runBin(['engine', 'stop'], { env });
    expect(stopped.stdout).toMatch(new RegExp(`^engine server stopped \\(pid ${held.pid}\\)`));
    expect(await exists(held.socket)).toBe(false);
    expect((await runBin(['engine', 'status'], { env })).stdout).toBe('no engine server running\n');
  });

  it('a translation handed to the server prints and exits as one run here', async () => {
    expect((await runBin(['engine', 'start'], { env })).code).toBe(0);
    const here = { ...env, VERSIO_ENGINE: 'local' };
    // A refusal: same message, same code.
    const missing = ['translate', join(dir.path, 'no-such.fr.txt')];
    const [local, served] = [await runBin(missing, { env: here }), await runBin(missing, { env })];
    expect(served).toEqual(local);
    expect(local.code).toBe(2);
    // A translation: same summary (each names its own output directory), same files.
    const run = (name: string, runEnv: NodeJS.ProcessEnv) => {
      const out = join(dir.path, name);
      return runBin(['translate', seedArticle, '--out', out, '--memory', `${out}.memory.jsonl`], {
        env: runEnv,
      });
    };
    const a = await run('said-here', here);
    const b = await run('said-there', env);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stdout.replaceAll('said-there', 'said-here')).toBe(a.stdout);
    expect(b.stderr.replaceAll('said-there', 'said-here')).toBe(a.stderr);
    expect(outputs(join(dir.path, 'said-there'))).toEqual(outputs(join(dir.path, 'said-here')));
    const status = JSON.parse((await runBin(['engine', 'status', '--json'], { env })).stdout) as EngineStatus;
    expect(status.runs).toBe(2);
  });

  it('Ctrl-C during a translation on the server interrupts it there (exit 130); the server serves on', async () => {
    expect((await runBin(['engine', 'start'], { env })).code).toBe(0);
    const once = join(dir.path, 'interrupted-once');
    const out = join(dir.path, 'interrupted');
    const child = spawn(
      process.execPath,
      [binPath, 'translate', article, '--no-glossary', '--out', out, '--memory', `${out}.memory.jsonl`],
      { env: { ...process.env, ...env, ...faultEnv, VERSIO_FAULT: 'stall', VERSIO_FAULT_ONCE: once } },
    );
    const stderr: Buffer[] = [];
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    for (let i = 0; i < 200 && !(await exists(once)); i++) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(Buffer.concat(stderr).toString()).toMatch(/^versio: interrupted/m);
    const after = await runBin(
      ['translate', article, '--no-glossary', '--out', out, '--memory', `${out}.memory.jsonl`],
      {
        env: { ...env, ...faultEnv },
      },
    );
    expect(after.code, after.stderr).toBe(0);
    // Both ran in the server: the interrupted one and the one after.
    const status = JSON.parse((await runBin(['engine', 'status', '--json'], { env })).stdout) as EngineStatus;
    expect(status.runs).toBe(2);
  });

  it('stopped during a translation it runs: the client finishes it, same files', async () => {
    expect((await runBin(['engine', 'start'], { env })).code).toBe(0);
    const once = join(dir.path, 'stopped-once');
    const out = join(dir.path, 'stopped-mid-run');
    const glossary = join(repoRoot, 'glossary/versio.glossary.yaml');
    const args = [
      'translate',
      article,
      '--glossary',
      glossary,
      '--out',
      out,
      '--memory',
      `${out}.memory.jsonl`,
      '--quiet',
    ];
    const running = runBin(args, {
      env: { ...env, ...faultEnv, VERSIO_FAULT: 'stall', VERSIO_FAULT_ONCE: once },
    });
    for (let i = 0; i < 200 && !(await exists(once)); i++) await new Promise((r) => setTimeout(r, 50));
    const stopped = await runBin(['engine', 'stop'], { env });
    expect(stopped.stdout).toMatch(/^engine server stopped/);
    const result = await running;
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('versio: the engine server stopped during the run; finishing it here\n');
    expect(outputs(out)).toEqual(faultReference);
  });

  it('stops on its own after the idle timeout', async () => {
    const started = await runBin(['engine', 'start', '--idle-timeout', '0.02'], { env });
    expect(started.code, started.stderr).toBe(0);
    let code = 0;
    for (let i = 0; i < 100 && code === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      code = (await runBin(['engine', 'status'], { env })).code;
    }
    expect(code).toBe(1);
  });
});
