import { computed, signal } from '@preact/signals';
import { refresh } from './fresh';

/** The hash route as a signal: "#/evaluations/evl_1" → ['evaluations', 'evl_1']. */
const isRoute = (h: string) => h === '' || h.startsWith('#/');
export const hash = signal(isRoute(location.hash) ? location.hash || '#/' : '#/');
window.addEventListener('hashchange', () => {
  // "#main" (the skip link) is an in-page jump, not a route.
  if (isRoute(location.hash)) {
    hash.value = location.hash || '#/';
    // A view that stays mounted (another month of the same list) still loads afresh.
    refresh();
  }
});

export const route = computed(() => {
  const [path = '', query = ''] = hash.value.replace(/^#\/?/, '').split('?');
  return { parts: path.split('/').filter(Boolean), query: new URLSearchParams(query) };
});

/** Navigates; going where one already is reloads what is shown, as a browser link would. */
export function go(to: string) {
  if (location.hash === to) {
    hash.value = to;
    refresh();
  } else location.hash = to;
}
