/**
 * Node cards, one component per family (control plane, agent, Machine ID, client, network, resource),
 * each with its own look (see `canvas.css`), an icon, the kind, the name, a detail line and a finding badge.
 */
import { memo, useState } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { KindFamily } from '../../../core/catalog/kinds.ts';
import { KIND_INFO } from '../../../core/catalog/kinds.ts';
import type { PlanFlowNode } from '../adapter.ts';
import { Icon } from '../icons.tsx';
import { kindLabel, nodeDetail } from '../nodeText.ts';
import { LinkHandles } from './LinkHandles.tsx';

/**
 * A press on a card (not on a handle) captures the pointer, so that the moves of a drag go straight to the
 * card instead of being hit-tested against every element of the canvas (several milliseconds a move on a
 * 500-node plan, where a move has about 16 to fit in).
 */
function capturePointer(event: React.PointerEvent<HTMLDivElement>): void {
  if (event.button !== 0 || (event.target as Element).closest('.react-flow__handle')) return;
  event.currentTarget.setPointerCapture(event.pointerId);
}

function PlanNodeCard({ data, selected, family }: NodeProps<PlanFlowNode> & { family: KindFamily }) {
  const { node, findings, worst, highlighted, tone, step, soleSelected } = data;
  const [hovered, setHovered] = useState(false);
  const detail = nodeDetail(node);
  const classes = ['pl-node', `pl-node--${family}`, selected ? 'is-selected' : '', highlighted ? 'is-highlighted' : '', tone ? `is-hl-${tone}` : ''].filter(Boolean).join(' ');
  return (
    <div className={classes} data-testid={`node.${node.id}`} title={KIND_INFO[node.kind].hint} onPointerDown={capturePointer} onPointerEnter={() => setHovered(true)} onPointerLeave={() => setHovered(false)}>
      <LinkHandles grips={hovered || soleSelected} />
      {step !== null ? (
        <span className="pl-node__step" data-testid={`node.${node.id}.step`} aria-label={`Step ${step} of the traced path`}>
          {step}
        </span>
      ) : null}
      <div className="pl-node__icon">
        <Icon name={node.kind} size={20} />
      </div>
      <div className="pl-node__text">
        <div className="pl-node__kind">{kindLabel(node)}</div>
        <div className="pl-node__name">{node.name}</div>
        {detail ? <div className="pl-node__detail">{detail}</div> : null}
      </div>
      {findings > 0 ? (
        <span className={`pl-badge pl-badge--${worst ?? 'info'}`} data-testid={`node.${node.id}.findings`} aria-label={`${findings} finding${findings === 1 ? '' : 's'}`}>
          {findings}
        </span>
      ) : null}
    </div>
  );
}

export const ControlPlaneNode = memo((p: NodeProps<PlanFlowNode>) => <PlanNodeCard {...p} family="control-plane" />);
export const AgentNode = memo((p: NodeProps<PlanFlowNode>) => <PlanNodeCard {...p} family="agent" />);
export const MachineIdNode = memo((p: NodeProps<PlanFlowNode>) => <PlanNodeCard {...p} family="machine-id" />);
export const ClientNode = memo((p: NodeProps<PlanFlowNode>) => <PlanNodeCard {...p} family="client" />);
export const NetworkNode = memo((p: NodeProps<PlanFlowNode>) => <PlanNodeCard {...p} family="network" />);
export const ResourceNode = memo((p: NodeProps<PlanFlowNode>) => <PlanNodeCard {...p} family="resource" />);
ControlPlaneNode.displayName = 'ControlPlaneNode';
AgentNode.displayName = 'AgentNode';
MachineIdNode.displayName = 'MachineIdNode';
ClientNode.displayName = 'ClientNode';
NetworkNode.displayName = 'NetworkNode';
ResourceNode.displayName = 'ResourceNode';
