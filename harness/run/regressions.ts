import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GwiError } from '../core/errors.ts';
import type { RegressionCase } from '../generated/regression.ts';
import type { HttpRequest } from '../http/request.ts';
import { describeErrors, validators } from '../spec/schemas.ts';
import type { CaseDef, SuiteContext, SuiteEntry } from './entries.ts';
import { logHeader } from './eventLog.ts';

export type { RegressionCase } from '../generated/regression.ts';

export const regressionsDir = (adapterDir: string) => join(adapterDir, 'regressions');

/** The request of a saved case, pointed at this run's server and event log. */
function retarget(request: HttpRequest, context: SuiteContext): HttpRequest {
  const headers = request.headers.map(([name, value]): [string, string] => {
    if (name.toLowerCase() === 'host' && /^127\.0\.0\.1:\d+$/.test(value)) return [name, `127.0.0.1:${context.port}`];
    if (name.toLowerCase() === logHeader.toLowerCase()) return [name, context.log.dir];
    return [name, value];
  });
  return { ...request, headers };
}

/** Saved counterexamples of an adapter, each as a fixed case judged by the check of the entry it came from. */
export function regressionEntries(adapterDir: string, suite: SuiteEntry[]): CaseDef[] {
  const dir = regressionsDir(adapterDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => name.endsWith('.json')).sort().map((name): CaseDef => {
    const file = join(dir, name);
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new GwiError('GWI_ADAPTER_INVALID', `${file} is not valid JSON: ${(error as Error).message}`, 'fix it or delete it');
    }
    if (!validators.regression(data)) throw new GwiError('GWI_ADAPTER_INVALID', `${file} does not match spec/regression.schema.json: ${describeErrors(validators.regression.errors).join('; ')}`, 'save cases with gwi-test replay --save');
    const saved = data;
    const entry = suite.find((e) => e.id === saved.entry);
    if (!entry || (entry.kind !== 'property' && entry.kind !== 'case')) throw new GwiError('GWI_ADAPTER_INVALID', `${file} names ${saved.entry}, which is not a property or case of this gwi-test`, 'delete it, or save it again with this version');
    return {
      kind: 'case',
      id: `regression.${name.replace(/\.json$/, '')}`,
      does: `replays a saved counterexample of ${saved.rule}`,
      rules: [saved.rule],
      evaluate: entry.evaluate,
      request: (context) => retarget(saved.request as HttpRequest, context),
    };
  });
}

/** Save a counterexample as regressions/<rule>[-n].json; returns the file written. */
export function saveRegression(adapterDir: string, saved: Omit<RegressionCase, 'format'>): string {
  const dir = regressionsDir(adapterDir);
  mkdirSync(dir, { recursive: true });
  let file = join(dir, `${saved.rule}.json`);
  for (let n = 2; existsSync(file); n++) file = join(dir, `${saved.rule}-${n}.json`);
  writeFileSync(file, JSON.stringify({ format: 1, ...saved }, null, 2) + '\n');
  return file;
}
