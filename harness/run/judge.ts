import { GwiError } from '../core/errors.ts';
import type { HttpRequest } from '../http/request.ts';
import type { CheckedEntry, ExecuteContext, RequestJudge, SuiteEntry } from './entries.ts';
import type { Outcome } from './outcome.ts';

/**
 * How a plugin turns its checked entries into entries the engine runs: send the request and read the probe
 * (`observe`), then judge with the entry's check. An exception inside a check is the harness's bug, named as such,
 * never a finding about the server or its crash.
 */
export function checkedJudge<O>(observe: (request: HttpRequest, context: ExecuteContext) => Promise<O>) {
  const judgedBy = (entryId: string, check: (observation: O) => Outcome[]): RequestJudge =>
    async (request, context) => {
      const observation = await observe(request, context.execution);
      try {
        return check(observation);
      } catch (error) {
        throw new GwiError('GWI_HARNESS_BUG', `the check of ${entryId} threw: ${(error as Error).stack ?? String(error)}`, 'this is a gwi-test bug: report it with the request above');
      }
    };
  const judged = (entry: CheckedEntry<(observation: O) => Outcome[]>): SuiteEntry => {
    if (entry.kind === 'scenario') return entry;
    const { check, ...rest } = entry;
    return { ...rest, evaluate: judgedBy(entry.id, check) } as SuiteEntry;
  };
  return { judgedBy, judged };
}
