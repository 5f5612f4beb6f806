import { describe, expect, it } from 'vitest';
import { ClaimWaiters } from '../../src/memory/claim-waiters.js';
import type { MemoryRecord } from '../../src/memory/record.js';

/** A memory made of data: the records stored so far and the keys still claimed. */
function source() {
  const records = new Map<string, MemoryRecord>();
  const claimed = new Set<string>();
  let refreshes = 0;
  return {
    records,
    claimed,
    refreshes: () => refreshes,
    source: {
      refresh: async () => {
        refreshes += 1;
      },
      lookup: async (key: string) => records.get(key),
      stillClaimed: (key: string) => claimed.has(key),
    },
  };
}

const record = (key: string): MemoryRecord =>
  ({ key, source: 'Bonjour.', target: 'Hello.', provider: 'pseudo' }) as MemoryRecord;

describe('ClaimWaiters', () => {
  it('hands a waited key over with its record once the claimant stores it', async () => {
    const memory = source();
    memory.claimed.add('k1');
    const waiters = new ClaimWaiters(memory.source, 1);
    const done = waiters.wait('k1');
    memory.records.set('k1', record('k1'));
    memory.claimed.delete('k1');
    expect((await done)?.target).toBe('Hello.');
    expect(memory.refreshes()).toBeGreaterThan(0);
    expect(waiters.get('k1')).toBeUndefined();
  });

  it('hands it over with undefined when the claim is gone without a record (claim it again)', async () => {
    const memory = source();
    const waiters = new ClaimWaiters(memory.source, 1);
    expect(await waiters.wait('k2')).toBeUndefined();
  });

  it('two waits for one key share one waiter', async () => {
    const memory = source();
    memory.claimed.add('k3');
    const waiters = new ClaimWaiters(memory.source, 1);
    const first = waiters.wait('k3');
    const second = waiters.wait('k3', waiters.get('k3'));
    memory.records.set('k3', record('k3'));
    expect(await first).toBe(await second);
  });

  it('close gives every waiter undefined and stops polling', async () => {
    const memory = source();
    memory.claimed.add('k4');
    const waiters = new ClaimWaiters(memory.source, 1);
    const done = waiters.wait('k4');
    waiters.close();
    expect(await done).toBeUndefined();
    const after = memory.refreshes();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(memory.refreshes()).toBe(after);
  });
});
