/**
 * A copy of the installed Apertium whose fr-es mode ends with one more stage, a script of the test's:
 * a real pipeline in which a test can inject a fault or watch a start. VERSIO_APERTIUM_BIN points
 * at a wrapper beside the copied modes, APERTIUM_DATADIR at the modes.
 */
import { chmodSync, copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Unknown to both dictionaries, so it reaches the extra stage unchanged. */
export const FAULT_TRIGGER = 'Zorglub';

/**
 * A null-flush stage in Python that passes records through; `onRecord` is Python run on each
 * `record` (bytes) before it goes on, indented by 8 spaces, and may change it or `continue` to
 * drop it.
 */
export function nullFlushStage(onRecord: string): string {
  return `#!/usr/bin/env python3
import os, re, signal, time
buffer = b''
while True:
    chunk = os.read(0, 65536)
    if not chunk:
        break
    buffer += chunk
    while b'\\0' in buffer:
        record, buffer = buffer.split(b'\\0', 1)
${onRecord}
        os.write(1, record + b'\\0')
`;
}

/**
 * On a record containing the trigger: VERSIO_FAULT=kill → SIGKILL itself, drop → swallow the
 * record, stall → wait 30 s before passing it on. VERSIO_FAULT_ONCE=<file>: only while the file is
 * absent (it is created when the fault fires).
 */
export const FAULT_STAGE = nullFlushStage(`        mode = os.environ.get('VERSIO_FAULT', '')
        once = os.environ.get('VERSIO_FAULT_ONCE', '')
        if mode and b'${FAULT_TRIGGER}' in record and not (once and os.path.exists(once)):
            if once:
                open(once, 'w').close()
            if mode == 'kill':
                os.kill(os.getpid(), signal.SIGKILL)
            if mode == 'drop':
                continue
            if mode == 'stall':
                time.sleep(30)`);

/**
 * Builds the copy in `dir` with `stage` (a script's text, saved as `dir/name`: errors name the
 * stage so) as the last stage of fr-es; returns the environment that selects it.
 */
export function installationWithExtraStage(dir: string, stage: string, name = 'fault'): NodeJS.ProcessEnv {
  mkdirSync(join(dir, 'modes'), { recursive: true });
  const extra = join(dir, name);
  writeFileSync(extra, stage);
  writeFileSync(
    join(dir, 'apertium'),
    '#!/bin/sh\nif [ "$1" = "-l" ]; then printf "fr-es\\nspa-eng\\nspa-eng_US\\n"; exit 0; fi\nexec apertium "$@"\n',
  );
  chmodSync(extra, 0o755);
  chmodSync(join(dir, 'apertium'), 0o755);
  // install.ts runs apertium-wblank-mode from the wrapper's directory.
  symlinkSync('/usr/bin/apertium-wblank-mode', join(dir, 'apertium-wblank-mode'));
  const real = '/usr/share/apertium/modes';
  writeFileSync(
    join(dir, 'modes/fr-es.mode'),
    `${readFileSync(join(real, 'fr-es.mode'), 'utf8').trim()} | ${extra}\n`,
  );
  // `en` is American English: the spa-eng_US mode (spa-eng serves en-GB).
  for (const mode of ['spa-eng', 'spa-eng_US'])
    copyFileSync(join(real, `${mode}.mode`), join(dir, `modes/${mode}.mode`));
  return { VERSIO_APERTIUM_BIN: join(dir, 'apertium'), APERTIUM_DATADIR: dir };
}
