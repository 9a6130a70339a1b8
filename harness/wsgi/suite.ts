import { concurrencyScenario } from './concurrency.ts';
import { environSuite } from './environSuite.ts';
import { responseSuite } from './response/suite.ts';
import type { SuiteEntry } from './entries.ts';

export type { CaseDef, PlayContext, PropertyDef, ScenarioDef, SuiteContext, SuiteEntry } from './entries.ts';

/** Every property, case and scenario of the WSGI profile, in the order they are scheduled. */
export const wsgiSuite: SuiteEntry[] = [...environSuite, concurrencyScenario, ...responseSuite];
