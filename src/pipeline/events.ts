/** Progress is data: the pipeline emits these, only the CLI's reporter prints them. */
export type PipelineEvent =
  | { type: 'document-start'; path: string; segments: number; fromMemory: number; toTranslate: number }
  | {
      type: 'segment-done';
      path: string;
      id: string;
      from: 'memory' | 'engine';
      /** In the memory now: false for an engine answer kept out of it (untrusted), which a rerun asks again. */
      remembered: boolean;
    }
  | { type: 'batch-retry'; ids: string[]; attempt: number; delayMs: number; reason: string }
  | { type: 'document-done'; summary: DocumentSummary };

export interface EntityCounts {
  /** Glossary spans found in the source. */
  matched: number;
  /** Spans hidden from the engine behind placeholders. */
  protected: number;
  /** Spans whose English form is in the final target. */
  verified: number;
}

export interface DocumentSummary {
  path: string;
  segments: number;
  fromMemory: number;
  translated: number;
  /** Reviewed targets kept from the article's existing XLIFF (human work, never re-translated). */
  keptFromReview: number;
  /** Untouched machine targets reused from the existing XLIFF (same source, engine and glossary). */
  reused: number;
  needsReview: number;
  entities: EntityCounts;
  /** Characters sent to the engine (after the memory). */
  characters: number;
  billedCharacters: number;
  /** Tokens counted by a chat model (with `--dry-run`: estimated), when the engine bills by token. */
  tokens?: { prompt: number; completion: number };
  requests: number;
  outputs: string[];
}
