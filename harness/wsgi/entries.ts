import type { CaseDef as JudgedCase, PropertyDef as JudgedProperty, ScenarioDef } from '../run/entries.ts';
import type { Check } from './observation.ts';

export type { PlayContext, ScenarioDef, SuiteContext } from '../run/entries.ts';

/** A WSGI property: generated requests, each judged by a check of what the probe reported (see plugin.ts). */
export interface PropertyDef extends Omit<JudgedProperty, 'evaluate'> {
  check: Check;
}

/** A WSGI fixed case, judged by a check. */
export interface CaseDef extends Omit<JudgedCase, 'evaluate'> {
  check: Check;
}

export type SuiteEntry = PropertyDef | CaseDef | ScenarioDef;
