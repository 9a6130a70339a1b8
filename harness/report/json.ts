import { GwiError } from '../core/errors.ts';
import type { Report } from '../generated/report.ts';
import { describeErrors, validators } from '../spec/schemas.ts';

/** The JSON report, checked against spec/report.schema.json before it leaves the process. */
export function formatJson(report: Report): string {
  if (!validators.report(report)) {
    throw new GwiError('GWI_SPEC_INVALID', `the report does not match spec/report.schema.json: ${describeErrors(validators.report.errors).join('; ')}`, 'this is a gwi-test bug: please report it');
  }
  return JSON.stringify(report, null, 2) + '\n';
}
