/** Types for deepl-server.js (plain ESM so bench/ can import it without a build). */

export interface DeeplServerOptions {
  /** Keys the server accepts; any other gets 403. Default `['versio-test-key:fx']`. */
  authKeys?: string[];
  /** Token bucket over all requests: refill rate and capacity; excess requests get 429 + Retry-After. */
  rateLimit?: { requestsPerSecond: number; burst: number };
  /** Character quota of each account/session without its own limit (0 or absent: none). */
  characterLimit?: number;
  /**
   * Faults of the session every request without a `mock-server-session` header joins, named as
   * the header suffixes (`{ '429-count': 3, '429-retry-after': 0 }`); its stats are `sessions.server`.
   */
  faults?: Record<string, number>;
  /** Delay before answering each /v2/translate request, in ms (a slow server). */
  latencyMs?: number;
}

/** One /v2/translate request that passed validation, with the status it was answered. */
export interface TranslateRecord {
  /** When the request arrived (ms since the epoch). */
  at?: number;
  session?: string;
  status: number;
  texts: string[];
  targetLang: string;
  sourceLang?: string;
  formality?: string;
  glossaryId?: string;
  tagHandling?: string;
  ignoreTags: string[];
  context?: string;
  showBilledCharacters: boolean;
  userAgent?: string;
}

export interface SessionStats {
  requests: number;
  billedCharacters: number;
  /** Responses by status code, plus `dropped` (connection closed) and `hung` (never answered). */
  statuses: Record<string, number>;
}

export interface DeeplServerStats extends SessionStats {
  sessions: Record<string, SessionStats>;
  translations: TranslateRecord[];
  glossaryCreates: number;
  glossaryDeletes: number;
  /** Largest request body received, in bytes (DeepL allows 128 KiB). */
  largestBodyBytes: number;
}

export interface GlossarySnapshot {
  glossary_id: string;
  name: string;
  source_lang: string;
  target_lang: string;
  creation_time: string;
  ready: boolean;
  entry_count: number;
  entries: Record<string, string>;
}

export interface DeeplServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  stats(): DeeplServerStats;
  /** Glossaries stored for an auth key. */
  glossaries(authKey: string): GlossarySnapshot[];
  close(): Promise<void>;
}

export function startDeeplServer(options?: DeeplServerOptions): Promise<DeeplServer>;
