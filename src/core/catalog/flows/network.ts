/**
 * Flows through network devices: load balancer backends (reference §3.6) and the Teleport Cloud
 * tenant (§3.3). HTTP CONNECT hops keep the template of the connection they carry (see
 * `FORWARD_PROXY` in `../network.ts`).
 */
import { sourceUrl } from '../sources.ts';
import type { FlowTemplate } from './types.ts';

/** Network flow templates. */
export const NETWORK_FLOWS: readonly FlowTemplate[] = [
  {
    id: 'lb-backend', label: 'LB backend', ref: '§3.6', protocol: 'tcp', longLived: true, forwardProxy: 'never',
    purpose: 'Load balancer {from} forwards to its backend {to}',
    docs: sourceUrl('D10'), sources: ['D10', 'D2'],
  },
];
