/**
 * Finds the installed Apertium: the `apertium` wrapper, the language pairs it lists, the
 * null-flush shell pipeline of each mode, and the package versions for the fingerprint.
 */
import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { ProviderError } from '../../errors.js';
import { CommandCache } from './command-cache.js';
import { cacheDirectory } from './lookup-cache.js';
import { parseModePipeline } from './mode-commands.js';

const run = promisify(execFile);

export const INSTALL_HINT =
  'install it with `sudo apt-get install apertium apertium-fr-es apertium-eng-spa` (or `npm run seed`, which installs them)';

/** The Debian package that ships each mode we use. */
const PACKAGE_OF_MODE: Record<string, string> = {
  'fr-es': 'apertium-fr-es',
  'spa-eng': 'apertium-eng-spa',
  'spa-eng_US': 'apertium-eng-spa',
  // The unknown-word repair's chains.
  'es-fr': 'apertium-fr-es',
  'fr-eo': 'apertium-eo-fr',
  'eo-en': 'apertium-eo-en',
  'fra-cat': 'apertium-fra-cat',
  'cat-eng': 'apertium-eng-cat',
};

export interface ApertiumInstallation {
  /** argv of every stage of every mode, in order: one null-flush pipeline from source to target. */
  stages: string[][];
  /** Engine and language-data versions, for the translation-memory key. */
  versions: string;
}

/**
 * The mode files live in the wrapper's data directory: `$APERTIUM_DATADIR`, else the
 * default the wrapper was built with (its `APERTIUM_DATADIR=` line).
 */
async function dataDir(wrapper: string, env: NodeJS.ProcessEnv): Promise<string> {
  if (env.APERTIUM_DATADIR) return env.APERTIUM_DATADIR;
  const text = await readFile(wrapper, 'utf8').catch(() => '');
  return /APERTIUM_DATADIR="\$\{APERTIUM_DATADIR:-([^}"]+)\}"/.exec(text)?.[1] ?? '/usr/share/apertium';
}

/** Absolute path of a command, as the shell's `command -v` finds it: the first executable file on PATH. */
async function which(command: string, env: NodeJS.ProcessEnv): Promise<string> {
  if (command.includes('/')) return command;
  for (const directory of (env.PATH ?? '').split(':')) {
    const candidate = path.join(directory || '.', command);
    if ((await isFile(candidate)) && (await isExecutable(candidate))) return candidate;
  }
  return '';
}

const isExecutable = (file: string) =>
  access(file, constants.X_OK).then(
    () => true,
    () => false,
  );

/** The wrapper and the modes it would list: where every look-up below starts. */
export interface ApertiumWrapper {
  path: string;
  /** The data directory (the mode files are in its `modes/`). */
  dataDir: string;
  /** Modes in the data directory, e.g. `fr-es` (what `apertium -l` prints). */
  modes: Set<string>;
  /** The look-ups' answers from earlier runs (command-cache.ts); `save()` it once they are done. */
  commands: CommandCache;
}

/**
 * Finds the wrapper and lists the modes of its data directory, as `apertium -l` does — without
 * running it: the wrapper is a bash script that starts a `basename` per mode (some 30 processes,
 * 40–70 ms), and the mode files are read from that directory anyway.
 */
export async function locateWrapper(bin: string, env: NodeJS.ProcessEnv): Promise<ApertiumWrapper> {
  const wrapper = await which(bin, env).catch(() => '');
  if (wrapper === '' || !(await isFile(wrapper))) {
    throw new ProviderError(`Apertium is not installed: \`${bin}\` was not found`, { hint: INSTALL_HINT });
  }
  const data = await dataDir(wrapper, env);
  const [files, commands] = await Promise.all([
    readdir(path.join(data, 'modes')).catch(() => []),
    CommandCache.open(cacheDirectory(env)),
  ]);
  const modes = new Set(files.filter((file) => file.endsWith('.mode')).map((file) => file.slice(0, -5)));
  return { path: wrapper, dataDir: data, modes, commands };
}

const isFile = (file: string) =>
  stat(file).then(
    (info) => info.isFile(),
    () => false,
  );

/**
 * `apertium-wblank-mode -z` prints a mode's pipeline with `-z` on every stage; the
 * `apertium` wrapper runs the same thing, but between two gawk filters that hold each
 * NUL-terminated record back until the next one arrives, so we run it ourselves (as
 * Apertium-APy does).
 */
async function nullFlushStages(
  wrapper: ApertiumWrapper,
  mode: string,
  env: NodeJS.ProcessEnv,
  generation: '-n' | '-g' = '-n',
): Promise<string[][]> {
  const modeFile = path.join(wrapper.dataDir, 'modes', `${mode}.mode`);
  const tool = path.join(path.dirname(wrapper.path), 'apertium-wblank-mode');
  let script: string;
  try {
    script = await wrapper.commands.output(
      [tool, '-z', modeFile],
      [modeFile, tool],
      async () => (await run(tool, ['-z', modeFile], { env, timeout: 30_000 })).stdout,
    );
  } catch (error) {
    throw new ProviderError(`Apertium mode ${mode} cannot be read: \`${tool} -z ${modeFile}\` failed`, {
      hint: `Apertium 3.7 or later is needed; ${INSTALL_HINT}`,
      cause: error,
    });
  }
  // `-n` is what `apertium -u` passes: generation without unknown-word marks; `-g` (the
  // wrapper's default) marks unknown words with `*`, which the unknown-word repair reads.
  const stages = parseModePipeline(script, { generation, tagger: '' });
  if (typeof stages === 'string') {
    throw new ProviderError(`Apertium mode ${mode} (${modeFile}) cannot be run: ${stages}`);
  }
  return stages;
}

// biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own field syntax
const DPKG_FORMAT = '${Package}=${Version}\\n';

const packagesOf = (modes: readonly string[]) => [
  'apertium',
  'lttoolbox',
  ...new Set(modes.map((mode) => PACKAGE_OF_MODE[mode] ?? mode)),
];

/** `dpkg-query` versions of the engine and language data of `modes`, by package; none off Debian. */
async function installedVersions(
  wrapper: ApertiumWrapper,
  modes: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<Map<string, string>> {
  const args = ['-W', '-f', DPKG_FORMAT, ...packagesOf(modes)];
  const dpkgQuery = await which('dpkg-query', env);
  if (dpkgQuery === '') return new Map();
  // dpkg rewrites its status database on every install, upgrade or removal.
  const status = path.join(env.DPKG_ADMINDIR || '/var/lib/dpkg', 'status');
  const stdout = await wrapper.commands.output([dpkgQuery, ...args], [dpkgQuery, status], () =>
    // dpkg-query exits 1 when one package is missing but still prints the others.
    run(dpkgQuery, args, { env })
      .then((result) => result.stdout)
      .catch((error: { stdout?: string }) => error.stdout ?? ''),
  );
  return new Map(
    stdout
      .split('\n')
      .map((line) => line.split('='))
      .filter((pair): pair is [string, string] => pair.length === 2 && pair[1] !== ''),
  );
}

/** `apertium=…,lttoolbox=…,<package>=…` for `modes`, `unknown` for a package dpkg does not know. */
const describeVersions = (modes: readonly string[], found: Map<string, string>) =>
  packagesOf(modes)
    .map((name) => `${name}=${found.get(name) ?? 'unknown'}`)
    .join(',');

async function packageVersions(
  wrapper: ApertiumWrapper,
  modes: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<string> {
  return describeVersions(modes, await installedVersions(wrapper, modes, env));
}

/** Checks that every mode is there; throws ProviderError (exit 3) naming what is missing. */
export async function locateApertium(
  wrapper: ApertiumWrapper,
  modes: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<ApertiumInstallation> {
  // Independent look-ups run side by side: each is a process start when the command cache cannot answer.
  const versions = packageVersions(wrapper, modes, env);
  const missing = modes.filter((mode) => !wrapper.modes.has(mode));
  if (missing.length > 0) {
    versions.catch(() => {});
    const names = missing.map((mode) => `${mode} (package ${PACKAGE_OF_MODE[mode] ?? `apertium-${mode}`})`);
    throw new ProviderError(`Apertium language pair missing: ${names.join(', ')}`, { hint: INSTALL_HINT });
  }
  // The last leg marks the words it does not know (`*combatientes`), for the unknown-word repair.
  const legs = await Promise.all(
    modes.map((mode, i) => nullFlushStages(wrapper, mode, env, i === modes.length - 1 ? '-g' : '-n')),
  );
  return { stages: legs.flat(), versions: await versions };
}

/** A chain of modes as one pipeline, and the package versions it runs on (the repair's cache key). */
export interface ChainInstallation {
  stages: string[][];
  versions: string;
}

/**
 * For each chain of modes, one null-flush pipeline through them in turn, every leg marking
 * unknown words (a word one leg does not know shows as `*word` in the result), or undefined
 * when a mode is not installed: the unknown-word repair uses what it finds (es→fr, fr→ca→en,
 * fr→eo→en).
 */
export async function locateChains(
  wrapper: ApertiumWrapper,
  chains: readonly (readonly string[])[],
  env: NodeJS.ProcessEnv,
): Promise<(ChainInstallation | undefined)[]> {
  const installed = chains.filter((modes) => modes.every((mode) => wrapper.modes.has(mode)));
  // One dpkg-query for every chain (a process start when the command cache cannot answer).
  const versions = installedVersions(wrapper, installed.flat(), env);
  return Promise.all(
    chains.map(async (modes) => {
      if (!installed.includes(modes)) return undefined;
      const legs = await Promise.all(modes.map((mode) => nullFlushStages(wrapper, mode, env, '-g')));
      return { stages: legs.flat(), versions: describeVersions(modes, await versions) };
    }),
  );
}
