/** Helpers shared by the robustness tests: inputs made in a temp dir, and what a refusal must look like. */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect } from 'vitest';
import { segmentsOf } from '../../src/document.js';
import { readXliff } from '../../src/xliff/read.js';
import type { CliResult } from '../support/cli.js';

export const badInput = new URL('../fixtures/bad-input/', import.meta.url).pathname;

/** Writes `content` to `dir/name` and returns the path. */
export function put(dir: string, name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/**
 * The contract of every refusal (README, "Exit codes"): the documented code, a first line starting
 * `versio: ` that matches `message`, and never a stack trace.
 */
export function expectRefusal(result: CliResult, code: number, message: RegExp): void {
  expect(result.stderr.split('\n')[0], result.stderr).toMatch(/^versio: /);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toContain('\n    at ');
  expect(result.code, result.stderr).toBe(code);
}

/** Every regular file under `dir`, relative paths, sorted. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  if (!existsSync(dir)) return out;
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path));
    }
  };
  walk(dir);
  return out.sort();
}

/** Relative path → content of every file under `dir`. */
export function snapshot(dir: string): Map<string, string> {
  return new Map(filesUnder(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

/** Writes `bytes` of `line` repeated into a file without holding it all in memory twice. */
export function repeatToSize(path: string, unit: string, bytes: number): void {
  const chunk = Buffer.from(unit.repeat(Math.max(1, Math.floor((1024 * 1024) / Buffer.byteLength(unit)))));
  const buffer = Buffer.alloc(bytes);
  for (let at = 0; at < bytes; at += chunk.length)
    chunk.copy(buffer, at, 0, Math.min(chunk.length, bytes - at));
  writeFileSync(path, buffer);
}

/** Atomic writes leave only hidden `.<name>.<pid>.<random>.tmp` files behind when killed mid-write. */
export const isTemp = (f: string) => /(^|\/)\.[^/]+\.\d+\.[0-9a-f]+\.tmp$/.test(f);

/**
 * `out` holds the same translation as `reference`: the article (.txt, .md, i18next JSON) byte for
 * byte, the XLIFF with the same units (id, source, target, state).
 */
export function expectSameTranslation(out: string, reference: string): void {
  const final = filesUnder(out).filter((f) => !isTemp(f));
  expect(final).toEqual(filesUnder(reference));
  for (const f of final.filter((f) => /\.(txt|md|json)$/.test(f))) {
    expect(readFileSync(join(out, f), 'utf8'), f).toBe(readFileSync(join(reference, f), 'utf8'));
  }
  for (const f of final.filter((f) => f.endsWith('.xlf'))) {
    expect(unitsOf(join(out, f)), f).toEqual(unitsOf(join(reference, f)));
  }
}

function unitsOf(path: string) {
  return segmentsOf(readXliff(readFileSync(path, 'utf8'), path).doc).map((s) => [
    s.id,
    s.source,
    s.target,
    s.state,
  ]);
}
