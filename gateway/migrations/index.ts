import { AuditLog1732300000000 } from './1732300000000-AuditLog';
import { AuditWriteOutcome1733300000000 } from './1733300000000-AuditWriteOutcome';
import { AuditChain1733310000000 } from './1733310000000-AuditChain';
import { AuditLogMinorSeq1733320000000 } from './1733320000000-AuditLogMinorSeq';

export const auditMigrations = [AuditLog1732300000000, AuditWriteOutcome1733300000000, AuditChain1733310000000, AuditLogMinorSeq1733320000000];
