/** teleport.yaml sections → plan nodes (Auth, Proxy, one Agent), with Teleport's defaults applied by the schema. */
import { NodeSchema, isHostPort } from '../schema/index.ts';
import type { AgentServiceName, NodeOfKind } from '../schema/index.ts';
import { asList } from './addr.ts';
import type { JoinDecision } from './yaml-join.ts';
import type { ServiceSection, TeleportYaml } from './yaml-schema.ts';

type Common = { id: string; position: { x: number; y: number }; cluster?: string; addresses: string[] };

/** A section counts as enabled when present and not `enabled: no` (see `previewYamlImport`). */
export function isEnabled(section: { enabled?: boolean } | null | undefined, present: boolean): boolean {
  return present && section?.enabled !== false;
}

/** Agent services and the teleport.yaml section that enables each. */
export const AGENT_SECTIONS: readonly { section: ServiceSection; service: AgentServiceName; label: string; idBase: string }[] = [
  { section: 'ssh_service', service: 'ssh', label: 'SSH', idBase: 'ssh-agent' },
  { section: 'kubernetes_service', service: 'kubernetes', label: 'Kubernetes', idBase: 'kube-agent' },
  { section: 'db_service', service: 'database', label: 'Database', idBase: 'db-agent' },
  { section: 'app_service', service: 'app', label: 'Application', idBase: 'app-agent' },
  { section: 'windows_desktop_service', service: 'desktop', label: 'Windows Desktop', idBase: 'desktop-agent' },
  { section: 'discovery_service', service: 'discovery', label: 'Discovery', idBase: 'discovery-agent' },
];

const named = (label: string, nodename: string | undefined) => (nodename ? `${label} (${nodename})`.slice(0, 120) : label);

/**
 * With a nodename, just that (`app-host-1`): the card already lists the services, and a long name
 * crowds the card and the rules table. Without one, the services say what it is: `SSH agent`,
 * `Agent (SSH, Database)`.
 */
function agentName(labels: string[], nodename: string | undefined): string {
  const host = nodename?.trim();
  if (host) return host.slice(0, 120);
  return labels.length === 1 ? `${labels[0] ?? ''} agent` : `Agent (${labels.join(', ')})`;
}

/** A `proxy_protocol` value as the plan holds it; absent is `unspecified`. */
function protocolSetting(value: 'on' | 'off' | boolean | undefined): 'on' | 'off' | 'unspecified' {
  return value === true ? 'on' : value === false ? 'off' : (value ?? 'unspecified');
}

export function authNode(cfg: TeleportYaml, common: Common): NodeOfKind<'auth'> {
  const a = cfg.auth_service ?? {};
  return NodeSchema.parse({
    ...common,
    kind: 'auth',
    name: named('Auth', cfg.teleport?.nodename),
    ...(a.listen_addr ? { listenAddr: a.listen_addr.trim() } : {}),
    publicAddr: asList(a.public_addr),
    proxyProtocol: protocolSetting(a.proxy_protocol),
  }) as NodeOfKind<'auth'>;
}

export function proxyNode(cfg: TeleportYaml, common: Common): NodeOfKind<'proxy'> {
  const p = cfg.proxy_service ?? {};
  // Legacy `proxy_service.kubernetes` (before kube_listen_addr) still describes the Kubernetes listener,
  // as Teleport reads it (`applyProxyConfig`): only with `enabled: yes` written, and never beside the
  // new keys (Teleport refuses both: the import warns, L-C9, and keeps the new ones).
  const newKube = p.kube_listen_addr !== undefined || asList(p.kube_public_addr).length > 0;
  const legacyKube = p.kubernetes?.enabled === true && !newKube ? p.kubernetes : undefined;
  const opt = (key: string, value: string | undefined) => (value ? { [key]: value.trim() } : {});
  return NodeSchema.parse({
    ...common,
    kind: 'proxy',
    name: named('Proxy', cfg.teleport?.nodename),
    ...opt('webListenAddr', p.web_listen_addr),
    publicAddr: asList(p.public_addr),
    ...opt('sshListenAddr', p.listen_addr),
    sshPublicAddr: asList(p.ssh_public_addr),
    ...opt('tunnelListenAddr', p.tunnel_listen_addr),
    tunnelPublicAddr: asList(p.tunnel_public_addr),
    ...opt('kubeListenAddr', p.kube_listen_addr ?? legacyKube?.listen_addr),
    kubePublicAddr: asList(p.kube_public_addr ?? legacyKube?.public_addr),
    ...opt('mysqlListenAddr', p.mysql_listen_addr),
    mysqlPublicAddr: asList(p.mysql_public_addr),
    ...opt('postgresListenAddr', p.postgres_listen_addr),
    postgresPublicAddr: asList(p.postgres_public_addr),
    ...opt('mongoListenAddr', p.mongo_listen_addr),
    mongoPublicAddr: asList(p.mongo_public_addr),
    ...opt('peerListenAddr', p.peer_listen_addr),
    ...opt('peerPublicAddr', p.peer_public_addr),
    acme: p.acme?.enabled === true,
    proxyProtocol: protocolSetting(p.proxy_protocol),
    trustXForwardedFor: p.trust_x_forwarded_for === true,
  }) as NodeOfKind<'proxy'>;
}

export function agentNode(cfg: TeleportYaml, services: AgentServiceName[], join: JoinDecision, common: Common): NodeOfKind<'agent'> {
  const labels = AGENT_SECTIONS.filter((s) => services.includes(s.service)).map((s) => s.label);
  const has = (s: AgentServiceName) => services.includes(s);
  const ssh = has('ssh') ? cfg.ssh_service : undefined;
  const kube = has('kubernetes') ? cfg.kubernetes_service : undefined;
  const desktop = has('desktop') ? cfg.windows_desktop_service : undefined;
  const app = has('app') ? cfg.app_service : undefined;
  return NodeSchema.parse({
    ...common,
    kind: 'agent',
    name: agentName(labels, cfg.teleport?.nodename),
    services,
    joinVia: join.via,
    // The join address as the file writes it: the engine dials it (a port-less one on Teleport's default port).
    ...(join.target !== undefined && isHostPort(join.target) ? { joinAddr: join.target } : {}),
    ...(ssh?.listen_addr ? { sshListenAddr: ssh.listen_addr.trim() } : {}),
    sshForceListen: ssh?.force_listen === true,
    ...(kube?.listen_addr ? { kubeListenAddr: kube.listen_addr.trim() } : {}),
    ...(desktop?.listen_addr ? { desktopListenAddr: desktop.listen_addr.trim() } : {}),
    desktopUsesAd: Boolean(desktop?.ldap?.addr?.trim()),
    appHostFilters: (app?.allowed_hosts?.length ?? 0) > 0 || (app?.denied_hosts?.length ?? 0) > 0,
  }) as NodeOfKind<'agent'>;
}
