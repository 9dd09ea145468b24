/** Flows opened by monitoring systems towards Teleport processes (reference §2.9). */
import { sourceUrl } from '../sources.ts';
import type { FlowTemplate } from './types.ts';

/** Monitoring flow templates. */
export const MONITORING_FLOWS: readonly FlowTemplate[] = [
  {
    id: 'monitor-metrics', label: 'metrics', ref: 'M1', protocol: 'tcp', longLived: false, forwardProxy: 'never',
    purpose: '{from} scrapes Prometheus metrics from the metrics service of {to} (metrics_service.listen_addr)',
    docs: sourceUrl('S5'), sources: ['S5', 'S1'],
    note: 'With keypairs and ca_certs set, metrics_service requires mTLS: the scraper then needs a client certificate.',
  },
  {
    id: 'monitor-diag', label: 'diag', ref: 'M2', protocol: 'tcp', longLived: false, forwardProxy: 'never',
    purpose: '{from} scrapes /metrics and probes health (/healthz or /livez, /readyz) on the diagnostic endpoint of {to} (diag_addr)',
    docs: sourceUrl('D7'), sources: ['D7'],
    note: 'The diagnostic endpoint has no authentication: allow it only from the monitoring hosts.',
  },
];
