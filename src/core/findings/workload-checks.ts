/** tbot's Workload API (reference §2.5 T5): PL-WORKLOAD-TCP, PL-KUBELET-ZONE, PL-SIGSTORE-CLUSTER. */
import { SIGSTORE, predates, versionText } from '../catalog/index.ts';
import { clusterOf } from '../engine/context.ts';
import { workloadTcpPort } from '../engine/families/workload.ts';
import type { Check } from './input.ts';

export const workloadApi: Check = ({ ctx, out }) => {
  for (const node of ctx.sortedNodes) {
    if (node.kind !== 'tbot' || !node.workloadApi) continue;
    const { listen, kubernetesAttestor, sigstoreAttestor } = node.workloadApi;
    const cluster = clusterOf(ctx, node);
    // Teleport Cloud is Enterprise whatever the edition field says.
    const enterprise = cluster !== undefined && (cluster.edition === 'enterprise' || cluster.deployment === 'cloud');
    if (sigstoreAttestor && cluster && (!enterprise || predates(cluster.teleportVersion, cluster.teleportMinorVersion, SIGSTORE.since))) {
      const has = `Teleport ${enterprise ? 'Enterprise' : 'Community Edition'} ${versionText(cluster.teleportVersion, cluster.teleportMinorVersion)}`;
      out.add({ code: 'PL-SIGSTORE-CLUSTER', subjects: [node.id], nodes: [node.id], params: { tbot: node.name, cluster: cluster.name, has, since: SIGSTORE.since.text } });
    }
    // Only a unix socket tells tbot which process calls (Teleport's workload_api.go): TCP callers are not attested.
    if (listen !== undefined && workloadTcpPort(listen) !== undefined) out.add({ code: 'PL-WORKLOAD-TCP', subjects: [node.id], nodes: [node.id], params: { tbot: node.name, listen } });
    if (!kubernetesAttestor) continue;
    const zone = node.zone === undefined ? undefined : ctx.zones.get(node.zone);
    if (zone?.kind !== 'kubernetes') {
      out.add({ code: 'PL-KUBELET-ZONE', subjects: [node.id], nodes: [node.id], params: { tbot: node.name, where: zone ? `in zone ${zone.name} (kind ${zone.kind})` : 'in no zone' } });
    }
  }
};
