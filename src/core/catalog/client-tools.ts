/**
 * Which Proxy listeners each client tool needs (reference §2.1, C1–C5), per listener mode.
 */
import type { ClientToolName } from '../schema/index.ts';
import type { ProxyListenerId } from './listeners.ts';

/** One listener a tool needs. */
export interface ToolNeed {
  listener: ProxyListenerId;
  /** Flow template id. */
  template: string;
  /** Only when the dedicated listener exists (otherwise the tool does without it). */
  ifExists?: boolean;
}

/** Needs of one tool in each mode. */
export interface ToolSpec {
  label: string;
  multiplex: readonly ToolNeed[];
  separate: readonly ToolNeed[];
}

/** Client tools. In `multiplex` every tool uses the web port (TLS routing). */
export const CLIENT_TOOLS: Readonly<Record<ClientToolName, ToolSpec>> = {
  browser: {
    label: 'browser',
    multiplex: [{ listener: 'web', template: 'client-browser-web' }],
    separate: [{ listener: 'web', template: 'client-browser-web' }],
  },
  tsh: {
    label: 'tsh',
    multiplex: [{ listener: 'web', template: 'client-tsh-web' }],
    separate: [
      { listener: 'web', template: 'client-tsh-web' },
      { listener: 'ssh', template: 'client-tsh-ssh' },
    ],
  },
  kubectl: {
    label: 'kubectl',
    multiplex: [{ listener: 'web', template: 'client-kube-web' }],
    // No fallback to the web port: without TLS routing tsh points kubectl at the Kubernetes listener, or
    // at <web host>:3026 when none is configured (`applyProxySettings`, lib/client/api.go), where nothing
    // listens on config v2/v3. L-T1 reports that Proxy.
    separate: [{ listener: 'kube', template: 'client-kube-listener', ifExists: true }],
  },
  database: {
    label: 'database client',
    multiplex: [{ listener: 'web', template: 'client-db-web' }],
    separate: [
      { listener: 'web', template: 'client-db-web' },
      { listener: 'mysql', template: 'client-db-mysql', ifExists: true },
      { listener: 'postgres', template: 'client-db-postgres', ifExists: true },
      { listener: 'mongo', template: 'client-db-mongo', ifExists: true },
    ],
  },
  rdp: {
    label: 'RDP (browser)',
    multiplex: [{ listener: 'web', template: 'client-rdp-web' }],
    separate: [{ listener: 'web', template: 'client-rdp-web' }],
  },
  // Monitoring needs nothing from the Proxy's listeners: it scrapes the Teleport processes it is
  // linked to (relation `monitoring`, §2.9).
  monitoring: {
    label: 'monitoring (Prometheus, probes)',
    multiplex: [],
    separate: [],
  },
};

/** Tools that reach the cluster through the Proxy (every tool but `monitoring`). */
export function usesProxy(tool: ClientToolName): boolean {
  return CLIENT_TOOLS[tool].multiplex.length > 0;
}
