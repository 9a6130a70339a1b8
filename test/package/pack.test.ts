import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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
}, 240_000);
