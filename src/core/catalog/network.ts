/**
 * Endpoints that are not plan nodes (the Teleport Cloud tenant, the ACME CA) and the HTTP CONNECT
 * forward-proxy facts (reference §2.10, §3.3).
 */
import { PORTS } from './ports.ts';
import { sourceUrl } from './sources.ts';
import type { SourceKey } from './sources.ts';

/**
 * Synthetic endpoint id of a cluster's Teleport Cloud tenant: `cloud-tenant:<clusterId>`.
 * A `:` never appears in plan ids, so it cannot collide with a node.
 */
export const CLOUD_TENANT_PREFIX = 'cloud-tenant:';

/** Synthetic endpoint id of the public ACME certificate authority (Let's Encrypt). */
export const ACME_CA_ID = 'external:acme-ca';

/** Address used for endpoints on the public internet when the plan has no internet zone. */
export const INTERNET_CIDR = '0.0.0.0/0';

/** Teleport Cloud facts. */
export const CLOUD = {
  /** Tenants publish only the web address on 443 (`<tenant>.teleport.sh:443`). */
  tenantPort: PORTS.https.port,
  docs: sourceUrl('D1'),
  sources: ['D1', 'D21'] as readonly SourceKey[],
} as const;

/** ACME facts: the challenge arrives on public 443. */
export const ACME = {
  port: PORTS.https.port,
  /** Let's Encrypt, Teleport's ACME directory (TLS-ALPN-01). */
  directoryHost: 'acme-v02.api.letsencrypt.org',
  docs: sourceUrl('D5'),
  sources: ['D5', 'D10'] as readonly SourceKey[],
} as const;

/** HTTP CONNECT forward proxy facts (§2.10). */
export const FORWARD_PROXY = {
  docs: sourceUrl('D1'),
  sources: ['D1', 'S15', 'S16'] as readonly SourceKey[],
  /** NO_PROXY entry the Proxy needs when it talks to a local Kubernetes API (L-H3). */
  kubeLocalHost: 'kube.teleport.cluster.local',
  note: 'Routed through the forward proxy named by HTTPS_PROXY/HTTP_PROXY (HTTP CONNECT); NO_PROXY did not match.',
  /** For `http://` requests, which Go sends to HTTP_PROXY as they are, without a tunnel. */
  httpNote: 'Routed through the forward proxy named by HTTP_PROXY as a plain HTTP request (no CONNECT tunnel: the proxy reads it); NO_PROXY did not match.',
} as const;

/**
 * Reference §5 L-T6 (D10, D2): with TLS routing the Proxy's web port carries more than web requests;
 * behind an L7 load balancer the other protocols arrive as long-lived HTTP connection upgrades (Teleport
 * 13+), which the load balancer's HTTP rules must let through. A note on its rules to that port.
 */
export const TLS_ROUTING_L7_NOTE = 'TLS routing: behind an L7 load balancer this port also carries SSH, Kubernetes, database and reverse tunnel connections as long-lived HTTP upgrades (/webapi/connectionupgrade): path, WAF and idle timeout rules must let them through (L-T6).';
