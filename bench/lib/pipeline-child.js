// Child process of figures 2 and 3: runs `versio translate` in-process through translateFiles
// (pipeline/translate.ts) with the pseudo provider (no engine) on the files of a corpus, with a
// fresh memory and output directory, and prints one JSON line: wall seconds, peak RSS, documents,
// segments.
// Usage: node bench/lib/pipeline-child.js <corpus dir> <count> <out dir>
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { translateFiles } from '../../dist/pipeline/translate.js';

const [dir, count, out] = process.argv.slice(2);
const manifest = JSON.parse(await readFile(join(dir, 'corpus.manifest'), 'utf8'));
const files = manifest.files.slice(0, Number(count)).map((f) => join(dir, f));
const started = performance.now();
const summary = await translateFiles(files, {
  provider: 'pseudo',
  outDir: join(out, 'translations'),
  format: 'xliff12',
  memoryPath: join(out, 'memory.jsonl'),
  sourceLang: 'fr',
  targetLang: 'en',
  signal: new AbortController().signal,
  cwd: process.cwd(),
  env: process.env,
});
const seconds = (performance.now() - started) / 1000;
console.log(
  JSON.stringify({
    seconds,
    // resourceUsage().maxRSS is in kilobytes.
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
    documents: summary.documents.length,
    segments: summary.documents.reduce((n, d) => n + d.segments, 0),
  }),
);
