/** Node and edge types, defined once at module level (React Flow warns when these objects change). */
import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import { LinkEdge } from './edges/LinkEdge.tsx';
import { AgentNode, ClientNode, ControlPlaneNode, MachineIdNode, NetworkNode, ResourceNode } from './nodes/PlanNodeCard.tsx';
import { ZoneNode } from './nodes/ZoneNode.tsx';

export const nodeTypes = {
  'control-plane': ControlPlaneNode,
  agent: AgentNode,
  'machine-id': MachineIdNode,
  client: ClientNode,
  network: NetworkNode,
  resource: ResourceNode,
  zone: ZoneNode,
} satisfies NodeTypes;

export const edgeTypes = {
  link: LinkEdge,
} satisfies EdgeTypes;
