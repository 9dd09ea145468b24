/** Flows of tbot's Workload API attestors (reference §2.5 T5; see ../workload.ts). */
import { sourceUrl } from '../sources.ts';
import type { FlowTemplate } from './types.ts';

/** Workload attestation flow templates. */
export const WORKLOAD_FLOWS: readonly FlowTemplate[] = [
  {
    id: 'tbot-kubelet', label: 'kubelet', ref: 'T5', protocol: 'tcp', longLived: false, forwardProxy: 'never',
    purpose: '{from} asks the kubelet of its Kubernetes node which pod is calling its Workload API (GET /pods, Kubernetes workload attestation)',
    docs: sourceUrl('D13'), sources: ['S26', 'D13'],
    note: 'tbot dials the node named in TELEPORT_NODE_NAME (the DaemonSet sets it from spec.nodeName): the kubelet of its own node. The plan has no node addresses, so the destination is the zone of the tbot. Whether this request honours HTTPS_PROXY is not established; Portolan assumes it does not.',
  },
  {
    id: 'tbot-oci-registry', label: 'registry', ref: 'T5', protocol: 'tcp', longLived: false, forwardProxy: 'never',
    purpose: '{from} reads the signatures and attestations of its callers\' container images from their registries (Sigstore attestor: OCI manifests, layers and referrers)',
    docs: sourceUrl('D13'), sources: ['S28', 'D13'],
    note: 'Registries are those of the callers\' images plus additional_registries, over HTTPS (443 unless an image names another port). tbot refuses private addresses unless allowed_private_network_prefixes lists them. Whether these requests honour HTTPS_PROXY is not established; Portolan assumes they do not.',
  },
];
