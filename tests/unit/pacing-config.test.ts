import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parsePacingSettings, toOverrides } from '../../src/providers/pacing-config.js';
import { LOCAL_ENGINE_PACING, withOverrides } from '../../src/providers/provider.js';

describe('versio.config.json "translate" section', () => {
  it("reads the engine's own settings and ignores other engines and sections", () => {
    const config = {
      check: {},
      translate: { deepl: { rate: 3, retryBudget: 30 }, apertium: { concurrency: 9 } },
    };
    expect(parsePacingSettings(config, 'deepl', 'versio.config.json')).toEqual({ rate: 3, retryBudget: 30 });
    expect(parsePacingSettings({}, 'deepl', 'versio.config.json')).toEqual({});
  });

  const refusals: [string, unknown, RegExp][] = [
    ['an unknown key', { translate: { deepl: { rpm: 3 } } }, /unknown key "translate\.deepl\.rpm"/],
    [
      'a zero rate',
      { translate: { deepl: { rate: 0 } } },
      /"translate\.deepl\.rate" must be a positive number/,
    ],
    ['a fractional concurrency', { translate: { deepl: { concurrency: 1.5 } } }, /positive whole number/],
    ['a string', { translate: { deepl: { timeout: '30' } } }, /"translate\.deepl\.timeout" must be/],
    ['a non-object section', { translate: [] }, /"translate" must be an object/],
  ];
  for (const [what, value, message] of refusals) {
    it(`refuses ${what} with an InputError naming the key`, () => {
      const error = (() => {
        try {
          parsePacingSettings(value, 'deepl', 'versio.config.json');
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toMatch(/^versio\.config\.json: /);
      expect((error as Error).message).toMatch(message);
    });
  }

  it('turns user units (per second, seconds) into overrides that win field by field over the defaults', () => {
    const merged = withOverrides(LOCAL_ENGINE_PACING, toOverrides({ rate: 2, retryBudget: 1.5, timeout: 3 }));
    expect(merged.pacing).toEqual({ ...LOCAL_ENGINE_PACING.pacing, rate: 2, windowMs: 1000 });
    expect(merged.retry).toEqual({ ...LOCAL_ENGINE_PACING.retry, budgetMs: 1500, timeoutMs: 3000 });
  });
});
