/**
 * "Import…": a `/webapi/ping` response or a teleport.yaml, pasted or uploaded. The preview lists what would
 * change (from the core importers); nothing changes until "Apply", which is one undo step.
 */
import { whenReallyClosed } from '../share/dialogClose.ts';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { previewPingImport, previewYamlImport } from '../../core/import/index.ts';
import type { PlanChange } from '../../core/import/index.ts';
import type { Plan } from '../../core/schema/index.ts';
import { canvasApi } from '../commands.ts';
import { Dialog } from '../dialogs/Dialog.tsx';
import { plural } from '../library/plans.ts';
import { TravelIcon } from '../share/icons.tsx';
import { useAppStore } from '../store/index.ts';

type Kind = 'ping' | 'yaml';

const KINDS: Record<Kind, { tab: string; label: string; hint: string; placeholder: string; accept: string; source: string }> = {
  ping: {
    tab: 'Cluster ping (JSON)',
    label: 'Response of /webapi/ping',
    hint: 'Run curl https://teleport.example.com/webapi/ping (your Proxy’s public address) and paste the JSON it prints, or upload it as a file. It sets the cluster’s settings and the Proxy listeners: TLS routing, public address, listen addresses, Teleport Cloud.',
    placeholder: '{"auth": {…}, "proxy": {…}, "server_version": "…"}',
    accept: '.json,application/json,text/plain',
    source: 'the ping response',
  },
  yaml: {
    tab: 'teleport.yaml',
    label: 'Contents of teleport.yaml',
    hint: 'Paste a Teleport configuration file (usually /etc/teleport.yaml) or upload it. Portolan adds the node(s) it describes: Auth, Proxy or an agent with its services.',
    placeholder: 'version: v3\nteleport:\n  nodename: …\nssh_service:\n  enabled: true',
    accept: '.yaml,.yml,text/yaml,text/plain',
    source: 'teleport.yaml',
  },
};

const close = () => {
  if (useAppStore.getState().dialog === 'import') useAppStore.getState().openDialog(null);
};

type Preview = { ok: false; message: string } | { ok: true; plan: Plan; changes: PlanChange[]; warnings: string[] };

function preview(kind: Kind, plan: Plan, text: string): Preview {
  return kind === 'ping' ? previewPingImport(plan, text) : previewYamlImport(plan, text);
}

export function ImportDialog() {
  const open = useAppStore((s) => s.dialog === 'import');
  return (
    <Dialog open={open} title="Import from Teleport" onClose={whenReallyClosed('dialog.import', close)} testId="dialog.import" wide>
      <ImportBody />
    </Dialog>
  );
}

function ImportBody() {
  const [kind, setKind] = useState<Kind>('ping');
  const [texts, setTexts] = useState<Record<Kind, string>>({ ping: '', yaml: '' });
  const [readError, setReadError] = useState<string | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const plan = useAppStore((s) => s.plan);
  const text = useDeferredValue(texts[kind]);
  const result = useMemo(() => (text.trim() ? preview(kind, plan, text) : null), [kind, plan, text]);
  const info = KINDS[kind];

  const apply = () => {
    const current = useAppStore.getState().plan;
    const fresh = preview(kind, current, texts[kind]);
    if (!fresh.ok) return;
    useAppStore.getState().editPlan(() => fresh.plan);
    close();
    useAppStore.getState().toast(`Applied ${plural(fresh.changes.length, 'change')} from ${info.source}. Undo (Ctrl+Z) reverts them all.`, 'success');
    if (kind === 'yaml') setTimeout(() => canvasApi.current?.fitView(), 50);
  };

  return (
    <div className="pl-import">
      <div className="pl-tabs pl-import__tabs" role="tablist" aria-label="What to import">
        {(Object.keys(KINDS) as Kind[]).map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            aria-selected={kind === k}
            className={`pl-tab${kind === k ? ' is-on' : ''}`}
            onClick={() => {
              setKind(k);
              setReadError(null);
            }}
            data-testid={`import.tab.${k}`}
          >
            {KINDS[k].tab}
          </button>
        ))}
      </div>
      <p className="pl-muted">{info.hint}</p>
      <div className="pl-import__bar">
        <label htmlFor="pl-import-text" className="pl-field__label">
          {info.label}
        </label>
        <span className="pl-tabs__spacer" />
        <button type="button" className="pl-btn pl-btn--small" onClick={() => file.current?.click()} data-testid="import.upload">
          <TravelIcon name="open" /> Upload a file…
        </button>
        <input
          ref={file}
          type="file"
          accept={info.accept}
          hidden
          data-testid="import.file"
          aria-label={`Upload ${info.source}`}
          onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (!f) return;
            if (f.size > 1024 * 1024) {
              setReadError(`“${f.name}” is too large for ${info.source} (${(f.size / 1024 / 1024).toFixed(1)} MB; expected a small text file).`);
              return;
            }
            f.text().then(
              (t) => {
                setReadError(null);
                setTexts((s) => ({ ...s, [kind]: t }));
              },
              (err: unknown) => setReadError(`“${f.name}” could not be read (${err instanceof Error ? err.message : String(err)}).`),
            );
          }}
        />
      </div>
      <textarea
        id="pl-import-text"
        value={texts[kind]}
        onChange={(e) => {
          const value = e.target.value;
          setTexts((s) => ({ ...s, [kind]: value }));
        }}
        placeholder={info.placeholder}
        spellCheck={false}
        data-testid="import.text"
      />
      <PreviewView result={readError ? { ok: false, message: readError } : result} />
      <div className="pl-dialog__actions">
        <span className="pl-muted">Nothing changes until you apply.</span>
        <span className="pl-tabs__spacer" />
        <button type="button" className="pl-btn" onClick={close} data-testid="import.cancel">
          Cancel
        </button>
        <button type="button" className="pl-btn pl-btn--primary" onClick={apply} disabled={!result?.ok || result.changes.length === 0 || readError !== null} data-testid="import.apply">
          Apply
        </button>
      </div>
    </div>
  );
}

function PreviewView({ result }: { result: Preview | null }) {
  if (!result) return null;
  if (!result.ok) {
    return (
      <div className="pl-callout pl-callout--error" role="alert" data-testid="import.error">
        <TravelIcon name="alert" />
        <p>{result.message}</p>
      </div>
    );
  }
  return (
    <section aria-label="Preview of the changes" data-testid="import.preview">
      {result.changes.length === 0 ? (
        <p className="pl-muted" data-testid="import.nothing">
          Nothing would change: the plan already matches.
        </p>
      ) : (
        <div className="pl-changes-wrap">
          <table className="pl-changes">
            <thead>
              <tr>
                <th>Change ({result.changes.length})</th>
                <th>Before</th>
                <th>After</th>
              </tr>
            </thead>
            <tbody>
              {result.changes.map((c) => (
                <tr key={c.path} data-testid="import.change" data-path={c.path}>
                  <td>{c.description}</td>
                  <td className="pl-changes__before">{c.before}</td>
                  <td className="pl-changes__after">{c.after}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {result.warnings.length > 0 ? (
        <div className="pl-callout pl-callout--warning" data-testid="import.warnings">
          <TravelIcon name="alert" />
          <ul className="pl-warnings">
            {result.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
