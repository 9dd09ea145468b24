/** Flows opened by users' tools towards the Proxy (reference §2.1). */
import { sourceUrl } from '../sources.ts';
import type { FlowTemplate } from './types.ts';

/** Client flow templates. */
export const CLIENT_FLOWS: readonly FlowTemplate[] = [
  {
    id: 'client-browser-web', label: 'web UI', ref: 'C1', protocol: 'tcp', longLived: true, forwardProxy: 'https',
    purpose: 'Web UI and browser sessions of {from} through {to} (HTTPS, WebSockets)',
    docs: sourceUrl('D1'), sources: ['D1', 'D2', 'D10'],
  },
  {
    id: 'client-tsh-web', label: 'tsh', ref: 'C2', protocol: 'tcp', longLived: true, forwardProxy: 'https',
    purpose: 'tsh / Teleport Connect of {from}: login, /webapi/ping and sessions routed by ALPN on the web port of {to}',
    docs: sourceUrl('D1'), sources: ['D1', 'S3', 'I6', 'D2'],
  },
  {
    id: 'client-tsh-ssh', label: 'tsh ssh', ref: 'C3', protocol: 'tcp', longLived: true, forwardProxy: 'tunnel',
    purpose: 'tsh ssh sessions of {from} on the SSH proxy listener of {to} (separate mode)',
    docs: sourceUrl('D1'), sources: ['S3', 'S9', 'D5'],
  },
  {
    id: 'client-kube-web', label: 'kubectl', ref: 'C4', protocol: 'tcp', longLived: true, forwardProxy: 'https',
    purpose: 'kubectl of {from} through {to} with TLS routing (SNI kube-teleport-proxy-alpn.)',
    docs: sourceUrl('D2'), sources: ['D2'],
  },
  {
    id: 'client-kube-listener', label: 'kubectl', ref: 'C4', protocol: 'tcp', longLived: true, forwardProxy: 'https',
    purpose: 'kubectl of {from} on the Kubernetes listener of {to} (separate mode)',
    docs: sourceUrl('D1'), sources: ['S5', 'D5'],
  },
  {
    id: 'client-db-web', label: 'database', ref: 'C5', protocol: 'tcp', longLived: true, forwardProxy: 'https',
    purpose: 'Database clients of {from} through tsh local proxies (ALPN per engine) on the web port of {to}',
    docs: sourceUrl('D2'), sources: ['D2', 'S13'],
  },
  {
    id: 'client-db-mysql', label: 'MySQL', ref: 'C5', protocol: 'tcp', longLived: true, forwardProxy: 'tunnel',
    purpose: 'MySQL clients of {from} on the dedicated MySQL listener of {to}',
    docs: sourceUrl('D5'), sources: ['S5', 'D5', 'D1'],
  },
  {
    id: 'client-db-postgres', label: 'Postgres', ref: 'C5', protocol: 'tcp', longLived: true, forwardProxy: 'tunnel',
    purpose: 'Postgres clients of {from} on the dedicated Postgres listener of {to}',
    docs: sourceUrl('D5'), sources: ['D5'],
  },
  {
    id: 'client-db-mongo', label: 'Mongo', ref: 'C5', protocol: 'tcp', longLived: true, forwardProxy: 'tunnel',
    purpose: 'MongoDB clients of {from} on the dedicated Mongo listener of {to}',
    docs: sourceUrl('D5'), sources: ['D5'],
  },
  {
    id: 'client-rdp-web', label: 'desktop', ref: 'C1', protocol: 'tcp', longLived: true, forwardProxy: 'https',
    purpose: 'Windows desktop sessions of {from} in the browser, through {to}',
    docs: sourceUrl('D14'), sources: ['D1', 'D14'],
  },
];
