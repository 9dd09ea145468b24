/**
 * tbot's Workload API and its Kubernetes attestor (reference §2.5 T5): the attestor asks the kubelet of
 * the node tbot runs on which pod is calling (GET /pods). Read in Teleport's source [S26][S27]:
 * - `defaultSecurePort = 10250`; `kubelet.read_only_port` (plain HTTP) and `kubelet.secure_port` are
 *   mutually exclusive;
 * - the host is the node name in `TELEPORT_NODE_NAME` (the docs' DaemonSet sets it from `spec.nodeName`),
 *   not localhost: `net.JoinHostPort(host, port)`;
 * - a caller that connects over TCP gets no attestation (only unix sockets carry its process id).
 */
import { sourceUrl } from './sources.ts';
import type { SourceKey } from './sources.ts';
import { release } from './versions.ts';

/**
 * Synthetic endpoint id of the kubelet of the node a tbot runs on: `kubelet:<tbot id>`. A `:` never
 * appears in plan ids, so it cannot collide with a node.
 */
export const KUBELET_PREFIX = 'kubelet:';

/** Kubelet facts for the Kubernetes attestor. */
export const KUBELET = {
  /** `defaultSecurePort` in workloadattest/kubernetes.go. */
  securePort: 10250,
  /** Where tbot reads the node name it dials. */
  nodeNameEnv: 'TELEPORT_NODE_NAME',
  docs: sourceUrl('D13'),
  sources: ['S26', 'D13'] as readonly SourceKey[],
} as const;

/**
 * Synthetic endpoint id of the container registries a tbot's Sigstore attestor reads:
 * `oci-registries:<tbot id>` (per tbot, because each may allow its own private prefixes).
 */
export const OCI_REGISTRIES_PREFIX = 'oci-registries:';

/**
 * Synthetic endpoint id of the private registry networks a tbot's Sigstore attestor may dial
 * (`allowed_private_network_prefixes`): `private-registries:<tbot id>`, in the plan zone that holds them.
 */
export const PRIVATE_REGISTRIES_PREFIX = 'private-registries:';

/**
 * Sigstore attestor facts (lib/tbot/workloadidentity/workloadattest/sigstore*.go [S28]): tbot reads
 * manifests, layers and referrers of the caller's image from its registry (and `additional_registries`)
 * over HTTPS; an SSRF guard refuses private, loopback and link-local addresses unless
 * `allowed_private_network_prefixes` lists them (any port is allowed). Signatures are verified by the
 * Auth Service; tbot calls no Rekor or TUF service. Enterprise only, Teleport 17.5+.
 */
export const SIGSTORE = {
  registryPort: 443,
  since: release(17, 5),
  docs: sourceUrl('D13'),
  sources: ['S28', 'D13'] as readonly SourceKey[],
} as const;

/** Workload API facts. */
export const WORKLOAD_API = {
  /** The docs' example `listen` (tbot has no default). */
  exampleListen: 'unix:///opt/machine-id/workload.sock',
  docs: sourceUrl('D13'),
  sources: ['S27', 'D13'] as readonly SourceKey[],
} as const;
