// Figure 8: a memory of a million records. Start-up time and peak RSS of a one-article
// translate (pseudo provider, so only Versio's own work is measured) against an empty memory,
// and the time of `versio tm compact` on the same file.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { copyFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { BIN, median, ROOT, round, run, withTempDir } from '../lib/common.js';

const ARTICLE = join(ROOT, 'source/palmyre.fr.txt');
// Prints the process's peak RSS (KiB) and CPU time (µs) on stderr as it exits: on a shared
// machine CPU time says more than wall time.
const PEAK = `data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('maxrss='+u.maxRSS+' cpu='+(u.userCPUTime+u.systemCPUTime)+'\\n')})`;

/** `records` distinct keys, plus `superseded` earlier records for some of them (compact drops those). */
async function writeMemory(path, records, superseded) {
  const out = createWriteStream(path);
  const line = (i, target) =>
    `${JSON.stringify({
      key: createHash('sha256').update(`bench ${i}`).digest('hex'),
      source: `Le ministre de la Défense a déclaré mardi ${i} que les frappes continueraient.`,
      target,
      provider: 'pseudo',
      sourceLang: 'fr',
      targetLang: 'en',
      createdAt: '2026-01-01T00:00:00.000Z',
      billedCharacters: 80,
    })}\n`;
  for (let i = 0; i < records; i++) {
    if (i < superseded && !out.write(line(i, `Old target ${i}.`)))
      await new Promise((r) => out.once('drain', r));
    if (!out.write(line(i, `The Defence Minister said on Tuesday ${i} that the strikes would continue.`)))
      await new Promise((r) => out.once('drain', r));
  }
  await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
}

async function translate(dir, memory) {
  const result = await run('node', [
    '--import',
    PEAK,
    BIN,
    'translate',
    ARTICLE,
    '--provider',
    'pseudo',
    '--no-glossary',
    '--out',
    join(dir, 'out'),
    '--memory',
    memory,
    '--quiet',
  ]);
  const kib = Number(/maxrss=(\d+)/.exec(result.stderr)?.[1]);
  const cpu = Number(/cpu=(\d+)/.exec(result.stderr)?.[1]);
  return { seconds: result.seconds, rssMiB: kib / 1024, cpuSeconds: cpu / 1e6 };
}

export async function memoryScale({ records = 1_000_000, superseded = 100_000, runs = 2 } = {}) {
  return withTempDir('memory', async (dir) => {
    const big = join(dir, 'big.jsonl');
    await writeMemory(big, records, superseded);
    const bytes = (await stat(big)).size;
    const measure = async (source) => {
      const times = [];
      const rss = [];
      const cpu = [];
      for (let i = 0; i < runs; i++) {
        // A fresh copy each time: the run appends the article's segments to it.
        const memory = join(dir, `run-${i}.jsonl`);
        if (source) await copyFile(source, memory);
        const r = await translate(dir, memory);
        times.push(r.seconds);
        rss.push(r.rssMiB);
        cpu.push(r.cpuSeconds);
      }
      return { seconds: median(times), rssMiB: median(rss), cpuSeconds: median(cpu) };
    };
    const empty = await measure(undefined);
    const full = await measure(big);
    const compact = await run('node', ['--import', PEAK, BIN, 'tm', 'compact', '--memory', big]);
    const compactCpu = Number(/cpu=(\d+)/.exec(compact.stderr)?.[1]) / 1e6;
    const compactRss = Number(/maxrss=(\d+)/.exec(compact.stderr)?.[1]) / 1024;
    const after = (await stat(big)).size;
    const result = {
      records,
      superseded,
      fileMiB: round(bytes / 2 ** 20, 1),
      translate: {
        emptySeconds: round(empty.seconds, 2),
        fullSeconds: round(full.seconds, 2),
        emptyCpuSeconds: round(empty.cpuSeconds, 2),
        fullCpuSeconds: round(full.cpuSeconds, 2),
        emptyPeakRssMiB: round(empty.rssMiB, 0),
        fullPeakRssMiB: round(full.rssMiB, 0),
      },
      compact: {
        seconds: round(compact.seconds, 2),
        cpuSeconds: round(compactCpu, 2),
        peakRssMiB: round(compactRss, 0),
        fileMiBAfter: round(after / 2 ** 20, 1),
      },
    };
    return {
      key: 'memoryScale',
      result,
      table: {
        title: `Figure 8 — a memory of ${records.toLocaleString('en')} records (+${superseded.toLocaleString('en')} superseded), ${result.fileMiB} MiB`,
        header: ['what', 'empty memory', 'full memory'],
        rows: [
          [
            `one-article translate, wall s (median of ${runs})`,
            result.translate.emptySeconds,
            result.translate.fullSeconds,
          ],
          ['one-article translate, CPU s', result.translate.emptyCpuSeconds, result.translate.fullCpuSeconds],
          ['peak RSS, MiB', result.translate.emptyPeakRssMiB, result.translate.fullPeakRssMiB],
          [
            'tm compact, wall s / CPU s / peak RSS MiB',
            '',
            `${result.compact.seconds} / ${result.compact.cpuSeconds} / ${result.compact.peakRssMiB}`,
          ],
        ],
      },
      summary: [
        {
          figure: '8 memory 1M records: translate start-up added',
          measured: `+${round(full.cpuSeconds - empty.cpuSeconds, 2)} s CPU, +${round(full.rssMiB - empty.rssMiB, 0)} MiB`,
          target: '(report)',
          met: '',
        },
        {
          figure: '8 memory 1M records: tm compact',
          measured: `${result.compact.cpuSeconds} s CPU (${result.compact.seconds} s wall)`,
          target: '(report)',
          met: '',
        },
      ],
    };
  });
}
