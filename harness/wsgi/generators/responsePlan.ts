import fc from 'fast-check';
import type { ResponsePlan } from '../../generated/responsePlan.ts';
import { body } from '../../generators/body.ts';
import { fieldName } from '../../generators/fieldName.ts';
import { fieldValue } from '../../generators/fieldValue.ts';

export interface ResponsePlanConstraints {
  /** Most chunks the iterable yields (default 5). */
  maxChunks?: number;
}

/** Status codes whose responses carry content (RFC 9110 section 15): no 1xx, 204, 205 or 304. */
const statusCode = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(200, 201, 202, 203, 206, 301, 302, 303, 307, 308, 400, 403, 404, 409, 410, 418, 422, 429, 500, 502, 503) },
  { weight: 1, arbitrary: fc.integer({ min: 200, max: 599 }).filter((code) => ![204, 205, 304].includes(code)) },
);
/** RFC 9112 section 4: reason-phrase = 1*( HTAB / SP / VCHAR / obs-text ); kept to words of letters. */
const reason = fc.array(fc.stringMatching(/^[A-Za-z]{1,8}$/), { minLength: 1, maxLength: 3 }).map((words) => words.join(' '));

/**
 * A response plan for the probe (spec/wsgi/response-plan.schema.json): status, header fields, body chunks (empty ones
 * included) in one of the iterable shapes, and sometimes write() calls and a Content-Length the application declares.
 * https://peps.python.org/pep-3333/#the-start-response-callable
 */
export function responsePlan(constraints: ResponsePlanConstraints = {}): fc.Arbitrary<Omit<ResponsePlan, 'id'>> {
  const chunk = fc.oneof({ weight: 4, arbitrary: body({ maxLength: 24 }) }, { weight: 1, arbitrary: fc.constant('') });
  const headers = fc.uniqueArray(fc.tuple(fieldName(), fieldValue({ obsText: false })), { maxLength: 4, selector: ([name]) => name.toLowerCase() });
  return fc
    .record({
      code: statusCode,
      reason,
      headers,
      contentType: fc.option(fc.constantFrom('text/plain', 'application/octet-stream', 'text/html; charset=utf-8'), { nil: undefined }),
      declareLength: fc.boolean(),
      // header names are case-insensitive (PEP 3333, start_response): the server must know the length in any case
      lengthName: fc.constantFrom('Content-Length', 'content-length', 'CONTENT-LENGTH'),
      writes: fc.oneof({ weight: 4, arbitrary: fc.constant<string[]>([]) }, { weight: 1, arbitrary: fc.array(body({ maxLength: 16 }), { minLength: 1, maxLength: 2 }) }),
      chunks: fc.array(chunk, { maxLength: constraints.maxChunks ?? 5 }),
      shape: fc.constantFrom('list' as const, 'generator' as const, 'closing' as const, 'sized' as const),
    })
    .map((g) => {
      const fields: Array<[string, string]> = [...g.headers];
      if (g.contentType) fields.push(['Content-Type', g.contentType]);
      const length = g.writes.join('').length + g.chunks.join('').length;
      if (g.declareLength) fields.push([g.lengthName, String(length)]);
      const plan: Omit<ResponsePlan, 'id'> = { status: `${g.code} ${g.reason}`, headers: fields, body: g.chunks, shape: g.shape };
      if (g.writes.length > 0) plan.writes = g.writes;
      return plan;
    });
}
