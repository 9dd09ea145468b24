/** Flows between agents / tbot and the control plane (reference §2.2, §2.3 P3–P5, §2.5). */
import { sourceUrl } from '../sources.ts';
import type { FlowTemplate } from './types.ts';

/** Agent and Machine ID flow templates. */
export const AGENT_FLOWS: readonly FlowTemplate[] = [
  {
    id: 'agent-reverse-tunnel', label: 'reverse tunnel', ref: 'A2', protocol: 'tcp', longLived: true, forwardProxy: 'tunnel',
    purpose: 'Reverse tunnel from {from} to {to}: the Proxy reaches the agent through it, and the agent reaches Auth',
    docs: sourceUrl('D1'), sources: ['S2', 'S3', 'S12', 'D1', 'D9'],
  },
  {
    id: 'agent-join', label: 'join', ref: 'A1/A3', protocol: 'tcp', longLived: false, forwardProxy: 'https',
    purpose: 'Join and discovery of {from} on {to} (/webapi/find, /webapi/host/credentials, gRPC join service)',
    docs: sourceUrl('D1'), sources: ['S19', 'S13', 'S12'],
    note: 'Which port serves the gRPC join service in separate mode is assumed to be the web port (reference §6 Q7).',
  },
  {
    // Auth clients dial through client.NewDialer (api/client/contextdialer.go), which takes HTTPS_PROXY,
    // then HTTP_PROXY, unless NO_PROXY matches (reference §6 Q6, answered by the source).
    id: 'agent-auth-direct', label: 'Auth gRPC', ref: 'A4', protocol: 'tcp', longLived: true, forwardProxy: 'tunnel',
    purpose: '{from} joined directly to Auth: gRPC over mTLS to {to} (heartbeats, watchers, audit)',
    docs: sourceUrl('D1'), sources: ['S10', 'S7', 'S34', 'D1'],
  },
  {
    id: 'proxy-dial-ssh', label: 'SSH', ref: 'P3', protocol: 'tcp', longLived: true, forwardProxy: 'never',
    purpose: '{from} dials the SSH Service of {to}, which joined Auth directly (no reverse tunnel)',
    docs: sourceUrl('D1'), sources: ['D1', 'D9', 'D16'],
  },
  {
    id: 'proxy-dial-kube', label: 'Kubernetes', ref: 'P4', protocol: 'tcp', longLived: true, forwardProxy: 'never',
    purpose: '{from} dials the Kubernetes Service of {to}, which joined Auth directly',
    docs: sourceUrl('D1'), sources: ['D1', 'S11'],
  },
  {
    id: 'proxy-dial-desktop', label: 'desktop', ref: 'P5', protocol: 'tcp', longLived: true, forwardProxy: 'never',
    purpose: '{from} dials the Windows Desktop Service of {to}, which joined Auth directly',
    docs: sourceUrl('D1'), sources: ['D1', 'D14'],
  },
  {
    id: 'tbot-web', label: 'tbot', ref: 'T1', protocol: 'tcp', longLived: false, forwardProxy: 'https',
    purpose: 'tbot {from} joins and renews its certificates through {to} (proxy_server)',
    docs: sourceUrl('D13'), sources: ['D13'],
  },
  {
    // tbot builds its Auth client with a tunnel dialer resolved from the Proxy's ping (TunnelAddr): the
    // tunnel listener in separate mode, the web port with TLS routing (lib/tbot/tbot.go clientForFacade).
    id: 'tbot-tunnel', label: 'tbot', ref: 'T1', protocol: 'tcp', longLived: false, forwardProxy: 'tunnel',
    purpose: 'tbot {from} reaches Auth through {to}: its Auth client dials the tunnel address of the Proxy (the web port with TLS routing, else the tunnel listener)',
    docs: sourceUrl('D13'), sources: ['S33', 'S3', 'S12'],
  },
  {
    id: 'tbot-auth', label: 'tbot → Auth', ref: 'T2', protocol: 'tcp', longLived: false, forwardProxy: 'tunnel',
    purpose: 'tbot {from} joins and renews directly with {to} (auth_server, discouraged)',
    docs: sourceUrl('D13'), sources: ['D13'],
  },
  {
    id: 'vm-installer', label: 'installer', ref: 'A6', protocol: 'tcp', longLived: false, forwardProxy: 'never',
    purpose: 'Discovered VM {from} downloads the Teleport installer from {to} and joins',
    docs: sourceUrl('D20'), sources: ['S22', 'D20'],
  },
  {
    id: 'vm-agent-tunnel', label: 'reverse tunnel', ref: 'A6', protocol: 'tcp', longLived: true, forwardProxy: 'tunnel',
    purpose: 'Discovered VM {from}, now an SSH agent, keeps a reverse tunnel to {to}',
    docs: sourceUrl('D20'), sources: ['D20', 'S3', 'S12'],
  },
];
