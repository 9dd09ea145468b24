/**
 * The service sections of an agent's teleport.yaml: each service the plan gives it, enabled, with
 * its listen address where it listens (joined directly to Auth, or SSH with `force_listen`) and the
 * resources the plan links it to (databases, applications, desktops, LDAP).
 */
import type { DeriveResult } from '../engine/index.ts';
import type { NodeOfKind, Plan } from '../schema/index.ts';
import { reachedNodes, targetHost } from './teleport-targets.ts';

/** `ssh_service`, `kubernetes_service`, `db_service`, `app_service`, `windows_desktop_service`, `discovery_service`. */
export function agentServices(plan: Plan, result: DeriveResult, agent: NodeOfKind<'agent'>): Record<string, unknown> {
  const direct = agent.joinVia === 'auth';
  const has = (s: NodeOfKind<'agent'>['services'][number]) => agent.services.includes(s);
  const reached = reachedNodes(plan, result, agent.id);
  const out: Record<string, unknown> = {};
  const ssh: Record<string, unknown> = { enabled: has('ssh') };
  if (has('ssh') && (direct || agent.sshForceListen)) {
    ssh.listen_addr = agent.sshListenAddr ?? '0.0.0.0:3022';
    if (!direct) ssh.force_listen = true;
  }
  out.ssh_service = ssh;
  if (has('kubernetes')) {
    const kube: Record<string, unknown> = { enabled: true };
    if (direct) kube.listen_addr = agent.kubeListenAddr ?? '0.0.0.0:3026';
    if (agent.runtime === 'kubernetes') kube.kube_cluster_name = agent.id;
    else kube.kubeconfig_file = '/var/lib/teleport/kubeconfig';
    out.kubernetes_service = kube;
  }
  if (has('database')) {
    const databases = reached
      .filter((r) => r.node.kind === 'database')
      .map(({ node, flow }) => ({ name: node.id, protocol: node.kind === 'database' ? node.engine : '', uri: `${targetHost(node, flow)}:${flow.port}` }));
    out.db_service = { enabled: true, ...(databases.length > 0 ? { databases } : {}) };
  }
  if (has('app')) {
    // One entry per app (a multi-port app yields one flow per port range), with its tcp_ports.
    const apps = [...new Map(reached.flatMap(({ node }) => (node.kind === 'app' ? [[node.id, node] as const] : []))).values()].map((node) => ({
      name: node.id,
      uri: node.uri,
      ...(node.tcpPorts?.length ? { tcp_ports: node.tcpPorts.map((r) => ({ port: r.port, ...(r.endPort !== undefined && r.endPort !== r.port ? { end_port: r.endPort } : {}) })) } : {}),
    }));
    out.app_service = { enabled: true, ...(apps.length > 0 ? { apps } : {}) };
  }
  if (has('desktop')) {
    const desktop: Record<string, unknown> = { enabled: true };
    if (direct) desktop.listen_addr = agent.desktopListenAddr ?? '0.0.0.0:3028';
    const hosts = reached.filter((r) => r.node.kind === 'windows-host').map(({ node, flow }) => ({ addr: `${targetHost(node, flow)}:${flow.port}` }));
    if (hosts.length > 0) desktop.static_hosts = hosts;
    const ldap = reached.find((r) => r.node.kind === 'domain-controller' && r.flow.catalog === 'agent-ldap');
    if (ldap) desktop.ldap = { addr: `${targetHost(ldap.node, ldap.flow)}:${ldap.flow.port}` };
    out.windows_desktop_service = desktop;
  }
  if (has('discovery')) out.discovery_service = { enabled: true };
  return out;
}
