// The programmatic API of gwi-test: an explicit list, so what is public is a decision.
export { defineAdapter, type AdapterModule } from './adapter/define.ts';
export { loadAdapter, type LoadedAdapter } from './adapter/load.ts';
export { runConformance, type RunOptions, type ProgressEvent } from './run/conformance.ts';
export { smoke, type SmokeResult } from './run/smoke.ts';
export { loadCatalogue, type CatalogueRule } from './spec/catalogue.ts';
export { GwiError, type GwiErrorCode } from './errors.ts';
export { formatConsole } from './report/console.ts';
export { formatJson } from './report/json.ts';
export { formatJunit } from './report/junit.ts';
export type { Report, RuleResult, Finding, Verdict } from './generated/report.ts';
export type { AdapterFile } from './generated/adapter.ts';
