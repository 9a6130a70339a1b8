import fc from 'fast-check';
import { expect, it } from 'vitest';
import { responsePlan } from '../../harness/wsgi/generators/responsePlan.ts';
import { validators } from '../../harness/wsgi/schemas.ts';

it('responsePlan() yields plans the schema accepts, with content-bearing statuses and a true Content-Length', () => {
  fc.assert(
    fc.property(responsePlan(), (plan) => {
      expect(validators.responsePlan({ id: 'x', ...plan }), JSON.stringify(validators.responsePlan.errors)).toBe(true);
      const code = Number(plan.status?.slice(0, 3));
      expect(code >= 200 && code <= 599 && ![204, 205, 304].includes(code)).toBe(true);
      const declared = plan.headers?.find(([name]) => name.toLowerCase() === 'content-length')?.[1];
      if (declared !== undefined) expect(Number(declared)).toBe([...(plan.writes ?? []), ...(plan.body ?? [])].join('').length);
    }),
    { numRuns: 300 },
  );
});

it('responsePlan() names the declared Content-Length in upper, lower and mixed case (header names are case-insensitive)', () => {
  const names = new Set(fc.sample(responsePlan(), { numRuns: 400, seed: 7 }).flatMap((plan) => (plan.headers ?? []).map(([name]) => name).filter((name) => name.toLowerCase() === 'content-length')));
  expect([...names].sort()).toEqual(['CONTENT-LENGTH', 'Content-Length', 'content-length']);
});
