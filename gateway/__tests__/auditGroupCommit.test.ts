import type { Pool } from 'pg';
import { AuditStore, type AuditEntry } from '../audit/auditStore';

const entry = (minorId: string): AuditEntry => ({
  subject: 's', role: 'SOCIAL_WORKER', organisation: null, operationName: null, operationHash: 'h', minorId, classesReturned: [], classesDenied: [], action: 'READ', requestId: 'r',
});

/** A stand-in pool that records each INSERT and lets the test decide when it commits. */
function fakePool() {
  const statements: { rows: number; name: string; text: string; finish: (err?: Error) => void }[] = [];
  const pool = {
    // One array per column (a named statement): the rows are the length of the first.
    query: (statement: { name: string; text: string; values: unknown[][] }) =>
      new Promise((resolve, reject) => {
        statements.push({ rows: statement.values[0].length, name: statement.name, text: statement.text, finish: (err) => (err ? reject(err) : resolve({ rows: [] })) });
      }),
  } as unknown as Pool;
  return { pool, statements };
}

describe('AuditStore group commit (docs/privacy.md §7)', () => {
  it('sends the entries of concurrent requests in one INSERT and settles each only when it commits', async () => {
    const { pool, statements } = fakePool();
    const store = new AuditStore(pool);
    const settled: string[] = [];
    const a = store.append([entry('00000000-0000-4000-8000-000000000001')]).then(() => settled.push('a'));
    await Promise.resolve();
    const b = store.append([entry('00000000-0000-4000-8000-000000000002')]).then(() => settled.push('b'));
    const c = store.append([entry('00000000-0000-4000-8000-000000000003'), entry('00000000-0000-4000-8000-000000000004')]).then(() => settled.push('c'));
    expect(statements.map((s) => s.rows)).toEqual([1]);
    statements[0].finish();
    await a;
    expect(settled).toEqual(['a']);
    await new Promise((r) => setImmediate(r));
    expect(statements.map((s) => s.rows)).toEqual([1, 3]);
    expect(settled).toEqual(['a']);
    statements[1].finish();
    await Promise.all([b, c]);
    expect(settled.sort()).toEqual(['a', 'b', 'c']);
    // One statement text for any number of entries: each connection prepares it once.
    expect(new Set(statements.map((st) => `${st.name}|${st.text}`)).size).toBe(1);
  });

  it('fails every request of a failed INSERT, and the next ones still go through', async () => {
    const { pool, statements } = fakePool();
    const store = new AuditStore(pool);
    const first = store.append([entry('00000000-0000-4000-8000-000000000001')]);
    await Promise.resolve();
    const second = store.append([entry('00000000-0000-4000-8000-000000000002')]);
    statements[0].finish(new Error('down'));
    await expect(first).rejects.toThrow('down');
    await new Promise((r) => setImmediate(r));
    statements[1].finish(new Error('still down'));
    await expect(second).rejects.toThrow('still down');
    const third = store.append([entry('00000000-0000-4000-8000-000000000003')]);
    await new Promise((r) => setImmediate(r));
    statements[2].finish();
    await expect(third).resolves.toBeUndefined();
  });
});
