/** Types for deepl-server-process.js (plain ESM so bench/ can import it without a build). */
import type { DeeplServerOptions, DeeplServerStats } from './deepl-server.js';

export interface DeeplServerProcess {
  /** `http://127.0.0.1:<port>` */
  url: string;
  stats(): Promise<DeeplServerStats>;
  /** Stops the server and waits for its process to exit. */
  close(): Promise<void>;
}

export function startDeeplServerProcess(options?: DeeplServerOptions): Promise<DeeplServerProcess>;
