/** The theme actually shown: the user's choice, or the system's when the choice is "system". */
import { useEffect, useSyncExternalStore } from 'react';
import { useAppStore } from '../store/index.ts';

const QUERY = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  const mq = window.matchMedia(QUERY);
  mq.addEventListener('change', onChange);
  return () => mq.removeEventListener('change', onChange);
}

const systemDark = () => window.matchMedia(QUERY).matches;

export function useResolvedTheme(): 'light' | 'dark' {
  const pref = useAppStore((s) => s.theme);
  const dark = useSyncExternalStore(subscribe, systemDark, () => false);
  return pref === 'system' ? (dark ? 'dark' : 'light') : pref;
}

/** Put the resolved theme on <html> so the CSS variables follow it. */
export function useApplyTheme(): 'light' | 'dark' {
  const theme = useResolvedTheme();
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  return theme;
}
