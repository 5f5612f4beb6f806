/**
 * Reads a chat model's answer for one batch and says what is wrong with it, per segment:
 * the answer must be JSON, name every id once and no other, and give back every placeholder
 * of its segment exactly once (and none it did not have).
 */

import { placeholdersIn } from '../../glossary/placeholder.js';
import type { SourceText } from '../provider.js';

export type SegmentAnswer = { ok: true; text: string } | { ok: false; text?: string; problem: string };

export interface BatchAnswer {
  /** In batch order. */
  segments: SegmentAnswer[];
  /** Set when the answer as a whole could not be read (not JSON, not the expected shape). */
  unreadable?: string;
}

export function readAnswer(content: string | null | undefined, batch: readonly SourceText[]): BatchAnswer {
  const parsed = parseJson(content ?? '');
  const translations = shapeOf(parsed);
  if (translations === undefined) {
    const why =
      parsed === undefined ? 'the answer is not valid JSON' : 'the answer has no "translations" list';
    return { unreadable: why, segments: batch.map(() => ({ ok: false, problem: why })) };
  }
  const wanted = new Set(batch.map((t) => t.id));
  const byId = new Map<string, string[]>();
  const extra: string[] = [];
  for (const item of translations) {
    if (!wanted.has(item.id)) extra.push(item.id);
    else byId.set(item.id, [...(byId.get(item.id) ?? []), item.text]);
  }
  const segments = batch.map((source): SegmentAnswer => {
    const texts = byId.get(source.id) ?? [];
    if (texts.length === 0) return { ok: false, problem: `the answer has no translation for ${source.id}` };
    if (texts.length > 1)
      return { ok: false, problem: `the answer translates ${source.id} ${texts.length} times` };
    const text = texts[0] as string;
    const problem = placeholderProblem(source.text, text);
    return problem === undefined ? { ok: true, text } : { ok: false, text, problem };
  });
  if (extra.length > 0) {
    const why = `the answer has ids that were not asked for: ${extra.slice(0, 5).join(', ')}`;
    return { unreadable: why, segments: segments.map((s) => ({ ...s, ok: false, problem: why })) };
  }
  return { segments };
}

/** Every placeholder of the source exactly once in the translation, and no other. */
export function placeholderProblem(source: string, translation: string): string | undefined {
  const expected = count(source);
  const got = count(translation);
  for (const [marker, n] of expected) {
    const m = got.get(marker) ?? 0;
    if (m === 0) return `placeholder ${marker} is missing`;
    if (m !== n) return `placeholder ${marker} appears ${m} times`;
  }
  for (const marker of got.keys()) if (!expected.has(marker)) return `placeholder ${marker} was added`;
  return undefined;
}

function count(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const marker of placeholdersIn(text)) counts.set(marker, (counts.get(marker) ?? 0) + 1);
  return counts;
}

/** JSON, also when a model wrapped it in a code fence or wrote a line before it (strict-prompt mode). */
function parseJson(content: string): unknown {
  const trimmed = content.trim();
  const fenced = /^```(?:json)?\s*([\s\S]*?)\s*```$/i.exec(trimmed)?.[1];
  for (const candidate of [trimmed, fenced, objectIn(trimmed)]) {
    if (candidate === undefined) continue;
    try {
      return JSON.parse(candidate);
    } catch {
      // try the next reading
    }
  }
  return undefined;
}

function objectIn(text: string): string | undefined {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  return start >= 0 && end > start ? text.slice(start, end + 1) : undefined;
}

function shapeOf(value: unknown): { id: string; text: string }[] | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const list = (value as { translations?: unknown }).translations;
  if (!Array.isArray(list)) return undefined;
  const items: { id: string; text: string }[] = [];
  for (const item of list) {
    if (typeof item !== 'object' || item === null) return undefined;
    const { id, text } = item as { id?: unknown; text?: unknown };
    if (typeof id !== 'string' || typeof text !== 'string') return undefined;
    items.push({ id, text });
  }
  return items;
}
