import type { CheckedCaseDef, CheckedPropertyDef, CheckedEntry } from '../run/entries.ts';
import type { Check } from './observation.ts';

export type { PlayContext, ScenarioDef, SuiteContext } from '../run/entries.ts';

/** A WSGI property: generated requests, each judged by a check of what the probe reported (see plugin.ts). */
export type PropertyDef = CheckedPropertyDef<Check>;

/** A WSGI fixed case, judged by a check. */
export type CaseDef = CheckedCaseDef<Check>;

export type SuiteEntry = CheckedEntry<Check>;
