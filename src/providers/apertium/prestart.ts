/**
 * The main pipeline, started as soon as `versio translate` knows it will run Apertium: before the
 * glossary, the inputs, the memory and most of Versio's own modules load. Loading the transducers
 * is most of the engine's time on one article (0.18 of the bare pipeline's 0.21 s on the seed
 * article), and it now runs while Versio does its own work instead of after it.
 *
 * The provider adopts the pipeline when it is created with the same source and target languages
 * and the same environment object (the run's); a run that fails before (a bad glossary, a missing
 * input) discards it. Nothing here reports an error: whatever goes wrong is left for the provider
 * to find and report as it always does.
 */
import { openEngine } from './engine-client.js';
import { type ApertiumInstallation, type ApertiumWrapper, locateApertium, locateWrapper } from './install.js';
import { modesFor } from './modes.js';
import { ApertiumPipeline } from './pipeline.js';

export interface PrestartOptions {
  sourceLang: string;
  targetLang: string;
  env: NodeJS.ProcessEnv;
}

/** What the provider takes over: the look-ups done and the pipeline started (when they succeeded). */
export interface Prestarted {
  wrapper: ApertiumWrapper;
  installation: ApertiumInstallation;
  pipeline: ApertiumPipeline;
}

interface Early {
  bin: string;
  modes: string;
  discarded: boolean;
  started: Promise<Prestarted | undefined>;
}

/** By environment object: each run has its own (the CLI's `io.env`), so runs side by side in one process do not meet. */
const early = new Map<NodeJS.ProcessEnv, Early>();

const binOf = (env: NodeJS.ProcessEnv) => env.VERSIO_APERTIUM_BIN || 'apertium';

/**
 * Locates the installation and starts its pipeline; resolves once the processes are started (or
 * nothing could be), never rejects. `discardPrestart` undoes it.
 */
export async function prestartApertium({ sourceLang, targetLang, env }: PrestartOptions): Promise<void> {
  discardPrestart(env);
  let modes: string[];
  try {
    modes = modesFor({ sourceLang, targetLang });
  } catch {
    return; // not a pair Apertium serves: the provider says so
  }
  const bin = binOf(env);
  const entry: Early = { bin, modes: modes.join('+'), discarded: false, started: Promise.resolve(undefined) };
  entry.started = (async () => {
    // An engine server holds the pipelines loaded: the provider will use it, nothing to start here.
    const engine = await openEngine(env);
    if (engine) {
      engine.close();
      return undefined;
    }
    const wrapper = await locateWrapper(bin, env);
    const installation = await locateApertium(wrapper, modes, env);
    // Discarded while the look-ups ran: start nothing.
    if (entry.discarded) return undefined;
    return { wrapper, installation, pipeline: new ApertiumPipeline(installation.stages, env) };
  })().catch(() => undefined);
  early.set(env, entry);
  await entry.started;
}

/**
 * The prestart for these modes and environment, once: undefined when there was none, when it
 * started something else (another target), or when it failed (the provider then looks again).
 */
export async function takePrestart(
  modes: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<Prestarted | undefined> {
  const entry = early.get(env);
  if (!entry || entry.bin !== binOf(env) || entry.modes !== modes.join('+')) return undefined;
  early.delete(env);
  return entry.started;
}

/** Stops a pipeline nobody took (the run ended before its provider was created); no-op after `takePrestart`. */
export function discardPrestart(env: NodeJS.ProcessEnv): void {
  const entry = early.get(env);
  if (!entry) return;
  early.delete(env);
  entry.discarded = true;
  void entry.started.then((started) => started?.pipeline.close(0));
}
