/** Types for libretranslate-server.js (plain ESM so bench/ can import it without a build). */

export interface LibretranslateFault {
  kind: '429' | '500' | 'malformed' | 'hang';
  retryAfter?: number;
}

export interface LibretranslateServerOptions {
  /** Keys the server knows; an unknown key gets 403. */
  apiKeys?: string[];
  /** With apiKeys: a request without a key gets LibreTranslate's 400 "contact the operator". */
  requireKey?: boolean;
  /** --batch-limit: most texts in one `q` array. */
  batchLimit?: number;
  /** --char-limit: most characters in one text. */
  charLimit?: number;
  /** --req-limit: texts per rolling minute (a batch costs one per text). */
  reqLimitPerMinute?: number;
  faults?: LibretranslateFault[];
  latencyMs?: number;
}

export interface LibretranslateServer {
  url: string;
  stats: {
    requests: number;
    texts: number;
    inFlight: number;
    peakInFlight: number;
    statuses: Record<string, number>;
  };
  requests: { q: string[]; format: string; source: string; target: string; status: number }[];
  close(): Promise<void>;
}

export function startLibretranslateServer(
  options?: LibretranslateServerOptions,
): Promise<LibretranslateServer>;
