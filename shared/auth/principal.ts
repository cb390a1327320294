/**
 * Principals of docs/privacy.md §1, plus SERVICE for module-to-module calls
 * (a subgraph asking another one to check a rule, e.g. ASMI asking ASSO
 * whether a structure is ACTIVE). SERVICE principals never come from a user token.
 */
export const USER_ROLES = ['SOCIAL_WORKER', 'STRUCTURE_OPERATOR', 'SUPERVISOR', 'REGIONAL_ANALYST', 'PRIVACY_OFFICER'] as const;
export type UserRole = (typeof USER_ROLES)[number];
export type Role = UserRole | 'ANONYMOUS' | 'SERVICE';

export function isUserRole(value: unknown): value is UserRole {
  return typeof value === 'string' && (USER_ROLES as readonly string[]).includes(value);
}

export type Principal =
  | { readonly role: 'ANONYMOUS'; readonly sub?: undefined }
  | { readonly role: 'SOCIAL_WORKER'; readonly sub: string; readonly serviceId: string }
  | { readonly role: 'STRUCTURE_OPERATOR'; readonly sub: string; readonly structureCode: string }
  | { readonly role: 'SUPERVISOR'; readonly sub: string; readonly territory: readonly string[] }
  | { readonly role: 'REGIONAL_ANALYST'; readonly sub: string }
  | { readonly role: 'PRIVACY_OFFICER'; readonly sub: string }
  | { readonly role: 'SERVICE'; readonly sub: string; readonly service: string };

export const ANONYMOUS: Principal = Object.freeze({ role: 'ANONYMOUS' });

/** The organisation claim of a principal (serviceId, structureCode or territory), for the audit trail. */
export function organisationOf(p: Principal): string | null {
  switch (p.role) {
    case 'SOCIAL_WORKER':
      return p.serviceId;
    case 'STRUCTURE_OPERATOR':
      return p.structureCode;
    case 'SUPERVISOR':
      return p.territory.join(',');
    case 'SERVICE':
      return p.service;
    default:
      return null;
  }
}

/** Supervisor territory rule (docs/privacy.md §3 IN_TERRITORY): province = first 3 digits of the ISTAT municipality code. */
export function inTerritory(p: Principal, province: string): boolean {
  return p.role === 'SUPERVISOR' && p.territory.includes(province);
}
