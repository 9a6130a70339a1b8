import fc from 'fast-check';
import type { AsgiResponsePlan } from '../../generated/asgiResponsePlan.ts';
import { body } from '../../generators/body.ts';
import { fieldName } from '../../generators/fieldName.ts';
import { fieldValue } from '../../generators/fieldValue.ts';
import { hopByHop } from '../../http/target.ts';

/** Status codes whose responses carry content (RFC 9110 section 15): no 1xx, 204, 205 or 304. */
const statusCode = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(200, 201, 202, 203, 400, 403, 404, 410, 418, 422, 500, 503) },
  { weight: 1, arbitrary: fc.integer({ min: 200, max: 599 }).filter((code) => ![204, 205, 304].includes(code)) },
);

/** Fields the server writes itself (framing, connection, date, identity): an application's own would be doubled or replaced. */
const serverOwned = new Set([...hopByHop, 'content-length', 'date', 'server']);

/**
 * A response plan for the ASGI probe (spec/asgi/response-plan.schema.json): a status, header fields with repeated names,
 * and body events (empty ones included) with more_body True on all but the last.
 * https://asgi.readthedocs.io/en/latest/specs/www.html#response-start-send-event
 */
export function responsePlan(): fc.Arbitrary<Omit<AsgiResponsePlan, 'id'>> {
  const name = fieldName().filter((n) => !serverOwned.has(n.toLowerCase()));
  const lines = fc.tuple(name, fc.array(fieldValue({ obsText: false }), { minLength: 1, maxLength: 2 }));
  const chunk = fc.oneof({ weight: 4, arbitrary: body({ maxLength: 24 }) }, { weight: 1, arbitrary: fc.constant('') });
  return fc
    .record({
      status: statusCode,
      fields: fc.uniqueArray(lines, { maxLength: 4, selector: ([n]) => n.toLowerCase() }),
      interleave: fc.boolean(),
      chunks: fc.array(chunk, { maxLength: 5 }),
    })
    .map((g) => {
      // repeated names either together or interleaved with other names: their order must survive either way
      const headers: Array<[string, string]> = g.interleave
        ? [0, 1].flatMap((k) => g.fields.flatMap(([n, vs]) => (vs[k] === undefined ? [] : [[n, vs[k]] as [string, string]])))
        : g.fields.flatMap(([n, vs]) => vs.map((v): [string, string] => [n, v]));
      return { status: g.status, headers, body: g.chunks };
    });
}
