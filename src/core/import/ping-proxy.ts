/**
 * The Proxy part of a ping import: public addresses and listeners, following how
 * `lib/web/proxy_settings.go` fills the response (reference §4, population rules):
 * - only the first of each `*_public_addr` list is reported, so other entries already in the plan are kept;
 * - a listen address equal to `web_listen_addr` means "multiplexed on the web port", not a dedicated listener;
 * - with TLS routing (v2/v3 configs) the Proxy rewrites the SSH, tunnel, Kubernetes, MySQL and Postgres
 *   listen addresses to the web address, so the response cannot show whether dedicated listeners exist:
 *   in multiplex mode they are only added (when different from the web address), never removed.
 */
import type { NodeOfKind } from '../schema/index.ts';
import type { ChangeList } from './changes.ts';
import type { PingProxySettings } from './ping-schema.ts';

type ProxyNode = NodeOfKind<'proxy'>;
type ListenerField = 'sshListenAddr' | 'tunnelListenAddr' | 'kubeListenAddr' | 'mysqlListenAddr' | 'postgresListenAddr' | 'mongoListenAddr';
type PublicField = 'publicAddr' | 'sshPublicAddr' | 'tunnelPublicAddr' | 'kubePublicAddr' | 'mysqlPublicAddr' | 'postgresPublicAddr' | 'mongoPublicAddr';

const clean = (s: string | undefined) => (s === undefined || s.trim() === '' ? undefined : s.trim());

/** Apply the `proxy` section of a ping response to one Proxy node (mutates `proxy`). */
export function applyPingToProxy(proxy: ProxyNode, p: PingProxySettings, mode: 'multiplex' | 'separate', changes: ChangeList): void {
  const at = (field: string) => `nodes[${proxy.id}].${field}`;
  const web = clean(p.ssh?.web_listen_addr);

  if (web !== undefined && changes.record(at('webListenAddr'), proxy.webListenAddr, web, 'web listener from proxy.ssh.web_listen_addr')) proxy.webListenAddr = web;

  const setPublic = (field: PublicField, value: string | undefined, source: string) => {
    const v = clean(value);
    // Absent means the Proxy has none configured (Go omitempty). Present is the list's first entry:
    // it replaces the plan's first entry, and later entries (which the response cannot show) stay.
    const current = proxy[field];
    const next = v === undefined ? [] : current.includes(v) ? [v, ...current.filter((x) => x !== v)] : [v, ...current.slice(1)];
    const what = v === undefined ? `none configured (${source} is absent)` : `from ${source}`;
    if (changes.record(at(field), proxy[field], next, `${PUBLIC_LABEL[field]} ${what}`)) proxy[field] = next;
  };
  const setListener = (field: ListenerField, value: string | undefined, source: string) => {
    const v = clean(value);
    const dedicated = v !== undefined && v !== web ? v : undefined;
    if (dedicated === undefined && mode === 'multiplex') return;
    const why =
      dedicated !== undefined
        ? `dedicated ${LISTENER_LABEL[field]} from ${source}`
        : v === undefined
          ? `no dedicated ${LISTENER_LABEL[field]} (${source} is absent)`
          : `no dedicated ${LISTENER_LABEL[field]}: ${source} is the web address (multiplexed)`;
    if (changes.record(at(field), proxy[field], dedicated, why)) {
      if (dedicated === undefined) delete proxy[field];
      else proxy[field] = dedicated;
    }
  };

  if (p.ssh !== undefined) {
    setPublic('publicAddr', p.ssh.public_addr, 'proxy.ssh.public_addr');
    setPublic('sshPublicAddr', p.ssh.ssh_public_addr, 'proxy.ssh.ssh_public_addr');
    setPublic('tunnelPublicAddr', p.ssh.ssh_tunnel_public_addr, 'proxy.ssh.ssh_tunnel_public_addr');
    setListener('sshListenAddr', p.ssh.listen_addr, 'proxy.ssh.listen_addr');
    setListener('tunnelListenAddr', p.ssh.tunnel_listen_addr, 'proxy.ssh.tunnel_listen_addr');
  }
  if (p.kube !== undefined) {
    setPublic('kubePublicAddr', p.kube.public_addr, 'proxy.kube.public_addr');
    setListener('kubeListenAddr', p.kube.listen_addr, 'proxy.kube.listen_addr');
  }
  if (p.db !== undefined) {
    setPublic('mysqlPublicAddr', p.db.mysql_public_addr, 'proxy.db.mysql_public_addr');
    setPublic('postgresPublicAddr', p.db.postgres_public_addr, 'proxy.db.postgres_public_addr');
    setPublic('mongoPublicAddr', p.db.mongo_public_addr, 'proxy.db.mongo_public_addr');
    setListener('mysqlListenAddr', p.db.mysql_listen_addr, 'proxy.db.mysql_listen_addr');
    setListener('postgresListenAddr', p.db.postgres_listen_addr, 'proxy.db.postgres_listen_addr');
    setListener('mongoListenAddr', p.db.mongo_listen_addr, 'proxy.db.mongo_listen_addr');
  }
}

const LISTENER_LABEL: Record<ListenerField, string> = {
  sshListenAddr: 'SSH listener (3023)',
  tunnelListenAddr: 'reverse tunnel listener (3024)',
  kubeListenAddr: 'Kubernetes listener (3026)',
  mysqlListenAddr: 'MySQL listener (3036)',
  postgresListenAddr: 'Postgres listener',
  mongoListenAddr: 'MongoDB listener',
};

const PUBLIC_LABEL: Record<PublicField, string> = {
  publicAddr: 'public address:',
  sshPublicAddr: 'SSH public address:',
  tunnelPublicAddr: 'tunnel public address:',
  kubePublicAddr: 'Kubernetes public address:',
  mysqlPublicAddr: 'MySQL public address:',
  postgresPublicAddr: 'Postgres public address:',
  mongoPublicAddr: 'MongoDB public address:',
};
