/**
 * One translation-memory record, as stored (one JSON line each). Only these fields are ever
 * written: no provider option, URL or key reaches the memory file.
 */
export interface MemoryRecord {
  /** `memoryKey()` of the parts that produced the target. */
  key: string;
  source: string;
  target: string;
  /** Engine name; `tmx` or `tmx:<engine>` for units imported from a TMX file (see import.ts). */
  provider: string;
  sourceLang: string;
  targetLang: string;
  /** Characters the engine billed for this segment, when it reports them. */
  billedCharacters?: number;
  /** Tokens a chat model counted for this segment (its share of the batch, by source length). */
  promptTokens?: number;
  completionTokens?: number;
  /** ISO 8601 timestamp. */
  createdAt: string;
  /**
   * Who wrote the target: an engine (`machine`, the default when absent), a reviewer (`human`)
   * or a TMX import. For one key, the last human record wins over machine ones.
   */
  origin?: RecordOrigin;
}

export type RecordOrigin = 'machine' | 'human' | 'imported';
const ORIGINS: readonly string[] = ['machine', 'human', 'imported'];

const STRING_FIELDS = [
  'key',
  'source',
  'target',
  'provider',
  'sourceLang',
  'targetLang',
  'createdAt',
] as const;

/**
 * A copy holding exactly the record fields, in a fixed order. Extra properties of the value
 * (whatever a caller spread into it) are dropped; a missing or mistyped field is a bug
 * (or a hand-edited file), reported by returning the field's name.
 */
export function pickRecord(value: unknown): MemoryRecord | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not an object';
  const v = value as Record<string, unknown>;
  for (const field of STRING_FIELDS) {
    if (typeof v[field] !== 'string') return `field "${field}" is missing or not a string`;
  }
  const billed = v.billedCharacters;
  if (billed !== undefined && !(typeof billed === 'number' && Number.isSafeInteger(billed) && billed >= 0)) {
    return 'field "billedCharacters" is not a non-negative integer';
  }
  for (const field of ['promptTokens', 'completionTokens'] as const) {
    const n = v[field];
    if (n !== undefined && !(typeof n === 'number' && Number.isSafeInteger(n) && n >= 0)) {
      return `field "${field}" is not a non-negative integer`;
    }
  }
  const record: MemoryRecord = {
    key: v.key as string,
    source: v.source as string,
    target: v.target as string,
    provider: v.provider as string,
    sourceLang: v.sourceLang as string,
    targetLang: v.targetLang as string,
    createdAt: v.createdAt as string,
  };
  if (billed !== undefined) record.billedCharacters = billed;
  const origin = v.origin;
  if (origin !== undefined) {
    if (typeof origin !== 'string' || !ORIGINS.includes(origin))
      return 'field "origin" is not machine, human or imported';
    record.origin = origin as RecordOrigin;
  }
  if (v.promptTokens !== undefined) record.promptTokens = v.promptTokens as number;
  if (v.completionTokens !== undefined) record.completionTokens = v.completionTokens as number;
  return record;
}

/** Whether the record came from `versio tm import` rather than from an engine run. */
export function isImported(record: MemoryRecord): boolean {
  return record.provider === 'tmx' || record.provider.startsWith('tmx:');
}
