/** Flows from agents to the resources they protect (reference §2.6, §2.7). */
import { sourceUrl } from '../sources.ts';
import type { FlowTemplate } from './types.ts';

/** Resource flow templates. */
export const RESOURCE_FLOWS: readonly FlowTemplate[] = [
  {
    id: 'agent-kube-api', label: 'Kubernetes API', ref: 'R1', protocol: 'tcp', longLived: true, forwardProxy: 'https',
    purpose: 'Kubernetes Service {from} reaches the Kubernetes API server {to}',
    // client-go transport defaults (utilnet.SetTransportDefaults): HTTPS_PROXY unless NO_PROXY matches the API host.
    docs: sourceUrl('D15'), sources: ['D15', 'S35'],
  },
  {
    id: 'agent-database', label: 'database', ref: 'R5', protocol: 'tcp', longLived: true, forwardProxy: 'resource',
    purpose: 'Database Service {from} connects to the database {to}',
    // HTTPS_PROXY for the engines whose client is built on defaults.Transport(), direct for the others (DATABASE_ENGINES).
    docs: sourceUrl('D18'), sources: ['D18', 'S17', 'S38', 'S39', 'S40', 'S41'],
  },
  {
    id: 'agent-rdp', label: 'RDP', ref: 'R2', protocol: 'tcp', longLived: true, forwardProxy: 'never',
    purpose: 'Windows Desktop Service {from} opens RDP sessions to {to}',
    docs: sourceUrl('D14'), sources: ['S5', 'S6', 'D14'],
  },
  {
    id: 'agent-ldap', label: 'LDAPS', ref: 'R3', protocol: 'tcp', longLived: true, forwardProxy: 'never',
    purpose: 'Windows Desktop Service {from} queries LDAP(S) on the domain controller {to}',
    docs: sourceUrl('D14'), sources: ['S6', 'D14'],
    note: 'LDAPS 636 by default: the docs say "usually 636", a code comment says 389 (reference §6 Q4).',
  },
  {
    id: 'agent-kdc', label: 'Kerberos', ref: 'R4', protocol: 'tcp', longLived: false, forwardProxy: 'never',
    purpose: 'Windows Desktop Service {from} gets Kerberos tickets from the KDC on {to} (RDP NLA)',
    docs: sourceUrl('D14'), sources: ['S6'],
    note: 'KDC port 88/tcp is an assumption: Teleport states no port for kdc_address (reference §6 Q4). Kerberos may also use 88/udp.',
  },
  {
    id: 'agent-app', label: 'app', ref: 'R7', protocol: 'tcp', longLived: true, forwardProxy: 'resource',
    purpose: 'Application Service {from} proxies requests to the application {to}',
    // http:// through HTTP_PROXY, https:// through HTTPS_PROXY, tcp:// direct (APP_SCHEME_FORWARD_PROXY).
    docs: sourceUrl('D17'), sources: ['D17', 'S5', 'S36', 'S37'],
  },
  {
    id: 'agent-cloud-api', label: 'cloud API', ref: 'R6/R8/R9', protocol: 'tcp', longLived: false, forwardProxy: 'https',
    purpose: '{from} calls the cloud API {to} (discovery, IAM authentication, consoles)',
    docs: sourceUrl('D18'), sources: ['D18', 'D17', 'S5'],
    note: 'The AWS, Google Cloud and Azure SDKs take HTTPS_PROXY from the environment (http.ProxyFromEnvironment): behind a forward proxy the call goes through it unless NO_PROXY lists the API host.',
  },
  {
    id: 'discovery-gcp-ssh', label: 'GCP install', ref: 'R10', protocol: 'tcp', longLived: false, forwardProxy: 'never',
    purpose: 'Discovery Service {from} installs Teleport on the GCP VM {to} over SSH',
    docs: sourceUrl('D20'), sources: ['S22', 'D20'],
    // Reference §2.6 R10, §5 L-A11.
    note: 'Teleport tries the VM’s external IP first, then the internal one, and reads its host keys from guest attributes: enable guest attributes on the VMs (L-A11).',
  },
];
