import { Client } from 'pg';
import { startTestHub, type TestHub } from '../support/startHub';
import { registerMinorWithCase } from '../support/fixtures';

describe('audit trail is fail-closed (docs/privacy.md §7)', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(async () => {
    await hub?.stop();
  });

  const admin = async (sql: string) => {
    const c = new Client({ connectionString: hub.db.adminUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };

  it('the gateway role cannot update or delete audit entries', async () => {
    const c = new Client({ connectionString: hub.config.database.moduleUrls.audit });
    await c.connect();
    try {
      await expect(c.query("UPDATE audit.access_log SET subject = 'x'")).rejects.toThrow(/permission denied/);
      await expect(c.query('DELETE FROM audit.access_log')).rejects.toThrow(/permission denied/);
    } finally {
      await c.end();
    }
    await expect(admin('DELETE FROM audit.access_log')).rejects.toThrow(/append-only/);
  });

  it('withholds the minor data with AUDIT_UNAVAILABLE when the entry cannot be written', async () => {
    const { minorId } = await registerMinorWithCase(hub, 'S-AUD', { firstName: 'Segretina' });
    const sw = hub.token({ role: 'SOCIAL_WORKER', sub: 'sw-aud', service: 'S-AUD' });
    const q = 'query($id: ID!) { minor(id: $id) { firstName lastName } }';
    const ok = await hub.gql(sw, q, { id: minorId });
    expect((ok.data!.minor as any).firstName).toBe('Segretina');

    await admin('REVOKE INSERT ON audit.access_log FROM sirmi_gateway');
    try {
      const res = await hub.gql(sw, q, { id: minorId });
      expect(res.errors?.[0].extensions?.code).toBe('AUDIT_UNAVAILABLE');
      expect(res.data ?? null).toBeNull();
      expect(res.text).not.toContain('Segretina');
    } finally {
      await admin('GRANT INSERT ON audit.access_log TO sirmi_gateway');
    }
  });
});
