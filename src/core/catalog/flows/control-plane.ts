/** Flows opened by the Proxy and Auth (reference §2.3, §2.4) and the ACME exchange. */
import { sourceUrl } from '../sources.ts';
import type { FlowTemplate } from './types.ts';

/** Control-plane flow templates. */
export const CONTROL_PLANE_FLOWS: readonly FlowTemplate[] = [
  {
    id: 'proxy-auth', label: 'Auth gRPC', ref: 'P1', protocol: 'tcp', longLived: true, forwardProxy: 'tunnel',
    purpose: '{from} connects to {to} over gRPC/mTLS (never through a reverse tunnel)',
    docs: sourceUrl('D10'), sources: ['S10', 'S5', 'S34', 'D10'],
  },
  {
    id: 'proxy-peering', label: 'peering', ref: 'P2', protocol: 'tcp', longLived: true, forwardProxy: 'never',
    purpose: 'Proxy peering: {from} forwards client traffic to {to}, which holds the agent tunnel',
    docs: sourceUrl('D4'), sources: ['D4', 'S9', 'S8'],
  },
  {
    // PR 47587: Proxies with TELEPORT_UNSTABLE_QUIC_PROXY_PEERING=yes advertise it and use QUIC, only
    // QUIC, towards Proxies that advertise it too, on the peer address over UDP.
    id: 'proxy-peering-quic', label: 'peering (QUIC)', ref: 'P2', protocol: 'udp', longLived: true, forwardProxy: 'never',
    purpose: 'Proxy peering over QUIC: {from} forwards client traffic to {to}, which holds the agent tunnel',
    docs: sourceUrl('I5'), sources: ['I5', 'D4'],
    note: 'Experimental (TELEPORT_UNSTABLE_QUIC_PROXY_PEERING=yes on both Proxies, Teleport 17+): UDP on the peer address instead of TCP.',
  },
  {
    id: 'proxy-openssh', label: 'agentless SSH', ref: 'P6', protocol: 'tcp', longLived: true, forwardProxy: 'never',
    purpose: '{from} dials the agentless OpenSSH host {to} (registered with teleport join openssh)',
    docs: sourceUrl('D19'), sources: ['D19'],
    // Reference §2.3 P6, §3.2 (v14), §5 L-A10.
    note: 'Since Teleport 14 the Proxy dials only registered OpenSSH hosts: register this one with teleport join openssh --address <host>:<sshd port> (L-A10).',
  },
  {
    id: 'proxy-kube-api', label: 'Kubernetes API', ref: 'P10', protocol: 'tcp', longLived: true, forwardProxy: 'https',
    purpose: '{from} reaches the Kubernetes API {to} itself (legacy proxy_service.kubernetes)',
    docs: sourceUrl('D1'), sources: ['D1'],
  },
  {
    id: 'acme-challenge', label: 'ACME challenge', ref: 'P11', protocol: 'tcp', longLived: false, forwardProxy: 'never',
    purpose: 'The ACME certificate authority validates {to} with a TLS-ALPN-01 challenge on public port 443',
    docs: sourceUrl('D5'), sources: ['D5', 'D10', 'S6'],
  },
  {
    id: 'acme-directory', label: 'ACME', ref: 'P11', protocol: 'tcp', longLived: false, forwardProxy: 'https',
    purpose: '{from} orders and renews its certificate from the ACME certificate authority',
    docs: sourceUrl('D5'), sources: ['D5', 'S6'],
  },
  {
    id: 'auth-backend', label: 'backend', ref: 'U1', protocol: 'tcp', longLived: true, forwardProxy: 'never',
    purpose: '{from} stores cluster state, audit events or session recordings in {to}',
    docs: sourceUrl('D10'), sources: ['D10', 'D6'],
  },
];
