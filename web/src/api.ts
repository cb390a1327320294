import { TOKEN_KEY } from './auth';
import { graphql } from './generated';
import type { CodesQuery, CountriesQuery, MunicipalitiesQuery, TypedDocumentString } from './generated/graphql';

/**
 * The only backend of the client: the gateway's POST /graphql, with the
 * session's bearer token. Errors keep the hub's `extensions` (code, field),
 * so forms can show each one next to the field it names.
 */
export interface HubError {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly extensions?: { readonly code?: string; readonly field?: string; readonly [key: string]: unknown };
}

/** A request that failed: HTTP or network trouble (`network`), or errors from the hub. */
export class HubRequestError extends Error {
  constructor(
    readonly errors: readonly HubError[],
    readonly network = false,
  ) {
    super(errors[0]?.message ?? 'Request failed');
    this.name = 'HubRequestError';
  }
  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

/** Raised when the hub says the session is no longer valid; the app goes back to sign-in. */
export const UNAUTHENTICATED_EVENT = 'sirmi:unauthenticated';

function authHeader(): Record<string, string> {
  const token = window.sessionStorage.getItem(TOKEN_KEY);
  return token ? { authorization: `Bearer ${token}` } : {};
}

export interface Result<T> {
  readonly data: T;
  /** Errors that came with data: fields masked by the privacy rules (UNAUTHORIZED_FIELD_OR_TYPE). */
  readonly masked: readonly HubError[];
}

/** The variables argument of an operation: optional when the operation needs none. */
export type VariablesOf<V> = Record<string, never> extends V ? [variables?: V] : [variables: V];

/**
 * Run one GraphQL operation, a typed document from `graphql()` (web/src/generated,
 * `npm run codegen`): its result and variables are typed by the schema. Throws
 * HubRequestError when the operation failed; masked fields (docs/privacy.md §6)
 * are not failures: they come back as null and are listed in `masked`.
 */
export function gql<TResult, TVariables>(query: TypedDocumentString<TResult, TVariables>, ...[variables]: VariablesOf<TVariables>): Promise<Result<TResult>> {
  return request(query, variables);
}

/** `gql` with the variables as one argument (for generic callers such as useQuery). */
export async function request<TResult, TVariables>(query: TypedDocumentString<TResult, TVariables>, variables: TVariables | undefined): Promise<Result<TResult>> {
  let res: Response;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...authHeader() },
      body: JSON.stringify({ query: query.toString(), variables: variables ?? {} }),
    });
  } catch {
    throw new HubRequestError([{ message: 'Network error', extensions: { code: 'NETWORK' } }], true);
  }
  let body: { data?: TResult | null; errors?: HubError[] };
  try {
    body = (await res.json()) as typeof body;
  } catch {
    throw new HubRequestError([{ message: `HTTP ${res.status}`, extensions: { code: 'NETWORK' } }], true);
  }
  const errors = body.errors ?? [];
  if (errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED') || res.status === 401) {
    window.dispatchEvent(new Event(UNAUTHENTICATED_EVENT));
  }
  const masked = errors.filter((e) => e.extensions?.code === 'UNAUTHORIZED_FIELD_OR_TYPE');
  const real = errors.filter((e) => e.extensions?.code !== 'UNAUTHORIZED_FIELD_OR_TYPE');
  if (real.length > 0 || body.data === undefined || body.data === null) {
    throw new HubRequestError(real.length ? real : [{ message: `HTTP ${res.status}`, extensions: { code: 'NETWORK' } }], real.length === 0);
  }
  return { data: body.data, masked };
}

/**
 * Download a file from a gateway route with the session's token (a plain link
 * would not send it): fetch, then save the blob under the server's file name.
 */
export async function downloadWithToken(url: string, fallbackName: string): Promise<{ ok: true; filename: string } | { ok: false; status: number; errors: readonly HubError[] }> {
  const res = await fetch(url, { headers: authHeader() });
  if (!res.ok) {
    // Download routes answer errors as GraphQL-style JSON (code, field), like POST /graphql.
    const body = (await res.json().catch(() => ({}))) as { errors?: HubError[] };
    if (res.status === 401) window.dispatchEvent(new Event(UNAUTHENTICATED_EVENT));
    return { ok: false, status: res.status, errors: body.errors ?? [] };
  }
  const disposition = res.headers.get('content-disposition') ?? '';
  const match = /filename="?([^";]+)"?/i.exec(disposition);
  const filename = match ? match[1] : fallbackName;
  const blob = await res.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return { ok: true, filename };
}

/** A code-list entry from `codes(list)`. */
export type Code = Readonly<CodesQuery['codes'][number]>;

const CODES = graphql(`
  query Codes($list: String!) {
    codes(list: $list) {
      code
      label
    }
  }
`);

const codeCache = new Map<string, Promise<readonly Code[]>>();

/** A reference list (public; cached for the page's life). */
export function loadCodes(list: string): Promise<readonly Code[]> {
  let p = codeCache.get(list);
  if (!p) {
    p = gql(CODES, { list }).then((r) => r.data.codes);
    p.catch(() => codeCache.delete(list));
    codeCache.set(list, p);
  }
  return p;
}

/** Test hook: forget cached code lists. */
export function clearCodeCache(): void {
  codeCache.clear();
}

/** A municipality of the code list MUNICIPALITY: ISTAT code, name, province abbreviation, cadastral code (the birth place in a fiscal code). */
export type MunicipalityCode = Readonly<MunicipalitiesQuery['codes'][number]>;

const MUNICIPALITIES = graphql(`
  query Municipalities {
    codes(list: "MUNICIPALITY") {
      code
      label
      group
      cadastralCode
    }
  }
`);

/** A country of the ISTAT list COUNTRY: code and name. */
export type CountryCode = Readonly<CountriesQuery['codes'][number]>;

const COUNTRIES = graphql(`
  query Countries {
    codes(list: "COUNTRY") {
      code
      label
    }
  }
`);

/**
 * A public code list fetched once for the page's life (the pickers, names
 * instead of codes); a failed fetch is forgotten so the next call retries.
 */
function listOnce<T>(query: TypedDocumentString<{ codes: T[] }, { [key: string]: never }>): { load: () => Promise<readonly T[]>; clear: () => void } {
  let cached: Promise<readonly T[]> | null = null;
  return {
    load() {
      if (!cached) {
        const p = gql(query).then((r) => r.data.codes);
        p.catch(() => {
          cached = null;
        });
        cached = p;
      }
      return cached;
    },
    clear() {
      cached = null;
    },
  };
}

const municipalities = listOnce(MUNICIPALITIES);

/** The 7,904 municipalities (public; loaded once for the page's life, for the pickers and to show names instead of codes). */
export const loadMunicipalities = municipalities.load;

const countries = listOnce(COUNTRIES);

/** The ISTAT list of countries (public; loaded once for the page's life, for the country pickers). */
export const loadCountries = countries.load;

/** Test hook: forget the cached municipality and country lists. */
export function clearMunicipalityCache(): void {
  municipalities.clear();
  countries.clear();
}
