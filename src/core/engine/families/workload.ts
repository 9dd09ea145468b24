/**
 * tbot's Workload API (reference §2.5 T5): with the Kubernetes attestor on, tbot asks the kubelet of the
 * node it runs on which pod is calling. Settings alone cause the flow (no plan link): the kubelet is the
 * synthetic endpoint `kubelet:<tbot id>`.
 */
import { KUBELET, flowTemplate } from '../../catalog/index.ts';
import type { NodeOfKind } from '../../schema/index.ts';
import { kubeletId } from '../endpoints.ts';
import type { Run } from '../run.ts';

type WorkloadApi = NonNullable<NodeOfKind<'tbot'>['workloadApi']>;

/** The kubelet port the attestor dials: `read_only_port` (plain HTTP) or `secure_port` (10250 by default). */
export function kubeletPort(api: WorkloadApi): { port: number; readOnly: boolean } {
  return api.kubeletReadOnlyPort === undefined ? { port: api.kubeletSecurePort ?? KUBELET.securePort, readOnly: false } : { port: api.kubeletReadOnlyPort, readOnly: true };
}

/** tbot → kubelet of its node, for every tbot with the Kubernetes attestor on. */
export function workloadAttestation(run: Run): void {
  const { ctx, sink } = run;
  for (const node of ctx.sortedNodes) {
    if (node.kind !== 'tbot' || !node.workloadApi?.kubernetesAttestor) continue;
    const { port, readOnly } = kubeletPort(node.workloadApi);
    sink.add({
      from: node.id, to: kubeletId(node.id), port, template: flowTemplate('tbot-kubelet'),
      cause: `tbot ${node.id} attests its Workload API callers with the Kubernetes attestor (attestors.kubernetes)`,
      links: [], settings: [`nodes[${node.id}].workloadApi`],
      ...(readOnly ? { note: 'kubelet.read_only_port: plain HTTP without authentication (many clusters turn this port off).' } : {}),
    });
  }
}
