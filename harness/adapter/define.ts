import type { AdapterFile } from '../generated/adapter.ts';

export type { AdapterFile } from '../generated/adapter.ts';

/** What an adapter's prepare() hook receives: the values its placeholders will take. */
export interface PrepareContext {
  port: number;
  python: string;
  tmpDir: string;
  probeDir: string;
  adapterDir: string;
}

/** An adapter written as a JS/TS module: the file's fields, plus hooks a JSON file cannot express. */
export interface AdapterModule extends AdapterFile {
  /** Runs before the server starts, e.g. to write configuration that needs computing; may return extra placeholders. */
  prepare?(context: PrepareContext): Promise<Record<string, string> | void> | Record<string, string> | void;
}

/** Identity function that only gives types, like vitest's defineConfig(). */
export function defineAdapter(adapter: AdapterModule): AdapterModule {
  return adapter;
}
