/**
 * tbot's Workload API (reference §2.5 T5): with the Kubernetes attestor on, tbot asks the kubelet of the
 * node it runs on which pod is calling; with the Sigstore attestor on, it reads the callers' image
 * signatures from their registries. Settings alone cause the flows (no plan link): the ends are the
 * synthetic endpoints `kubelet:<tbot id>`, `oci-registries:<tbot id>` and `private-registries:<tbot id>`.
 */
import { KUBELET, SIGSTORE, flowTemplate } from '../../catalog/index.ts';
import type { NodeOfKind } from '../../schema/index.ts';
import { kubeletId, ociRegistriesId, privateRegistriesId } from '../endpoints.ts';
import type { Run } from '../run.ts';

type WorkloadApi = NonNullable<NodeOfKind<'tbot'>['workloadApi']>;

/** The kubelet port the attestor dials: `read_only_port` (plain HTTP) or `secure_port` (10250 by default). */
export function kubeletPort(api: WorkloadApi): { port: number; readOnly: boolean } {
  return api.kubeletReadOnlyPort === undefined ? { port: api.kubeletSecurePort ?? KUBELET.securePort, readOnly: false } : { port: api.kubeletReadOnlyPort, readOnly: true };
}

/** The TCP port of a Workload API `listen` (`tcp://host:port`); undefined for a unix socket or no listen. */
export function workloadTcpPort(listen: string | undefined): number | undefined {
  const port = listen === undefined ? undefined : /^tcp:\/\/.*:(\d+)$/.exec(listen)?.[1];
  return port === undefined ? undefined : Number(port);
}

/** tbot → kubelet of its node (Kubernetes attestor) and → container registries (Sigstore attestor). */
export function workloadAttestation(run: Run): void {
  const { ctx, sink } = run;
  for (const node of ctx.sortedNodes) {
    if (node.kind !== 'tbot' || !node.workloadApi) continue;
    const api = node.workloadApi;
    if (api.sigstoreAttestor) {
      const cause = `tbot ${node.id} attests its Workload API callers with the Sigstore attestor (attestors.sigstore)`;
      const settings = [`nodes[${node.id}].workloadApi`];
      sink.add({ from: node.id, to: ociRegistriesId(node.id), port: SIGSTORE.registryPort, template: flowTemplate('tbot-oci-registry'), cause, links: [], settings });
      // Private registries only in the networks tbot's SSRF guard is told to allow.
      if (api.sigstorePrivatePrefixes.length > 0) {
        sink.add({
          from: node.id, to: privateRegistriesId(node.id), port: SIGSTORE.registryPort, template: flowTemplate('tbot-oci-registry'), cause, links: [], settings,
          note: `Private registries in ${api.sigstorePrivatePrefixes.join(', ')} (allowed_private_network_prefixes).`,
        });
      }
    }
    if (!api.kubernetesAttestor) continue;
    const { port, readOnly } = kubeletPort(api);
    sink.add({
      from: node.id, to: kubeletId(node.id), port, template: flowTemplate('tbot-kubelet'),
      cause: `tbot ${node.id} attests its Workload API callers with the Kubernetes attestor (attestors.kubernetes)`,
      links: [], settings: [`nodes[${node.id}].workloadApi`],
      ...(readOnly ? { note: 'kubelet.read_only_port: plain HTTP without authentication (many clusters turn this port off).' } : {}),
    });
  }
}
