import { hopByHop } from '../../http/target.ts';
import { deviation, expectThat, pass, scopePointer, scopeValue, type Check, type Outcome } from '../observation.ts';
import { bytesOf, isOther, show, type PyProjection } from '../py.ts';

const pointer = scopePointer('headers');
const trim = (value: string) => value.replace(/^[ \t]+|[ \t]+$/g, '');
/** Fields a server or a proxy in front may consume, add or rewrite for the connection's sake. */
const ownedByTheConnection = (name: string) => hopByHop.has(name) || name === 'host' || name === 'content-length';

/** scope['headers']: bytes pairs, one per field line, values as sent, names lower-case, repeats in order. */
export const scopeHeaders: Check = ({ request, report }) => {
  if (!report) return [];
  const value = scopeValue(report, 'headers');
  // any iterable of pairs will do: a sequence of another type is reported with its items
  const seen = isOther(value) ? (value as { value?: PyProjection }).value : value;
  if (!Array.isArray(seen)) return [deviation('asgi.scope.headers-bytes', pointer, "scope['headers'] is not an iterable of pairs", 'a list of [bytes, bytes]', show(value))];
  const out: Outcome[] = [];
  const pairs = seen.map((pair: PyProjection) => (Array.isArray(pair) && pair.length === 2 ? { name: bytesOf(pair[0]), value: bytesOf(pair[1]), raw: pair } : { raw: pair }));
  const notBytes = pairs.filter((p) => p.name === undefined || p.value === undefined).map((p) => show(p.raw));
  // every value must be the octets of a field line sent under that name (whitespace around a value is not part of it)
  const sent = new Map<string, string[]>();
  for (const [name, value] of request.headers) sent.set(name.toLowerCase(), [...(sent.get(name.toLowerCase()) ?? []), trim(value)]);
  const altered = pairs.filter((p) => p.name !== undefined && p.value !== undefined && sent.has(p.name.toLowerCase()) && !ownedByTheConnection(p.name.toLowerCase()) && !sent.get(p.name.toLowerCase())!.includes(trim(p.value)));
  out.push(
    notBytes.length > 0
      ? deviation('asgi.scope.headers-bytes', pointer, 'header names or values that are not bytes', '[bytes, bytes] pairs', notBytes.slice(0, 5))
      : expectThat('asgi.scope.headers-bytes', pointer, altered.length === 0, 'header values that are not the octets sent', 'the field values as sent', altered.map((p) => show(p.raw)).slice(0, 5)),
  );

  const upper = pairs.filter((p) => p.name !== undefined && /[A-Z]/.test(p.name)).map((p) => p.name);
  out.push(expectThat('asgi.scope.headers-lowercase', pointer, upper.length === 0, 'header names with upper-case letters', 'lower-case names', upper));

  // a name the server dropped altogether is a different matter (a proxy may drop names with "_"): compare the names it kept
  for (const [name, values] of sent) {
    if (ownedByTheConnection(name)) continue;
    const arrived = pairs.filter((p) => p.name?.toLowerCase() === name && p.value !== undefined).map((p) => trim(p.value!));
    if (arrived.length === 0) continue;
    out.push(expectThat('asgi.scope.headers-order', pointer, JSON.stringify(arrived) === JSON.stringify(values), `the lines of ${name} are not one pair each, in the order sent`, values, arrived));
  }
  if (!out.some((o) => o.ruleId === 'asgi.scope.headers-order')) out.push(pass('asgi.scope.headers-order', pointer));
  return out;
};
