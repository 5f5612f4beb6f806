/**
 * Source and target quantities paired by value, as multisets. A quantity fits another when they share
 * a value, or when one is approximate (une dizaine) and the other's number lies in its range.
 * Required quantities are paired first, each preferring a required, unambiguous partner, so an
 * optional or ambiguous one cannot take a match another needs. What stays unpaired and required is
 * reported: missing from the target, or extra in it. Targets are indexed by value, so a segment with
 * thousands of numbers is compared in linear time.
 */
import type { Quantity } from './types.js';

export interface QuantityDiff {
  missing: Quantity[];
  extra: Quantity[];
}

/** 0 required and unambiguous, 1 required with several readings, 2 optional or approximate. */
const rank = (q: Quantity) => (q.optional || q.approx ? 2 : q.values.length === 1 ? 0 : 1);

export function compareQuantities(source: readonly Quantity[], target: readonly Quantity[]): QuantityDiff {
  const used = new Set<number>();
  const paired = new Set<number>();
  const byValue = new Map<string, number[]>();
  const approxTargets: number[] = [];
  target.forEach((t, k) => {
    if (t.approx) approxTargets.push(k);
    for (const v of t.values) {
      const list = byValue.get(v);
      if (list) list.push(k);
      else byValue.set(v, [k]);
    }
  });
  const order = source.map((s, i) => ({ s, i })).sort((a, b) => rank(a.s) - rank(b.s));
  for (const { s, i } of order) {
    let best = -1;
    let bestRank = 3;
    const consider = (k: number) => {
      const t = target[k];
      if (t === undefined || used.has(k) || !fits(s, t)) return;
      const r = rank(t);
      if (r < bestRank || (r === bestRank && k < best)) {
        best = k;
        bestRank = r;
      }
    };
    for (const v of s.values) {
      for (const k of byValue.get(v) ?? []) {
        consider(k);
        if (bestRank === 0) break;
      }
    }
    for (const k of approxTargets) consider(k);
    // An approximate source (une dizaine) may take any target number in its range.
    if (s.approx && best < 0) {
      for (let k = 0; k < target.length; k++) consider(k);
    }
    if (best >= 0) {
      used.add(best);
      paired.add(i);
    }
  }
  const required = (q: Quantity) => !q.optional && !q.approx;
  return {
    missing: source.filter((q, i) => !paired.has(i) && required(q)),
    extra: target.filter((q, k) => !used.has(k) && required(q)),
  };
}

function fits(a: Quantity, b: Quantity): boolean {
  if (a.values.some((v) => b.values.includes(v))) return true;
  const [ra, rb] = [a.approx, b.approx];
  if (ra && rb) return ra.low <= rb.high && rb.low <= ra.high;
  if (ra) return b.values.some((v) => within(v, ra));
  if (rb) return a.values.some((v) => within(v, rb));
  return false;
}

function within(value: string, range: { low: number; high: number }): boolean {
  if (!/^\d+(?:\.\d+)?$/.test(value)) return false;
  const n = Number(value);
  return n >= range.low && n <= range.high;
}
