/**
 * A hand-written engine result for the example plan, for exporter tests that must not depend on the
 * engine's current output: a few rules of every shape (zone to zone, same zone, no zone, a port
 * range, a Teleport Cloud tenant peer, several purposes) and one finding of each severity.
 */
import type { DeriveResult, Finding, Rule } from '../../engine/index.ts';

const DOCS = 'https://goteleport.com/docs/reference/networking/';

export function rule(partial: Partial<Rule> & Pick<Rule, 'id' | 'source' | 'destination' | 'port'>): Rule {
  return {
    sourceAddress: 'any',
    destinationAddress: 'any',
    protocol: 'tcp',
    initiator: partial.source,
    longLived: false,
    sameZone: partial.sourceZone !== undefined && partial.sourceZone === partial.destinationZone,
    purposes: ['a purpose'],
    causes: ['a cause'],
    docs: [DOCS],
    notes: [],
    flows: [],
    links: [],
    ...partial,
  };
}

export function finding(partial: Partial<Finding> & Pick<Finding, 'id' | 'code' | 'severity'>): Finding {
  return { message: 'a message', fix: 'a fix', docs: DOCS, nodes: [], links: [], ...partial };
}

export function sampleResult(): DeriveResult {
  const rules: Rule[] = [
    rule({ id: 'users-to-lb-443-tcp', source: 'users', sourceZone: 'internet', sourceAddress: '0.0.0.0/0', destination: 'lb', destinationZone: 'dmz', destinationAddress: 'teleport.example.com', port: 443, purposes: ['Web UI and tsh login', 'kubectl through the Proxy'], causes: ['link users-lb'], links: ['users-lb'] }),
    rule({ id: 'lb-to-proxy-1-3080-tcp', source: 'lb', sourceZone: 'dmz', sourceAddress: 'teleport.example.com', destination: 'proxy-1', destinationZone: 'dmz', destinationAddress: '10.0.1.11', port: 3080, purposes: ['Load balancer forwards 443 to the web listener'], causes: ['link lb-proxy-1; mapping 443 → 3080'], links: ['lb-proxy-1'] }),
    rule({ id: 'proxy-1-to-auth-3025-tcp', source: 'proxy-1', sourceZone: 'dmz', sourceAddress: '10.0.1.11', destination: 'auth', destinationZone: 'control-plane', destinationAddress: '10.0.2.10', port: 3025, longLived: true, purposes: ['Proxy to Auth gRPC API'], causes: ['link proxy-1-auth'], links: ['proxy-1-auth'], notes: ['Keep-alive every 5 minutes'] }),
    rule({ id: 'ssh-agent-to-lb-443-tcp', source: 'ssh-agent', sourceZone: 'private', sourceAddress: '10.0.10.21', destination: 'lb', destinationZone: 'dmz', destinationAddress: 'teleport.example.com', port: 443, longLived: true, purposes: ['Reverse tunnel from the SSH agent'], causes: ['link ssh-agent-lb; cluster main is multiplex'], links: ['ssh-agent-lb'], docs: [DOCS, 'https://goteleport.com/docs/enroll-resources/agents/'] }),
    rule({ id: 'db-agent-to-postgres-5432-tcp', source: 'db-agent', sourceZone: 'private', sourceAddress: '10.0.10.22', destination: 'postgres', destinationZone: 'private', destinationAddress: 'orders-db.internal.example.com', port: 5432, purposes: ['Database agent to PostgreSQL'], causes: ['link db-agent-postgres'], links: ['db-agent-postgres'] }),
    rule({ id: 'tbot-to-lb-443-tcp', source: 'tbot', sourceZone: 'ci', sourceAddress: '10.20.0.0/16', destination: 'lb', destinationZone: 'dmz', destinationAddress: 'teleport.example.com', port: 443, purposes: ['tbot renews certificates'], causes: ['link tbot-lb'], links: ['tbot-lb'] }),
    rule({ id: 'kube-agent-to-kube-api-3000-3010-udp', source: 'kube-agent', sourceZone: 'private', sourceAddress: '10.0.10.23', destination: 'kube-api', destinationZone: 'private', destinationAddress: '10.0.10.5', port: 3000, portEnd: 3010, protocol: 'udp', purposes: ['A port range, for the test'], causes: ['hand-written'] }),
    rule({ id: 'kube-agent-to-cloud-tenant-main-443-tcp', source: 'kube-agent', sourceZone: 'private', sourceAddress: '10.0.10.23', destination: 'cloud-tenant:main', destinationAddress: 'example.teleport.sh', port: 443, longLived: true, purposes: ['A tenant peer, for the test'], causes: ['hand-written'] }),
  ];
  const findings: Finding[] = [
    finding({ id: 'PL-LB-MISSING-PORT:lb', code: 'PL-LB-MISSING-PORT', severity: 'error', message: 'Proxy LB forwards nothing to port 3023.', fix: 'Add a mapping.', nodes: ['lb'] }),
    finding({ id: 'L-B1:lb', code: 'L-B1', severity: 'warning', message: 'Idle timeout 350 s is close to the keep-alive.', fix: 'Raise the idle timeout.', nodes: ['lb'] }),
    finding({ id: 'PL-CLIENT-NO-PATH:users', code: 'PL-CLIENT-NO-PATH', severity: 'info', message: 'Users reach the Proxy through the LB.', fix: 'Nothing to do.', nodes: ['users'] }),
  ];
  // Out of order on purpose: exporters sort by id.
  return { flows: [], rules: [...rules].reverse(), findings, links: [] };
}
