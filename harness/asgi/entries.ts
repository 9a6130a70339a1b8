import type { CheckedCaseDef, CheckedEntry, CheckedPropertyDef } from '../run/entries.ts';
import type { Check } from './observation.ts';

export type { PlayContext, ScenarioDef, SuiteContext } from '../run/entries.ts';

/** An ASGI property: generated requests, each judged by a check of what the probe reported. */
export type PropertyDef = CheckedPropertyDef<Check>;
export type CaseDef = CheckedCaseDef<Check>;
export type SuiteEntry = CheckedEntry<Check>;
