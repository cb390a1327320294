import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '@shared/errors';
import { isErrorCode } from '@shared/errors';
import { errorBody } from '@shared/errors/httpErrors';

/**
 * Issue 20 item 2: one error path at the gateway. Every error code the
 * gateway's runtime code names is in the registry (shared/errors/codes.ts),
 * every error is built by AppError, and no route sets an HTTP status by hand:
 * error statuses come from the registry (sendErrorCode / sendAppError /
 * sendErrors, gateway/plugins/httpStatus.ts).
 */
const GATEWAY = path.join(__dirname, '..');

function runtimeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === '__tests__' || e.name === 'migrations' ? [] : runtimeFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

const sources = runtimeFiles(GATEWAY).map((file) => ({ file: path.relative(GATEWAY, file), text: fs.readFileSync(file, 'utf8') }));

/** The codes a source names: `code: 'X'` (an extensions object), `new AppError('X'`, `sendErrorCode(res, 'X'`. */
export function codesNamed(text: string): string[] {
  const patterns = [/\bcode: '([A-Z][A-Z0-9_]*)'/g, /\bAppError\(\s*'([^']*)'/g, /\bsendErrorCode\(\s*\w+,\s*'([^']*)'/g];
  // Node's own system error codes (ECONNRESET, ETIMEDOUT, …) name transport failures inside the gateway, never an answer's code.
  return patterns.flatMap((p) => [...text.matchAll(p)].map((m) => m[1])).filter((c) => !SYSTEM_ERROR_CODES.has(c));
}

const SYSTEM_ERROR_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE']);

/** `.status(...)` calls whose argument is anything but the success status 200. */
export function handSetStatuses(text: string): string[] {
  return [...text.matchAll(/\.status\(([^)]*)\)/g)].map((m) => m[1].trim()).filter((arg) => arg !== '200');
}

/**
 * Statuses set by hand that are not error bodies: the health probe's up/down
 * (a load balancer reads it, docs/architecture.md) and the HTML page served
 * when the web client or the GraphQL IDE is not built.
 */
const NOT_ERROR_BODIES: Readonly<Record<string, readonly string[]>> = {
  'http/health.ts': ['ok ? 200 : 503'],
  'routes/webClient.ts': ['503'],
  'routes/graphiql.ts': ['503'],
};

describe('one error path at the gateway (issue 20 item 2)', () => {
  it('reads the gateway runtime code', () => {
    expect(sources.length).toBeGreaterThan(20);
    expect(sources.some((s) => s.file === 'privacy/privacyExecutor.ts')).toBe(true);
  });

  it('every error code named by the gateway, or by the shared error code it runs (formatError, httpErrors), is in the registry', () => {
    const sharedErrors = runtimeFiles(path.join(GATEWAY, '..', 'shared', 'errors')).map((file) => ({ file: path.relative(GATEWAY, file), text: fs.readFileSync(file, 'utf8') }));
    expect(sharedErrors.map((s) => s.file)).toContain('../shared/errors/formatError.ts');
    const unregistered = [...sources, ...sharedErrors].flatMap((s) => codesNamed(s.text).filter((c) => !isErrorCode(c)).map((c) => `${s.file}: ${c}`));
    expect(unregistered).toEqual([]);
  });

  it('the checks catch an unregistered code and a hand-set status', () => {
    expect(codesNamed(`new AppError('NOT_A_CODE', 'x'); sendErrorCode(res, 'ALSO_NOT', 'y'); ({ extensions: { code: 'NOR_THIS' } })`).filter((c) => !isErrorCode(c))).toEqual(['NOR_THIS', 'NOT_A_CODE', 'ALSO_NOT']);
    expect(handSetStatuses(`res.status(404).json({}); res.status(200).send(); res.status(code)`)).toEqual(['404', 'code']);
  });

  it('no gateway code builds an error by hand: no bare GraphQLError, no hand-written { errors: [{ message', () => {
    const offenders = sources.filter((s) => /new GraphQLError\(/.test(s.text) || /errors: \[\{\s*message/.test(s.text)).map((s) => s.file);
    // gateway/dataSources.ts turns a subgraph's HTTP failure into the error @apollo/gateway expects (it becomes UPSTREAM_UNAVAILABLE there).
    expect(offenders.filter((f) => f !== 'dataSources.ts')).toEqual([]);
  });

  it('no route sets an HTTP status by hand: error statuses come from the registry', () => {
    const handSet = sources.flatMap((s) => handSetStatuses(s.text).filter((arg) => !(NOT_ERROR_BODIES[s.file] ?? []).includes(arg)).map((arg) => `${s.file}: .status(${arg})`));
    expect(handSet).toEqual([]);
  });

  it('an AppError is the same error in a GraphQL response and in a REST body (no http extension, code first)', () => {
    const denial = new AppError('UNAUTHORIZED_FIELD_OR_TYPE', 'Not authorised to read this field (data class HEALTH)', { dataClass: 'HEALTH' }, { path: ['minor', 'health'] });
    // docs/privacy.md §6: a denied field is null with one error per path, extensions code and dataClass.
    expect(JSON.parse(JSON.stringify(denial))).toEqual({ message: 'Not authorised to read this field (data class HEALTH)', path: ['minor', 'health'], extensions: { code: 'UNAUTHORIZED_FIELD_OR_TYPE', dataClass: 'HEALTH' } });
    expect(denial.toFormattedError()).toEqual(JSON.parse(JSON.stringify(denial)));
    expect(errorBody('UNAUTHENTICATED', 'Invalid token')).toEqual({ errors: [{ message: 'Invalid token', extensions: { code: 'UNAUTHENTICATED' } }] });
    expect(Object.keys(errorBody('BAD_USER_INPUT', 'x', { field: 'year' }).errors[0].extensions ?? {})).toEqual(['code', 'field']);
  });
});
