/** Cluster settings a teleport.yaml carries: config version, and the Auth Service's cluster-wide settings. */
import type { Cluster } from '../schema/index.ts';
import type { ChangeList } from './changes.ts';
import type { TeleportYaml } from './yaml-schema.ts';

/** Apply `version` and (when the file runs Auth) `cluster_name`, `proxy_listener_mode`, `tunnel_strategy`. */
export function applyYamlClusterSettings(cluster: Cluster, cfg: TeleportYaml, version: 'v1' | 'v2' | 'v3', authOn: boolean, changes: ChangeList): void {
  const at = (field: string) => `clusters[${cluster.id}].${field}`;
  const why = cfg.version === undefined ? 'the file has no version: key, which Teleport reads as config v1' : `version: ${version}`;
  if (changes.record(at('configVersion'), cluster.configVersion, version, why)) cluster.configVersion = version;
  if (!authOn) return;

  const a = cfg.auth_service ?? {};
  const name = a.cluster_name?.trim();
  if (name && name.length <= 120 && changes.record(at('name'), cluster.name, name, 'auth_service.cluster_name')) cluster.name = name;

  // These are Auth settings: in a file that runs Auth, leaving them out means Teleport's defaults,
  // `separate` and `agent_mesh` (reference §3.1: the cluster default is still separate), unless
  // someone changed the cluster_networking_config resource with tctl.
  const mode = a.proxy_listener_mode ?? 'separate';
  const modeWhy = a.proxy_listener_mode ? `auth_service.proxy_listener_mode: ${mode}` : "auth_service has no proxy_listener_mode: Teleport's default is separate (unless set in cluster_networking_config with tctl)";
  if (changes.record(at('proxyListenerMode'), cluster.proxyListenerMode, mode, modeWhy)) cluster.proxyListenerMode = mode;

  const strategy = a.tunnel_strategy?.type ?? 'agent_mesh';
  const strategyWhy = a.tunnel_strategy?.type ? `auth_service.tunnel_strategy.type: ${strategy}` : "auth_service has no tunnel_strategy: Teleport's default is agent_mesh";
  if (changes.record(at('tunnelStrategy'), cluster.tunnelStrategy, strategy, strategyWhy)) cluster.tunnelStrategy = strategy;

  const count = a.tunnel_strategy?.agent_connection_count;
  if (count !== undefined && changes.record(at('agentConnectionCount'), cluster.agentConnectionCount, count, 'auth_service.tunnel_strategy.agent_connection_count')) cluster.agentConnectionCount = count;
}

/** The Auth Service's cluster-wide keys this import reads. */
export const AUTH_CLUSTER_KEYS = ['proxy_listener_mode', 'tunnel_strategy'] as const;

/**
 * Cluster settings a file carries where Teleport does not read them (reference §5 L-T2): the listener
 * mode and tunnel strategy are the Auth Service's (`auth_service`, or the cluster_networking_config
 * resource), so a file that does not run Auth changes nothing with them (an empty key is no setting),
 * and the plan keeps its own. Under `proxy_service` they are unknown keys, which Teleport refuses:
 * `ReadConfig` (lib/config/fileconf.go) parses the file with `yaml.UnmarshalStrict`.
 */
export function ignoredClusterSettings(cfg: TeleportYaml, authOn: boolean): string[] {
  const out: string[] = [];
  const auth = (cfg.auth_service ?? {}) as Record<string, unknown>;
  const proxy = (cfg.proxy_service ?? {}) as Record<string, unknown>;
  const unread = authOn ? [] : AUTH_CLUSTER_KEYS.filter((k) => auth[k] !== undefined && auth[k] !== null);
  if (unread.length > 0) {
    const one = unread.length === 1;
    out.push(`${unread.map((k) => `auth_service.${k}`).join(' and ')} ${one ? 'is' : 'are'} set, but this file does not run the Auth Service: ${one ? 'it is a setting' : 'they are settings'} of the Auth Service (or of cluster_networking_config, set with tctl), so ${one ? 'it changes' : 'they change'} nothing here. The plan keeps its cluster settings.`);
  }
  const misplaced = AUTH_CLUSTER_KEYS.filter((k) => k in proxy);
  if (misplaced.length > 0) {
    const one = misplaced.length === 1;
    out.push(`proxy_service sets ${misplaced.join(' and ')}, which ${one ? 'is not a Proxy Service setting' : 'are not Proxy Service settings'}: Teleport reads teleport.yaml strictly and refuses to start ("failed parsing the config file"). Move ${one ? 'it' : 'them'} to auth_service (or set cluster_networking_config with tctl).${authOn ? '' : ' The plan keeps its cluster settings.'}`);
  }
  return out;
}
