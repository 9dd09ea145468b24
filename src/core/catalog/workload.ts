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

/** Workload API facts. */
export const WORKLOAD_API = {
  docs: sourceUrl('D13'),
  sources: ['S27', 'D13'] as readonly SourceKey[],
} as const;
