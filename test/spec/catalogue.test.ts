import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue, sourceLink } from '../../harness/spec/catalogue.ts';
import { specDir } from '../../harness/spec/paths.ts';
import { validators } from '../../harness/spec/schemas.ts';
import { registeredInterfaces } from '../../harness/engine/plugin.ts';
import { everyEntry as allEntries } from '../../harness/engine/entries.ts';
import { securitySuite } from '../../harness/hostile/suite.ts';

/** Every rules/ folder under spec/, at any depth. */
const ruleDirs = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).flatMap((e) => (e.name === 'rules' ? [join(dir, e.name)] : ruleDirs(join(dir, e.name))));
const ruleFiles = ruleDirs(specDir).flatMap((dir) => readdirSync(dir).filter((name) => name.endsWith('.json')).map((name) => join(dir, name)));
const everyEntry = allEntries();
const serverEntries = [...registeredInterfaces().flatMap((plugin) => plugin.serverSuite()), ...securitySuite()];
const applicationEntries = registeredInterfaces().flatMap((plugin) => plugin.applicationSuite?.() ?? []);

describe('the rule catalogue', () => {
  it.each(ruleFiles)('%s matches spec/rule.schema.json', (file) => {
    const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
    expect(validators.ruleFile(data), JSON.stringify(validators.ruleFile.errors)).toBe(true);
  });

  it('has unique ids', () => {
    const ids = ruleFiles.flatMap((file) => (JSON.parse(readFileSync(file, 'utf8')) as { rules: Array<{ id: string }> }).rules.map((r) => r.id));
    expect(ids.length).toBeGreaterThan(40);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('exercises every rule in at least one suite entry', () => {
    const exercised = new Set(everyEntry.flatMap((entry) => entry.rules));
    const unexercised = [...loadCatalogue().keys()].filter((id) => !exercised.has(id));
    expect(unexercised).toEqual([]);
  });

  it('names only existing rules in suite entries', () => {
    const catalogue = loadCatalogue();
    const unknown = everyEntry.flatMap((entry) => entry.rules.filter((id) => !catalogue.has(id)).map((id) => `${entry.id}: ${id}`));
    expect(unknown).toEqual([]);
  });

  it('gives suite entries unique ids', () => {
    const ids = everyEntry.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps server and application rules apart: entries of each suite name only rules of their subject', () => {
    const catalogue = loadCatalogue();
    expect(serverEntries.flatMap((entry) => entry.rules).filter((id) => catalogue.get(id)?.subject !== 'server')).toEqual([]);
    expect(applicationEntries.flatMap((entry) => entry.rules).filter((id) => catalogue.get(id)?.subject !== 'application')).toEqual([]);
  });

  it('links every rule to an https URL with a section anchor', () => {
    for (const rule of loadCatalogue().values()) {
      expect(rule.links.length, rule.id).toBeGreaterThan(0);
      for (const link of rule.links) expect(link, rule.id).toMatch(/^https:\/\/[^#]+#.+/);
    }
  });

  it('turns a structured source reference into the exact section URL', () => {
    expect(sourceLink({ pep3333: 'environ-variables' })).toBe('https://peps.python.org/pep-3333/#environ-variables');
    expect(sourceLink({ rfc3875: '4.1.5' })).toBe('https://www.rfc-editor.org/rfc/rfc3875#section-4.1.5');
  });
});
