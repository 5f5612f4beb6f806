/**
 * `versio translate` handed to a running engine server (`versio engine start`, providers/apertium/
 * engine-server.ts). The server runs the command as this process would — the same code, this
 * working directory and environment, its output streamed back here — with its modules loaded and
 * compiled and its Apertium pipelines warm, so the run costs what the work costs rather than
 * starting Node's module loader and Apertium's dictionaries again.
 *
 * Nothing changes without a server, with VERSIO_ENGINE=local, or with a server of another build of
 * Versio: the command runs here. If the server goes away mid-run, the run is finished here; the
 * translation memory already holds every sentence it translated, so nothing is translated twice.
 */
import net from 'node:net';
import {
  encodeMessage,
  isOwnSocket,
  messageReader,
  type Reply,
  socketPath,
} from '../providers/apertium/engine-protocol.js';
import { buildStamp } from './build.js';

/** The exit code of the run on the server, or undefined when this process must run it itself. */
export async function translateOnEngine(args: readonly string[]): Promise<number | undefined> {
  const env = process.env;
  if (env.VERSIO_ENGINE === 'local') return undefined;
  const socket = socketPath(env);
  if (!(await isOwnSocket(socket))) return undefined;
  const build = await buildStamp();
  if (build === undefined) return undefined;
  const connection = await new Promise<net.Socket | undefined>((resolve) => {
    const attempt = net.connect(socket);
    attempt.once('connect', () => resolve(attempt));
    attempt.once('error', () => resolve(undefined));
  });
  if (!connection) return undefined;

  return new Promise((resolve) => {
    let done = false;
    let interrupts = 0;
    const onSignal = () => {
      interrupts += 1;
      // A second Ctrl-C leaves at once, as a local run does.
      if (interrupts > 1) process.exit(130);
      connection.write(encodeMessage({ op: 'cancel', id: 1 }));
    };
    const finish = (code: number | undefined) => {
      if (done) return;
      done = true;
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      connection.destroy();
      resolve(code);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    connection.on(
      'data',
      messageReader((message) => {
        const reply = message as Reply;
        if ('out' in reply) process.stdout.write(reply.out);
        else if ('err' in reply) process.stderr.write(reply.err);
        else if ('code' in reply) finish(reply.code);
        else if ('refused' in reply) finish(undefined);
      }),
    );
    connection.on('error', () => {});
    connection.on('close', () => {
      // Closed before the exit code (and not refused): the server stopped while running it.
      if (!done)
        process.stderr.write('versio: the engine server stopped during the run; finishing it here\n');
      finish(undefined);
    });
    connection.write(
      encodeMessage({
        op: 'run',
        id: 1,
        argv: [...args],
        cwd: process.cwd(),
        env: Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined)),
        tty: { stdout: Boolean(process.stdout.isTTY), stderr: Boolean(process.stderr.isTTY) },
        build,
      }),
    );
  });
}
