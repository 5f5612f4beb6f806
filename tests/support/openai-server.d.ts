/** Types for openai-server.js (plain ESM so bench/ can import it without a build). */

export interface OpenaiFault {
  kind:
    | 'none'
    | '429'
    | 'quota'
    | '500'
    | '503'
    | 'malformed'
    | 'truncated'
    | 'drop-id'
    | 'drop-placeholder'
    | 'hang';
  retryAfter?: number;
}

export interface OpenaiServerOptions {
  /** JSON modes the server supports; others are refused as llama.cpp/vLLM refuse them. Default both. */
  jsonModes?: ('json_schema' | 'json_object')[];
  /** Status of that refusal (500 as older llama-server, 400 as vLLM). */
  refusalStatus?: number;
  /** Bearer keys accepted; absent: any (a local server). */
  apiKeys?: string[];
  faults?: OpenaiFault[];
  /** Segment ids whose placeholders are dropped on every request. */
  dropPlaceholderAlways?: string[];
  /** Sliding-window limit over chat requests; excess gets 429 with retry-after-ms. */
  rateLimit?: { requests: number; windowMs: number };
  latencyMs?: number;
}

export interface ChatRecord {
  model: string;
  /** response_format type sent (`text` when none). */
  format: string;
  segments: { id: string; text: string }[];
  glossary: { french: string; english: string; forbidden?: string[] }[];
  context?: string;
  status: number;
}

export interface OpenaiServer {
  /** Base URL, ending in /v1 (what OPENAI_BASE_URL takes). */
  url: string;
  stats: { requests: number; inFlight: number; peakInFlight: number; statuses: Record<string, number> };
  chats: ChatRecord[];
  starts: number[];
  close(): Promise<void>;
}

export function startOpenaiServer(options?: OpenaiServerOptions): Promise<OpenaiServer>;
