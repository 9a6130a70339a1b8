import type { PyValue } from '../../generated/asgiDriverProtocol.ts';

export type { PyValue } from '../../generated/asgiDriverProtocol.ts';

/** The [key, value] pairs of a projected dict (the schema's prefixItems give no tuple type). */
export const entriesOf = (value: PyValue): Array<[PyValue, PyValue]> => (value.entries ?? []) as unknown as Array<[PyValue, PyValue]>;

/** The value under a str key of a projected dict. */
export function field(value: PyValue | undefined, key: string): PyValue | undefined {
  return value?.t === 'dict' ? entriesOf(value).find(([k]) => k.t === 'str' && k.v === key)?.[1] : undefined;
}

/** The str under a key, when it is one. */
export function text(value: PyValue | undefined, key: string): string | undefined {
  const found = field(value, key);
  return found?.t === 'str' && typeof found.v === 'string' ? found.v : undefined;
}

/** An event's 'type', when it is a str. */
export const eventType = (event: PyValue | undefined): string | undefined => text(event, 'type');

/** A projected bool under a key: true, false, absent, or the type it has instead. */
export function flag(value: PyValue | undefined, key: string): boolean | undefined {
  const found = field(value, key);
  return found?.t === 'bool' ? found.v === true : undefined;
}

/** Every value inside a projected value (itself first), with the JSON pointer of its place in the projection. */
export function walk(value: PyValue, pointer: string): Array<[PyValue, string]> {
  const out: Array<[PyValue, string]> = [[value, pointer]];
  value.items?.forEach((item, i) => out.push(...walk(item, `${pointer}/items/${i}`)));
  entriesOf(value).forEach(([key, inner], i) => out.push(...walk(key, `${pointer}/entries/${i}/0`), ...walk(inner, `${pointer}/entries/${i}/1`)));
  return out;
}

/** How a projected value reads in a message: type and, for scalars, value. */
export const shown = (value: PyValue | undefined): string => (value === undefined ? '(absent)' : value.v !== undefined ? `${value.t} ${JSON.stringify(value.v)}` : value.repr ? `${value.t} ${value.repr}` : value.t);
