import { loadAdapter } from '../adapter/load.ts';
import { startServer } from '../run/server.ts';
import { GwiError } from '../core/errors.ts';
import { pluginFor, type SmokeResult } from './plugin.ts';

export type { SmokeResult } from './plugin.ts';

/**
 * "Is the adapter wired right?", separate from "is the server conformant?": start, a plain exchange or two through
 * the probe (the interface plugin knows which), stop.
 */
export async function smoke(adapterPath: string, timeoutMs = 10_000): Promise<SmokeResult> {
  const adapter = await loadAdapter(adapterPath);
  const plugin = pluginFor(adapter.config.interface);
  if (adapter.config.kind === 'application') {
    if (!plugin.smokeApplication) throw new GwiError('GWI_ADAPTER_INVALID', `gwi-test has no ${plugin.name} application driver yet`, 'use a server adapter for this interface');
    return plugin.smokeApplication(adapter, timeoutMs);
  }
  const server = await startServer(adapter, plugin);
  try {
    const environKeys = await plugin.smokeServer(server, adapter, timeoutMs);
    return { adapter: adapter.config.name, port: server.port, versions: server.versions, environKeys };
  } finally {
    await server.stop();
  }
}
