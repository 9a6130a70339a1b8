import fc from 'fast-check';
import { percentEncoded } from './percentEncoded.ts';

export interface RequestTarget {
  /** The path as sent, percent-escapes included. */
  path: string;
  /** The query as sent, without the '?'; undefined when the target has no '?'. */
  query?: string;
}

export interface RequestTargetConstraints {
  /** Maximum number of path segments (default 4). */
  maxSegments?: number;
}

const pcharPlain = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&\'()*+,;=:@'.split(''));
const pchar = fc.oneof({ weight: 3, arbitrary: pcharPlain }, { weight: 1, arbitrary: percentEncoded() });
const queryChar = fc.oneof({ weight: 3, arbitrary: pcharPlain }, { weight: 1, arbitrary: fc.constantFrom('/', '?') }, { weight: 1, arbitrary: percentEncoded() });

const joined = (parts: fc.Arbitrary<string[]>) =>
  parts.map((chars) => chars.join(''), (s) => (typeof s === 'string' ? s.match(/%[0-9a-fA-F]{2}|[\s\S]/g) ?? [] : []));

/** RFC 3986 segment-nz without dot-segments, so no server has a reason to normalise the path. */
const segment = joined(fc.array(pchar, { minLength: 1, maxLength: 8 })).filter((s) => s !== '.' && s !== '..');

/**
 * RFC 9112 section 3.2.1: origin-form = absolute-path [ "?" query ].
 * https://www.rfc-editor.org/rfc/rfc9112#section-3.2.1
 */
export function requestTarget(constraints: RequestTargetConstraints = {}): fc.Arbitrary<RequestTarget> {
  const path = fc
    .tuple(fc.array(segment, { maxLength: constraints.maxSegments ?? 4 }), fc.boolean())
    .map(([segments, trailing]) => '/' + segments.join('/') + (trailing && segments.length > 0 ? '/' : ''));
  const query = fc.option(joined(fc.array(queryChar, { maxLength: 16 })), { nil: undefined });
  return fc.record({ path, query }, { requiredKeys: ['path'] }).map((t) => (t.query === undefined ? { path: t.path } : t));
}

export function targetText(target: RequestTarget): string {
  return target.query === undefined ? target.path : `${target.path}?${target.query}`;
}
