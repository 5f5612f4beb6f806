/**
 * Apertium provider: French → Spanish → English through the installed rule-based pairs
 * (`fr-es`, then `spa-eng`), on warm null-flush pipelines (see apertium/pipeline.ts).
 *
 * Why null-flush on our own pipelines, decided by experiment on Apertium 3.8.3:
 * - `apertium -z` passes `-z` to every stage of the mode, but not to `apertium-destxt` /
 *   `apertium-retxt`, which answer only at end of input; with `-f none` the wrapper still
 *   runs gawk filters that hold each record back until the next one arrives. So we run
 *   the mode's stages ourselves and read/write the stream format (apertium/stream-format.ts).
 *   (The wrapper also opens /dev/stdin, which fails on the socket Node gives a child.)
 * - `-f html` with one `<p>` per segment needs a process per call and escaping both ways;
 *   a superblank marker per record gives the same separation on a process that stays up.
 * Measured once on the seed article (14 sentences; 2-core machine shared with other jobs,
 * two runs): one `apertium -u fr-es | apertium -u spa-eng` per sentence took 31–41 s; a
 * new provider (check, start, translate all 14 in one call) 1.2–4.1 s, ×10–26; a warm
 * pipeline answered the 14 in 72–157 ms, ×260–430.
 */
import os from 'node:os';
import { ProviderError, RetryableError } from '../errors.js';
import {
  accentCapitalA,
  frenchConventions,
  postEdit,
  postEditFamilies,
  postEditFingerprint,
  protectNames,
  restoreNames,
  uninvertSubjects,
} from '../postedit/index.js';
import { abortError } from './abort-error.js';
import { openEngine, RemotePipeline } from './apertium/engine-client.js';
import { type ApertiumWrapper, locateApertium, locateChains, locateWrapper } from './apertium/install.js';
import { LocationLexicon } from './apertium/locations.js';
import { modesFor, variantOf } from './apertium/modes.js';
import {
  ApertiumPipeline,
  type EnginePipeline,
  PipelineExit,
  type StartPipeline,
} from './apertium/pipeline.js';
import { restoreCaseAfterPlaceholders } from './apertium/placeholder-case.js';
import { PipelinePool } from './apertium/pool.js';
import { takePrestart } from './apertium/prestart.js';
import { type RepairChains, UnknownWordRepair } from './apertium/repair.js';
import { batchPayload, decodeRecord, isClosingRecord } from './apertium/stream-format.js';
import {
  LOCAL_ENGINE_PACING,
  type Provider,
  type ProviderFactory,
  type SourceText,
  type TranslateResult,
  withOverrides,
} from './provider.js';

/** Segment ids for an error message: all of a small batch, the first ten of a large one. */
function describeSegments(batch: readonly SourceText[]): string {
  const ids = batch.map((source) => source.id);
  const shown = ids.slice(0, 10).join(', ');
  return ids.length > 10 ? `${shown}, … (${ids.length} segments)` : shown;
}

/** Sends one batch through `pipeline`, checks that every segment came back once, in order. */
async function exchange(pipeline: EnginePipeline, batch: readonly SourceText[], signal: AbortSignal) {
  const payload = batchPayload(batch.map((source) => source.text));
  const isClosing = (record: string) => isClosingRecord(record, batch.length);
  // Abort kills the processes: the only way to stop an engine mid-batch.
  const onAbort = () => pipeline.kill();
  if (signal.aborted) throw abortError(signal); // aborted while we waited for a pipeline
  signal.addEventListener('abort', onAbort, { once: true });
  let records: string[];
  try {
    records = await pipeline.exchange(payload, batch.length + 1, isClosing);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
  const answers: { source: string; marked: string }[] = [];
  const misplaced: string[] = [];
  batch.forEach((source, position) => {
    // Unknown-word marks stay for the repair (repair.ts), which removes them.
    const decoded = decodeRecord(records[position] ?? '', source.text, true);
    if (decoded?.index === position) answers.push({ source: source.text, marked: decoded.text });
    else misplaced.push(source.id);
  });
  if (misplaced.length === 0 && !isClosing(records[batch.length] ?? ''))
    misplaced.push(batch.at(-1)?.id ?? '');
  if (misplaced.length > 0) {
    pipeline.kill(); // out of step: later calls would get the wrong answers
    throw new ProviderError(
      `Apertium answers came back out of order or incomplete for segment(s) ${misplaced.join(', ')}`,
    );
  }
  return answers;
}

/** The repair chains that are installed (fr→ca→en, fr→eo→en, es→fr); missing ones are skipped. */
async function locateRepairChains(wrapper: ApertiumWrapper, env: NodeJS.ProcessEnv): Promise<RepairChains> {
  // fr→eo→en first: it answers most look-ups; fr→ca→en (a weaker pair) only for what it missed.
  const [backToFrench, viaEsperanto, viaCatalan] = await locateChains(
    wrapper,
    [['es-fr'], ['fr-eo', 'eo-en'], ['fra-cat', 'cat-eng']],
    env,
  ).catch(() => []);
  return {
    ...(backToFrench ? { backToFrench } : {}),
    toEnglish: [viaEsperanto, viaCatalan].filter((chain) => chain !== undefined),
  };
}

export const createApertium: ProviderFactory = async (options) => {
  const env = options.env ?? process.env;
  const bin = env.VERSIO_APERTIUM_BIN || 'apertium';
  const modes = modesFor(options);
  // News post-editing of the English (src/postedit/), by family; VERSIO_POSTEDIT chooses them,
  // and `--style none` leaves out the house-style ones.
  const families = postEditFamilies(env.VERSIO_POSTEDIT, options.style);
  const variant = variantOf(options.targetLang);
  // The French the pivot can parse (french.ts): subjects in order, the capital À's accent; and
  // centuries in Roman numerals rewritten in figures, which the pivot breaks.
  const engineFrench = (text: string) => uninvertSubjects(accentCapitalA(text));
  const preEdit = families.has('ap-numbers')
    ? (text: string) => frenchConventions(engineFrench(text))
    : engineFrench;
  // A running engine server (`versio engine start`) holds the pipelines loaded between runs: this
  // run's go through it, and through pipelines of its own if it stops answering. Else the CLI may
  // have started the main pipeline already (prestart.ts): its look-ups and process are taken over.
  const [engine, early] = await Promise.all([openEngine(env), takePrestart(modes, env)]);
  const wrapper = early?.wrapper ?? (await locateWrapper(bin, env));
  const [installation, chains] = await Promise.all([
    early?.installation ?? locateApertium(wrapper, modes, env),
    locateRepairChains(wrapper, env),
  ]);
  // A cache that cannot be written (read-only home, full disk) costs only the look-ups next time.
  await wrapper.commands.save().catch(() => {});
  const startPipeline: StartPipeline = (stages, parallel) =>
    engine?.alive ? new RemotePipeline(engine, stages, env, parallel) : new ApertiumPipeline(stages, env);
  const lexicon = families.has('places')
    ? await LocationLexicon.beside(installation.stages, env, startPipeline)
    : undefined;
  // Unknown-word repair: Spanish pivot leaks and French words left untranslated are looked up
  // through other pivots (repair.ts); VERSIO_REPAIR=off leaves them (the bench measures it alone).
  const repair = await UnknownWordRepair.open(chains, env, env.VERSIO_REPAIR !== 'off', startPipeline);
  const processes = options.jobs ?? os.availableParallelism();
  const pool = new PipelinePool(processes, () => startPipeline(installation.stages, processes));
  if (early) pool.adopt(early.pipeline);

  // Keep people's names as written (postedit/names.ts); VERSIO_NAMES=off leaves them to the engine
  // (the bench measures it alone).
  const keepNames = env.VERSIO_NAMES !== 'off';

  /** The batch's English: engine, unknown-word repair, locations, news post-editing. */
  const english = async (sent: readonly SourceText[], signal: AbortSignal): Promise<string[]> => {
    const answers = await pool.use(signal, (pipeline) => {
      const answer = exchange(pipeline, sent, signal); // the batch is written before this returns
      repair.warm();
      lexicon?.warm(sent.map((source) => source.text));
      return answer;
    });
    const repaired = await repair.repair(answers, signal);
    const located = lexicon
      ? await lexicon.locations(
          repaired.map((r) => r.text),
          repaired.map((r) => r.source),
          signal,
        )
      : [];
    return repaired.map(({ source, text }, i) =>
      postEdit(restoreCaseAfterPlaceholders(text, source), families, {
        variant,
        source,
        places: new Set([...(sent[i]?.places ?? []), ...(located[i] ?? [])]),
      }),
    );
  };

  const translate = async (batch: readonly SourceText[], signal: AbortSignal): Promise<TranslateResult> => {
    if (signal.aborted) throw abortError(signal);
    if (batch.length === 0) return { texts: [] };
    try {
      const sent = batch.map((source) => ({ ...source, text: preEdit(source.text) }));
      if (!keepNames) return { texts: await english(sent, signal) };
      // People's names pass the engine as placeholders (postedit/names.ts). A text whose
      // placeholders did not all come back once is translated again without.
      const named = protectNames(sent.map((source) => source.text));
      const texts = await english(
        sent.map((source, i) => ({ ...source, text: named[i]?.text ?? source.text })),
        signal,
      );
      const restored = texts.map((text, i) => restoreNames(text, named[i]?.names ?? []));
      const lost = sent.filter((_, i) => restored[i] === undefined);
      const again = lost.length > 0 ? await english(lost, signal) : [];
      return { texts: restored.map((text) => text ?? again.shift() ?? '') };
    } catch (error) {
      if (signal.aborted) throw abortError(signal);
      if (error instanceof PipelineExit) {
        // Retryable: the pool starts a fresh pipeline for the next attempt (a process killed by
        // the OOM killer or a signal); the queue gives up after its attempts with this message.
        throw new RetryableError(
          `Apertium failed on segment(s) ${describeSegments(batch)}: ${error.message}`,
          {
            reason: 'engine exited',
            cause: error,
          },
        );
      }
      throw error;
    }
  };

  return {
    name: 'apertium',
    limits: { maxBatch: 1000, maxBatchBytes: 256 * 1024 },
    // One request per pipeline process: more would only wait in the pool.
    ...withOverrides(
      { ...LOCAL_ENGINE_PACING, pacing: { ...LOCAL_ENGINE_PACING.pacing, concurrency: processes } },
      options.overrides,
    ),
    placeholderStyle: 'token',
    fingerprint: `apertium:${modes.join('+')}:${installation.versions}:postedit=${[...families].join('+') || 'none'}@${postEditFingerprint()}:repair=${repair.description}:names=${keepNames ? 'kept' : 'engine'}`,
    supportsGlossary: false,
    translate,
    close: async () => {
      await Promise.all([pool.close(), repair.close(), lexicon?.close()]);
      engine?.close();
    },
  } satisfies Provider;
};
