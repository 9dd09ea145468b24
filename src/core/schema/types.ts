/**
 * The current plan types. Everything outside `src/core/schema` imports plan types from here, never
 * from a versioned file, so that a new format version only changes this file and the migrations.
 */
import type * as z from 'zod/mini';
import type {
  AgentService,
  AssertionV1,
  ClientTool,
  ClusterV1,
  DatabaseEngine,
  LinkV1,
  NodeV1,
  PlanV1,
  ZoneKind,
  ZoneV1,
} from './v1.ts';

export type Plan = PlanV1;
export type Cluster = z.output<typeof ClusterV1>;
export type Zone = z.output<typeof ZoneV1>;
export type PlanNode = z.output<typeof NodeV1>;
export type Link = z.output<typeof LinkV1>;
export type Assertion = z.output<typeof AssertionV1>;
export type NodeKind = PlanNode['kind'];
export type NodeOfKind<K extends NodeKind> = Extract<PlanNode, { kind: K }>;
export type AgentServiceName = z.output<typeof AgentService>;
export type ClientToolName = z.output<typeof ClientTool>;
export type DatabaseEngineName = z.output<typeof DatabaseEngine>;
export type ZoneKindName = z.output<typeof ZoneKind>;

/** Node kinds that run Teleport and so belong to a cluster. */
export const TELEPORT_KINDS = ['auth', 'proxy', 'agent', 'tbot', 'relay'] as const satisfies readonly NodeKind[];
export type TeleportNode = NodeOfKind<(typeof TELEPORT_KINDS)[number]>;

export function isTeleportNode(node: PlanNode): node is TeleportNode {
  return (TELEPORT_KINDS as readonly string[]).includes(node.kind);
}
