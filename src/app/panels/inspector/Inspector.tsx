/** The inspector: the selected node, zone or link, or (with nothing selected) the plan and its clusters. */
import { useState } from 'react';
import * as z from 'zod/mini';
import { KIND_INFO } from '../../../core/catalog/kinds.ts';
import { ClusterSchema, LinkSchema, NodeSchema, PlanSchema, ZoneSchema } from '../../../core/schema/index.ts';
import type { Cluster, Link, Plan, PlanNode, Zone } from '../../../core/schema/index.ts';
import { Icon, UiIcon } from '../../canvas/icons.tsx';
import { kindLabel } from '../../canvas/nodeText.ts';
import { deleteSelection, duplicateSelection, focusNodes } from '../../commands.ts';
import { useDerived } from '../../store/derived.ts';
import { useAppStore, useShallow } from '../../store/index.ts';
import { renameElement, renameProblem, replaceCluster, replaceLink, replaceNode, replaceZone } from '../../store/planOps.ts';
import { ConnectTo } from '../../a11y/ConnectTo.tsx';
import { LinkExplainActions, NodeExplainActions } from '../../explain/actions.tsx';
import { EntityForm } from './EntityForm.tsx';
import { describeObject, describeShape, nodeFields } from './fields.ts';

const nodeSchema = NodeSchema as unknown as z.ZodMiniType<PlanNode>;
const zoneFields = describeObject(ZoneSchema);
const linkFields = describeObject(LinkSchema);
/** A leaf's trusted_cluster addresses: edited below its root, while it has one. */
const TRUST_ADDRESSES = new Set(['trustWebProxyAddr', 'trustTunnelAddr']);
const clusterFields = describeObject(ClusterSchema).filter((f) => f.key !== 'trustedRoot' && !TRUST_ADDRESSES.has(f.key));
const trustFields = describeObject(ClusterSchema).filter((f) => TRUST_ADDRESSES.has(f.key));
const planShape = (PlanSchema as unknown as { shape: { name: z.ZodMiniType<string>; description: z.ZodMiniType<string | undefined> } }).shape;
const PlanMetaSchema = z.object({ name: planShape.name, description: planShape.description });
const planMetaFields = describeShape(PlanMetaSchema.shape);

export function Inspector() {
  const { plan, selection, edgeSelection } = useAppStore(useShallow((s) => ({ plan: s.plan, selection: s.selection, edgeSelection: s.edgeSelection })));
  const total = selection.length + edgeSelection.length;
  let body;
  if (total > 1) body = <MultiSelection count={total} />;
  else if (selection.length === 1) {
    const id = selection[0]!;
    const node = plan.nodes.find((n) => n.id === id);
    const zone = plan.zones.find((zz) => zz.id === id);
    body = node ? <NodeInspector key={id} node={node} plan={plan} /> : zone ? <ZoneInspector key={id} zone={zone} plan={plan} /> : <PlanInspector plan={plan} />;
  } else if (edgeSelection.length === 1) {
    const link = plan.links.find((l) => l.id === edgeSelection[0]);
    body = link ? <LinkInspector key={link.id} link={link} plan={plan} /> : <PlanInspector plan={plan} />;
  } else body = <PlanInspector plan={plan} />;
  return (
    <aside className="pl-inspector" aria-label="Inspector" data-testid="inspector">
      {body}
    </aside>
  );
}

const edit = (op: (p: Plan) => Plan) => useAppStore.getState().editPlan(op);

function Header({ icon, kind, title, id }: { icon: string; kind: string; title: string; id?: string }) {
  return (
    <header className="pl-inspector__header">
      <span className="pl-inspector__icon">
        <Icon name={icon} size={22} />
      </span>
      <div className="pl-inspector__titles">
        <div className="pl-inspector__kind">{kind}</div>
        <h2 className="pl-inspector__title">{title}</h2>
        {id ? <code className="pl-inspector__id">id: {id}</code> : null}
      </div>
    </header>
  );
}

/** Element id of the id field (there is one inspector). */
const ID_FIELD = 'pl-inspector-id';

/**
 * The id of a node or zone: it names the rules and exports (`<source>-to-<destination>-<port>-tcp`),
 * so it can be changed, checked as you type, and applied on Enter or when leaving the field.
 */
function IdField({ id, plan }: { id: string; plan: Plan }) {
  // The inspectors are keyed by element id: a new selection (or a rename) starts this state afresh.
  const [text, setText] = useState(id);
  const problem = renameProblem(plan, id, text);
  const apply = () => {
    if (text === id || problem !== undefined) return;
    const state = useAppStore.getState();
    state.editPlan((p) => renameElement(p, id, text));
    state.select([text]);
    // The inspector is rebuilt for the renamed element: keep the keyboard focus on this field.
    requestAnimationFrame(() => document.getElementById(ID_FIELD)?.focus());
  };
  return (
    <div className="pl-form">
      <div className={`pl-field${problem ? ' has-error' : ''}`}>
        <label className="pl-field__label" htmlFor={ID_FIELD}>
          Id <span className="pl-muted">(names its rules and exports)</span>
        </label>
        <input
          id={ID_FIELD}
          type="text"
          value={text}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => setText(e.target.value)}
          onBlur={apply}
          onKeyDown={(e) => {
            if (e.key === 'Enter') apply();
            if (e.key === 'Escape') setText(id);
          }}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${ID_FIELD}-error` : undefined}
          data-testid="field.id"
        />
        {problem ? (
          <p className="pl-field__error" id={`${ID_FIELD}-error`} role="alert">
            {problem}
          </p>
        ) : null}
      </div>
    </div>
  );
}

function Actions() {
  return (
    <div className="pl-inspector__actions">
      <button type="button" className="pl-btn" onClick={duplicateSelection} data-testid="inspector.duplicate">
        Duplicate
      </button>
      <button type="button" className="pl-btn pl-btn--danger" onClick={deleteSelection} data-testid="inspector.delete">
        <UiIcon name="trash" size={14} /> Delete
      </button>
    </div>
  );
}

function NodeInspector({ node, plan }: { node: PlanNode; plan: Plan }) {
  const derived = useDerived();
  const findings = derived.findings.filter((f) => f.nodes.includes(node.id));
  const links = plan.links.filter((l) => l.source === node.id || l.target === node.id);
  const infos = new Map(derived.links.map((l) => [l.id, l]));
  const nameOf = (id: string) => plan.nodes.find((n) => n.id === id)?.name ?? id;
  const fields = nodeFields(node.kind);
  const commit = (next: PlanNode) => edit((p) => replaceNode(p, next));
  return (
    <div className="pl-inspector__body">
      <Header icon={node.kind} kind={kindLabel(node)} title={node.name} />
      <p className="pl-inspector__hint">{KIND_INFO[node.kind].hint}</p>
      <NodeExplainActions node={node} />
      <EntityForm value={node} schema={nodeSchema} fields={fields.filter((f) => f.key === 'name')} onCommit={commit} />
      <IdField id={node.id} plan={plan} />
      <div className="pl-form">
        <div className="pl-field">
          <label className="pl-field__label" htmlFor="node-zone">
            Zone
          </label>
          <select
            id="node-zone"
            value={node.zone ?? ''}
            data-testid="field.zone"
            onChange={(e) => {
              const { zone: _z, ...rest } = node;
              edit((p) => replaceNode(p, (e.target.value ? { ...rest, zone: e.target.value } : rest) as PlanNode));
            }}
          >
            <option value="">(outside every zone)</option>
            {plan.zones.map((zone) => (
              <option key={zone.id} value={zone.id}>
                {zone.name}
              </option>
            ))}
          </select>
        </div>
        {'cluster' in node && plan.clusters.length > 1 ? (
          <div className="pl-field">
            <label className="pl-field__label" htmlFor="node-cluster">
              Cluster
            </label>
            <select
              id="node-cluster"
              value={node.cluster ?? plan.clusters[0]!.id}
              data-testid="field.cluster"
              onChange={(e) => edit((p) => replaceNode(p, { ...node, cluster: e.target.value } as PlanNode))}
            >
              {plan.clusters.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </div>
      <EntityForm value={node} schema={nodeSchema} fields={fields.filter((f) => f.key !== 'name')} onCommit={commit} />
      <section className="pl-inspector__section" aria-label="Links">
        <h3>Links</h3>
        {links.length === 0 ? <p className="pl-empty">No links yet. Drag from a handle on the card to another node, or pick one below.</p> : null}
        <ul className="pl-list">
          {links.map((l) => {
            const other = l.source === node.id ? l.target : l.source;
            const info = infos.get(l.id);
            return (
              <li key={l.id}>
                <button type="button" className="pl-link-btn" onClick={() => useAppStore.getState().select([], [l.id])}>
                  {nameOf(other)}
                </button>
                <span className={`pl-muted${info && !info.ok ? ' pl-text-error' : ''}`}>{info ? (info.ok ? info.label : `refused: ${info.reason ?? ''}`) : ''}</span>
              </li>
            );
          })}
        </ul>
        <ConnectTo nodeId={node.id} />
      </section>
      {findings.length > 0 ? (
        <section className="pl-inspector__section" aria-label="Findings for this node">
          <h3>Findings</h3>
          <ul className="pl-list">
            {findings.map((f) => (
              <li key={f.id} className={`pl-finding-mini pl-sev--${f.severity}`}>
                <code>{f.code}</code> {f.message}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Actions />
    </div>
  );
}

function ZoneInspector({ zone, plan }: { zone: Zone; plan: Plan }) {
  const members = plan.nodes.filter((n) => n.zone === zone.id);
  return (
    <div className="pl-inspector__body">
      <Header icon={zone.kind === 'internet' ? 'internet' : 'zone'} kind="Network zone" title={zone.name} />
      <EntityForm value={zone} schema={ZoneSchema as unknown as z.ZodMiniType<Zone>} fields={zoneFields} onCommit={(next) => edit((p) => replaceZone(p, next))} />
      <IdField id={zone.id} plan={plan} />
      <section className="pl-inspector__section" aria-label="Members">
        <h3>Members ({members.length})</h3>
        {members.length === 0 ? <p className="pl-empty">Drag nodes into the zone to make them members.</p> : null}
        <ul className="pl-list">
          {members.map((n) => (
            <li key={n.id}>
              <button type="button" className="pl-link-btn" onClick={() => { useAppStore.getState().select([n.id]); focusNodes([n.id]); }}>
                {n.name}
              </button>
              <span className="pl-muted">{kindLabel(n)}</span>
            </li>
          ))}
        </ul>
      </section>
      <Actions />
    </div>
  );
}

function LinkInspector({ link, plan }: { link: Link; plan: Plan }) {
  const derived = useDerived();
  const info = derived.links.find((l) => l.id === link.id);
  const nameOf = (id: string) => plan.nodes.find((n) => n.id === id)?.name ?? id;
  const flows = derived.flows.filter((f) => f.links.includes(link.id));
  return (
    <div className="pl-inspector__body">
      <Header icon="http-proxy" kind="Link" title={`${nameOf(link.source)} – ${nameOf(link.target)}`} id={link.id} />
      {info ? (
        info.ok ? (
          <p className="pl-inspector__hint">
            <strong>{nameOf(info.initiator)}</strong> opens the connection to <strong>{nameOf(info.listener)}</strong>
            {info.label ? `: ${info.label}` : ''}.
          </p>
        ) : (
          <p className="pl-inspector__hint pl-text-error" role="note">
            Refused: {info.reason ?? 'the engine could not give this link a meaning.'}
          </p>
        )
      ) : (
        <p className="pl-inspector__hint pl-muted">The requirements engine has not described this link.</p>
      )}
      {flows.length > 0 ? (
        <section className="pl-inspector__section" aria-label="Flows">
          <h3>Flows ({flows.length})</h3>
          <ul className="pl-list">
            {flows.map((f) => (
              <li key={f.id}>
                <code>
                  {f.port}
                  {f.portEnd ? `–${f.portEnd}` : ''}/{f.protocol}
                </code>{' '}
                <span className="pl-muted">{f.purpose}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <EntityForm value={link} schema={LinkSchema as unknown as z.ZodMiniType<Link>} fields={linkFields} onCommit={(next) => edit((p) => replaceLink(p, next))} />
      <div className="pl-inspector__actions">
        <LinkExplainActions link={link} />
        <button type="button" className="pl-btn pl-btn--danger" onClick={deleteSelection} data-testid="inspector.delete">
          <UiIcon name="trash" size={14} /> Delete link
        </button>
      </div>
    </div>
  );
}

function MultiSelection({ count }: { count: number }) {
  return (
    <div className="pl-inspector__body">
      <Header icon="zone" kind="Selection" title={`${count} items selected`} />
      <p className="pl-inspector__hint">Drag to move them together. Ctrl+C copies, Ctrl+D duplicates, Delete removes.</p>
      <Actions />
    </div>
  );
}

function PlanInspector({ plan }: { plan: Plan }) {
  const meta = { name: plan.name, description: plan.description };
  return (
    <div className="pl-inspector__body">
      <Header icon="leaf-cluster" kind="Plan" title={plan.name} />
      <p className="pl-inspector__hint">Select a node, zone or link to edit it. These settings apply to the whole plan.</p>
      <EntityForm
        value={meta}
        schema={PlanMetaSchema as unknown as z.ZodMiniType<typeof meta>}
        fields={planMetaFields}
        testPrefix="plan"
        onCommit={(next) => edit((p) => ({ ...p, name: next.name, description: next.description }))}
      />
      {plan.clusters.map((cluster) => (
        <ClusterSection key={cluster.id} cluster={cluster} plan={plan} />
      ))}
    </div>
  );
}

function ClusterSection({ cluster, plan }: { cluster: Cluster; plan: Plan }) {
  const others = plan.clusters.filter((c) => c.id !== cluster.id);
  const form = (fields: typeof clusterFields) => (
    <EntityForm
      value={cluster}
      schema={ClusterSchema as unknown as z.ZodMiniType<Cluster>}
      fields={fields}
      testPrefix={`cluster.${cluster.id}`}
      onCommit={(next) => edit((p) => replaceCluster(p, next))}
    />
  );
  return (
    <section className="pl-inspector__section" aria-label={`Cluster ${cluster.name}`} data-testid={`cluster.${cluster.id}`}>
      <h3>
        Cluster <code>{cluster.id}</code>
      </h3>
      {form(clusterFields)}
      {others.length > 0 ? (
        <div className="pl-field">
          <label className="pl-field__label" htmlFor={`trusted-${cluster.id}`}>
            Trusts root cluster
          </label>
          <select
            id={`trusted-${cluster.id}`}
            value={cluster.trustedRoot ?? ''}
            data-testid={`cluster.${cluster.id}.trustedRoot`}
            onChange={(e) => {
              // The trusted_cluster addresses name the old root (or none): they go with it.
              const { trustedRoot: _t, trustWebProxyAddr: _w, trustTunnelAddr: _a, ...rest } = cluster;
              edit((p) => replaceCluster(p, e.target.value ? { ...rest, trustedRoot: e.target.value } : rest));
            }}
          >
            <option value="">(none: a root cluster)</option>
            {others.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {cluster.trustedRoot !== undefined ? form(trustFields) : null}
    </section>
  );
}
