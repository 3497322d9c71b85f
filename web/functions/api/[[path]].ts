interface Env {
  API: Fetcher;
}

/** Forwards every /api/* request, unchanged, to the API Worker through the service binding. */
export const onRequest: PagesFunction<Env> = (context) => context.env.API.fetch(context.request);
