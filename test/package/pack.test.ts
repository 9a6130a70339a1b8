import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { Report } from '../../harness/generated/report.ts';
import { packageRoot } from '../../harness/spec/paths.ts';

// What users get: the packed tarball, installed into an empty project, run with npx.
const dir = mkdtempSync(join(tmpdir(), 'gwi-pack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('npm pack yields a package that runs with npx gwi-test in an empty project', () => {
  const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', timeout: 120_000, stdio: ['ignore', 'pipe', 'pipe'] });
  npm(['pack', '--pack-destination', dir], packageRoot);
  const tarball = readdirSync(dir).find((name) => name.endsWith('.tgz'))!;
  expect(tarball).toMatch(/^gwi-test-\d+\.\d+\.\d+\.tgz$/);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  npm(['install', `./${tarball}`, '--prefer-offline', '--no-audit', '--no-fund'], dir);
  const stdout = execFileSync('npx', ['gwi-test', 'node_modules/gwi-test/adapters/wsgiref', '--rule', 'wsgi.environ.request-method', '--runs', '3', '--reporter', 'json'], {
    cwd: dir, encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'pipe'],
  });
  const report = JSON.parse(stdout) as Report;
  expect(report.results.map((r) => [r.ruleId, r.verdict])).toEqual([['wsgi.environ.request-method', 'pass']]);
  expect(report.exitCode).toBe(0);
  // the API from plain JavaScript: compiled code and its type declarations, no TypeScript loader needed
  writeFileSync(join(dir, 'use.mjs'), [
    "import { runConformance, loadCatalogue, registeredInterfaces } from 'gwi-test';",
    "const report = await runConformance({ adapter: 'node_modules/gwi-test/adapters/wsgiref', rules: ['wsgi.environ.request-method'], numRuns: 3, seed: 1 });",
    "console.log(JSON.stringify({ rules: loadCatalogue().size, interfaces: registeredInterfaces().map((p) => p.name), verdicts: report.results.map((r) => r.verdict) }));",
  ].join('\n'));
  const used = JSON.parse(execFileSync(process.execPath, ['use.mjs'], { cwd: dir, encoding: 'utf8', timeout: 60_000 })) as { rules: number; interfaces: string[]; verdicts: string[] };
  expect(used.rules).toBeGreaterThan(100);
  expect(used.interfaces).toEqual(['wsgi', 'asgi', 'cgi', 'rack', 'psgi']);
  expect(used.verdicts).toEqual(['pass']);
  expect(existsSync(join(dir, 'node_modules/gwi-test/dist/harness/index.d.ts'))).toBe(true);
  expect(existsSync(join(dir, 'node_modules/tsx'))).toBe(false);
}, 240_000);
