/**
 * Comparing the inline codes of a source and its target (as the XLIFF reader lists them) by kind and
 * id, as XLIFF asks: a code of the target is the source's code with the same id (1.2 inline elements
 * `id`; 2.x: "the id of an inline code in the target MUST match the id of its source code"). Where
 * ids differ, a code of the same kind with the same `equiv`/`disp` (or, failing that, the next one of
 * that kind) is taken as the source's code renamed. Pure.
 */
import type { CodeRef } from '../xliff/inline-read.js';

export interface CodeDiff {
  /** In the source, not in the target. */
  dropped: CodeRef[];
  /** In the target, not in the source. */
  added: CodeRef[];
  /** A source code whose id the target changed. */
  renamed: Array<{ source: CodeRef; target: CodeRef }>;
  /** Codes the target has more often than the source: key, counts. */
  duplicated: Array<{ code: CodeRef; source: number; target: number }>;
  /** The codes both sides share, when the target has them in another order. */
  reordered?: { source: CodeRef[]; target: CodeRef[] };
}

const keyOf = (c: CodeRef) => `${c.kind}#${c.id}`;

export function diffCodes(source: readonly CodeRef[], target: readonly CodeRef[]): CodeDiff {
  const diff: CodeDiff = { dropped: [], added: [], renamed: [], duplicated: [] };
  const count = (codes: readonly CodeRef[]) => {
    const counts = new Map<string, number>();
    for (const c of codes) counts.set(keyOf(c), (counts.get(keyOf(c)) ?? 0) + 1);
    return counts;
  };
  const inSource = count(source);
  const inTarget = count(target);
  const unmatched = (codes: readonly CodeRef[], other: Map<string, number>) => {
    const left = new Map(other);
    return codes.filter((c) => {
      const n = left.get(keyOf(c)) ?? 0;
      left.set(keyOf(c), n - 1);
      return n <= 0;
    });
  };
  const dropped = unmatched(source, inTarget);
  const extra = unmatched(target, inSource);
  for (const [key, n] of inTarget) {
    const m = inSource.get(key) ?? 0;
    const code = target.find((c) => keyOf(c) === key);
    if (code && m > 0 && n > m) diff.duplicated.push({ code, source: m, target: n });
  }
  const added = extra.filter((c) => !inSource.has(keyOf(c)));
  const pair = (fits: (s: CodeRef, t: CodeRef) => boolean) => {
    for (const s of [...dropped]) {
      const i = added.findIndex((t) => fits(s, t));
      const t = added[i];
      if (t === undefined) continue;
      diff.renamed.push({ source: s, target: t });
      added.splice(i, 1);
      dropped.splice(dropped.indexOf(s), 1);
    }
  };
  pair((s, t) => s.kind === t.kind && s.equiv !== undefined && s.equiv === t.equiv);
  pair((s, t) => s.kind === t.kind);
  diff.dropped = dropped;
  diff.added = added;

  // Order of the codes both sides share, each key as many times as both have it.
  const shared = (codes: readonly CodeRef[], other: Map<string, number>) => {
    const left = new Map(other);
    return codes.filter((c) => {
      const n = left.get(keyOf(c)) ?? 0;
      left.set(keyOf(c), n - 1);
      return n > 0;
    });
  };
  const a = shared(source, inTarget);
  const b = shared(target, inSource);
  if (a.map(keyOf).join('\0') !== b.map(keyOf).join('\0')) diff.reordered = { source: a, target: b };
  return diff;
}

/** `<x id="1"/>` as a reader would recognise it in a message. */
export function showCode(code: CodeRef): string {
  return `<${code.kind} id="${code.id}"/>`;
}
