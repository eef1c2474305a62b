/** Where the API is and who calls it: `--url` / `$LTC_URL`, `--token` / `$LTC_TOKEN`. */
export interface ApiTarget {
  readonly url: string;
  readonly token: string;
}

export const DEFAULT_API_URL = 'http://localhost:3000';

/** The parseArgs options every command that talks to the API takes. */
export const API_TARGET_OPTIONS = { url: { type: 'string' }, token: { type: 'string' } } as const;

/**
 * The target from the options and the environment, or what is wrong with them.
 * `tokenHint` says how to get a token that the command's routes accept.
 */
export function apiTargetOf(values: { url?: string; token?: string }, tokenHint: string): ApiTarget | string {
  // An empty variable counts as unset: `LTC_TOKEN= ltc …` must not send an empty bearer token.
  const token = values.token ?? (process.env['LTC_TOKEN'] || undefined);
  if (!token) return `A token is needed: --token TOKEN or LTC_TOKEN (${tokenHint})`;
  const url = (values.url ?? (process.env['LTC_URL'] || DEFAULT_API_URL)).replace(/\/+$/, '');
  if (!URL.canParse(url)) return `Not a URL: ${url} (--url or LTC_URL, e.g. ${DEFAULT_API_URL})`;
  return { url, token };
}

/** The API answered, but not with a success: its status, its error `code` and message. */
export class ApiRefusedError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiRefusedError';
  }
}

/** No answer at all: nothing listens at the URL, or the connection broke. */
export class ApiUnreachableError extends Error {
  constructor(
    readonly url: string,
    reason: string,
  ) {
    super(`Cannot reach the API at ${url}: ${reason}`);
    this.name = 'ApiUnreachableError';
  }
}

export interface ApiRequest {
  readonly method?: 'GET' | 'POST';
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

export interface ApiAnswer {
  readonly status: number;
  /** The parsed JSON body; undefined when there was none or it was not JSON. */
  readonly body: unknown;
}

/** Calls the API with the bearer token; a 2xx answer, else an `ApiRefusedError` or `ApiUnreachableError`. */
export async function callApi(target: ApiTarget, path: string, request: ApiRequest = {}): Promise<ApiAnswer> {
  let status: number;
  let text: string;
  try {
    const response = await fetch(`${target.url}${path}`, {
      method: request.method ?? 'GET',
      headers: { authorization: `Bearer ${target.token}`, accept: 'application/json', ...request.headers },
      ...(request.body === undefined ? {} : { body: request.body }),
    });
    status = response.status;
    text = await response.text();
  } catch (error) {
    throw new ApiUnreachableError(target.url, unreachableReason(error));
  }
  const body = parseJson(text);
  if (status < 200 || status > 299) {
    const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    const code = typeof fields['code'] === 'string' ? fields['code'] : `HTTP_${status}`;
    const message = typeof fields['message'] === 'string' ? fields['message'] : text.slice(0, 200);
    throw new ApiRefusedError(status, code, message);
  }
  return { status, body };
}

/** `403 FORBIDDEN: …` or `Cannot reach the API at …`; undefined for any other error. */
export function apiErrorText(error: unknown): string | undefined {
  if (error instanceof ApiRefusedError) return `${error.status} ${error.code}: ${error.message}`;
  if (error instanceof ApiUnreachableError) return error.message;
  return undefined;
}

/** fetch only says "fetch failed"; the socket's error code is on its cause. */
function unreachableReason(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = typeof cause === 'object' && cause !== null ? (cause as { code?: unknown }).code : undefined;
  if (code === 'ECONNREFUSED') return 'connection refused (is it running there? set --url or LTC_URL)';
  if (code === 'ENOTFOUND') return 'no such host (set --url or LTC_URL)';
  const message = cause instanceof Error && cause.message ? cause.message : String(cause);
  return typeof code === 'string' && !message.includes(code) ? `${code} ${message}` : message;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
