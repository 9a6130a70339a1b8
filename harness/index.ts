// The programmatic API of gwi-test: an explicit list, so what is public is a decision.
// Importing it installs every interface plugin gwi-test ships.
import './interfaces.ts';

export { defineAdapter, type AdapterModule } from './adapter/define.ts';
export { loadAdapter, type LoadedAdapter } from './adapter/load.ts';
export { runConformance, type RunOptions, type ProgressEvent } from './engine/conformance.ts';
export { smoke, type SmokeResult } from './engine/smoke.ts';
export { loadCatalogue, type CatalogueRule } from './spec/catalogue.ts';
export { GwiError, type GwiErrorCode } from './core/errors.ts';
export { formatConsole } from './report/console.ts';
export { formatJson } from './report/json.ts';
export { formatJunit } from './report/junit.ts';
export { registerInterface, registeredInterfaces, type GatewayPlugin } from './engine/plugin.ts';
export { replayLine } from './report/replayLine.ts';
export type { Report, RuleResult, Finding, Replay, Verdict } from './generated/report.ts';
export type { AdapterFile } from './generated/adapter.ts';
