/**
 * A form for one plan entity (node, zone, link, cluster), generated from its zod schema. Every change is
 * validated as you type with that schema (`safeParse`), the message is shown next to the field, and a valid
 * value is committed at once. Typing in one field is one undo step (a gesture from focus to blur).
 */
import { useEffect, useId, useRef, useState } from 'react';
import type * as z from 'zod/mini';
import { UiIcon } from '../../canvas/icons.tsx';
import { beginGesture, endGesture } from '../../store/history.ts';
import { useAppStore } from '../../store/index.ts';
import type { FieldSpec } from './fields.ts';
import { fieldShown, labelFor, yamlKeyFor } from './fields.ts';

type Path = (string | number)[];
type Entity = Record<string, unknown>;

/** Try a value at `path`: commit when the entity stays valid, else return the message for that field. */
type Attempt = (path: Path, value: unknown) => string | null;

function setIn(obj: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...Path];
  if (typeof head === 'number') {
    const arr = Array.isArray(obj) ? [...(obj as unknown[])] : [];
    arr[head] = setIn(arr[head], rest, value);
    return arr;
  }
  const base = obj !== null && typeof obj === 'object' ? { ...(obj as Entity) } : {};
  const next = setIn(base[head], rest, value);
  if (next === undefined) delete base[head];
  else base[head] = next;
  return base;
}

function getIn(obj: unknown, path: Path): unknown {
  return path.reduce<unknown>((o, k) => (o !== null && typeof o === 'object' ? (o as Record<string | number, unknown>)[k] : undefined), obj);
}

function startsWith(path: readonly PropertyKey[], prefix: Path): boolean {
  return prefix.every((p, i) => path[i] === p);
}

function describeIssue(issue: z.core.$ZodIssue, prefix: Path): string {
  const rest = issue.path.slice(prefix.length);
  const where = rest
    .map((p) => (typeof p === 'number' ? `item ${p + 1}` : labelFor(String(p))))
    .join(', ');
  return where ? `${where}: ${issue.message}` : issue.message;
}

export interface EntityFormProps<T> {
  value: T;
  schema: z.ZodMiniType<T>;
  fields: FieldSpec[];
  onCommit: (next: T) => void;
  /** Test id prefix for the fields (`field.<key>`). */
  testPrefix?: string;
}

export function EntityForm<T>({ value, schema, fields, onCommit, testPrefix = 'field' }: EntityFormProps<T>) {
  const attempt: Attempt = (path, raw) => {
    const candidate = setIn(value, path, raw);
    const result = schema.safeParse(candidate);
    if (result.success) {
      onCommit(result.data);
      return null;
    }
    const mine = result.error.issues.filter((i) => startsWith(i.path, path.slice(0, 1)));
    const issue = mine.find((i) => startsWith(i.path, path)) ?? mine[0] ?? result.error.issues[0];
    return issue ? describeIssue(issue, path.slice(0, 1)) : 'invalid value';
  };
  return (
    <div className="pl-form">
      {fields.filter((field) => fieldShown(field, value as Entity)).map((field) => (
        <FieldEditor key={field.key} field={field} path={[field.key]} entity={value as Entity} attempt={attempt} testPrefix={testPrefix} />
      ))}
    </div>
  );
}

interface FieldProps {
  field: FieldSpec;
  path: Path;
  entity: Entity;
  attempt: Attempt;
  testPrefix: string;
}

function FieldLabel({ htmlFor, field, kind }: { htmlFor?: string; field: FieldSpec; kind: unknown }) {
  const yaml = yamlKeyFor(field.key, kind);
  const content = (
    <>
      {field.label}
      {yaml ? <code className="pl-field__yaml">{yaml}</code> : null}
    </>
  );
  return htmlFor ? (
    <label className="pl-field__label" htmlFor={htmlFor}>
      {content}
    </label>
  ) : (
    <span className="pl-field__label">{content}</span>
  );
}

function ErrorText({ id, error }: { id: string; error: string | null }) {
  if (!error) return null;
  return (
    <p className="pl-field__error" id={id} role="alert">
      {error}
    </p>
  );
}

function FieldEditor({ field, path, entity, attempt, testPrefix }: FieldProps) {
  const id = useId();
  const testId = `${testPrefix}.${path.join('.')}`;
  const value = getIn(entity, path);
  const [error, setError] = useState<string | null>(null);
  const errId = `${id}-error`;

  switch (field.type) {
    case 'text':
    case 'number':
    case 'text-list':
    case 'number-list': {
      const format = (v: unknown) => (v === undefined || v === null ? '' : Array.isArray(v) ? v.join(', ') : String(v));
      const parse = (text: string): unknown => {
        const items = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
        if (field.type === 'text-list') return items;
        // Digits only: Number() would also take 0x1bb or 1e3 without a word.
        if (field.type === 'number-list') return items.length === 0 && field.optional ? undefined : items.map((x) => (/^\d+$/.test(x) ? Number(x) : Number.NaN));
        if (text.trim() === '' && field.optional) return undefined;
        if (field.type === 'number') return text.trim() === '' ? Number.NaN : Number(text);
        return text;
      };
      return (
        <div className={`pl-field${error ? ' has-error' : ''}`}>
          <FieldLabel htmlFor={id} field={field} kind={entity.kind} />
          <DraftInput
            id={id}
            value={format(value)}
            multiline={field.type === 'text' && field.multiline}
            inputMode={field.type === 'number' ? 'numeric' : undefined}
            placeholder={field.type === 'text-list' || field.type === 'number-list' ? 'comma-separated' : field.type === 'text' && field.optional ? 'optional' : undefined}
            onText={(text) => {
              const err = attempt(path, parse(text));
              setError(err);
              return err === null;
            }}
            onRevert={() => setError(null)}
            onAbandon={(text) => attempt(path, parse(text))}
            onLeaveInvalid={(text) => notSaved(field.label, entity, text)}
            describedBy={error ? errId : undefined}
            testId={testId}
          />
          <ErrorText id={errId} error={error} />
        </div>
      );
    }
    case 'boolean':
      return (
        <div className="pl-field pl-field--check">
          <label className="pl-check">
            <input
              type="checkbox"
              checked={value === true}
              onChange={(e) => setError(attempt(path, e.target.checked))}
              data-testid={testId}
            />
            <span>{field.label}</span>
            {yamlKeyFor(field.key, entity.kind) ? <code className="pl-field__yaml">{yamlKeyFor(field.key, entity.kind)}</code> : null}
          </label>
          <ErrorText id={errId} error={error} />
        </div>
      );
    case 'enum':
      return (
        <div className={`pl-field${error ? ' has-error' : ''}`}>
          <FieldLabel htmlFor={id} field={field} kind={entity.kind} />
          <select
            id={id}
            value={typeof value === 'string' ? value : ''}
            onChange={(e) => setError(attempt(path, e.target.value === '' ? undefined : e.target.value))}
            data-testid={testId}
            aria-invalid={error ? true : undefined}
          >
            {field.optional ? <option value="">{field.unset ?? '—'}</option> : null}
            {field.options.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
          <ErrorText id={errId} error={error} />
        </div>
      );
    case 'enum-set': {
      const current = Array.isArray(value) ? (value as string[]) : [];
      return (
        <fieldset className={`pl-field pl-field--set${error ? ' has-error' : ''}`} data-testid={testId}>
          <legend className="pl-field__label">{field.label}</legend>
          <div className="pl-chips">
            {field.options.map((o) => (
              <label key={o} className={`pl-chip${current.includes(o) ? ' is-on' : ''}`}>
                <input
                  type="checkbox"
                  checked={current.includes(o)}
                  onChange={(e) => setError(attempt(path, e.target.checked ? field.options.filter((x) => x === o || current.includes(x)) : current.filter((x) => x !== o)))}
                  data-testid={`${testId}.${o}`}
                />
                {o}
              </label>
            ))}
          </div>
          <ErrorText id={errId} error={error} />
        </fieldset>
      );
    }
    case 'object':
      return (
        <fieldset className="pl-field pl-field--group">
          <legend className="pl-field__label">{field.label}</legend>
          {field.fields.map((sub) => (
            <FieldEditor key={sub.key} field={sub} path={[...path, sub.key]} entity={entity} attempt={attempt} testPrefix={testPrefix} />
          ))}
        </fieldset>
      );
    case 'object-list': {
      const rows = Array.isArray(value) ? (value as Entity[]) : [];
      // A new row fills the required fields only (an optional end port stays unset).
      const blank = Object.fromEntries(field.fields.filter((f) => !('optional' in f && f.optional)).map((f) => [f.key, f.type === 'number' ? 443 : '']));
      return (
        <fieldset className={`pl-field pl-field--group${error ? ' has-error' : ''}`} data-testid={testId}>
          <legend className="pl-field__label">{field.label}</legend>
          {rows.map((_row, i) => (
            <div className="pl-row" key={i}>
              {field.fields.map((sub) => (
                <FieldEditor key={sub.key} field={sub} path={[...path, i, sub.key]} entity={entity} attempt={attempt} testPrefix={testPrefix} />
              ))}
              <button
                type="button"
                className="pl-icon-btn"
                aria-label={`Remove ${field.label.toLowerCase()} ${i + 1}`}
                onClick={() => setError(attempt(path, rows.filter((_, j) => j !== i)))}
              >
                <UiIcon name="close" size={14} />
              </button>
            </div>
          ))}
          <button type="button" className="pl-btn pl-btn--small" onClick={() => setError(attempt(path, [...rows, blank]))}>
            Add
          </button>
          <ErrorText id={errId} error={error} />
        </fieldset>
      );
    }
  }
}

interface DraftInputProps {
  id: string;
  value: string;
  multiline: boolean;
  inputMode: 'numeric' | undefined;
  placeholder: string | undefined;
  /** Returns true when the text was valid (and committed). */
  onText: (text: string) => boolean;
  onRevert: () => void;
  /**
   * Puts back the value the field had when it got focus, without touching the error shown: valid text is
   * committed as it is typed, so leaving the field (or Escape) on an invalid text must undo what an
   * intermediate keystroke saved (typing 70000 passes through a valid 7000).
   */
  onAbandon: (text: string) => void;
  /** The field goes away (another selection, the panel closed) while its text is invalid: say it was not kept. */
  onLeaveInvalid: (text: string) => void;
  describedBy: string | undefined;
  testId: string;
}

/** An invalid text is never committed; when its field goes away, a toast says so rather than losing it silently. */
function notSaved(label: string, entity: Entity, text: string): void {
  // A deleted entity keeps nothing: there is no previous value to speak of.
  const { plan } = useAppStore.getState();
  const id = entity.id;
  const present = typeof id !== 'string' || [plan.nodes, plan.zones, plan.links, plan.clusters].some((list) => list.some((e) => e.id === id));
  if (!present) return;
  const name = typeof entity.name === 'string' && entity.name !== '' ? ` of ${entity.name}` : '';
  const shown = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  useAppStore.getState().toast(`${label}${name} was not saved: "${shown}" is not valid. The previous value is kept.`, 'error');
}

/**
 * A text input that keeps what the user typed while it is invalid (instead of snapping back to the stored
 * value), and follows the stored value otherwise (undo, another view of the same field).
 */
function DraftInput({ id, value, multiline, inputMode, placeholder, onText, onRevert, onAbandon, onLeaveInvalid, describedBy, testId }: DraftInputProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [valid, setValid] = useState(true);
  const atFocus = useRef(value);
  // The invalid text on screen (null when valid), and the latest callback, for the unmount below.
  const invalidText = useRef<string | null>(null);
  const leave = useRef(onLeaveInvalid);
  useEffect(() => {
    leave.current = onLeaveInvalid;
  });
  useEffect(() => {
    return () => {
      if (invalidText.current !== null) leave.current(invalidText.current);
    };
  }, []);
  const props = {
    id,
    value: draft ?? value,
    placeholder,
    'aria-invalid': valid ? undefined : true,
    'aria-describedby': describedBy,
    'data-testid': testId,
    onFocus: () => {
      // Coming back to an invalid text keeps it, to be corrected; otherwise start from the stored value.
      if (valid) setDraft(value);
      atFocus.current = value;
      beginGesture();
    },
    onBlur: () => {
      // Within the gesture, so that undo sees no change at all.
      if (!valid) onAbandon(atFocus.current);
      endGesture();
      if (valid) setDraft(null);
    },
    onKeyDown: (e: React.KeyboardEvent) => {
      if (e.key === 'Escape' && !valid) {
        onAbandon(atFocus.current);
        setDraft(null);
        setValid(true);
        invalidText.current = null;
        onRevert();
      }
    },
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      const ok = onText(e.target.value);
      setDraft(e.target.value);
      setValid(ok);
      invalidText.current = ok ? null : e.target.value;
    },
  };
  return multiline ? <textarea rows={3} {...props} /> : <input type="text" inputMode={inputMode} spellCheck={false} autoComplete="off" {...props} />;
}
