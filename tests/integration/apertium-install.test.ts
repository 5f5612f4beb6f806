/**
 * What the Apertium provider checks before it starts: the binary, the language pairs,
 * the language direction; and the fingerprint it gives the translation memory.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProviderError } from '../../src/errors.js';
import { postEditFingerprint } from '../../src/postedit/index.js';
import { createApertium } from '../../src/providers/apertium.js';

const options = { sourceLang: 'fr', targetLang: 'en' };
// biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own field syntax
const DPKG_FORMAT = '${Package}=${Version}\\n';

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

describe('a missing installation', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'versio-apertium-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('fails with exit code 3 naming the binary when it does not exist, and says how to install it', async () => {
    const bin = path.join(dir, 'no-such-apertium');
    const error = await failure(
      createApertium({ ...options, env: { ...process.env, VERSIO_APERTIUM_BIN: bin } }),
    );
    expect(error.exitCode).toBe(3);
    expect(error.message).toContain(bin);
    expect(error.message).toContain('not found');
    expect(error.hint).toContain('sudo apt-get install apertium apertium-fr-es apertium-eng-spa');
    expect(error.hint).toContain('npm run seed');
  });

  it('names the missing language pair and its package', async () => {
    // A data directory that holds only the fr-es mode: the real wrapper lists just that one.
    const modes = path.join(dir, 'modes');
    await mkdir(modes, { recursive: true });
    await symlink('/usr/share/apertium/modes/fr-es.mode', path.join(modes, 'fr-es.mode'));
    const error = await failure(
      createApertium({ ...options, env: { ...process.env, APERTIUM_DATADIR: dir } }),
    );
    expect(error.exitCode).toBe(3);
    expect(error.message).toContain('spa-eng');
    expect(error.message).toContain('apertium-eng-spa');
    expect(error.message).not.toContain('fr-es');
    expect(error.hint).toContain('sudo apt-get install');
  });
});

describe('language direction', () => {
  it.each([
    ['de', 'en'],
    ['fr', 'de'],
  ])('refuses %s → %s with a ProviderError', async (sourceLang, targetLang) => {
    const error = await failure(createApertium({ sourceLang, targetLang }));
    expect(error.message).toContain(`${sourceLang} → ${targetLang}`);
  });
});

describe('fingerprint', () => {
  it('carries the installed versions of the language pairs, the route and the post-editing rules', async () => {
    const provider = await createApertium(options);
    try {
      const installed = execFileSync(
        'dpkg-query',
        ['-W', '-f', DPKG_FORMAT, 'apertium-fr-es', 'apertium-eng-spa'],
        {
          encoding: 'utf8',
        },
      )
        .trim()
        .split('\n');
      expect(installed).toHaveLength(2);
      for (const entry of installed) expect(provider.fingerprint).toContain(entry);
      expect(provider.fingerprint).toContain('fr-es+spa-eng');
      // The post-editing rules too: a changed rule must not reuse English the old rules wrote.
      expect(provider.fingerprint).toContain(`@${postEditFingerprint()}:`);
    } finally {
      await provider.close();
    }
  });

  it('differs for American English, which has its own mode', async () => {
    const [gb, us] = await Promise.all([
      createApertium({ ...options, targetLang: 'en-GB' }),
      createApertium({ ...options, targetLang: 'en-US' }),
    ]);
    try {
      expect(us.fingerprint).not.toBe(gb.fingerprint);
    } finally {
      await Promise.all([gb.close(), us.close()]);
    }
  });
});
