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
  /**
   * Glossary APIs the server speaks (default both, over one store as DeepL keeps them); requests
   * to the others get 404, as from an older DeepL-compatible server without /v3/glossaries.
   */
  glossaryApis?: Array<'v2' | 'v3'>;
  /** Delay before answering each /v2/translate request, in ms (a slow server). */
  latencyMs?: number;
  /**
   * The first /v2/translate request is answered only once a second one has arrived; if none does
   * within `timeoutMs`, it is answered 400 (the client never overlapped two requests).
   */
  holdFirst?: { timeoutMs: number };
  /** Sliding-log limit over all requests: beyond `rate` accepted in any rolling `windowMs`, 429 + Retry-After. */
  slidingLimit?: { rate: number; windowMs: number };
  /** Every /v2/translate request with a text containing `match` gets 429 with `Retry-After: retryAfter` (seconds). */
  refuse?: { match: string; retryAfter: number };
  /** Date each /v2/translate request by an interval (`after`, `at`) that holds however late it is read. */
  arrivalBounds?: boolean;
}

/** One /v2/translate request that passed validation, with the status it was answered. */
export interface TranslateRecord {
  session?: string;
  /** When the server read the request (ms since it started): it arrived then or before. */
  at: number;
  /** With `arrivalBounds`: it arrived after this (ms since the server started). */
  after?: number;
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
  /** Glossaries created and deleted, through either API. */
  glossaryCreates: number;
  glossaryDeletes: number;
  /** Requests to /v2/glossaries… and /v3/glossaries… (answered or not). */
  glossaryRequests: { v2: number; v3: number };
  /** Largest request body received, in bytes (DeepL allows 128 KiB). */
  largestBodyBytes: number;
  /** Arrival of every request, in ms since the server started. */
  arrivals: number[];
  /** Most requests open at once. */
  peakInFlight: number;
  /** Requests that arrived before a Retry-After this server had sent had passed. */
  early: number;
}

/** A glossary as GET /v2/glossaries/{id} shows it (its first dictionary), plus all its dictionaries. */
export interface GlossarySnapshot {
  glossary_id: string;
  name: string;
  source_lang: string;
  target_lang: string;
  creation_time: string;
  ready: boolean;
  entry_count: number;
  /** Entries of the first dictionary. */
  entries: Record<string, string>;
  /** The API that created it. */
  api: 'v2' | 'v3';
  dictionaries: Array<{
    source_lang: string;
    target_lang: string;
    entry_count: number;
    entries: Record<string, string>;
  }>;
}

export interface DeeplServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  stats(): DeeplServerStats;
  /** Glossaries stored for an auth key. */
  glossaries(authKey: string): GlossarySnapshot[];
  /** Moves a glossary's creation time `days` into the past (for `glossary prune --older-than`). */
  backdateGlossary(authKey: string, glossaryId: string, days: number): void;
  close(): Promise<void>;
}

export function startDeeplServer(options?: DeeplServerOptions): Promise<DeeplServer>;

/** Most /v2/translate requests certainly inside one rolling window of `windowMs` (see `arrivalBounds`). */
export function mostInOneWindow(records: readonly { at: number; after?: number }[], windowMs: number): number;
