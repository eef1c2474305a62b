// The typed API client: openapi-fetch over the types generated from the API's own OpenAPI
// document (schema.d.ts, `npm run web:client`), so a renamed route or field fails the typecheck.
import createClient from 'openapi-fetch';
import { problemOf, unreachable, type ApiProblem } from './problem';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];
export type ApiClient = ReturnType<typeof createClient<paths>>;

export type Result<T> =
  | { readonly ok: true; readonly data: T; readonly response: Response }
  | { readonly ok: false; readonly problem: ApiProblem };

/** A client that sends the session's token; `onSignedOut` runs when the API answers 401. */
export function createApiClient(token: string, onSignedOut: (problem: ApiProblem) => void): ApiClient {
  const client = createClient<paths>({ baseUrl: window.location.origin });
  client.use({
    onRequest({ request }) {
      request.headers.set('Authorization', `Bearer ${token}`);
      return request;
    },
  });
  client.use({
    async onResponse({ response }) {
      if (response.status === 401)
        onSignedOut(
          problemOf(
            401,
            await response
              .clone()
              .json()
              .catch(() => undefined),
          ),
        );
      return response;
    },
  });
  return client;
}

/** An answer as data or a problem in words; never a thrown error for the screens to miss. */
export async function settle<T>(
  pending: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<Result<T>> {
  try {
    const { data, error, response } = await pending;
    if (response.ok) return { ok: true, data: data as T, response };
    return { ok: false, problem: problemOf(response.status, error) };
  } catch (error) {
    return { ok: false, problem: unreachable(error) };
  }
}
