/**
 * Source and target quantities paired by value, as multisets. A quantity fits another when they share
 * a value, or when one is approximate (une dizaine) and the other's number lies in its range.
 * Required quantities are paired first, each preferring a required, unambiguous partner, so an
 * optional or ambiguous one cannot take a match another needs. What stays unpaired and required is
 * reported: missing from the target, or extra in it.
 */
import type { Quantity } from './types.js';

export interface QuantityDiff {
  missing: Quantity[];
  extra: Quantity[];
}

export function compareQuantities(source: readonly Quantity[], target: readonly Quantity[]): QuantityDiff {
  const usedTarget = new Set<number>();
  const pairedSource = new Set<number>();
  const rank = (q: Quantity) => (q.optional || q.approx ? 2 : q.values.length === 1 ? 0 : 1);
  const order = source.map((_, i) => i).sort((a, b) => rank(source[a]!) - rank(source[b]!));
  for (const i of order) {
    const s = source[i]!;
    let best = -1;
    let bestRank = 3;
    target.forEach((t, k) => {
      if (usedTarget.has(k) || !fits(s, t)) return;
      const r = rank(t);
      if (r < bestRank) {
        best = k;
        bestRank = r;
      }
    });
    if (best >= 0) {
      usedTarget.add(best);
      pairedSource.add(i);
    }
  }
  const required = (q: Quantity) => !q.optional && !q.approx;
  return {
    missing: source.filter((q, i) => !pairedSource.has(i) && required(q)),
    extra: target.filter((q, k) => !usedTarget.has(k) && required(q)),
  };
}

function fits(a: Quantity, b: Quantity): boolean {
  if (a.values.some((v) => b.values.includes(v))) return true;
  if (a.approx && b.approx) return a.approx.low <= b.approx.high && b.approx.low <= a.approx.high;
  if (a.approx) return b.values.some((v) => within(v, a.approx!));
  if (b.approx) return a.values.some((v) => within(v, b.approx!));
  return false;
}

function within(value: string, range: { low: number; high: number }): boolean {
  if (!/^\d+(?:\.\d+)?$/.test(value)) return false;
  const n = Number(value);
  return n >= range.low && n <= range.high;
}
