import { StrictMode, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { EXAMPLES, tabQuery } from './examples';

/**
 * The development GraphQL IDE (issue 19): GraphiQL bundled from npm (no CDN),
 * served by the gateway at /graphiql outside production. The token field's
 * value goes in `Authorization: Bearer ...` of every request; it starts with
 * the web client's sign-in token when there is one in this tab.
 */
const TOKEN_KEY = 'sirmi.token';

type Params = { query: string; variables?: unknown; operationName?: string | null };

function App() {
  const [token, setToken] = useState<string>(() => window.sessionStorage.getItem(TOKEN_KEY) ?? '');
  const fetcher = useMemo(
    () => async (params: Params, opts?: { headers?: Record<string, unknown> }) => {
      const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
      for (const [k, v] of Object.entries(opts?.headers ?? {})) headers[k.toLowerCase()] = String(v);
      if (token.trim() && !headers.authorization) headers.authorization = `Bearer ${token.trim()}`;
      const res = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify(params) });
      return res.json();
    },
    [token],
  );
  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100vh' }}>
      <form style={{ display: 'flex', gap: 8, alignItems: 'center', padding: '6px 12px', font: '14px system-ui, sans-serif' }} onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="token">Token</label>
        <input
          id="token"
          name="token"
          value={token}
          onChange={(e) => setToken(e.target.value)}
          placeholder="paste the output of: npm run -s token -- --role SOCIAL_WORKER --service S-RM-01 (empty: anonymous)"
          style={{ flex: 1, fontFamily: 'monospace' }}
          autoComplete="off"
          spellCheck={false}
        />
        <span>{token.trim() ? 'sent as Authorization: Bearer …' : 'anonymous'}</span>
      </form>
      <div style={{ flex: 1, minHeight: 0 }}>
        <GraphiQL
          fetcher={fetcher as never}
          defaultTabs={EXAMPLES.map((e) => ({ query: tabQuery(e), variables: e.variables }))}
          shouldPersistHeaders={false}
        />
      </div>
    </div>
  );
}

createRoot(document.getElementById('graphiql') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
