import type { RunSummary } from '../pipeline/translate.js';

/** The human summary of a translate run: one line per document, then totals. */
export function formatSummary(run: RunSummary): string {
  const lines: string[] = [];
  for (const d of run.documents) {
    const where = run.dryRun ? d.path : (d.outputs[0] ?? d.path);
    lines.push(
      run.dryRun
        ? `${where}: ${d.segments} segments, ${d.fromMemory} from memory, ${d.segments - d.fromMemory - d.keptFromReview - d.reused} to translate, ` +
            `${d.characters} characters to bill, ${d.requests} request(s)`
        : `${where}: ${d.segments} segments (${d.translated} translated by ${run.provider}, ${d.fromMemory} from memory, ` +
            `${d.reused} unchanged, ${d.keptFromReview} kept from review, ${d.needsReview} need review); entities: ${d.entities.matched} matched, ` +
            `${d.entities.protected} protected, ${d.entities.verified} verified`,
    );
  }
  const billed = run.documents.reduce((n, d) => n + d.billedCharacters, 0);
  const chars = run.documents.reduce((n, d) => n + d.characters, 0);
  const requests = run.documents.reduce((n, d) => n + d.requests, 0);
  const tokens = totalTokens(run);
  if (run.dryRun) {
    lines.push(
      `dry run: ${chars} characters, ${requests} request(s) would be sent to ${run.provider}; nothing was sent`,
    );
    if (tokens) lines.push(`estimated tokens: ${tokens.prompt} prompt + ${tokens.completion} completion`);
  } else {
    if (billed > 0) lines.push(`billed characters: ${billed}`);
    if (tokens) lines.push(`tokens: ${tokens.prompt} prompt + ${tokens.completion} completion`);
  }
  return `${lines.join('\n')}\n`;
}

function totalTokens(run: RunSummary): { prompt: number; completion: number } | undefined {
  const counted = run.documents.flatMap((d) => (d.tokens ? [d.tokens] : []));
  if (counted.length === 0) return undefined;
  return {
    prompt: counted.reduce((n, t) => n + t.prompt, 0),
    completion: counted.reduce((n, t) => n + t.completion, 0),
  };
}
