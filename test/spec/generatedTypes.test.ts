import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { generatedTypes } from '../../scripts/schemaTypes.ts';

it('harness/generated/ is what the schemas in spec/ generate (run npm run gen:types)', async () => {
  for (const [file, source] of await generatedTypes()) expect(readFileSync(file, 'utf8'), file).toBe(source);
});
