import { afterEach, beforeEach } from 'vitest';
import type { PacingOverrides } from '../../src/providers/provider.js';
import { type DeeplServer, startDeeplServer } from './deepl-server.js';

/** The key the test server accepts (a free-plan key: it ends in :fx). */
export const KEY = 'versio-test-key:fx';

/** Real retries with millisecond backoff, so tests count outcomes without waiting (ProviderOptions.overrides). */
export const FAST: Required<PacingOverrides> = {
  pacing: { concurrency: 1, rate: Number.POSITIVE_INFINITY, windowMs: 1000 },
  retry: { maxAttempts: 5, baseDelayMs: 1, maxDelayMs: 5 },
};

/** A fresh DeepL-compatible server on 127.0.0.1 for every test of the file. */
export function useDeeplServer(): () => DeeplServer {
  let server: DeeplServer | undefined;
  beforeEach(async () => {
    server = await startDeeplServer({ authKeys: [KEY] });
  });
  afterEach(async () => {
    await server?.close();
  });
  return () => {
    if (!server) throw new Error('the DeepL test server is not running');
    return server;
  };
}
