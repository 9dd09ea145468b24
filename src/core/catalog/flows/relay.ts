/** Flows of the Relay Service (reference §2.8; Teleport 18.3+, SSH only). */
import { sourceUrl } from '../sources.ts';
import type { FlowTemplate } from './types.ts';

/** Relay flow templates. */
export const RELAY_FLOWS: readonly FlowTemplate[] = [
  {
    id: 'relay-tunnel', label: 'relay tunnel', ref: 'A5', protocol: 'tcp', longLived: true, forwardProxy: 'never',
    purpose: 'The SSH Service of {from} keeps a relay tunnel to {to} (teleport.relay_server), in addition to its Proxy tunnel',
    docs: sourceUrl('D8'), sources: ['D8', 'D7', 'S6'],
    note: 'mTLS. Agents keep target_connection_count tunnels to distinct relays of the group. Whether relay tunnels honour HTTPS_PROXY is not verified: Portolan assumes a direct dial.',
  },
  {
    id: 'relay-transport', label: 'relay', ref: 'C8', protocol: 'tcp', longLived: true, forwardProxy: 'never',
    purpose: 'SSH sessions of {from} through {to} (tsh --relay / TELEPORT_RELAY, or tbot ssh-multiplexer relay_server)',
    docs: sourceUrl('D8'), sources: ['D8'],
    note: 'Only SSH uses relays; the web UI cannot. tsh dials port 443 when the relay address has none.',
  },
  {
    id: 'relay-peer', label: 'relay peering', ref: 'Y3', protocol: 'tcp', longLived: true, forwardProxy: 'never',
    purpose: 'Relay peering: {from} forwards connections to {to}, which holds the agent tunnel (same relay group, direct, never through a load balancer)',
    docs: sourceUrl('D8'), sources: ['D8', 'S24'],
    note: 'peer_public_addr defaults to the host\'s first private IP with the peer port.',
  },
  {
    id: 'relay-join', label: 'relay join', ref: 'Y4', protocol: 'tcp', longLived: false, forwardProxy: 'https',
    purpose: 'The Relay Service {from} joins the cluster through {to} (proxy_server)',
    docs: sourceUrl('D23'), sources: ['D23', 'S24', 'S25'],
  },
  {
    // Joined via proxy_server, a Teleport process reaches Auth through the Proxy's tunnel address
    // (lib/service/connect.go, reversetunnelclient.NewTunnelAuthDialer): 3024 in separate mode.
    id: 'relay-auth-tunnel', label: 'relay join', ref: 'Y4', protocol: 'tcp', longLived: true, forwardProxy: 'tunnel',
    purpose: 'The Relay Service {from} keeps its connection to Auth (heartbeats, inventory) through {to}, at the tunnel address of the Proxy (the web port with TLS routing, else the tunnel listener)',
    docs: sourceUrl('D23'), sources: ['S24', 'S10', 'S12'],
  },
];
