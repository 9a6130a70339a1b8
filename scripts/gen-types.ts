// Writes harness/generated/*.ts from the JSON Schemas in spec/, so the types are never written twice.
// Run `npm run gen:types` after changing a schema; a test fails while the output is stale.
import { writeFileSync } from 'node:fs';
import { generatedTypes } from './schemaTypes.ts';

for (const [file, source] of await generatedTypes()) writeFileSync(file, source);
