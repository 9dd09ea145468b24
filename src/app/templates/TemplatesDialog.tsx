/** The templates gallery: start a new plan from a ready-made one (it opens as a new plan; the current one stays in Plans). */
import { whenReallyClosed } from '../share/dialogClose.ts';
import { useMemo } from 'react';
import { TEMPLATES } from '../../core/templates/index.ts';
import type { Plan } from '../../core/schema/index.ts';
import { Dialog } from '../dialogs/Dialog.tsx';
import { openAsNew } from '../library/actions.ts';
import { emptyPlan } from '../store/planOps.ts';
import { useAppStore } from '../store/index.ts';
import { PlanPreview } from './PlanPreview.tsx';
import { UiIcon } from '../canvas/icons.tsx';

const close = () => {
  if (useAppStore.getState().dialog === 'templates') useAppStore.getState().openDialog(null);
};

function use(plan: Plan): void {
  close();
  void openAsNew(plan);
}

export function TemplatesDialog() {
  const open = useAppStore((s) => s.dialog === 'templates');
  return (
    <Dialog open={open} title="Start from a template" onClose={whenReallyClosed('dialog.templates', close)} testId="dialog.templates" wide>
      <TemplatesBody />
    </Dialog>
  );
}

function TemplatesBody() {
  const plans = useMemo(() => TEMPLATES.map((t) => ({ template: t, plan: t.plan() })), []);
  return (
    <>
      <p className="pl-muted">Each template opens as a new plan; your current plan stays in Plans. Every template passes Portolan’s checks with no error.</p>
      <div className="pl-templates" data-testid="templates.list">
        <article className="pl-template" data-testid="templates.item.empty">
          <div className="pl-template__empty" aria-hidden="true">
            <UiIcon name="plus" size={28} />
          </div>
          <h3 className="pl-template__name">Empty plan</h3>
          <p className="pl-template__desc">A blank canvas with one cluster. Drag components from the palette.</p>
          <button type="button" className="pl-btn pl-btn--small" onClick={() => use(emptyPlan())} data-testid="templates.use.empty">
            Start empty
          </button>
        </article>
        {plans.map(({ template, plan }) => (
          <article key={template.id} className="pl-template" data-testid={`templates.item.${template.id}`}>
            <PlanPreview plan={plan} />
            <h3 className="pl-template__name">{template.name}</h3>
            <p className="pl-template__desc">{template.description}</p>
            <button type="button" className="pl-btn pl-btn--small pl-btn--primary" onClick={() => use(template.plan())} data-testid={`templates.use.${template.id}`} aria-label={`Use template: ${template.name}`}>
              Use template
            </button>
          </article>
        ))}
      </div>
    </>
  );
}
