import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { GwiError } from '../core/errors.ts';
import { specDir } from './paths.ts';
import { describeErrors, validators } from './schemas.ts';
import type { Rule, SourceRef } from '../generated/rule.ts';

export type { Rule, Level } from '../generated/rule.ts';

export interface CatalogueRule extends Rule {
  /** The rule file, relative to spec/. */
  file: string;
  /** Section heading of the rule file. */
  section: string;
  /** Resolved URLs of rule.source, in order. */
  links: string[];
  /** What the rule judges: a server driven over HTTP, or an application called by the driver. */
  subject: 'server' | 'application';
}

interface SourceEntry { title: string; url: string }
const sources: Record<string, SourceEntry> = JSON.parse(readFileSync(specDir + 'sources.json', 'utf8'));

/** The URL of one structured source reference. */
export function sourceLink(ref: SourceRef): string {
  const [key, anchor] = Object.entries(ref)[0];
  const entry = sources[key];
  if (!entry) throw new GwiError('GWI_SPEC_INVALID', `unknown source "${key}"`, 'add it to spec/sources.json');
  return entry.url.replace('{anchor}', anchor);
}

/** A short human label for a reference: "PEP 3333 § environ-variables", "RFC 3875 § 4.1.5". */
export function sourceLabel(ref: SourceRef): string {
  const [key, anchor] = Object.entries(ref)[0];
  const name = (sources[key]?.title ?? key).split(' – ')[0];
  return `${name} § ${anchor}`;
}

function ruleFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return ruleFiles(path);
    return entry.isFile() && entry.name.endsWith('.json') && dir.endsWith('/rules') ? [path] : [];
  });
}

let cached: Map<string, CatalogueRule> | undefined;

/** Every rule of spec/**\/rules/*.json, validated against the meta-schema, keyed by id. */
export function loadCatalogue(): Map<string, CatalogueRule> {
  if (cached) return cached;
  const rules = new Map<string, CatalogueRule>();
  for (const path of ruleFiles(specDir).sort()) {
    const file = relative(specDir, path);
    const data: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (!validators.ruleFile(data)) {
      throw new GwiError('GWI_SPEC_INVALID', `${file}: ${describeErrors(validators.ruleFile.errors).join('; ')}`);
    }
    for (const rule of data.rules) {
      if (rules.has(rule.id)) throw new GwiError('GWI_SPEC_INVALID', `${file}: duplicate rule id ${rule.id}`);
      rules.set(rule.id, { ...rule, file, section: data.title, links: rule.source.map(sourceLink), subject: data.subject ?? 'server' });
    }
  }
  cached = rules;
  return rules;
}

/** The rule with this id; a check naming an unknown rule is a bug in the harness. */
export function rule(id: string): CatalogueRule {
  const found = loadCatalogue().get(id);
  if (!found) throw new GwiError('GWI_SPEC_INVALID', `no rule with id ${id} in spec/`);
  return found;
}
