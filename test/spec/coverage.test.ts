import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../harness/spec/catalogue.ts';
import { specDir } from '../../harness/spec/paths.ts';

// spec/wsgi/coverage.md maps every statement of PEP 3333 to the rules that cover it; its summary is counted by hand,
// so this keeps the counts, and the rule ids it names, true to the rows.
const text = readFileSync(join(specDir, 'wsgi/coverage.md'), 'utf8');
const [, part1 = '', part2 = ''] = text.split(/^## Part \d: .*$/m).map((part) => part.split(/^## (?!Part)/m)[0]);

interface Row { level: string; covered: string }
const rows = (part: string): Row[] =>
  part.split('\n').filter((line) => line.startsWith('| [pep3333')).map((line) => {
    const cells = line.split(' | ');
    return { level: cells[2], covered: cells.slice(3).join(' | ').replace(/ \|$/, '') };
  });

const categories: Array<[string, (covered: string) => boolean]> = [
  ['Application side', (c) => c.startsWith('application side:')],
  ['Missing', (c) => c.startsWith('missing:')],
  ['Not testable from outside', (c) => c.startsWith('not testable from outside')],
  ['Middleware only', (c) => c.startsWith('middleware only')],
  ['No rule', (c) => c.startsWith('no rule')],
];
const category = (covered: string) => categories.find(([, test]) => test(covered))?.[0] ?? 'Covered by a rule';

/** The summary table: row label to [part 1, part 2, total]. */
function summary(): Map<string, number[]> {
  const table = text.slice(text.indexOf('## Summary'));
  return new Map(table.split('\n').filter((line) => /^\| [A-Z]/.test(line)).map((line) => {
    const cells = line.split('|').map((cell) => cell.trim()).filter((cell, i, all) => i > 0 && i < all.length - 1);
    return [cells[0], cells.slice(1).map(Number)];
  }));
}

describe('spec/wsgi/coverage.md', () => {
  const parts = [rows(part1), rows(part2)];
  const table = summary();

  it('counts its statements, levels and markers as the rows say', () => {
    const count = (label: string, test: (row: Row) => boolean) => {
      const counts = parts.map((part) => part.filter(test).length);
      expect([...counts, counts[0] + counts[1]], label).toEqual(table.get(label));
    };
    count('Statements', () => true);
    for (const level of new Set(parts.flat().map((row) => row.level))) count(`Level ${level}`, (row) => row.level === level);
    for (const label of ['Covered by a rule', ...categories.map(([name]) => name)]) count(label, (row) => category(row.covered) === label);
  });

  it('names only rules the catalogue has', () => {
    const catalogue = loadCatalogue();
    const named = parts.flat().flatMap((row) => row.covered.match(/\b(?:wsgi|cgi|http)\.[a-z0-9_-]+(?:\.[a-z0-9_-]+)*/g) ?? []);
    expect(named.length).toBeGreaterThan(100);
    expect([...new Set(named.filter((id) => !catalogue.has(id) && !/^wsgi\.(?:input|errors|file_wrapper|url_scheme|multithread|multiprocess|run_once|version)$/.test(id)))]).toEqual([]);
  });
});
