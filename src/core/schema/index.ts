/** Public API of the plan format. */
export { CURRENT_VERSION, READABLE_VERSIONS } from './migrate.ts';
export { MAX_PLAN_TEXT_BYTES, describeIssues, formatPath, isRecord, parsePlan, parsePlanText } from './parse.ts';
export type { ParseResult, PlanError, PlanErrorKind, PlanIssue } from './parse.ts';
export { FORMAT_TYPE, PlanV1 as PlanSchema, NodeV1 as NodeSchema, ClusterV1 as ClusterSchema, ZoneV1 as ZoneSchema, LinkV1 as LinkSchema, AssertionV1 as AssertionSchema } from './v1.ts';
export { TELEPORT_KINDS, isTeleportNode } from './types.ts';
export type {
  AgentServiceName,
  Assertion,
  ClientToolName,
  Cluster,
  DatabaseEngineName,
  Link,
  NodeKind,
  NodeOfKind,
  Plan,
  PlanNode,
  TeleportNode,
  Zone,
  ZoneKindName,
} from './types.ts';
export { planJsonSchema } from './json-schema.ts';
export { planIds } from './ids.ts';
export { dottedQuadProblem, isCidr, isHost, isHostPort, isIpLiteral } from './common.ts';
export { defOf, unwrap } from './introspect.ts';
export type { Schema, SchemaDef } from './introspect.ts';
