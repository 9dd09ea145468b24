/** "Copy link": the link is copied as the dialog opens; a long link gets a warning and the offer of a file. */
import { whenReallyClosed } from './dialogClose.ts';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Dialog } from '../dialogs/Dialog.tsx';
import { savePlanFile } from '../files/files.ts';
import { useAppStore } from '../store/index.ts';
import { TravelIcon } from './icons.tsx';
import { LONG_LINK_WARNING_CHARS, copyText, isLongLink, shareLinkFor } from './shareLink.ts';

const close = () => {
  if (useAppStore.getState().dialog === 'share') useAppStore.getState().openDialog(null);
};

export function ShareDialog() {
  const open = useAppStore((s) => s.dialog === 'share');
  return (
    <Dialog open={open} title="Share this plan" onClose={whenReallyClosed('dialog.share', close)} testId="dialog.share" wide>
      <ShareBody />
    </Dialog>
  );
}

function ShareBody() {
  const plan = useAppStore((s) => s.plan);
  const link = useMemo(() => shareLinkFor(plan), [plan]);
  const [copied, setCopied] = useState<boolean | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const long = isLongLink(link);

  useEffect(() => {
    let live = true;
    void copyText(link).then((ok) => {
      if (live) setCopied(ok);
    });
    return () => {
      live = false;
    };
  }, [link]);

  const copyAgain = async () => {
    const ok = await copyText(link);
    setCopied(ok);
    if (!ok) input.current?.select();
  };

  return (
    <>
      {copied === true ? (
        <div className="pl-callout pl-callout--success" data-testid="share.status">
          <TravelIcon name="check" />
          <p>Link copied to the clipboard. Anyone who opens it gets a copy of this plan.</p>
        </div>
      ) : copied === false ? (
        <div className="pl-callout pl-callout--warning" data-testid="share.status">
          <TravelIcon name="alert" />
          <p>The browser did not let Portolan copy the link. Select it below and copy it with {navigator.platform.includes('Mac') ? '⌘' : 'Ctrl'}+C.</p>
        </div>
      ) : null}
      <div className="pl-copy-row">
        <input ref={input} readOnly value={link} aria-label="Share link" data-testid="share.link" onFocus={(e) => e.currentTarget.select()} />
        <button type="button" className="pl-btn" onClick={() => void copyAgain()} data-testid="share.copy">
          <TravelIcon name="copy" /> Copy
        </button>
      </div>
      <p className="pl-dialog__hint">
        {link.length.toLocaleString('en')} characters. The plan travels inside the link, after the “#”, so it is never sent to a server.
      </p>
      {long ? (
        <div className="pl-callout pl-callout--warning" role="alert" data-testid="share.long-warning">
          <TravelIcon name="alert" />
          <div>
            <p>
              <strong>This link is long.</strong> Chat tools, mail clients and some proxies cut links longer than about {LONG_LINK_WARNING_CHARS.toLocaleString('en')} characters,
              and a cut link does not open. Sending the plan as a file is safer.
            </p>
          </div>
        </div>
      ) : null}
      <div className="pl-dialog__actions">
        <button
          type="button"
          className={`pl-btn${long ? ' pl-btn--primary' : ''}`}
          onClick={() => {
            savePlanFile();
            close();
          }}
          data-testid="share.save-file"
        >
          <TravelIcon name="save" /> {long ? 'Save as a file instead' : 'Save as a file'}
        </button>
        <span className="pl-tabs__spacer" />
        <button type="button" className={`pl-btn${long ? '' : ' pl-btn--primary'}`} onClick={close} autoFocus data-testid="share.done">
          Done
        </button>
      </div>
    </>
  );
}
