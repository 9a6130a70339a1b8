import type { PyProjection } from '../generated/asgiProbeReport.ts';

export type { PyProjection } from '../generated/asgiProbeReport.ts';

/**
 * Reading the Python projection the ASGI probe reports values in (fixtures/asgi/probe/README.md): str, int, bool and
 * None as themselves, bytes as {bytes}, float as {float}, anything else as {pytype, repr}.
 */
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A projected dict (exactly dict): an object that is none of the tagged shapes. */
export function isDict(value: PyProjection | undefined): value is Record<string, PyProjection> {
  if (!isObject(value)) return false;
  const keys = Object.keys(value);
  const tagged = (keys.length === 1 && (keys[0] === 'bytes' || keys[0] === 'float')) || ('pytype' in value && ('repr' in value || 'key' in value));
  return !tagged;
}

/** The octets of a projected bytes value (as code points U+0000-U+00FF); undefined for anything else. */
export function bytesOf(value: PyProjection | undefined): string | undefined {
  if (!isObject(value)) return undefined;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === 'bytes' && typeof value.bytes === 'string' ? value.bytes : undefined;
}

export const isInt = (value: PyProjection | undefined): value is number => typeof value === 'number' && Number.isInteger(value);

/** A dict entry whose key was not a str (the probe files it under repr(key)). */
export const isNonStrKey = (value: unknown) => isObject(value) && 'pytype' in value && 'key' in value && 'value' in value;

/** A value of a type the projection tags as "other" (not str, bytes, int, float, bool, None, list, tuple, dict). */
export const isOther = (value: unknown) => isObject(value) && 'pytype' in value && 'repr' in value;

/** A short readable rendering for messages. */
export function show(value: PyProjection | undefined): string {
  if (value === undefined) return '(absent)';
  const bytes = bytesOf(value);
  if (bytes !== undefined) return `b${JSON.stringify(bytes)}`;
  const text = JSON.stringify(value);
  return text.length > 300 ? text.slice(0, 300) + '…' : text;
}

/** Every value inside a projection, depth first, with its JSON pointer below `base`. */
export function* walk(value: PyProjection, base = ''): Generator<{ pointer: string; value: PyProjection }> {
  yield { pointer: base, value };
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* walk(item, `${base}/${index}`);
  } else if (isDict(value)) {
    for (const [key, item] of Object.entries(value)) yield* walk(item, `${base}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  }
}

/** The type of a projected event dict; for anything else, the value shown. */
export const eventType = (event: PyProjection | undefined) => (isDict(event) && typeof event.type === 'string' ? event.type : show(event));
