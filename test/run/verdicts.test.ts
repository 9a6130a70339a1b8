import { describe, expect, it } from 'vitest';
import { Ledger } from '../../harness/run/ledger.ts';
import { verdictFor } from '../../harness/run/verdicts.ts';
import { loadCatalogue } from '../../harness/spec/catalogue.ts';

describe('a shared rule that an interface leaves open (notFor)', () => {
  const rule = loadCatalogue().get('http.request.line.absolute-form')!;
  const ledger = new Ledger();
  const outcome = { ruleId: 'http.request.line.absolute-form', ok: false, pointer: '/hostile', message: 'the path held the scheme', expected: '/front', actual: 'http://x/front' };
  ledger.count([outcome]);
  ledger.addFinding(outcome, 'GET http://x/front HTTP/1.1', { adapter: 'a', rule: 'http.request.line.absolute-form', case: 'c' });

  it('is skipped with the reason for that interface', () => {
    const result = verdictFor(rule, ledger, [], 'asgi');
    expect(result.verdict).toBe('skip');
    expect(result.reason).toContain('not judged for asgi');
  });

  it('is judged for the others', () => {
    expect(verdictFor(rule, ledger, [], 'wsgi').verdict).toBe('fail');
  });
});
