import fc from 'fast-check';

/**
 * RFC 9112 section 7.1: chunk sizes for a body of `length` octets; every chunk non-empty, the sizes add up to length.
 * https://www.rfc-editor.org/rfc/rfc9112#section-7.1
 */
export function chunking(): fc.Arbitrary<(length: number) => number[]> {
  return fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 6 }).map((sizes) => (length: number) => {
    const out: number[] = [];
    let left = length;
    for (let i = 0; left > 0; i++) {
      const size = Math.min(sizes[i % sizes.length], left);
      out.push(size);
      left -= size;
    }
    return out;
  });
}
