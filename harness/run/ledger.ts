import type { Finding, Replay } from '../generated/report.ts';
import type { Outcome } from './outcome.ts';

export interface RuleRecord {
  cases: number;
  findings: Finding[];
  profile: Record<string, number>;
  inconclusive: Set<string>;
  errors: string[];
}

/** What every check concluded, per rule, for the whole run. */
export class Ledger {
  readonly records = new Map<string, RuleRecord>();

  get(ruleId: string): RuleRecord {
    let record = this.records.get(ruleId);
    if (!record) {
      record = { cases: 0, findings: [], profile: {}, inconclusive: new Set(), errors: [] };
      this.records.set(ruleId, record);
    }
    return record;
  }

  /** Count the outcomes of one request (passes, profiles, inconclusive); deviations are added by addFinding once shrunk. */
  count(outcomes: Outcome[]): void {
    for (const outcome of outcomes) {
      const record = this.get(outcome.ruleId);
      if (outcome.inconclusive !== undefined) {
        record.inconclusive.add(outcome.inconclusive);
        continue;
      }
      record.cases += 1;
      if (outcome.profile !== undefined) record.profile[outcome.profile] = (record.profile[outcome.profile] ?? 0) + 1;
    }
  }

  /** `request`: what reproduces it, as text (escaped request octets, or the driver's call line). */
  addFinding(outcome: Outcome, request: string, replay: Replay): void {
    this.get(outcome.ruleId).findings.push({
      message: outcome.message ?? 'deviation',
      expected: outcome.expected ?? null,
      actual: outcome.actual ?? null,
      pointer: outcome.pointer,
      request,
      replay,
    });
  }

  addError(ruleIds: string[], message: string): void {
    for (const id of ruleIds) this.get(id).errors.push(message);
  }
}
