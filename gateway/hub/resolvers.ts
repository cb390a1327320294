import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { codeLists, getCodeList, isCodeListName } from '@shared/codes';
import { AppError } from '@shared/errors';
import { isUuid } from '@shared/ids';
import { isIsoDate } from '@shared/graphql';
import { addDays } from '@shared/time';
import type { AuditStore } from '../audit/auditStore';
import type { GatewayContext } from '../context';
import type { Relationships } from '../privacy/relationships';

export interface HubDeps {
  readonly audit: AuditStore;
  readonly relationships: Relationships;
}


/** accessLog page size: default and largest (docs/privacy.md §7). */
const ACCESS_LOG_PAGE = 100;
const ACCESS_LOG_MAX_PAGE = 1000;

/** Parse a `from`/`to` bound: a date (whole day) or an ISO timestamp. */
function bound(value: string | null | undefined, field: 'from' | 'to'): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (isIsoDate(value)) return field === 'from' ? `${value}T00:00:00Z` : `${addDays(value, 1)}T00:00:00Z`;
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new AppError('BAD_USER_INPUT', `"${field}" must be a date (YYYY-MM-DD) or an ISO 8601 time`, { field });
  return new Date(field === 'to' ? t + 1 : t).toISOString();
}

/**
 * The gateway's own subgraph ("hub"): public reference data and the access
 * log, which live with the gateway (the audit schema is the gateway's).
 */
export function createHubResolvers(deps: HubDeps): GraphQLResolverMap<GatewayContext> {
  return {
    Query: {
      codes: (_p: unknown, args: { list: string }) => {
        if (!isCodeListName(args.list)) {
          throw new AppError('BAD_USER_INPUT', `Unknown code list "${args.list}"; see codeLists`, { field: 'list' });
        }
        return getCodeList(args.list).entries.map((e) => ({ code: e.code, label: e.label, group: e.group ?? null, validFrom: e.validFrom ?? null, validTo: e.validTo ?? null, cadastralCode: typeof e.attributes?.cadastralCode === 'string' ? e.attributes.cadastralCode : null }));
      },
      codeLists: () => [...codeLists.keys()].sort(),
      accessLog: async (_p: unknown, args: { minorId: string; from?: string | null; to?: string | null; first?: number | null; after?: string | null }, ctx: GatewayContext) => {
        const p = ctx.principal;
        if (p.role === 'ANONYMOUS') throw new AppError('UNAUTHENTICATED', 'Authentication required');
        if (!isUuid(args.minorId)) throw new AppError('BAD_USER_INPUT', 'minorId must be a minor id (UUID)', { field: 'minorId' });
        const from = bound(args.from, 'from');
        const to = bound(args.to, 'to');
        if (from && to && from >= to) throw new AppError('INVALID_DATE_RANGE', '"to" must not precede "from"', { field: 'to' });
        const first = args.first ?? ACCESS_LOG_PAGE;
        if (!Number.isInteger(first) || first < 1 || first > ACCESS_LOG_MAX_PAGE) throw new AppError('BAD_USER_INPUT', `"first" must be between 1 and ${ACCESS_LOG_MAX_PAGE}`, { field: 'first' });
        const cursor = args.after ? /^seq:([0-9]{1,18})$/.exec(args.after) : null;
        if (args.after && !cursor) throw new AppError('BAD_USER_INPUT', '"after" must be the cursor of an entry', { field: 'after' });
        // docs/privacy.md §5: the privacy officer, or the social worker holding the minor's case.
        let allowed = p.role === 'PRIVACY_OFFICER';
        if (!allowed && p.role === 'SOCIAL_WORKER') {
          const rel = await deps.relationships.load(ctx, [args.minorId]);
          allowed = rel.isCaseHolder(args.minorId);
        }
        if (!allowed) throw new AppError('FORBIDDEN', 'Only the privacy officer or the service holding the case may read this access log');
        try {
          const rows = await deps.audit.accessLog(args.minorId, from, to, first, cursor ? cursor[1] : null);
          return rows.map((r) => ({ ...r, minor: { __typename: 'Minor', id: r.minorId } }));
        } catch {
          throw new AppError('AUDIT_UNAVAILABLE', 'The access log cannot be read right now');
        }
      },
      verifyAuditTrail: async (_p: unknown, args: { from?: string | null; to?: string | null }, ctx: GatewayContext) => {
        const p = ctx.principal;
        if (p.role === 'ANONYMOUS') throw new AppError('UNAUTHENTICATED', 'Authentication required');
        if (p.role !== 'PRIVACY_OFFICER') throw new AppError('FORBIDDEN', 'Only the privacy officer may verify the audit trail');
        const from = bound(args.from, 'from');
        const to = bound(args.to, 'to');
        if (from && to && from >= to) throw new AppError('INVALID_DATE_RANGE', '"to" must not precede "from"', { field: 'to' });
        try {
          const v = await deps.audit.verify(from, to);
          return { ok: v.ok, entriesChecked: v.entriesChecked, firstBrokenEntryAt: v.firstBrokenEntryAt, lastHash: v.lastHash };
        } catch {
          throw new AppError('AUDIT_UNAVAILABLE', 'The audit trail cannot be read right now');
        }
      },
    },
  };
}
