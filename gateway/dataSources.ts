import http from 'node:http';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher, FetcherHeaders, FetcherRequestInit, FetcherResponse } from '@apollo/utils.fetcher';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GraphQLError, Kind, parse, type DocumentNode, type GraphQLFormattedError, type SelectionSetNode } from 'graphql';
import { INTERNAL_TOKEN_HEADER, signInternalToken } from '@shared/auth';
import { WRITE_TRAIL_EXTENSION, type WriteRecordJson } from '@shared/audit';
import { isUuid } from '@shared/ids';
import { AppError } from '@shared/errors';
import type { GatewayContext } from './context';

/** How the gateway calls a subgraph (issue 16); defaults as in shared/config. */
export interface UpstreamOptions {
  /** A fetch not answered in this time is abandoned: its fields answer UPSTREAM_UNAVAILABLE. */
  readonly timeoutMs: number;
  /** Observes why a call failed (a name or errno, never a body). */
  readonly onFailure?: (subgraph: string, reason: string) => void;
}

const DEFAULT_UPSTREAM: UpstreamOptions = { timeoutMs: 10_000 };

/** A socket the subgraph closed under a reused keep-alive connection: safe to retry a query once. */
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

export function isConnectionReset(err: unknown): boolean {
  for (let e = err as { code?: unknown; cause?: unknown; message?: unknown } | undefined, i = 0; e && typeof e === 'object' && i < 4; i++) {
    if (typeof e.code === 'string' && RESET_CODES.has(e.code)) return true;
    if (typeof e.message === 'string' && /socket hang up|other side closed/i.test(e.message)) return true;
    e = e.cause as typeof e;
  }
  return false;
}

/** Why a call failed, for the log: the error's code or name only. */
function reasonOf(err: unknown): string {
  for (let e = err as { code?: unknown; cause?: unknown; name?: unknown } | undefined, i = 0; e && typeof e === 'object' && i < 4; i++) {
    if (typeof e.code === 'string') return e.code;
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'TIMEOUT';
    if (!e.cause && typeof e.name === 'string') return e.name;
    e = e.cause as typeof e;
  }
  return 'UNKNOWN';
}

/**
 * Keep-alive connections to the subgraphs, shared by every request of the
 * process. An idle socket is closed after 4 s (as undici's default), or a
 * second before the subgraph's `Keep-Alive: timeout=` hint if that is
 * shorter, so below both the subgraphs' keep-alive and a load balancer's
 * (HAProxy's `timeout http-keep-alive 10s`): a reused socket is rarely one
 * the other side is closing; when it is, a query is retried once
 * (createUpstreamFetcher). The timeout closes idle sockets only; a call in
 * flight has its own (UpstreamOptions.timeoutMs).
 */
const upstreamAgent = new http.Agent({ keepAlive: true, timeout: 4_000, scheduling: 'lifo' });

/** The few Headers methods Apollo's data source reads (`get`), over Node's parsed headers. */
class UpstreamHeaders implements FetcherHeaders {
  constructor(private readonly raw: http.IncomingHttpHeaders) {}
  append(name: string, value: string): void {
    const current = this.get(name);
    this.raw[name.toLowerCase()] = current === null ? value : `${current}, ${value}`;
  }
  delete(name: string): void {
    delete this.raw[name.toLowerCase()];
  }
  set(name: string, value: string): void {
    this.raw[name.toLowerCase()] = value;
  }
  get(name: string): string | null {
    const v = this.raw[name.toLowerCase()];
    return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
  }
  has(name: string): boolean {
    return this.raw[name.toLowerCase()] !== undefined;
  }
  *entries(): IterableIterator<[string, string]> {
    for (const k of Object.keys(this.raw)) yield [k, this.get(k) ?? ''];
  }
  *keys(): IterableIterator<string> {
    for (const [k] of this.entries()) yield k;
  }
  *values(): IterableIterator<string> {
    for (const [, v] of this.entries()) yield v;
  }
  forEach(callback: (value: string, key: string) => void): void {
    for (const [k, v] of this.entries()) callback(v, k);
  }
  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }
}

/** A subgraph's whole answer, read before it is handed over (GraphQL answers are small JSON documents). */
class UpstreamResponse implements FetcherResponse {
  bodyUsed = false;
  readonly redirected = false;
  constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText: string,
    readonly headers: UpstreamHeaders,
    private readonly body: string,
  ) {}
  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }
  async text(): Promise<string> {
    this.bodyUsed = true;
    return this.body;
  }
  async json(): Promise<unknown> {
    this.bodyUsed = true;
    return JSON.parse(this.body) as unknown;
  }
  async arrayBuffer(): Promise<ArrayBuffer> {
    this.bodyUsed = true;
    const b = Buffer.from(this.body);
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  }
  clone(): UpstreamResponse {
    return new UpstreamResponse(this.url, this.status, this.statusText, this.headers, this.body);
  }
}

/** One POST to a subgraph with node:http, abandoned after `timeoutMs` (an error named TimeoutError). */
function postUpstream(url: string, init: FetcherRequestInit, timeoutMs: number): Promise<UpstreamResponse> {
  return new Promise((resolve, reject) => {
    const body = typeof init.body === 'string' ? init.body : '';
    const fail = (err: Error) => {
      clearTimeout(timer);
      reject(err);
    };
    const req = http.request(url, { method: init.method ?? 'POST', headers: { ...init.headers, 'content-length': Buffer.byteLength(body) }, agent: upstreamAgent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', fail);
      res.on('close', () => {
        if (!res.complete) fail(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
      });
      res.on('end', () => {
        clearTimeout(timer);
        resolve(new UpstreamResponse(url, res.statusCode ?? 0, res.statusMessage ?? '', new UpstreamHeaders(res.headers), Buffer.concat(chunks).toString('utf8')));
      });
    });
    const timer = setTimeout(() => req.destroy(Object.assign(new Error(`no answer in ${timeoutMs} ms`), { name: 'TimeoutError' })), timeoutMs);
    req.on('error', fail);
    req.end(body);
  });
}

/**
 * The gateway's fetch to a subgraph: node:http with a keep-alive agent, a
 * timeout per call, and one retry of a query (never a mutation: it may have
 * been applied) when the subgraph reset a reused socket. Not Node's global
 * fetch: its WHATWG streams (a ReadableStream per request body, a tee of it,
 * another per response) and AbortSignal cost about 5 % of the gateway's CPU
 * under load (docs/benchmarks.md "Where the gateway's time goes").
 */
export function createUpstreamFetcher(timeoutMs: number): Fetcher {
  return async (url: string, init?: FetcherRequestInit): Promise<FetcherResponse> => {
    const query = typeof init?.body === 'string' ? (/"query":"(\s*\w*)/.exec(init.body)?.[1] ?? '') : '';
    const idempotent = !/^\s*mutation\b/.test(query);
    for (let attempt = 1; ; attempt++) {
      try {
        return await postUpstream(url, init ?? {}, timeoutMs);
      } catch (err) {
        if (attempt === 1 && idempotent && isConnectionReset(err)) continue;
        throw err;
      }
    }
  };
}

/** A subgraph answered with a non-2xx status and a GraphQL body: its errors are the answer. */
class SubgraphErrorResponse extends GraphQLError {
  constructor(readonly body: { data: Record<string, unknown> | null; errors: GraphQLFormattedError[]; extensions?: Record<string, unknown> }) {
    super('subgraph error response');
  }
}

/** The fetch's document (the gateway passes it only when asked to, so it is parsed from the query text on failure). */
function documentOf(options: GraphQLDataSourceProcessOptions<GatewayContext>): DocumentNode | undefined {
  if ('document' in options && options.document) return options.document;
  try {
    return options.request.query ? parse(options.request.query) : undefined;
  } catch {
    return undefined;
  }
}

/** Response keys of the fields a fetch asks for, at the root or inside `_entities` (fragments flattened). */
function fieldKeys(selectionSet: SelectionSetNode | undefined): string[] {
  const keys: string[] = [];
  for (const s of selectionSet?.selections ?? []) {
    if (s.kind === Kind.FIELD && s.name.value !== '__typename') keys.push(s.alias?.value ?? s.name.value);
    if (s.kind === Kind.INLINE_FRAGMENT) keys.push(...fieldKeys(s.selectionSet));
  }
  return [...new Set(keys)];
}

/**
 * UPSTREAM_UNAVAILABLE errors for a fetch that got no usable answer: one per
 * field it asked for, with the path of that field in the subgraph's answer,
 * which the gateway maps to the path in the client's response; the rest of
 * the response is served as usual (partial data).
 */
export function unavailableErrors(subgraph: string, document: DocumentNode | undefined, reason: string): GraphQLFormattedError[] {
  const op = document?.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  const root = op && op.kind === Kind.OPERATION_DEFINITION ? op.selectionSet : undefined;
  const entities = root?.selections.find((s) => s.kind === Kind.FIELD && s.name.value === '_entities');
  const paths: (string | number)[][] =
    entities && entities.kind === Kind.FIELD ? fieldKeys(entities.selectionSet).map((k) => ['_entities', 0, k]) : fieldKeys(root).map((k) => [k]);
  const message = `The ${subgraph.toUpperCase()} module is unavailable (${reason === 'TIMEOUT' ? 'no answer in time' : 'no answer'}): the data it serves is missing`;
  const error = (path?: (string | number)[]) => new AppError('UPSTREAM_UNAVAILABLE', message, { module: subgraph }, { path }).toFormattedError();
  return paths.length ? paths.map((path) => error(path)) : [error()];
}

/**
 * Forwards the verified principal to a subgraph in a short-lived token signed
 * with INTERNAL_SECRET and addressed to that subgraph (docs/privacy.md §9). The
 * user's own JWT is never forwarded. A subgraph that does not answer, or
 * answers with something other than GraphQL, becomes UPSTREAM_UNAVAILABLE on
 * the fields it serves; its internal URL and raw body never reach a client.
 */
export class InternalTokenDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly upstream: UpstreamOptions;

  constructor(
    private readonly subgraphName: string,
    url: string,
    private readonly secret: string,
    private readonly ttlSeconds: number,
    upstream: UpstreamOptions = DEFAULT_UPSTREAM,
  ) {
    // node:http with a keep-alive agent instead of the default make-fetch-happen, whose request/agent layers took
    // about 8 % of the gateway's CPU under load, or Node's fetch, whose web streams took about 5 % (docs/benchmarks.md
    // "Where the gateway's time goes"), with a timeout and one retry of a query on a reset socket (createUpstreamFetcher).
    super({ url, fetcher: createUpstreamFetcher(upstream.timeoutMs) });
    this.upstream = upstream;
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const ctx = context as Partial<GatewayContext>;
    if (!ctx.principal || !ctx.internalTokens) return; // health checks etc.: no principal, the subgraph will refuse
    const key = ctx.purpose ? `${this.subgraphName}|${ctx.purpose}` : this.subgraphName;
    let cached = ctx.internalTokens.get(key);
    const now = Date.now();
    // Reused within the request, renewed at half its lifetime so a long request (a paged download) never sends an expired one.
    if (!cached || now >= cached.renewAt) {
      const token = signInternalToken(ctx.principal, { secret: this.secret, audience: this.subgraphName, ttlSeconds: this.ttlSeconds, requestId: ctx.requestId, purpose: ctx.purpose });
      cached = { token, renewAt: now + (this.ttlSeconds * 1000) / 2 };
      ctx.internalTokens.set(key, cached);
    }
    request.http?.headers.set(INTERNAL_TOKEN_HEADER, cached.token);
    if (ctx.requestId) request.http?.headers.set('x-request-id', ctx.requestId);
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    try {
      return await super.process(options);
    } catch (err) {
      if (err instanceof SubgraphErrorResponse) {
        // The subgraph's own answer (its errors, write records in extensions): through the same response hook as a 2xx one.
        const response = err.body as GatewayGraphQLResponse;
        return this.didReceiveResponse({ response, context: options.context as GatewayContext });
      }
      const reason = reasonOf(err);
      this.upstream.onFailure?.(this.subgraphName, reason);
      return { errors: unavailableErrors(this.subgraphName, documentOf(options), reason) } as GatewayGraphQLResponse;
    }
  }

  /** A non-2xx answer: the subgraph's own GraphQL errors when it sent some (a refused variable, 401), else a failure of the module. */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    const errors = (body as { errors?: unknown } | undefined)?.errors;
    if (Array.isArray(errors) && errors.length > 0) {
      const { data, extensions } = body as { data?: Record<string, unknown> | null; extensions?: Record<string, unknown> };
      return new SubgraphErrorResponse({ data: data ?? null, errors: errors as GraphQLFormattedError[], ...(extensions ? { extensions } : {}) });
    }
    const e = new GraphQLError(`HTTP ${response.status}`);
    (e as { code?: string }).code = `HTTP_${response.status}`;
    return e;
  }
  /**
   * docs/privacy.md §7: a subgraph's answer to a mutation carries the minors
   * each root field touched (`extensions.sirmiWrites`, accepted or refused).
   * They are kept in the request context for the privacy executor, which
   * audits them whatever the response selects, and never forwarded.
   */
  override didReceiveResponse({ response, context }: Required<Pick<GraphQLDataSourceProcessOptions<GatewayContext>, 'context'>> & { response: GatewayGraphQLResponse }): GatewayGraphQLResponse {
    const extensions = response.extensions as Record<string, unknown> | undefined;
    const records = extensions?.[WRITE_TRAIL_EXTENSION];
    if (extensions && records !== undefined) {
      delete extensions[WRITE_TRAIL_EXTENSION];
      const ctx = context as Partial<GatewayContext>;
      if (ctx.writes && Array.isArray(records)) for (const r of records) if (isWriteRecord(r)) ctx.writes.push(r);
    }
    return response;
  }
}

function isWriteRecord(value: unknown): value is WriteRecordJson {
  const r = value as Partial<WriteRecordJson> | null;
  return (
    typeof r === 'object' && r !== null && typeof r.field === 'string' && (r.outcome === 'ACCEPTED' || r.outcome === 'REFUSED') &&
    Array.isArray(r.minorIds) && r.minorIds.every((id) => typeof id === 'string' && isUuid(id))
  );
}
