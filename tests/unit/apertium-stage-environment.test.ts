import { describe, expect, it } from 'vitest';
import { stageEnvironment } from '../../src/providers/apertium/pipeline.js';

describe('stageEnvironment', () => {
  it.each([
    ['no tunables', undefined, 'glibc.malloc.hugetlb=1'],
    ['other tunables', 'glibc.malloc.check=0', 'glibc.malloc.check=0:glibc.malloc.hugetlb=1'],
    ['the caller’s own hugetlb (off)', 'glibc.malloc.hugetlb=0', 'glibc.malloc.hugetlb=0'],
    [
      'the caller’s own among others',
      'glibc.malloc.hugetlb=2:glibc.malloc.check=0',
      'glibc.malloc.hugetlb=2:glibc.malloc.check=0',
    ],
  ])('%s', (_, given, expected) => {
    const env: NodeJS.ProcessEnv = {
      PATH: '/usr/bin',
      ...(given === undefined ? {} : { GLIBC_TUNABLES: given }),
    };
    const result = stageEnvironment(env);
    expect(result.GLIBC_TUNABLES).toBe(expected);
    expect(result.PATH).toBe('/usr/bin');
    expect(env.GLIBC_TUNABLES).toBe(given); // the caller's object is not changed
  });
});
