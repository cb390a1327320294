import { vi } from 'vitest';

/**
 * A scripted stand-in for the gateway in component tests (jsdom has no hub):
 * each handler answers one GraphQL operation by name, or one REST path. The
 * real gateway is exercised by the browser tests (test/browser).
 */
export type Handler = (variables: Record<string, unknown>) => { data?: unknown; errors?: unknown[] };

export interface FakeHub {
  readonly calls: { operation: string; variables: Record<string, unknown>; authorization: string | null }[];
}

export function fakeHub(operations: Record<string, Handler>, rest: Record<string, () => { status: number; body: unknown }> = {}): FakeHub {
  const calls: FakeHub['calls'] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.pathname : input.url;
      const method = init?.method ?? 'GET';
      const headers = new Headers(init?.headers);
      if (url === '/graphql') {
        const body = JSON.parse(String(init?.body)) as { query: string; variables: Record<string, unknown> };
        const name = /^\s*(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1] ?? 'anonymous';
        calls.push({ operation: name, variables: body.variables, authorization: headers.get('authorization') });
        const handler = operations[name];
        if (!handler) return new Response(JSON.stringify({ errors: [{ message: `no handler for ${name}`, extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }), { status: 200 });
        return new Response(JSON.stringify(handler(body.variables)), { status: 200, headers: { 'content-type': 'application/json' } });
      }
      const r = rest[`${method} ${url}`];
      if (!r) return new Response('not found', { status: 404 });
      const { status, body } = r();
      return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    }),
  );
  return { calls };
}

/** Code lists the forms need. */
export const CODES: Record<string, { code: string; label: string }[]> = {
  PLACEMENT_KIND: [
    { code: 'ORDINARY', label: 'Accoglienza ordinaria' },
    { code: 'EMERGENCY', label: 'Pronta accoglienza' },
  ],
  LEGAL_BASIS: [
    { code: 'CONSENSUAL', label: 'Consensuale' },
    { code: 'COURT_ORDER', label: 'Giudiziale' },
  ],
};

export const codesHandler: Handler = (v) => ({ data: { codes: CODES[String(v.list)] ?? [] } });

/** A few municipalities for the pickers (the real list has 7,904: codes(list: "MUNICIPALITY")). */
export const MUNICIPALITIES = [
  { code: '058091', label: 'Roma', group: 'RM', cadastralCode: 'H501' },
  { code: '082053', label: 'Palermo', group: 'PA', cadastralCode: 'G273' },
  { code: '015146', label: 'Milano', group: 'MI', cadastralCode: 'F205' },
  { code: '040012', label: 'Forlì', group: 'FC', cadastralCode: 'D704' },
  { code: '058047', label: 'Fiumicino', group: 'RM', cadastralCode: 'M297' },
];

export const municipalitiesHandler: Handler = () => ({ data: { codes: MUNICIPALITIES } });

/** A few countries for the pickers (the real ISTAT list has 225: codes(list: "COUNTRY")). */
export const COUNTRIES = [
  { code: '100', label: 'Italia' },
  { code: '235', label: 'Romania' },
  { code: '419', label: 'Egitto' },
  { code: '404', label: "Costa d'Avorio" },
  { code: '436', label: 'Marocco' },
];

export const countriesHandler: Handler = () => ({ data: { codes: COUNTRIES } });
