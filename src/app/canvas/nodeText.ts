/**
 * What a node card says under its name: a short summary of the node's own fields. Plain formatting of
 * plan data; ports and meanings come from the plan or the engine, never from here.
 */
import { KIND_INFO, PALETTE } from '../../core/catalog/kinds.ts';
import type { PlanNode } from '../../core/schema/index.ts';

/** `SSH agent` for an agent running only ssh (the palette's own name for that preset), else `Agent`. */
export function kindLabel(node: PlanNode): string {
  if (node.kind === 'agent' && node.services.length === 1) {
    const preset = PALETTE.find((p) => p.target.type === 'node' && p.target.kind === 'agent' && JSON.stringify(p.target.preset.services) === JSON.stringify(node.services));
    if (preset) return preset.label;
  }
  return KIND_INFO[node.kind].label;
}

/** One short line of detail, e.g. `postgres :5432` or `L4 · 443→3080`. Empty when there is nothing to say. */
export function nodeDetail(node: PlanNode): string {
  const addr = node.addresses[0];
  switch (node.kind) {
    case 'agent':
      return node.services.length > 1 ? node.services.join(' · ') : (addr ?? '');
    case 'client':
      return node.tools.join(' · ');
    case 'load-balancer':
      return `${node.layer.toUpperCase()} · ${node.mappings.map((m) => `${m.frontPort}→${m.targetPort}`).join(', ')}`;
    case 'http-proxy':
      return addr ? `${addr} :${node.port}` : `:${node.port}`;
    case 'database':
      return `${node.engine}${node.port !== undefined ? ` :${node.port}` : ''}`;
    case 'openssh-host':
      return addr ? `${addr} :${node.sshPort}` : `sshd :${node.sshPort}`;
    case 'kube-api':
      return addr ? `${addr} :${node.port}` : `:${node.port}`;
    case 'windows-host':
      return addr ? `${addr} :${node.rdpPort}` : `RDP :${node.rdpPort}`;
    case 'domain-controller':
      return `LDAP :${node.ldapPort} · KDC :${node.kdcPort}`;
    case 'app':
      return node.uri;
    case 'cloud-api':
      return `${node.provider.toUpperCase()} :${node.port}`;
    case 'proxy':
      return node.publicAddr[0] ?? addr ?? '';
    case 'relay':
      return node.publicHostnames[0] ?? `group ${node.relayGroup}`;
    case 'auth':
    case 'tbot':
      return addr ?? '';
  }
}
