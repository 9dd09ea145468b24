/** Glyphs for sharing, files, the library, templates and imports, drawn like the app's `UiIcon`s. */
import type { ReactNode } from 'react';
import { GlyphSvg } from '../canvas/icons.tsx';

const PATHS = {
  link: <path d="M10 14a4.5 4.5 0 0 0 6.4 0l3-3a4.5 4.5 0 0 0-6.4-6.4l-1.2 1.2M14 10a4.5 4.5 0 0 0-6.4 0l-3 3a4.5 4.5 0 0 0 6.4 6.4l1.2-1.2" />,
  save: (
    <>
      <path d="M12 4v11M7.5 10.5 12 15l4.5-4.5" />
      <path d="M4 16v3a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-3" />
    </>
  ),
  open: <path d="M3.5 18.5V6a1 1 0 0 1 1-1h5l2 2.5h7a1 1 0 0 1 1 1V11M3.5 18.5l2.6-6.6a1 1 0 0 1 .9-.6H21l-2.7 6.7a1 1 0 0 1-.9.6H3.5Z" />,
  plans: (
    <>
      <rect x="4" y="4" width="16" height="5" rx="1.2" />
      <rect x="4" y="11" width="16" height="5" rx="1.2" opacity=".9" />
      <path d="M6 20h12" />
    </>
  ),
  templates: (
    <>
      <rect x="3.5" y="3.5" width="7" height="7" rx="1.2" />
      <rect x="13.5" y="3.5" width="7" height="7" rx="1.2" />
      <rect x="3.5" y="13.5" width="7" height="7" rx="1.2" />
      <path d="M17 13.5v7M13.5 17h7" />
    </>
  ),
  import: (
    <>
      <path d="M14 4h4.5A1.5 1.5 0 0 1 20 5.5v13a1.5 1.5 0 0 1-1.5 1.5H14" />
      <path d="M4 12h11M11 8l4 4-4 4" />
    </>
  ),
  alert: (
    <>
      <path d="M12 3.5 2.8 19.5h18.4L12 3.5Z" />
      <path d="M12 10v4.2M12 17h.01" />
    </>
  ),
  check: <path d="m5 12.5 4.5 4.5L19 7.5" />,
  copy: (
    <>
      <rect x="8.5" y="8.5" width="11.5" height="11.5" rx="1.8" />
      <path d="M15.5 8.5V5.5a1.5 1.5 0 0 0-1.5-1.5H5.5A1.5 1.5 0 0 0 4 5.5V14a1.5 1.5 0 0 0 1.5 1.5h3" />
    </>
  ),
  pencil: <path d="M4 20h4L19 9l-4-4L4 16v4ZM13.5 6.5l4 4" />,
  trash: <path d="M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3" />,
} satisfies Record<string, ReactNode>;

export type TravelIconName = keyof typeof PATHS;

export function TravelIcon({ name, size = 16 }: { name: TravelIconName; size?: number }) {
  return <GlyphSvg size={size}>{PATHS[name]}</GlyphSvg>;
}
