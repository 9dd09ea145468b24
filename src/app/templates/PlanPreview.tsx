/** A thumbnail of a plan: zones as outlines, nodes as blocks, links as lines. Decorative (aria-hidden). */
import { useMemo } from 'react';
import { isTeleportNode } from '../../core/schema/index.ts';
import type { Plan } from '../../core/schema/index.ts';
import { NODE_HEIGHT, NODE_WIDTH } from '../../core/templates/index.ts';

export function PlanPreview({ plan }: { plan: Plan }) {
  const box = useMemo(() => {
    const xs: number[] = [];
    const ys: number[] = [];
    for (const z of plan.zones) {
      xs.push(z.position.x, z.position.x + z.size.width);
      ys.push(z.position.y, z.position.y + z.size.height);
    }
    for (const n of plan.nodes) {
      xs.push(n.position.x, n.position.x + NODE_WIDTH);
      ys.push(n.position.y, n.position.y + NODE_HEIGHT);
    }
    if (xs.length === 0) return { x: 0, y: 0, w: 400, h: 200 };
    const pad = 30;
    const x = Math.min(...xs) - pad;
    const y = Math.min(...ys) - pad;
    return { x, y, w: Math.max(...xs) - x + pad, h: Math.max(...ys) - y + pad };
  }, [plan]);
  const centre = (id: string) => {
    const n = plan.nodes.find((node) => node.id === id);
    return n ? { x: n.position.x + NODE_WIDTH / 2, y: n.position.y + NODE_HEIGHT / 2 } : null;
  };
  return (
    <svg className="pl-template__preview" viewBox={`${box.x} ${box.y} ${box.w} ${box.h}`} preserveAspectRatio="xMidYMid meet" aria-hidden="true" focusable="false">
      {plan.zones.map((z) => (
        <rect
          key={z.id}
          x={z.position.x}
          y={z.position.y}
          width={z.size.width}
          height={z.size.height}
          rx={14}
          fill={`color-mix(in srgb, var(--zone-${z.kind}) 8%, transparent)`}
          stroke={`var(--zone-${z.kind})`}
          strokeWidth={4}
          strokeDasharray="14 8"
        />
      ))}
      {plan.links.map((l) => {
        const a = centre(l.source);
        const b = centre(l.target);
        return a && b ? <line key={l.id} x1={a.x} y1={a.y} x2={b.x} y2={b.y} stroke="var(--edge)" strokeWidth={4} /> : null;
      })}
      {plan.nodes.map((n) => (
        <rect
          key={n.id}
          x={n.position.x}
          y={n.position.y}
          width={NODE_WIDTH}
          height={NODE_HEIGHT}
          rx={10}
          fill="var(--surface)"
          stroke={isTeleportNode(n) ? 'var(--accent)' : 'var(--text-3)'}
          strokeWidth={isTeleportNode(n) ? 6 : 4}
        />
      ))}
    </svg>
  );
}
