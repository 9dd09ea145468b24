/**
 * Offline: register the service worker that vite-plugin-pwa generates (Workbox `generateSW`, precaching
 * the built assets). Registered from this bundled module, not an inline script, so the CSP stays strict.
 * Production builds only: the dev server has no service worker.
 * (https://vite-pwa-org.netlify.app/guide/register-service-worker.html#import-from-workbox-window)
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  // Loaded after first paint: registering the worker is never urgent.
  void import('workbox-window')
    .then(({ Workbox }) => {
      const wb = new Workbox(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL });
      // registerType 'autoUpdate': a new version takes over by itself; the open page keeps running the code it
      // loaded (plans are autosaved), and the next load gets the new version.
      return wb.register();
    })
    .catch(() => {
      /* no service worker (private mode, blocked): the app still works online */
    });
}
