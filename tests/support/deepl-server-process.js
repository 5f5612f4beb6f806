// @ts-check
/**
 * The DeepL-compatible server (deepl-server.js) in a process of its own, for tests and benches
 * that count arrivals while other processes load the machine: in the test's own process it would
 * read requests only when the test's event loop lets it. Options and stats are those of
 * `startDeeplServer`; stats come over IPC, so `stats()` is async.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startDeeplServer } from './deepl-server.js';

const self = fileURLToPath(import.meta.url);

/**
 * @param {import('./deepl-server.js').DeeplServerOptions} [options]
 * @returns {Promise<import('./deepl-server-process.js').DeeplServerProcess>}
 */
export async function startDeeplServerProcess(options = {}) {
  const child = fork(self, [JSON.stringify(options)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  /** @type {Map<number, (stats: any) => void>} */
  const waiting = new Map();
  let asked = 0;
  const url = await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`deepl-server process exited with ${code}`)));
    child.on('message', (/** @type {any} */ message) => {
      if (message.url) resolve(message.url);
      waiting.get(message.id)?.(message.stats);
      waiting.delete(message.id);
    });
  });
  return {
    url,
    stats: () =>
      new Promise((resolve) => {
        asked += 1;
        waiting.set(asked, resolve);
        child.send({ id: asked });
      }),
    close: async () => {
      if (child.connected) child.disconnect();
      await exited;
    },
  };
}

if (process.argv[1] === self && process.send) {
  const server = await startDeeplServer(JSON.parse(process.argv[2] ?? '{}'));
  process.on('message', (/** @type {any} */ message) =>
    process.send?.({ id: message.id, stats: server.stats() }),
  );
  // The parent closed the channel or died: no one reads the stats any more.
  process.once('disconnect', () => void server.close().finally(() => process.exit(0)));
  process.send({ url: server.url });
}
