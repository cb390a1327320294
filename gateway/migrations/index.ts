import { AuditLog1732300000000 } from './1732300000000-AuditLog';

export const auditMigrations = [AuditLog1732300000000];
