/** Trusted-cluster flows (reference §2.3 P8, P9). */
import { sourceUrl } from '../sources.ts';
import type { FlowTemplate } from './types.ts';

/** Trusted-cluster flow templates. */
export const TRUST_FLOWS: readonly FlowTemplate[] = [
  {
    id: 'trust-leaf-tunnel', label: 'leaf tunnel', ref: 'P8', protocol: 'tcp', longLived: true, forwardProxy: 'tunnel',
    purpose: 'Leaf Proxy {from} keeps a reverse tunnel to the root cluster through {to} (tunnel_addr)',
    docs: sourceUrl('D12'), sources: ['S21', 'D12'],
    // Reference §5 L-X2.
    note: 'Allow the leaf Proxy no egress beyond the rules Portolan derives for it: through this tunnel a compromised root Proxy can ask it to dial any address it can reach (L-X2).',
  },
  {
    id: 'trust-leaf-auth-validate', label: 'trust validation', ref: 'P9', protocol: 'tcp', longLived: false, forwardProxy: 'https',
    purpose: 'Leaf Auth {from} validates the trusted cluster with the root Proxy web address through {to} (web_proxy_addr)',
    docs: sourceUrl('D12'), sources: ['S20', 'D12'],
  },
];
