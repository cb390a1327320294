import { INTERNAL_TOKEN_HEADER, verifyInternalToken } from '@shared/auth';
import type { GatewayContext } from '../context';
import { InternalTokenDataSource } from '../dataSources';

const SECRET = 'test-internal-secret-at-least-32-characters';

function send(source: InternalTokenDataSource, context: GatewayContext): string {
  const http = { headers: new Headers(), url: 'http://sinba/graphql', method: 'POST' };
  source.willSendRequest({ request: { http }, context } as never);
  return http.headers.get(INTERNAL_TOKEN_HEADER) as string;
}

describe('InternalTokenDataSource (docs/privacy.md §9)', () => {
  afterEach(() => jest.restoreAllMocks());

  it('signs one token per subgraph for the request and reuses it', () => {
    const source = new InternalTokenDataSource('sinba', 'http://sinba/graphql', SECRET, 60);
    const context: GatewayContext = { principal: { role: 'REGIONAL_ANALYST', sub: 'an-1' }, requestId: 'r-1', internalTokens: new Map() };
    const first = send(source, context);
    expect(send(source, context)).toBe(first);
    expect(verifyInternalToken(first, SECRET, 'sinba')).toMatchObject({ principal: { role: 'REGIONAL_ANALYST', sub: 'an-1' } });
  });

  it('signs a fresh token once half its lifetime has passed, so a long paged download never sends an expired one', () => {
    const source = new InternalTokenDataSource('sinba', 'http://sinba/graphql', SECRET, 60);
    const context: GatewayContext = { principal: { role: 'REGIONAL_ANALYST', sub: 'an-1' }, requestId: 'r-1', internalTokens: new Map() };
    const start = Date.now();
    const now = jest.spyOn(Date, 'now').mockReturnValue(start);
    const first = send(source, context);
    now.mockReturnValue(start + 29_000);
    expect(send(source, context)).toBe(first);
    now.mockReturnValue(start + 31_000);
    const renewed = send(source, context);
    expect(renewed).not.toBe(first);
    expect(send(source, context)).toBe(renewed);
  });
});
