import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { GwiError } from '../core/errors.ts';
import { describeErrors, validators } from '../spec/schemas.ts';
import type { AdapterModule } from './define.ts';

export interface LoadedAdapter {
  /** The adapter with schema defaults applied. */
  config: AdapterModule & Required<Pick<AdapterModule, 'stopSignal' | 'startTimeoutMs' | 'stopTimeoutMs' | 'concurrency' | 'capabilities' | 'scriptName' | 'cwd'>>;
  /** The file it came from, and its folder. */
  path: string;
  dir: string;
}

const candidates = ['adapter.json', 'adapter.ts', 'adapter.mts', 'adapter.js', 'adapter.mjs'];

/** A folder holding adapter.{json,ts,js,…}, or such a file itself. */
export function resolveAdapterPath(given: string): string {
  const path = resolve(given);
  if (!existsSync(path)) {
    throw new GwiError('GWI_ADAPTER_NOT_FOUND', `no adapter at ${given}`, 'pass a folder holding adapter.json (or adapter.ts), or the file itself; see adapters/wsgiref');
  }
  if (statSync(path).isFile()) return path;
  const found = candidates.map((name) => join(path, name)).find((file) => existsSync(file));
  if (!found) {
    throw new GwiError('GWI_ADAPTER_NOT_FOUND', `${given} holds none of ${candidates.join(', ')}`, 'create adapter.json there (see adapters/wsgiref/adapter.json)');
  }
  return found;
}

async function readAdapter(path: string): Promise<unknown> {
  if (path.endsWith('.json')) {
    try {
      return JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new GwiError('GWI_ADAPTER_INVALID', `${path} is not valid JSON: ${(error as Error).message}`, 'fix the syntax of the adapter file');
    }
  }
  try {
    if (/\.[cm]?ts$/.test(path)) {
      // through tsx's own import, so the file loads whatever the "type" of the package around it: compiled as
      // CommonJS, its default export arrives one level down
      const { tsImport } = await import('tsx/esm/api').catch(() => {
        throw new GwiError('GWI_ADAPTER_INVALID', `${path} is TypeScript, and tsx (which loads it) is not installed`, 'npm install --save-dev tsx, or write the adapter as adapter.json or adapter.mjs');
      });
      const loaded = ((await tsImport(pathToFileURL(path).href, import.meta.url)) as { default?: unknown }).default;
      return loaded !== null && typeof loaded === 'object' && 'default' in loaded ? (loaded as { default: unknown }).default : loaded;
    }
    const module = (await import(pathToFileURL(path).href)) as { default?: unknown };
    return module.default;
  } catch (error) {
    if (error instanceof GwiError) throw error;
    throw new GwiError('GWI_ADAPTER_INVALID', `${path} could not be loaded: ${(error as Error).message}`, 'the module must load on its own and export default defineAdapter({...})');
  }
}

export async function loadAdapter(given: string): Promise<LoadedAdapter> {
  const path = resolveAdapterPath(given);
  const raw = await readAdapter(path);
  if (typeof raw !== 'object' || raw === null) {
    throw new GwiError('GWI_ADAPTER_INVALID', `${path} does not define an adapter object`, 'a module adapter must `export default defineAdapter({...})`');
  }
  const { prepare, ...data } = raw as AdapterModule;
  if (prepare !== undefined && typeof prepare !== 'function') {
    throw new GwiError('GWI_ADAPTER_INVALID', `${path}: prepare must be a function`, 'remove it or make it a function');
  }
  if (!validators.adapter(data)) {
    throw new GwiError('GWI_ADAPTER_INVALID', `${path} does not match spec/adapter.schema.json: ${describeErrors(validators.adapter.errors).join('; ')}`, 'compare it with adapters/wsgiref/adapter.json and the schema');
  }
  const config = {
    stopSignal: 'SIGTERM' as const,
    startTimeoutMs: 20_000,
    stopTimeoutMs: 5_000,
    concurrency: 1,
    capabilities: [],
    scriptName: '',
    // a server starts in its private folder; an application is imported from its own
    cwd: data.kind === 'application' ? '{adapterDir}' : '{tmpDir}',
    ...data,
    prepare,
  };
  return { config, path, dir: dirname(path) };
}

/** A server adapter whose command gets extra arguments (e.g. a mutant's --break switch). */
export function withExtraArgs(adapter: LoadedAdapter, args: string[]): LoadedAdapter {
  if (!adapter.config.command) throw new GwiError('GWI_ADAPTER_INVALID', `${adapter.config.name} has no command to extend`);
  const command: [string, ...string[]] = [...adapter.config.command, ...args];
  return { ...adapter, config: { ...adapter.config, command } };
}
