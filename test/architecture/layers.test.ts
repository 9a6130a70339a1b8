import { describe, expect, it } from 'vitest';
import { cruise, type ICruiseResult, type IForbiddenRuleType } from 'dependency-cruiser';
import { packageRoot } from '../../harness/spec/paths.ts';

// The layers, checked by a maintained dependency checker: the engine knows interfaces only through the registry
// (harness/interfaces.ts, the composition root), plugins never import each other, and nothing imports in a cycle,
// neither file to file nor folder to folder.
const plugins = '(wsgi|asgi|cgi|rack|psgi)';
const rules: IForbiddenRuleType[] = [
  { name: 'no-file-cycle', severity: 'error', from: {}, to: { circular: true } },
  {
    name: 'engine-imports-no-plugin', severity: 'error',
    from: { path: '^harness/', pathNot: [`^harness/${plugins}/`, '^harness/interfaces\\.ts$', '^harness/index\\.ts$', '^harness/cli/'] },
    to: { path: `^harness/${plugins}/` },
  },
  { name: 'wsgi-does-not-import-asgi', severity: 'error', from: { path: '^harness/wsgi/' }, to: { path: '^harness/asgi/' } },
  { name: 'asgi-does-not-import-wsgi', severity: 'error', from: { path: '^harness/asgi/' }, to: { path: '^harness/wsgi/' } },
];
const folderCycle: IForbiddenRuleType = { name: 'no-folder-cycle', severity: 'error', from: {}, to: { circular: true } };

/** Rule violations in `<baseDir>/harness`, file by file, or folder by folder (each top-level folder of harness/ one node). */
async function violations(baseDir: string, level: 'files' | 'folders'): Promise<string[]> {
  const { output } = await cruise(['harness'], {
    baseDir,
    parser: 'swc',
    tsPreCompilationDeps: true,
    includeOnly: '^harness/',
    validate: true,
    ruleSet: { forbidden: level === 'files' ? rules : [folderCycle] },
    ...(level === 'folders' ? { collapse: '^harness/[^/]+' } : {}),
  });
  const result = output as ICruiseResult;
  if (result.summary.totalCruised < 3) throw new Error(`dependency-cruiser read only ${result.summary.totalCruised} modules in ${baseDir}`);
  return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`);
}

describe('the harness layers', () => {
  it('have no import cycle between files, no engine import of a plugin, no plugin import of another', async () => {
    expect(await violations(packageRoot, 'files')).toEqual([]);
  });

  it('have no import cycle between the top-level folders of harness/', async () => {
    expect(await violations(packageRoot, 'folders')).toEqual([]);
  });

  it('are checked for real: a tree that breaks them is flagged (test/architecture/broken)', async () => {
    const broken = packageRoot + 'test/architecture/broken';
    const files = await violations(broken, 'files');
    expect(files).toContain('engine-imports-no-plugin: harness/engine/runs.ts -> harness/wsgi/probe.ts');
    expect(files.some((v) => v.startsWith('no-file-cycle:'))).toBe(true);
    expect((await violations(broken, 'folders')).some((v) => v.startsWith('no-folder-cycle:'))).toBe(true);
  });
});
