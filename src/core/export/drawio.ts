/**
 * draw.io diagram (`drawio`): the plan as an mxGraph XML file that draw.io / diagrams.net opens with
 * the same zones (containers), nodes (vertices inside their zone, at their canvas positions) and
 * links (edges from the side that opens the connection to the listener, labelled with the
 * engine's `LinkInfo.label`). Every value from the plan is XML-escaped; cell ids are built from plan
 * ids (`zone-…`, `node-…`, `link-…`), so the file is the same bytes for the same plan.
 */
import type { DeriveResult } from '../engine/index.ts';
import type { Plan } from '../schema/index.ts';
import { NODE_HEIGHT, NODE_WIDTH } from '../templates/index.ts';
import { xmlEscape } from './escape.ts';
import { compareText } from './model.ts';

const ZONE_STYLE = 'swimlane;container=1;collapsible=0;startSize=24;rounded=1;fillColor=#F5F7FA;strokeColor=#8A99AD;fontStyle=1;';
const NODE_STYLE = 'rounded=1;whiteSpace=wrap;html=0;fillColor=#FFFFFF;strokeColor=#3B4B63;';
const EDGE_STYLE = 'edgeStyle=orthogonalEdgeStyle;rounded=1;html=0;endArrow=classic;';
const BROKEN_EDGE_STYLE = `${EDGE_STYLE}dashed=1;strokeColor=#C0392B;`;

function attrs(pairs: Record<string, string | number>): string {
  return Object.entries(pairs)
    .map(([k, v]) => `${k}="${xmlEscape(String(v))}"`)
    .join(' ');
}

function geometry(x: number, y: number, width: number, height: number): string {
  return `<mxGeometry ${attrs({ x, y, width, height })} as="geometry"/>`;
}

/** The `.drawio` file of the plan. */
export function drawioExport(plan: Plan, result: DeriveResult): string {
  const zones = new Map(plan.zones.map((z) => [z.id, z]));
  const infos = new Map(result.links.map((l) => [l.id, l]));
  const cells: string[] = ['<mxCell id="0"/>', '<mxCell id="1" parent="0"/>'];
  for (const z of [...plan.zones].sort((a, b) => compareText(a.id, b.id))) {
    cells.push(`<mxCell ${attrs({ id: `zone-${z.id}`, value: z.name, style: ZONE_STYLE, vertex: 1, parent: 1 })}>${geometry(z.position.x, z.position.y, z.size.width, z.size.height)}</mxCell>`);
  }
  for (const n of [...plan.nodes].sort((a, b) => compareText(a.id, b.id))) {
    const zone = n.zone === undefined ? undefined : zones.get(n.zone);
    // Children of a container are positioned relative to it; plan positions are absolute.
    const x = n.position.x - (zone?.position.x ?? 0);
    const y = n.position.y - (zone?.position.y ?? 0);
    const parent = zone ? `zone-${zone.id}` : '1';
    cells.push(`<mxCell ${attrs({ id: `node-${n.id}`, value: `${n.name}\n(${n.kind})`, style: NODE_STYLE, vertex: 1, parent })}>${geometry(x, y, NODE_WIDTH, NODE_HEIGHT)}</mxCell>`);
  }
  for (const l of [...plan.links].sort((a, b) => compareText(a.id, b.id))) {
    const info = infos.get(l.id);
    const ok = info?.ok ?? true;
    const [source, target] = info && info.ok ? [info.initiator, info.listener] : [l.source, l.target];
    const label = info ? (info.ok ? info.label : `not understood: ${info.reason ?? ''}`) : '';
    cells.push(
      `<mxCell ${attrs({ id: `link-${l.id}`, value: label, style: ok ? EDGE_STYLE : BROKEN_EDGE_STYLE, edge: 1, parent: 1, source: `node-${source}`, target: `node-${target}` })}><mxGeometry relative="1" as="geometry"/></mxCell>`,
    );
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<mxfile ${attrs({ host: 'Portolan', type: 'device' })}>`,
    `  <diagram ${attrs({ id: 'portolan', name: plan.name })}>`,
    '    <mxGraphModel grid="1" gridSize="10" guides="1" tooltips="1" connect="1" arrows="1" fold="1" page="0" pageScale="1" math="0" shadow="0">',
    '      <root>',
    ...cells.map((c) => `        ${c}`),
    '      </root>',
    '    </mxGraphModel>',
    '  </diagram>',
    '</mxfile>',
    '',
  ].join('\n');
}
