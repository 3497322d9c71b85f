import { signal } from '@preact/signals';

/**
 * A tick that says "what is on screen may be old": the person came back to the tab (focus,
 * visibility) or navigated (the active menu item included). Loaders follow it and fetch again,
 * so a list never keeps saying 进行中 after someone else closed the month.
 */
export const freshness = signal(0);

export function refresh() {
  freshness.value++;
}

// Focus and visibilitychange often come together; one fetch per return is enough.
let lastTick = 0;
function cameBack() {
  if (document.visibilityState !== 'visible') return;
  const now = Date.now();
  if (now - lastTick < 300) return;
  lastTick = now;
  refresh();
}
window.addEventListener('focus', cameBack);
document.addEventListener('visibilitychange', cameBack);
