import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { CrashBoundary, CrashProbe } from './app/crash/CrashBoundary.tsx';
import { registerServiceWorker } from './app/library/offline.ts';
import { preloadDecoderForAddress } from './app/share/addressLink.ts';

preloadDecoderForAddress();

const root = document.getElementById('root');
if (!root) throw new Error('Portolan: #root element missing from index.html');
createRoot(root).render(
  <StrictMode>
    <CrashBoundary>
      <CrashProbe />
      <App />
    </CrashBoundary>
  </StrictMode>,
);
registerServiceWorker();
