/**
 * How many documents at once (`--jobs`) the tests that translate several documents run with:
 * `VERSIO_TEST_JOBS` (default 1). Those tests hold for any scheduling order, so the suite must
 * pass with `VERSIO_TEST_JOBS=1` and `VERSIO_TEST_JOBS=4`; never the machine's core count.
 */
export function testJobs(): string {
  const jobs = process.env.VERSIO_TEST_JOBS ?? '1';
  if (!/^[1-9]\d*$/.test(jobs)) throw new Error(`VERSIO_TEST_JOBS must be a positive integer, not "${jobs}"`);
  return jobs;
}
