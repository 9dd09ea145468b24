/**
 * Inline SVG icons (24×24, stroke = currentColor) keyed like `PaletteItem.icon`: a node kind, or
 * `zone` / `internet` / `leaf-cluster`. Drawn for this app; no icon font, no network request.
 */
import type { ReactNode } from 'react';

const PATHS: Record<string, ReactNode> = {
  auth: (
    <>
      <path d="M12 3 5 6v5c0 4.5 3 8.3 7 10 4-1.7 7-5.5 7-10V6l-7-3Z" />
      <circle cx="12" cy="11" r="2.2" />
      <path d="M12 13.2V16" />
    </>
  ),
  proxy: (
    <>
      <rect x="3" y="5" width="18" height="14" rx="2" />
      <path d="M3 10h18" />
      <path d="m9 14.5 3-2 3 2" />
      <path d="M12 12.5V17" />
    </>
  ),
  agent: (
    <>
      <rect x="4" y="4" width="16" height="7" rx="1.5" />
      <rect x="4" y="13" width="16" height="7" rx="1.5" />
      <path d="M8 7.5h.01M8 16.5h.01" />
      <path d="M12 7.5h4M12 16.5h4" />
    </>
  ),
  relay: (
    <>
      <circle cx="12" cy="12" r="3" />
      <path d="M3 7h5l2 3M3 17h5l2-3M21 7h-5l-2 3M21 17h-5l-2-3" />
    </>
  ),
  tbot: (
    <>
      <rect x="5" y="8" width="14" height="11" rx="2.5" />
      <path d="M12 8V4.5" />
      <circle cx="12" cy="3.8" r="1" />
      <circle cx="9.5" cy="13" r="1.2" />
      <circle cx="14.5" cy="13" r="1.2" />
      <path d="M9.5 16.5h5" />
    </>
  ),
  client: (
    <>
      <circle cx="9" cy="8" r="3" />
      <path d="M3.5 19c.6-3 2.8-5 5.5-5s4.9 2 5.5 5" />
      <circle cx="17" cy="9" r="2.2" />
      <path d="M15.5 14.2c2.4-.5 4.6 1.2 5 4.3" />
    </>
  ),
  'load-balancer': (
    <>
      <circle cx="5" cy="12" r="2" />
      <circle cx="19" cy="5" r="2" />
      <circle cx="19" cy="12" r="2" />
      <circle cx="19" cy="19" r="2" />
      <path d="M7 12h10M7 11l10-5.2M7 13l10 5.2" />
    </>
  ),
  'http-proxy': (
    <>
      <path d="M3 12h5M16 12h5" />
      <rect x="8" y="7" width="8" height="10" rx="1.5" />
      <path d="m18.5 9.5 2.5 2.5-2.5 2.5" />
      <path d="M10.5 10h3M10.5 12h3M10.5 14h3" />
    </>
  ),
  'openssh-host': (
    <>
      <rect x="3" y="4" width="18" height="16" rx="2" />
      <path d="m7 10 3 2-3 2" />
      <path d="M12 15h5" />
    </>
  ),
  'kube-api': (
    <>
      <path d="m12 2.8 8 3.9 2 8.6-5.5 6.9h-9L2 15.3l2-8.6 8-3.9Z" />
      <circle cx="12" cy="12" r="2.4" />
      <path d="M12 6v3.6M12 14.4V18M6.6 9.4l3.2 1.6M14.2 13l3.2 1.6M17.4 9.4 14.2 11M9.8 13l-3.2 1.6" />
    </>
  ),
  database: (
    <>
      <ellipse cx="12" cy="5.5" rx="7" ry="2.5" />
      <path d="M5 5.5v13c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5v-13" />
      <path d="M5 12c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5" />
    </>
  ),
  'windows-host': (
    <>
      <path d="M3 5.5 10.5 4.5v7H3Z" />
      <path d="M13 4.2 21 3v8.5h-8Z" />
      <path d="M3 13h7.5v7L3 19Z" />
      <path d="M13 13h8v8l-8-1.2Z" />
    </>
  ),
  'domain-controller': (
    <>
      <rect x="4" y="3" width="16" height="18" rx="2" />
      <path d="M8 7h8M8 11h8" />
      <circle cx="12" cy="16" r="1.8" />
      <path d="M13.3 17.3 15.5 19.5" />
    </>
  ),
  app: (
    <>
      <rect x="3" y="4" width="18" height="16" rx="2" />
      <path d="M3 8.5h18" />
      <path d="M6 6.3h.01M8.5 6.3h.01" />
      <path d="m10 12-2.5 2.5L10 17M14 12l2.5 2.5L14 17" />
    </>
  ),
  'cloud-api': (
    <>
      <path d="M7 18h10.5a4 4 0 0 0 .6-7.95A6 6 0 0 0 6.3 9.2 4.4 4.4 0 0 0 7 18Z" />
      <path d="M10 14h4" />
    </>
  ),
  zone: (
    <>
      <rect x="3" y="4" width="18" height="16" rx="2" strokeDasharray="3 2.5" />
      <path d="M7 8h5" />
    </>
  ),
  internet: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M3 12h18" />
      <path d="M12 3c2.5 2.6 3.8 5.6 3.8 9s-1.3 6.4-3.8 9c-2.5-2.6-3.8-5.6-3.8-9S9.5 5.6 12 3Z" />
    </>
  ),
  'leaf-cluster': (
    <>
      <circle cx="6" cy="6" r="2.5" />
      <circle cx="18" cy="18" r="2.5" />
      <path d="M8 8l8 8" />
      <path d="M18 6.5c-3.8 0-6.5 2.4-6.5 6" />
      <path d="m16 4.5 2 2-2 2" />
    </>
  ),
};

export function Icon({ name, size = 18, className }: { name: string; size?: number; className?: string }) {
  return (
    <svg
      className={className}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.7"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[name] ?? PATHS.zone}
    </svg>
  );
}

/** Small UI glyphs for toolbar buttons. */
const UI_PATHS: Record<string, ReactNode> = {
  undo: <path d="M9 14 4 9l5-5M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />,
  redo: <path d="m15 14 5-5-5-5M20 9H9.5a5.5 5.5 0 0 0 0 11H13" />,
  fit: <path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5" />,
  plus: <path d="M12 5v14M5 12h14" />,
  file: (
    <>
      <path d="M14 3H6a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V9l-6-6Z" />
      <path d="M14 3v6h6M12 12v6M9 15h6" />
    </>
  ),
  sun: (
    <>
      <circle cx="12" cy="12" r="4" />
      <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
    </>
  ),
  moon: <path d="M20 14.5A8 8 0 1 1 9.5 4a6.5 6.5 0 0 0 10.5 10.5Z" />,
  monitor: (
    <>
      <rect x="3" y="4" width="18" height="12" rx="2" />
      <path d="M8 20h8M12 16v4" />
    </>
  ),
  keyboard: (
    <>
      <rect x="2.5" y="6" width="19" height="12" rx="2" />
      <path d="M6 10h.01M10 10h.01M14 10h.01M18 10h.01M7 14h10" />
    </>
  ),
  trash: <path d="M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3" />,
  close: <path d="M6 6l12 12M18 6 6 18" />,
  chevronDown: <path d="m6 9 6 6 6-6" />,
  chevronUp: <path d="m6 15 6-6 6 6" />,
  layout: (
    <>
      <rect x="3" y="3" width="7" height="7" rx="1" />
      <rect x="14" y="3" width="7" height="7" rx="1" />
      <rect x="8.5" y="14" width="7" height="7" rx="1" />
      <path d="M6.5 10v2h11v-2M12 12v2" />
    </>
  ),
  search: (
    <>
      <circle cx="11" cy="11" r="6.5" />
      <path d="m20 20-4.2-4.2" />
    </>
  ),
  external: <path d="M14 4h6v6M20 4l-9 9M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5" />,
};

/** The frame every small UI glyph is drawn in (24×24 grid, stroke = currentColor, hidden from screen readers). */
export function GlyphSvg({ size, children }: { size: number; children: ReactNode }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

export function UiIcon({ name, size = 16 }: { name: keyof typeof UI_PATHS; size?: number }) {
  return <GlyphSvg size={size}>{UI_PATHS[name]}</GlyphSvg>;
}
