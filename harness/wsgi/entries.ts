import type fc from 'fast-check';
import type { HttpRequest } from '../http/request.ts';
import type { ExecuteContext } from '../run/execute.ts';
import type { Check, Outcome } from './observation.ts';
import type { EventLog } from './response/eventLog.ts';
import type { GeneratedHostile } from '../hostile/mutations.ts';

export interface SuiteContext {
  port: number;
  capabilities: string[];
  /** Milliseconds the probe waits for input calls that may block. */
  deadlineMs: number;
  /** Where the probe logs what happens inside the application while it answers a response plan. */
  log: EventLog;
}

interface Base {
  /** Stable id, used by --property / --case to replay. */
  id: string;
  /** What the harness does, in a phrase; what is required comes from the rules. */
  does: string;
  /** The rules this entry checks; outcomes for other rules are dropped. */
  rules: string[];
  check: Check;
}

export interface PropertyDef extends Base {
  kind: 'property';
  numRuns: number;
  arbitrary(context: SuiteContext): fc.Arbitrary<HttpRequest>;
}

export interface CaseDef extends Base {
  kind: 'case';
  request(context: SuiteContext): HttpRequest;
}

/**
 * A case that needs turns between the harness and the application (pauses, early closes, waiting for 100 Continue):
 * play() sends `request`, acts, and judges with the shared verifiers.
 */
export interface ScenarioDef extends Omit<Base, 'check'> {
  kind: 'scenario';
  request(context: SuiteContext): HttpRequest;
  play(request: HttpRequest, context: PlayContext): Promise<Outcome[]>;
}

export interface PlayContext {
  suite: SuiteContext;
  execution: ExecuteContext;
}

/** A property whose inputs are hostile octets with their acceptable outcomes, played like a scenario. */
export interface HostilePropertyDef extends Omit<Base, 'check'> {
  kind: 'hostile';
  numRuns: number;
  arbitrary(context: SuiteContext): fc.Arbitrary<GeneratedHostile>;
}

export type SuiteEntry = PropertyDef | CaseDef | ScenarioDef | HostilePropertyDef;
