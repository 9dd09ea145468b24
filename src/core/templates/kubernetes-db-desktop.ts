/**
 * Agents deployed with the `teleport-kube-agent` Helm chart: Kubernetes, Database and Windows Desktop
 * services run as pods (`runtime: kubernetes`), dial the Proxy on 443 and reach their resources from
 * the pod network (exports include NetworkPolicies for them).
 */
import { buildPlan, INTERNET_ZONE, SELF_HOSTED_CLUSTER } from './build.ts';
import { at } from './layout.ts';
import type { PlanInput } from './layout.ts';
import type { Template } from './types.ts';

const NAMESPACE = 'teleport-agent';

const podAgent = (id: string, name: string, services: ('kubernetes' | 'database' | 'desktop')[], row: number, extra: Record<string, unknown> = {}) => ({
  id,
  name,
  kind: 'agent' as const,
  services,
  joinVia: 'proxy' as const,
  runtime: 'kubernetes' as const,
  namespace: NAMESPACE,
  zone: 'k8s',
  position: at(4, row),
  ...extra,
});

const PLAN: PlanInput = {
  type: 'portolan-plan',
  version: 1,
  name: 'Kubernetes with Database and Windows Desktop access',
  description: 'Kubernetes, Database and Windows Desktop agents running as pods in a Kubernetes cluster, joined through the Proxy.',
  clusters: [SELF_HOSTED_CLUSTER],
  zones: [
    INTERNET_ZONE,
    { id: 'dmz', name: 'Public subnets', kind: 'dmz', cidrs: ['10.0.1.0/24'] },
    { id: 'control-plane', name: 'Control plane', kind: 'private', cidrs: ['10.0.2.0/24'] },
    { id: 'k8s', name: 'Kubernetes cluster (prod)', kind: 'kubernetes', cidrs: ['10.100.0.0/16'], notes: 'Pod network; agents installed with the teleport-kube-agent Helm chart.' },
    { id: 'data', name: 'Databases', kind: 'private', cidrs: ['10.0.20.0/24'] },
    { id: 'windows-domain', name: 'Windows domain', kind: 'on-prem', cidrs: ['10.0.30.0/24'] },
  ],
  nodes: [
    { id: 'users', name: 'Engineers', kind: 'client', tools: ['browser', 'tsh', 'kubectl', 'database', 'rdp'], zone: 'internet', position: at(0, 2) },
    {
      id: 'lb',
      name: 'Proxy NLB',
      kind: 'load-balancer',
      layer: 'l4',
      mappings: [{ frontPort: 443, targetPort: 3080 }],
      idleTimeoutSeconds: 350,
      addresses: ['teleport.example.com'],
      zone: 'dmz',
      position: at(1, 2),
    },
    { id: 'proxy-1', name: 'Proxy 1', kind: 'proxy', publicAddr: ['teleport.example.com:443'], webListenAddr: '0.0.0.0:3080', proxyProtocol: 'off', addresses: ['10.0.1.11'], zone: 'dmz', position: at(2, 1) },
    { id: 'proxy-2', name: 'Proxy 2', kind: 'proxy', publicAddr: ['teleport.example.com:443'], webListenAddr: '0.0.0.0:3080', proxyProtocol: 'off', addresses: ['10.0.1.12'], zone: 'dmz', position: at(2, 3) },
    { id: 'auth', name: 'Auth', kind: 'auth', addresses: ['10.0.2.10'], proxyProtocol: 'off', zone: 'control-plane', position: at(3, 2) },
    podAgent('kube-agent', 'Kubernetes agent', ['kubernetes'], 0, { notes: 'Uses the in-cluster service account (kube_cluster_name); no listen_addr, it tunnels to the Proxy.' }),
    { id: 'kube-api', name: 'Kubernetes API', kind: 'kube-api', port: 443, addresses: ['10.100.0.1'], zone: 'k8s', position: at(5, 0), notes: 'kubernetes.default.svc' },
    podAgent('db-agent', 'Database agent', ['database'], 2),
    podAgent('desktop-agent', 'Windows Desktop agent', ['desktop'], 5, { desktopUsesAd: true }),
    { id: 'postgres', name: 'Payments DB (Postgres)', kind: 'database', engine: 'postgres', port: 5432, addresses: ['payments-db.internal.example.com'], zone: 'data', position: at(6, 2) },
    { id: 'windows', name: 'Windows servers', kind: 'windows-host', rdpPort: 3389, addresses: ['10.0.30.0/24'], zone: 'windows-domain', position: at(6, 5) },
    { id: 'dc', name: 'Domain controller', kind: 'domain-controller', ldapPort: 636, kdcPort: 88, addresses: ['dc1.corp.example.com', 'dc2.corp.example.com'], zone: 'windows-domain', position: at(6, 6) },
  ],
  links: [
    { id: 'users-lb', source: 'users', target: 'lb' },
    { id: 'lb-proxy-1', source: 'lb', target: 'proxy-1' },
    { id: 'lb-proxy-2', source: 'lb', target: 'proxy-2' },
    { id: 'proxy-1-auth', source: 'proxy-1', target: 'auth' },
    { id: 'proxy-2-auth', source: 'proxy-2', target: 'auth' },
    { id: 'kube-agent-lb', source: 'kube-agent', target: 'lb' },
    { id: 'db-agent-lb', source: 'db-agent', target: 'lb' },
    { id: 'desktop-agent-lb', source: 'desktop-agent', target: 'lb' },
    { id: 'kube-agent-kube-api', source: 'kube-agent', target: 'kube-api' },
    { id: 'db-agent-postgres', source: 'db-agent', target: 'postgres' },
    { id: 'desktop-agent-windows', source: 'desktop-agent', target: 'windows' },
    { id: 'desktop-agent-dc', source: 'desktop-agent', target: 'dc' },
  ],
};

export const kubernetesDbDesktop: Template = {
  id: 'kubernetes-db-desktop',
  name: 'Kubernetes with Database and Windows Desktop access',
  description: 'Kubernetes, Database and Windows Desktop agents running as pods (teleport-kube-agent Helm chart), joined through the Proxy on 443, reaching the Kubernetes API, Postgres, Windows hosts and the domain controller.',
  plan: () => buildPlan(PLAN),
};
