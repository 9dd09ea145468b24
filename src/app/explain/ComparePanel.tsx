/**
 * Compare: the current plan against another (a file, a share link, a library plan). Rules added, removed
 * and changed, nodes, links and settings, coloured on the canvas; the change as a ticket CSV or Markdown.
 */
import './explain.css';
import { useMemo, useRef, useState } from 'react';
import { diffCounts, diffMarkdown, diffPlans, ticketCsv } from '../../core/diff/index.ts';
import type { PlanDiff } from '../../core/diff/index.ts';
import type { Plan } from '../../core/schema/index.ts';
import { copyText, downloadBlob, textBlob } from '../export/download.ts';
import { useLibrary } from '../library/state.ts';
import { useDerived } from '../store/derived.ts';
import { useAppStore } from '../store/index.ts';
import { diffHighlight } from './highlights.ts';
import { DiffLists } from './DiffLists.tsx';
import { loadFile, loadLibraryPlan, loadLink } from './sources.ts';
import type { Loaded } from './sources.ts';
import { useExplain } from './state.ts';
import type { Comparison } from './state.ts';
import { useCanvasHighlight } from './useCanvasHighlight.ts';

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'plan'
  );
}

function adopt(loaded: Loaded): void {
  if (loaded.ok) useExplain.setState((s) => ({ comparison: { other: loaded.plan, label: loaded.label, otherIs: s.comparison?.otherIs ?? 'before' }, compareError: null }));
  else useExplain.setState({ compareError: loaded.message });
}

/** Old and new plan of the comparison, in the direction the user chose. */
function sides(current: Plan, c: Comparison): { before: Plan; after: Plan } {
  return c.otherIs === 'before' ? { before: c.other, after: current } : { before: current, after: c.other };
}

export function ComparePanel() {
  const plan = useAppStore((s) => s.plan);
  const derived = useDerived();
  const { comparison, compareError } = useExplain();
  const [link, setLink] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const library = useLibrary((s) => s.plans);
  const currentId = useLibrary((s) => s.currentId);
  const others = library.filter((p) => p.id !== currentId);

  const diff: PlanDiff | null = useMemo(() => {
    if (!comparison) return null;
    return comparison.otherIs === 'before' ? diffPlans(comparison.other, plan, { newResult: derived }) : diffPlans(plan, comparison.other, { oldResult: derived });
  }, [comparison, plan, derived]);
  const highlight = useMemo(() => (diff ? diffHighlight(plan, diff) : null), [plan, diff]);
  const { shown, redraw } = useCanvasHighlight('compare', highlight);

  const download = () => {
    if (!comparison || !diff) return;
    const { before, after } = sides(plan, comparison);
    downloadBlob(textBlob(ticketCsv(diff, before, after), 'text/csv'), `${slug(plan.name)}-change.csv`);
  };
  const copyMarkdown = async () => {
    if (!comparison || !diff) return;
    const { before, after } = sides(plan, comparison);
    try {
      await copyText(diffMarkdown(diff, before, after));
      useAppStore.getState().toast('The change is copied as Markdown.', 'success');
    } catch (e) {
      useAppStore.getState().toast(`Could not copy: ${e instanceof Error ? e.message : String(e)}`, 'error');
    }
  };

  return (
    <div className="pl-explain" data-testid="compare.view">
      <div className="pl-subbar pl-explain__bar">
        <span className="pl-explain__label">Compare with</span>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void loadFile(file).then(adopt);
          }}
          data-testid="compare.file"
        />
        <button type="button" className="pl-btn pl-btn--small" onClick={() => fileInput.current?.click()} data-testid="compare.file.pick">
          A file…
        </button>
        <form
          className="pl-explain__pick"
          onSubmit={(e) => {
            e.preventDefault();
            adopt(loadLink(link));
          }}
        >
          <input className="pl-explain__link" type="text" placeholder="or paste a share link" value={link} onChange={(e) => setLink(e.target.value)} aria-label="Share link to compare with" data-testid="compare.link" />
          <button type="submit" className="pl-btn pl-btn--small" data-testid="compare.link.go">
            Compare
          </button>
        </form>
        {others.length > 0 ? (
          <select
            value=""
            onChange={(e) => {
              const summary = others.find((p) => p.id === e.target.value);
              if (summary) void loadLibraryPlan(summary.id, summary.name).then(adopt);
            }}
            aria-label="Library plan to compare with"
            data-testid="compare.library"
          >
            <option value="">or a library plan…</option>
            {others.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        ) : null}
        {comparison ? (
          <span className="pl-explain__bar-end">
            <label className="pl-explain__pick">
              <span>That plan is</span>
              <select value={comparison.otherIs} onChange={(e) => useExplain.setState({ comparison: { ...comparison, otherIs: e.target.value as Comparison['otherIs'] } })} data-testid="compare.direction">
                <option value="before">before the change</option>
                <option value="after">after the change</option>
              </select>
            </label>
            <button type="button" className="pl-btn pl-btn--small" onClick={() => useExplain.setState({ comparison: null, compareError: null })} data-testid="compare.clear">
              Clear comparison
            </button>
          </span>
        ) : null}
      </div>
      {compareError ? (
        <p className="pl-explain__callout is-error" role="alert" data-testid="compare.error">
          {compareError}
        </p>
      ) : null}
      {comparison && diff ? (
        <div className="pl-explain__body">
          <div className="pl-explain__summary is-quiet">
            <p className="pl-explain__status" data-testid="compare.summary">
              {comparison.otherIs === 'before' ? `From ${comparison.label} to this plan` : `From this plan to ${comparison.label}`}: {diffCounts(diff)}.
            </p>
            <span className="pl-diff-legend" aria-label="Canvas colours">
              <span className="is-added">added</span>
              <span className="is-removed">removed</span>
              <span className="is-changed">changed</span>
            </span>
            <span className="pl-explain__actions">
              {shown ? null : (
                <button type="button" className="pl-btn pl-btn--small" onClick={redraw} data-testid="compare.redraw">
                  Colour the canvas
                </button>
              )}
              <button type="button" className="pl-btn pl-btn--small" onClick={download} data-testid="compare.csv">
                Download change CSV
              </button>
              <button type="button" className="pl-btn pl-btn--small" onClick={() => void copyMarkdown()} data-testid="compare.markdown">
                Copy Markdown
              </button>
            </span>
          </div>
          <DiffLists diff={diff} comparison={comparison} current={plan} />
        </div>
      ) : compareError ? null : (
        <p className="pl-empty pl-empty--panel" data-testid="compare.empty">
          Compare this plan with another — the plan in production, a colleague’s proposal — to see which firewall rules the change adds, removes and changes, coloured on the canvas, and export it as a change ticket.
        </p>
      )}
    </div>
  );
}
