import { cloudTenant } from './cloud-tenant.ts';
import { haL4 } from './ha-l4.ts';
import { httpConnectEgress } from './http-connect-egress.ts';
import { internalExternalEndpoints } from './internal-external-endpoints.ts';
import { kubernetesDbDesktop } from './kubernetes-db-desktop.ts';
import { legacySeparateV1 } from './legacy-separate-v1.ts';
import { proxyPeering } from './proxy-peering.ts';
import { relaySite } from './relay-site.ts';
import { singleHost } from './single-host.ts';
import { trustedClusters } from './trusted-clusters.ts';
import type { Template } from './types.ts';

/** The templates gallery, in the order it is shown (simplest first). */
export const TEMPLATES: readonly Template[] = [
  singleHost,
  haL4,
  legacySeparateV1,
  cloudTenant,
  httpConnectEgress,
  proxyPeering,
  trustedClusters,
  internalExternalEndpoints,
  kubernetesDbDesktop,
  relaySite,
];

/** The template with this id, if any. */
export function templateById(id: string): Template | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
