/**
 * Teleport Enterprise Cloud: Teleport runs Auth and Proxy; the only address is the tenant on 443.
 * Agents and tbot dial out to it (reverse tunnels); nothing listens on the customer's side.
 */
import { buildPlan, INTERNET_ZONE } from './build.ts';
import { at, NODE_HEIGHT, NODE_WIDTH, ZONE_PADDING } from './layout.ts';
import type { PlanInput } from './layout.ts';
import type { Template } from './types.ts';

const TENANT = 'example.teleport.sh';

const tenantCell = at(1, 1);
const tenantEnd = at(1, 3);

const PLAN: PlanInput = {
  type: 'portolan-plan',
  version: 1,
  name: 'Teleport Cloud tenant with agents',
  description: `Teleport Enterprise Cloud (${TENANT}:443) with SSH, Database and Windows Desktop agents and a tbot in CI.`,
  clusters: [
    {
      id: 'main',
      name: TENANT,
      deployment: 'cloud',
      cloudTenant: `${TENANT}:443`,
      teleportVersion: 18,
      configVersion: 'v3',
      proxyListenerMode: 'multiplex',
      tunnelStrategy: 'agent_mesh',
      edition: 'enterprise',
    },
  ],
  zones: [
    INTERNET_ZONE,
    {
      id: 'tenant',
      name: `Teleport Cloud (${TENANT})`,
      kind: 'cloud-tenant',
      position: { x: tenantCell.x - ZONE_PADDING, y: tenantCell.y - ZONE_PADDING },
      size: { width: NODE_WIDTH + 2 * ZONE_PADDING, height: tenantEnd.y - tenantCell.y + NODE_HEIGHT + 2 * ZONE_PADDING },
      notes: 'Run by Teleport: Auth and Proxy live here. Only the tenant address on 443 is reachable.',
    },
    { id: 'datacenter', name: 'Data center', kind: 'on-prem', cidrs: ['10.20.0.0/16'] },
    { id: 'ci', name: 'CI runners', kind: 'cloud', cidrs: ['10.30.0.0/16'] },
  ],
  nodes: [
    { id: 'users', name: 'Users', kind: 'client', tools: ['browser', 'tsh', 'database', 'rdp'], zone: 'internet', position: at(0, 2) },
    { id: 'tbot', name: 'CI tbot', kind: 'tbot', joinVia: 'proxy', addresses: ['10.30.0.15'], zone: 'ci', position: at(0, 4) },
    { id: 'ssh-agent', name: 'SSH agents', kind: 'agent', services: ['ssh'], addresses: ['10.20.1.21'], zone: 'datacenter', position: at(2, 0) },
    { id: 'db-agent', name: 'Database agent', kind: 'agent', services: ['database'], addresses: ['10.20.1.22'], zone: 'datacenter', position: at(2, 2) },
    { id: 'postgres', name: 'Billing DB (Postgres)', kind: 'database', engine: 'postgres', port: 5432, addresses: ['billing-db.dc.example.com'], zone: 'datacenter', position: at(3, 2) },
    {
      id: 'desktop-agent',
      name: 'Windows Desktop agent',
      kind: 'agent',
      services: ['desktop'],
      desktopUsesAd: true,
      addresses: ['10.20.1.23'],
      zone: 'datacenter',
      position: at(2, 4),
    },
    { id: 'windows', name: 'Windows servers', kind: 'windows-host', rdpPort: 3389, addresses: ['10.20.5.0/24'], zone: 'datacenter', position: at(3, 4) },
    { id: 'dc', name: 'Domain controller', kind: 'domain-controller', ldapPort: 636, kdcPort: 88, addresses: ['dc1.corp.example.com', 'dc2.corp.example.com'], zone: 'datacenter', position: at(3, 5) },
  ],
  links: [
    { id: 'db-agent-postgres', source: 'db-agent', target: 'postgres' },
    { id: 'desktop-agent-windows', source: 'desktop-agent', target: 'windows' },
    { id: 'desktop-agent-dc', source: 'desktop-agent', target: 'dc' },
  ],
};

export const cloudTenant: Template = {
  id: 'cloud-tenant',
  name: 'Teleport Cloud tenant with agents',
  description: `Teleport Enterprise Cloud (${TENANT}:443): SSH, Database (Postgres) and Windows Desktop agents with a domain controller, a tbot in CI, and users. Only outbound 443 to the tenant.`,
  plan: () => buildPlan(PLAN),
};
