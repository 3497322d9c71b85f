export interface SendOptions {
  /** Content-Type of a string body (other bodies are sent as JSON). */
  type?: string;
  headers?: Record<string, string>;
}

// biome-ignore lint/suspicious/noExplicitAny: the API's JSON answers have many shapes; each script reads what it asked for
type Json = any;

export class ApiClient {
  constructor(baseUrl: string, options?: { apiKey?: string });
  readonly baseUrl: string;
  send(
    method: string,
    path: string,
    body?: unknown,
    options?: SendOptions,
  ): Promise<{ status: number; body: Json }>;
  must(method: string, path: string, body?: unknown, options?: SendOptions): Promise<Json>;
}
