/**
 * The Export dialog's body: the formats of the core registry (grouped, with descriptions) plus the canvas
 * diagrams, a host picker for per-host formats, a live preview, Copy and Download.
 * Loaded lazily (see `ExportDialog.tsx`): importing the registry statically here keeps it out of the
 * first-paint bundle.
 */
import { useEffect, useMemo, useState } from 'react';
import { EXPORTERS, exportFileName } from '../../core/export/index.ts';
import type { Exporter } from '../../core/export/index.ts';
import type { Plan } from '../../core/schema/index.ts';
import { derivedFor, useChecksState } from '../store/derived.ts';
import { ChecksPending } from '../ui/ChecksPending.tsx';
import { useAppStore } from '../store/index.ts';
import { renderDiagram } from './diagram.ts';
import type { Diagram } from './diagram.ts';
import { copyImage, copyText, downloadBlob, previewText, textBlob } from './download.ts';
import { asExporter, formatGroups, formatId } from './formats.ts';
import type { DiagramFormat } from './formats.ts';

/** The preview shows at most this much text; the download and Copy always have everything. */
const PREVIEW_CHARS = 60_000;

/** Remembered while the page lives: reopening the dialog shows the last format and host. */
const last: { format: string; host: string } = { format: 'csv', host: '' };

function remember(what: 'format' | 'host', value: string): void {
  last[what] = value;
}

type TextResult = { ok: true; text: string } | { ok: false; error: string };

function runExporter(exporter: Exporter, plan: Plan, host: string): TextResult {
  try {
    return { ok: true, text: exporter.run(plan, derivedFor(plan), host ? { host } : {}) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

export default function ExportPanel() {
  const plan = useAppStore((s) => s.plan);
  const groups = useMemo(() => formatGroups(EXPORTERS), []);
  const all = useMemo(() => groups.flatMap((g) => g.formats), [groups]);
  const [selectedId, setSelected] = useState(() => (all.some((f) => formatId(f) === last.format) ? last.format : 'csv'));
  const format = all.find((f) => formatId(f) === selectedId) ?? all[0]!;
  const exporter = format.kind === 'core' ? format.exporter : null;

  const hosts = useMemo(() => hostChoices(plan), [plan]);
  const [hostChoice, setHost] = useState(last.host);
  const validHost = hosts.some((h) => h.id === hostChoice) ? hostChoice : '';
  // A per-host format always has a host: the remembered one, else the first with rules.
  const host = exporter?.perHost ? validHost || (hosts[0]?.id ?? '') : exporter?.acceptsHost ? validHost : '';

  const [status, setStatus] = useState('');
  const setSelectedId = (id: string) => {
    remember('format', id);
    setSelected(id);
    setStatus('');
  };
  const setHostChoice = (id: string) => {
    remember('host', id);
    setHost(id);
    setStatus('');
  };

  // A per-host format on a plan without nodes has nothing to show yet: an empty state, not an error.
  const noHosts = exporter?.perHost === true && !host;
  // Exports list the findings too: until the checks are in, one would say there are none.
  const checks = useChecksState();
  const text = useMemo<TextResult | null>(() => {
    if (!exporter || noHosts || checks !== 'ready') return null;
    return runExporter(exporter, plan, host);
  }, [exporter, plan, host, noHosts, checks]);

  const diagramFormat = format.kind === 'diagram' ? format.diagram : null;
  const diagram = useDiagram(diagramFormat, plan);

  const fileName = exportFileName(plan, exporter ?? asExporter(diagramFormat!), host ? { host } : {});
  const mimeType = exporter ? exporter.mimeType : diagramFormat!.mimeType;
  const ready = exporter ? text?.ok === true : diagram.state === 'done';

  const onDownload = () => {
    if (exporter && text?.ok) downloadBlob(textBlob(text.text, mimeType), fileName);
    else if (diagram.state === 'done') downloadBlob(diagram.value.blob, fileName);
    else return;
    // In the dialog, and as a toast that outlives it (behind the modal dialog, the toast is inert until it closes).
    // The browser may still ask or refuse: the download is started, not known to be saved.
    const message = `Download started: "${fileName}" (see your browser's downloads).`;
    setStatus(message);
    useAppStore.getState().toast(message, 'success');
  };
  const onCopy = async () => {
    try {
      if (exporter && text?.ok) await copyText(text.text);
      else if (diagram.state === 'done') await (diagram.value.text !== undefined ? copyText(diagram.value.text) : copyImage(diagram.value.blob));
      else return;
      setStatus('Copied to the clipboard.');
    } catch (error) {
      setStatus(`Could not copy: ${error instanceof Error ? error.message : String(error)}.`);
    }
  };

  return (
    <div className="pl-export">
      <fieldset className="pl-export__formats" aria-describedby="export-formats-hint">
        <legend className="pl-sr-only">Format</legend>
        <p id="export-formats-hint" className="pl-sr-only">
          Arrow keys move between formats.
        </p>
        {groups.map((group) => (
          <div key={group.label} className="pl-export__group" role="group" aria-labelledby={`export-group-${slug(group.label)}`}>
            <h3 id={`export-group-${slug(group.label)}`} className="pl-export__group-title">
              {group.label}
            </h3>
            {group.formats.map((f) => {
              const id = formatId(f);
              const { label, description } = f.kind === 'core' ? f.exporter : f.diagram;
              return (
                <label key={id} className={`pl-export__format${id === selectedId ? ' is-on' : ''}`}>
                  <input
                    type="radio"
                    name="export-format"
                    value={id}
                    checked={id === selectedId}
                    onChange={() => setSelectedId(id)}
                    aria-describedby={`export-desc-${id}`}
                    data-testid={`export.format.${id}`}
                  />
                  <span className="pl-export__format-text">
                    <span className="pl-export__format-label">{label}</span>
                    <span id={`export-desc-${id}`} className="pl-export__format-desc">
                      {description}
                    </span>
                  </span>
                </label>
              );
            })}
          </div>
        ))}
      </fieldset>

      <section className="pl-export__output" aria-label="Output">
        <div className="pl-export__meta">
          <h3 className="pl-export__title">{exporter ? exporter.label : diagramFormat!.label}</h3>
          <code className="pl-export__file" data-testid="export.file-name">
            {fileName}
          </code>
        </div>
        {exporter && !noHosts && (exporter.perHost || exporter.acceptsHost) ? (
          <div className="pl-field pl-export__host">
            <label className="pl-field__label" htmlFor="export-host">
              {exporter.perHost ? 'Host' : 'Limit to one host'}
            </label>
            <select id="export-host" value={host} onChange={(e) => setHostChoice(e.target.value)} data-testid="export.host">
              {exporter.perHost ? null : <option value="">All hosts</option>}
              {hosts.map((h) => (
                <option key={h.id} value={h.id}>
                  {h.label}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {exporter && !noHosts && checks !== 'ready' ? (
          <ChecksPending state={checks} without="an export would list no findings" className="pl-export__empty" testId="export.checks" />
        ) : noHosts ? (
          <div className="pl-export__empty" role="status" data-testid="export.empty">
            <p>This format is about one host at a time, and the plan has no nodes yet.</p>
            <p className="pl-muted">Add a node (a Proxy, Auth, an agent…) to export the rules of its host.</p>
          </div>
        ) : (
          <Preview text={text} diagram={diagram} />
        )}
        <div className="pl-export__actions">
          <p className="pl-export__status" role="status" data-testid="export.status">
            {status}
          </p>
          <button type="button" className="pl-btn" onClick={() => void onCopy()} disabled={!ready} data-testid="export.copy">
            Copy
          </button>
          <button type="button" className="pl-btn pl-btn--primary" onClick={onDownload} disabled={!ready} data-testid="export.download">
            Download
          </button>
        </div>
      </section>
    </div>
  );
}

function Preview({ text, diagram }: { text: TextResult | null; diagram: DiagramState }) {
  if (text) {
    if (!text.ok) {
      return (
        <p className="pl-export__error" role="alert" data-testid="export.error">
          {text.error}
        </p>
      );
    }
    const { shown, cut } = previewText(text.text, PREVIEW_CHARS);
    const lines = countLines(text.text);
    return (
      <>
        {/* Focusable so that keyboard users can scroll it (axe: scrollable-region-focusable). */}
        <pre className="pl-export__preview" tabIndex={0} aria-label="Preview" data-testid="export.preview">
          {shown || ' '}
        </pre>
        <p className="pl-export__note pl-muted" data-testid="export.preview.note">
          {cut
            ? `The preview shows the first ${countLines(shown).toLocaleString('en')} of ${lines.toLocaleString('en')} lines; Copy and Download have everything.`
            : `${lines.toLocaleString('en')} line${lines === 1 ? '' : 's'}, ${byteSize(text.text)}.`}
        </p>
      </>
    );
  }
  switch (diagram.state) {
    case 'idle':
    case 'working':
      return (
        <div className="pl-export__preview pl-export__preview--image" role="status" data-testid="export.preview">
          <span className="pl-muted">Drawing the diagram…</span>
        </div>
      );
    case 'failed':
      return (
        <p className="pl-export__error" role="alert" data-testid="export.error">
          Could not draw the diagram: {diagram.error}
        </p>
      );
    case 'done':
      return (
        <>
          <div className="pl-export__preview pl-export__preview--image" tabIndex={0} aria-label="Preview" data-testid="export.preview">
            <img src={diagram.value.url} alt="Preview of the exported diagram" width={diagram.value.width} height={diagram.value.height} />
          </div>
          <p className="pl-export__note pl-muted" data-testid="export.preview.note">
            {diagram.value.width} × {diagram.value.height} px, {byteSize(diagram.value.blob)}.
          </p>
        </>
      );
  }
}

type DiagramState = { state: 'idle' } | { state: 'working' } | { state: 'done'; value: Diagram } | { state: 'failed'; error: string };

/** Draws the selected diagram once per (format, plan), and frees the previous picture. */
function useDiagram(format: DiagramFormat | null, plan: Plan): DiagramState {
  const [result, setResult] = useState<{ key: unknown[]; state: DiagramState }>({ key: [], state: { state: 'idle' } });
  const id = format?.id ?? null;
  useEffect(() => {
    if (!id) return;
    let live = true;
    let made: Diagram | null = null;
    renderDiagram(id, plan).then(
      (value) => {
        made = value;
        if (live) setResult({ key: [id, plan], state: { state: 'done', value } });
        else URL.revokeObjectURL(value.url);
      },
      (error: unknown) => {
        if (live) setResult({ key: [id, plan], state: { state: 'failed', error: error instanceof Error ? error.message : String(error) } });
      },
    );
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made.url);
    };
  }, [id, plan]);
  if (!id) return { state: 'idle' };
  if (result.key[0] !== id || result.key[1] !== plan) return { state: 'working' };
  return result.state;
}

interface HostChoice {
  id: string;
  label: string;
}

/** Every node of the plan, those with rules first (a per-host export of a node without rules is empty). */
function hostChoices(plan: Plan): HostChoice[] {
  const result = derivedFor(plan);
  const count = new Map<string, number>();
  for (const rule of result.rules) {
    for (const end of [rule.source, rule.destination]) count.set(end, (count.get(end) ?? 0) + 1);
  }
  return plan.nodes
    .map((n) => ({ id: n.id, name: n.name, rules: count.get(n.id) ?? 0 }))
    .sort((a, b) => Number(b.rules > 0) - Number(a.rules > 0) || a.name.localeCompare(b.name, 'en'))
    .map((h) => ({ id: h.id, label: `${h.name} (${h.id})${h.rules === 0 ? ', no rules' : ''}` }));
}

function countLines(text: string): number {
  if (text === '') return 0;
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < text.length - 1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function byteSize(content: string | Blob): string {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content).length : content.size;
  return bytes < 1024 ? `${bytes} bytes` : `${(bytes / 1024).toFixed(1)} KB`;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}
