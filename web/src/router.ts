import { computed, signal } from '@preact/signals';

/** The hash route as a signal: "#/evaluations/evl_1" → ['evaluations', 'evl_1']. */
const isRoute = (h: string) => h === '' || h.startsWith('#/');
export const hash = signal(isRoute(location.hash) ? location.hash || '#/' : '#/');
window.addEventListener('hashchange', () => {
  // "#main" (the skip link) is an in-page jump, not a route.
  if (isRoute(location.hash)) hash.value = location.hash || '#/';
});

export const route = computed(() => {
  const [path = '', query = ''] = hash.value.replace(/^#\/?/, '').split('?');
  return { parts: path.split('/').filter(Boolean), query: new URLSearchParams(query) };
});

export function go(to: string) {
  if (location.hash === to) hash.value = to;
  else location.hash = to;
}
