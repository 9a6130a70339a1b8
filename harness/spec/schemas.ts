import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { specDir } from './paths.ts';
import type { AdapterFile } from '../generated/adapter.ts';
import type { Report } from '../generated/report.ts';
import type { RuleFile } from '../generated/rule.ts';
import type { ExpectationsFile } from '../generated/expectations.ts';
import type { RegressionCase } from '../generated/regression.ts';
import type { HostileCorpus } from '../generated/hostileCorpus.ts';
import type { ArrivalRecord } from '../generated/probeArrivals.ts';
import type { BodyEvent } from '../generated/probeBodyEvents.ts';

// ajv-formats ships CommonJS; its default export arrives wrapped under Node's ESM loader.
type AddFormats = (ajv: Ajv2020) => Ajv2020;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ?? addFormatsModule) as AddFormats;

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);

/** A schema file, added to ajv together with every file its $refs name (so a schema compiles whatever was compiled before). */
function addFile(relativePath: string): { $id: string } {
  const schema = JSON.parse(readFileSync(specDir + relativePath, 'utf8')) as { $id: string };
  if (ajv.getSchema(schema.$id)) return schema;
  ajv.addSchema(schema);
  const folder = posix.dirname(relativePath);
  for (const ref of JSON.stringify(schema).matchAll(/"\$ref":"([^"#]+)(?:#[^"]*)?"/g)) addFile(posix.normalize(posix.join(folder, ref[1])));
  return schema;
}

export function load<T>(relativePath: string): ValidateFunction<T> {
  const validate = ajv.getSchema<T>(addFile(relativePath).$id);
  if (!validate) throw new Error(`cannot compile ${relativePath}`);
  return validate;
}

/** One definition of a schema file, e.g. the reply half of a protocol. */
export function loadDef<T>(relativePath: string, def: string): ValidateFunction<T> {
  const validate = ajv.getSchema<T>(`${addFile(relativePath).$id}#/$defs/${def}`);
  if (!validate) throw new Error(`no $defs/${def} in ${relativePath}`);
  return validate;
}

/**
 * Validators compiled on first use, then kept: compiling every schema at start-up would cost each command line
 * (even --version) a few hundred milliseconds.
 */
export function lazily<T extends Record<string, () => unknown>>(makers: T): { readonly [K in keyof T]: ReturnType<T[K]> } {
  const made = new Map<string, unknown>();
  const validators = {};
  for (const [name, make] of Object.entries(makers)) {
    Object.defineProperty(validators, name, {
      enumerable: true,
      get: () => {
        if (!made.has(name)) made.set(name, make());
        return made.get(name);
      },
    });
  }
  return validators as { readonly [K in keyof T]: ReturnType<T[K]> };
}

/** Each schema is compiled once, on first use. Interface plugins compile their own with load() and loadDef(). */
export const validators = lazily({
  adapter: () => load<AdapterFile>('adapter.schema.json'),
  report: () => load<Report>('report.schema.json'),
  ruleFile: () => load<RuleFile>('rule.schema.json'),
  expectations: () => load<ExpectationsFile>('expectations.schema.json'),
  regression: () => load<RegressionCase>('regression.schema.json'),
  hostileCorpus: () => load<HostileCorpus>('http/hostile-corpus.schema.json'),
  arrival: () => load<ArrivalRecord>('http/probe-arrivals.schema.json'),
  bodyEvent: () => load<BodyEvent>('http/probe-body-events.schema.json'),
});

/** ajv's errors as short lines: "/path: message". */
export function describeErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? 'invalid'}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`);
}
