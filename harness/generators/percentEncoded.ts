import fc from 'fast-check';

export interface PercentEncodedConstraints {
  /** Octets that may be encoded (default: 0x01-0xFF without '.', so no segment decodes to a dot-segment). */
  octets?: number[];
}

const defaultOctets = Array.from({ length: 255 }, (_, i) => i + 1).filter((o) => o !== 0x2e);

/**
 * RFC 3986 section 2.1: pct-encoded = "%" HEXDIG HEXDIG, in either case of hex digit.
 * https://www.rfc-editor.org/rfc/rfc3986#section-2.1
 */
export function percentEncoded(constraints: PercentEncodedConstraints = {}): fc.Arbitrary<string> {
  const octets = constraints.octets ?? defaultOctets;
  return fc.tuple(fc.constantFrom(...octets), fc.boolean()).map(
    ([octet, lower]) => {
      const hex = octet.toString(16).padStart(2, '0');
      return '%' + (lower ? hex.toLowerCase() : hex.toUpperCase());
    },
    (value) => {
      if (typeof value !== 'string' || !/^%[0-9a-fA-F]{2}$/.test(value)) throw new Error('not a pct-encoded octet');
      return [parseInt(value.slice(1), 16), value !== value.toUpperCase()];
    },
  );
}
