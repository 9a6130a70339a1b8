import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Ledger } from '../../harness/run/ledger.ts';
import { searchProperty, type Judge } from '../../harness/run/runEntry.ts';

const replay = { adapter: 'a' };
/** A judge of integers that finds rule r.small broken by every input of 10 or more, after a short wait like a real request's. */
const judge: Judge<number> = {
  async evaluate(n) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    return [{ ruleId: 'r.small', ok: n < 10, pointer: '/n', message: 'too big' }];
  },
  show: (n) => String(n),
};

describe('searchProperty and the run\'s time bound', () => {
  it('a bound that passes before any input was judged ends the search quietly: no finding, no error', async () => {
    const ledger = new Ledger();
    await expect(searchProperty('p', fc.nat(), judge, { ledger, replay, deadline: Date.now() - 1 }, { seed: 1, numRuns: 50 })).resolves.toBeUndefined();
    expect(ledger.get('r.small').findings).toEqual([]);
  });

  it('within the bound the same search finds and shrinks the deviation', async () => {
    const ledger = new Ledger();
    await searchProperty('p', fc.nat(), judge, { ledger, replay, deadline: Date.now() + 60_000 }, { seed: 1, numRuns: 50 });
    const [finding] = ledger.get('r.small').findings;
    expect(finding.request).toBe('10');
    expect(finding.replay.rule).toBe('r.small');
  });
});
