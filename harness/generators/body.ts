import fc from 'fast-check';

export interface BodyConstraints {
  maxLength?: number;
}

/** Any octets, with newlines common so line-oriented reads have work to do. */
export function body(constraints: BodyConstraints = {}): fc.Arbitrary<string> {
  const octet = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789 '.split('')) },
    { weight: 2, arbitrary: fc.constant('\n') },
    { weight: 1, arbitrary: fc.constant('\r') },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 255 }).map((o) => String.fromCharCode(o), (c) => (c as string).charCodeAt(0)) },
  );
  return fc.string({ unit: octet, maxLength: constraints.maxLength ?? 96 });
}
