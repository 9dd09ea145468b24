/**
 * Node kinds and palette presets, as data. The palette, the inspector's titles, the canvas labels and
 * the CLI all read this table; adding a node kind starts here (see README, "Adding a node kind").
 */
import type { NodeKind } from '../schema/types.ts';

export type KindFamily = 'control-plane' | 'agent' | 'machine-id' | 'client' | 'network' | 'resource';

export interface KindInfo {
  label: string;
  family: KindFamily;
  /** One line, shown in the palette and as a tooltip. */
  hint: string;
  /** Runs Teleport (belongs to a cluster). */
  teleport: boolean;
}

export const KIND_INFO: Record<NodeKind, KindInfo> = {
  auth: { label: 'Auth Service', family: 'control-plane', hint: 'Cluster CA and API, gRPC on 3025. Never dials out to agents.', teleport: true },
  proxy: { label: 'Proxy Service', family: 'control-plane', hint: 'The front door: web UI, reverse tunnels, SSH/Kube/DB/app proxying.', teleport: true },
  agent: { label: 'Agent', family: 'agent', hint: 'A Teleport process running SSH, Kubernetes, Database, App, Desktop or Discovery services.', teleport: true },
  tbot: { label: 'tbot (Machine ID)', family: 'machine-id', hint: 'Machine identity for CI jobs and services; joins via the Proxy.', teleport: true },
  relay: { label: 'Relay Service', family: 'control-plane', hint: 'Teleport 18.3+: SSH agents tunnel to it and tsh reaches them through it, near the resources.', teleport: true },
  client: { label: 'Users', family: 'client', hint: 'People and their tools: browser, tsh, kubectl, database and RDP clients.', teleport: false },
  'load-balancer': { label: 'Load balancer', family: 'network', hint: 'L4 or L7; forwards front ports to backend ports (443 → 3080 is typical).', teleport: false },
  'http-proxy': { label: 'HTTP CONNECT proxy', family: 'network', hint: 'Corporate forward proxy used through HTTPS_PROXY / HTTP_PROXY.', teleport: false },
  'openssh-host': { label: 'OpenSSH host', family: 'resource', hint: 'A server with sshd: agentless via the Proxy, or a GCP VM reached by Discovery.', teleport: false },
  'kube-api': { label: 'Kubernetes API', family: 'resource', hint: 'A Kubernetes API server reached by a Kubernetes agent (443/6443).', teleport: false },
  database: { label: 'Database', family: 'resource', hint: 'A database reached by a Database agent; engine decides the port.', teleport: false },
  'windows-host': { label: 'Windows host', family: 'resource', hint: 'A Windows desktop or server reached over RDP (3389).', teleport: false },
  'domain-controller': { label: 'Domain controller', family: 'resource', hint: 'LDAP(S) and Kerberos KDC for Windows desktop access.', teleport: false },
  app: { label: 'Application', family: 'resource', hint: 'A web or TCP application reached by an Application agent, by URL.', teleport: false },
  'cloud-api': { label: 'Cloud API', family: 'resource', hint: 'AWS, GCP or Azure APIs (443) used for discovery, IAM auth and consoles.', teleport: false },
};

export type PaletteGroup = 'Control plane' | 'Agents' | 'Machine ID' | 'Clients' | 'Network' | 'Protected resources' | 'Trusted cluster';

export const PALETTE_GROUPS: readonly PaletteGroup[] = [
  'Control plane',
  'Agents',
  'Machine ID',
  'Clients',
  'Network',
  'Protected resources',
  'Trusted cluster',
];

/** What a palette entry creates. */
export type PaletteTarget =
  | { type: 'node'; kind: NodeKind; preset: Record<string, unknown> }
  | { type: 'zone'; zoneKind: 'internet' | 'dmz' | 'private' | 'cloud' | 'on-prem' | 'kubernetes' | 'cloud-tenant' }
  | { type: 'leaf-cluster' };

export interface PaletteItem {
  /** Stable id, used for test ids (`palette.item.<id>`). */
  id: string;
  group: PaletteGroup;
  label: string;
  hint: string;
  /** Icon key: a node kind, or `zone` / `internet` / `leaf-cluster`. */
  icon: string;
  /** Base for ids and default names of what it creates, e.g. `ssh-agent` → `ssh-agent-2`. */
  idBase: string;
  target: PaletteTarget;
}

const node = (kind: NodeKind, preset: Record<string, unknown> = {}): PaletteTarget => ({ type: 'node', kind, preset });

export const PALETTE: readonly PaletteItem[] = [
  { id: 'auth', group: 'Control plane', label: 'Auth Service', hint: KIND_INFO.auth.hint, icon: 'auth', idBase: 'auth', target: node('auth', { proxyProtocol: 'off' }) },
  { id: 'proxy', group: 'Control plane', label: 'Proxy Service', hint: KIND_INFO.proxy.hint, icon: 'proxy', idBase: 'proxy', target: node('proxy', { proxyProtocol: 'off' }) },
  { id: 'relay', group: 'Control plane', label: 'Relay Service', hint: KIND_INFO.relay.hint, icon: 'relay', idBase: 'relay', target: node('relay') },
  { id: 'ssh-agent', group: 'Agents', label: 'SSH agent', hint: 'SSH Service on a server; dials out to the Proxy (reverse tunnel).', icon: 'agent', idBase: 'ssh-agent', target: node('agent', { services: ['ssh'] }) },
  { id: 'kube-agent', group: 'Agents', label: 'Kubernetes agent', hint: 'Kubernetes Service; reaches the Kubernetes API, tunnels to the Proxy.', icon: 'agent', idBase: 'kube-agent', target: node('agent', { services: ['kubernetes'] }) },
  { id: 'db-agent', group: 'Agents', label: 'Database agent', hint: 'Database Service; never listens, reaches databases by URI.', icon: 'agent', idBase: 'db-agent', target: node('agent', { services: ['database'] }) },
  { id: 'app-agent', group: 'Agents', label: 'Application agent', hint: 'Application Service; never listens, reaches apps by URL.', icon: 'agent', idBase: 'app-agent', target: node('agent', { services: ['app'] }) },
  { id: 'desktop-agent', group: 'Agents', label: 'Windows Desktop agent', hint: 'Desktop Service; reaches Windows hosts (RDP) and LDAP.', icon: 'agent', idBase: 'desktop-agent', target: node('agent', { services: ['desktop'] }) },
  { id: 'discovery-agent', group: 'Agents', label: 'Discovery agent', hint: 'Discovery Service; calls cloud APIs, installs on GCP VMs over SSH.', icon: 'agent', idBase: 'discovery-agent', target: node('agent', { services: ['discovery'] }) },
  { id: 'tbot', group: 'Machine ID', label: 'tbot', hint: KIND_INFO.tbot.hint, icon: 'tbot', idBase: 'tbot', target: node('tbot') },
  { id: 'users', group: 'Clients', label: 'Users (browser + tsh)', hint: 'People using the web UI and tsh.', icon: 'client', idBase: 'users', target: node('client', { tools: ['browser', 'tsh'] }) },
  { id: 'browser', group: 'Clients', label: 'Browser', hint: 'Web UI, web apps and browser sessions.', icon: 'client', idBase: 'browser', target: node('client', { tools: ['browser'] }) },
  { id: 'tsh', group: 'Clients', label: 'tsh', hint: 'tsh / Teleport Connect: SSH, login, local proxies.', icon: 'client', idBase: 'tsh', target: node('client', { tools: ['tsh'] }) },
  { id: 'kubectl', group: 'Clients', label: 'kubectl', hint: 'kubectl through the Proxy (or tsh kubectl).', icon: 'client', idBase: 'kubectl', target: node('client', { tools: ['kubectl'] }) },
  { id: 'db-client', group: 'Clients', label: 'Database client', hint: 'psql, mysql, mongosh… through tsh local proxies.', icon: 'client', idBase: 'db-client', target: node('client', { tools: ['database'] }) },
  { id: 'rdp-client', group: 'Clients', label: 'RDP client (browser)', hint: 'Windows desktop sessions in the browser.', icon: 'client', idBase: 'rdp-client', target: node('client', { tools: ['rdp'] }) },
  { id: 'monitoring', group: 'Clients', label: 'Monitoring (Prometheus)', hint: 'Scrapes diag_addr and metrics_service of the Teleport nodes it is linked to.', icon: 'client', idBase: 'prometheus', target: node('client', { tools: ['monitoring'] }) },
  { id: 'zone', group: 'Network', label: 'Network zone', hint: 'A subnet, VPC or security zone; drop nodes into it.', icon: 'zone', idBase: 'zone', target: { type: 'zone', zoneKind: 'private' } },
  { id: 'internet', group: 'Network', label: 'Internet', hint: 'The public internet as a zone (0.0.0.0/0).', icon: 'internet', idBase: 'internet', target: { type: 'zone', zoneKind: 'internet' } },
  { id: 'load-balancer', group: 'Network', label: 'Load balancer', hint: KIND_INFO['load-balancer'].hint, icon: 'load-balancer', idBase: 'lb', target: node('load-balancer') },
  { id: 'http-proxy', group: 'Network', label: 'HTTP CONNECT proxy', hint: KIND_INFO['http-proxy'].hint, icon: 'http-proxy', idBase: 'http-proxy', target: node('http-proxy') },
  { id: 'openssh-host', group: 'Protected resources', label: 'OpenSSH host', hint: KIND_INFO['openssh-host'].hint, icon: 'openssh-host', idBase: 'openssh', target: node('openssh-host') },
  { id: 'kube-api', group: 'Protected resources', label: 'Kubernetes API', hint: KIND_INFO['kube-api'].hint, icon: 'kube-api', idBase: 'kube-api', target: node('kube-api') },
  { id: 'database', group: 'Protected resources', label: 'Database', hint: KIND_INFO.database.hint, icon: 'database', idBase: 'db', target: node('database', { engine: 'postgres', port: 5432 }) },
  { id: 'windows-host', group: 'Protected resources', label: 'Windows host', hint: KIND_INFO['windows-host'].hint, icon: 'windows-host', idBase: 'windows', target: node('windows-host') },
  { id: 'domain-controller', group: 'Protected resources', label: 'Domain controller', hint: KIND_INFO['domain-controller'].hint, icon: 'domain-controller', idBase: 'dc', target: node('domain-controller') },
  { id: 'app', group: 'Protected resources', label: 'Application', hint: KIND_INFO.app.hint, icon: 'app', idBase: 'app', target: node('app', { uri: 'https://app.internal.example.com' }) },
  { id: 'cloud-api', group: 'Protected resources', label: 'Cloud API', hint: KIND_INFO['cloud-api'].hint, icon: 'cloud-api', idBase: 'cloud-api', target: node('cloud-api') },
  { id: 'leaf-cluster', group: 'Trusted cluster', label: 'Trusted leaf cluster', hint: 'A second cluster that trusts this one: its Auth and Proxy, ready to link.', icon: 'leaf-cluster', idBase: 'leaf', target: { type: 'leaf-cluster' } },
];

export function paletteItem(id: string): PaletteItem | undefined {
  return PALETTE.find((p) => p.id === id);
}

/** The first free id `base`, `base-2`, `base-3`… among `taken`. Pure and deterministic. */
export function freeId(base: string, taken: ReadonlySet<string>): string {
  const slug = base.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 56) || 'node';
  if (!taken.has(slug)) return slug;
  for (let i = 2; ; i++) {
    const candidate = `${slug}-${i}`;
    if (!taken.has(candidate)) return candidate;
  }
}
