import type { CatalogueRule } from '../spec/catalogue.ts';
import type { RuleResult, Verdict } from '../generated/report.ts';
import type { Ledger } from './ledger.ts';

const failingLevel = (level: CatalogueRule['level']): Verdict => (level === 'MUST' || level === 'MUST NOT' ? 'fail' : level === 'MAY' ? 'info' : 'warn');

/** One rule's verdict from what the ledger holds: the closed union pass | fail | warn | info | skip | error. */
export function verdictFor(rule: CatalogueRule, ledger: Ledger, capabilities: string[], gatewayInterface?: string): RuleResult {
  const base = { ruleId: rule.id, level: rule.level, requirement: rule.requirement, links: rule.links };
  const notHere = gatewayInterface ? rule.notFor?.[gatewayInterface] : undefined;
  if (notHere) return { ...base, verdict: 'skip', cases: 0, findings: [], reason: `not judged for ${gatewayInterface}: ${notHere}` };
  if (rule.capability && !capabilities.includes(rule.capability)) {
    return { ...base, verdict: 'skip', cases: 0, findings: [], reason: `needs capability "${rule.capability}", which the adapter does not declare` };
  }
  const record = ledger.get(rule.id);
  const profile = Object.keys(record.profile).length > 0 ? { profile: record.profile } : {};
  if (record.errors.length > 0) {
    return { ...base, verdict: 'error', cases: record.cases, findings: record.findings, reason: record.errors[0], ...profile };
  }
  if (record.findings.length > 0) return { ...base, verdict: failingLevel(rule.level), cases: record.cases, findings: record.findings, ...profile };
  if (record.cases === 0) {
    const reason = [...record.inconclusive][0] ?? 'nothing sent in this run exercised the rule (no request reached the probe where it applies, or no call of the application did)';
    return { ...base, verdict: 'skip', cases: 0, findings: [], reason };
  }
  if (rule.kind === 'profile') return { ...base, verdict: 'info', cases: record.cases, findings: [], ...profile };
  return { ...base, verdict: 'pass', cases: record.cases, findings: [], ...profile };
}
