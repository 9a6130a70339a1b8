import { beforeAll, describe, expect, it } from 'vitest';
import { loadAdapter, type LoadedAdapter } from '../../harness/adapter/load.ts';
import { runConformance } from '../../harness/engine/conformance.ts';
import { loadCatalogue } from '../../harness/spec/catalogue.ts';
import { fixturesDir } from '../../harness/spec/paths.ts';
import { describeMutantApplication } from './mutantApplication.ts';

// fixtures/wsgi/mutant-app/mutant_app.py breaks one application rule when GWI_BREAK names it.
const rules = [...loadCatalogue().values()].filter((rule) => rule.subject === 'application' && rule.id.startsWith('wsgi.'));
/** Profile rules cannot fail: the switch moves the recorded choice to this one only. */
const profileUnderSwitch: Record<string, string> = {
  'wsgi.app.write.used': 'uses write()',
  'wsgi.app.input.short-reads': 'stops at the first short read',
  'wsgi.app.headers.validate-names': 'names wsgiref.validate rejects',
};

let base: LoadedAdapter;
beforeAll(async () => {
  base = await loadAdapter(fixturesDir + 'wsgi/mutant-app');
});

const run = (broken = '') => runConformance({ adapter: { ...base, config: { ...base.config, env: { GWI_BREAK: broken } } }, seed: 7, numRuns: 40 });

// the clean application uses write() for POSTs on purpose (so write() rules are exercised): that profile shows both
const { unbroken } = describeMutantApplication('mutant WSGI application', rules, profileUnderSwitch, run, ['wsgi.app.write.used']);

describe('the unbroken mutant WSGI application', () => {
  it('records both choices of the write() profile', () => {
    expect(Object.keys(unbroken().results.find((r) => r.ruleId === 'wsgi.app.write.used')?.profile ?? {}).sort()).toEqual(['iterable only', 'uses write()']);
  });
});
