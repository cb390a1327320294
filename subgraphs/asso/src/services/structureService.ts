import { isValidCode } from '@shared/codes';
import { findMunicipality } from '@shared/codes';
import { PG, pgErrorInfo } from '@shared/db';
import { AppError, badInput } from '@shared/errors';
import type { Principal } from '@shared/auth';
import type { ActEntity } from '../entities/Act';
import type { InspectionEntity } from '../entities/Inspection';
import type { StructureEntity } from '../entities/Structure';
import type { AssoLoaders } from '../loaders';
import { findActsByStructureCodes } from '../repositories/actRepository';
import { setChangeContext } from '../repositories/structureHistoryRepository';
import { findStructurePage, insertStructure, type StructureSqlFilter } from '../repositories/structureRepository';
import { deriveStatus, type StructureStatus } from '../rules/deriveStatus';
import { ISTAT_MUNICIPALITY, ISTAT_PROVINCE, provinceOf } from '../rules/province';
import { canReadRegistry } from '../rules/registryAccess';
import { managingEntityTaxCodeValid } from '../rules/taxCode';
import { structureMunicipalityValid, validateStructureRegistration } from '../rules/structureRegistration';
import { validateStructureProfile } from '../rules/structureProfile';
import { descriptionFits } from '../rules/selfCensus';
import { throwIfViolated } from '@shared/errors';
import { requireSupervisor, requireTerritory } from './access';
import type { ServiceDeps } from './deps';
import { afterCode, pageSize, structureCursor } from './pagination';
import { toPage } from '@shared/graphql';
import { optionalText } from './text';

export interface RegisterStructureInput {
  readonly code: string;
  readonly name: string;
  readonly type: string;
  readonly municipality: string;
  readonly address?: string | null;
  readonly managingEntity?: string | null;
  readonly managingEntityTaxCode?: string | null;
  readonly capacity: number;
  readonly emergencyCapacity?: number | null;
  readonly minAge?: number | null;
  readonly maxAge?: number | null;
  readonly contactEmail?: string | null;
  readonly healthAuthority?: string | null;
  readonly gender?: string | null;
  readonly target?: string | null;
  readonly phone?: string | null;
  readonly publicEmail?: string | null;
  /** seed 001: the structure's own description. */
  readonly description?: string | null;
}

export interface StructureFilterInput {
  readonly type?: string | null;
  readonly province?: string | null;
  readonly municipality?: string | null;
  readonly target?: string | null;
  readonly gender?: string | null;
  readonly status?: StructureStatus | null;
  readonly name?: string | null;
}

export interface StructurePage {
  readonly nodes: StructureEntity[];
  readonly pageInfo: { readonly endCursor: string | null; readonly hasNextPage: boolean };
}

/** With a status filter, candidates are read this many at a time, their status derived, and kept if they match. */
export const STATUS_SCAN_BATCH = 200;

/** Code list of the structure types (docs/conventions.md: every coded input is checked against its list). */
const STRUCTURE_TYPE_LIST = 'STRUCTURE_TYPE';

/** Database constraints behind the rules (a safety net: the rules catch these first). */
const CONSTRAINT_FIELDS: Readonly<Record<string, string>> = {
  structure_code_check: 'code',
  structure_name_check: 'name',
  structure_type_check: 'type',
  structure_municipality_check: 'municipality',
  structure_capacity_check: 'capacity',
  structure_emergency_capacity_check: 'emergencyCapacity',
  structure_min_age_check: 'minAge',
  structure_max_age_check: 'maxAge',
  structure_age_range_check: 'maxAge',
  structure_contact_email_check: 'contactEmail',
  structure_managing_entity_tax_code_check: 'managingEntityTaxCode',
  structure_health_authority_check: 'healthAuthority',
  structure_gender_check: 'gender',
  structure_target_check: 'target',
  structure_phone_check: 'phone',
  structure_public_email_check: 'publicEmail',
};

export function createStructureService(deps: ServiceDeps) {
  const { dataSource, clock } = deps;

  return {
    /**
     * registerStructure (seed 002 Allegato A §a point a): SUPERVISOR whose
     * territory holds the structure's province (docs/privacy.md §5). A code
     * already registered is DUPLICATE_STRUCTURE, also when two registrations
     * race (the primary key decides; nothing is written).
     */
    async register(principal: Principal, input: RegisterStructureInput): Promise<StructureEntity> {
      requireSupervisor(principal);
      const candidate = {
        code: input.code.trim(),
        name: input.name.trim(),
        type: input.type.trim(),
        municipality: input.municipality.trim(),
        address: optionalText(input.address),
        managingEntity: optionalText(input.managingEntity),
        managingEntityTaxCode: optionalText(input.managingEntityTaxCode)?.toUpperCase() ?? null,
        capacity: input.capacity,
        emergencyCapacity: input.emergencyCapacity ?? 0,
        minAge: input.minAge ?? null,
        maxAge: input.maxAge ?? null,
        contactEmail: optionalText(input.contactEmail),
        healthAuthority: optionalText(input.healthAuthority),
        gender: optionalText(input.gender),
        target: optionalText(input.target),
        phone: optionalText(input.phone),
        publicEmail: optionalText(input.publicEmail),
        description: optionalText(input.description),
      };
      // Refused as a whole first (docs/privacy.md §5) when the location is known to be outside the territory.
      if (structureMunicipalityValid(candidate.municipality) === null) requireTerritory(principal, provinceOf(candidate.municipality));
      throwIfViolated(validateStructureRegistration(candidate), managingEntityTaxCodeValid(candidate.managingEntityTaxCode), descriptionFits(candidate.description));
      if (!isValidCode(STRUCTURE_TYPE_LIST, candidate.type, clock())) {
        throw new AppError('INVALID_CODE', 'The structure type is not in the STRUCTURE_TYPE list', { field: 'type', list: STRUCTURE_TYPE_LIST });
      }
      // Known municipality, the province's ASL, coded gender and target, public contacts (issue 6).
      throwIfViolated(validateStructureProfile(candidate, clock()));

      try {
        const created = await dataSource.transaction(async (db) => {
          // who and the effective date of the registration in the history (seed 002 §a point d)
          await setChangeContext(db, principal.sub, clock());
          return insertStructure(db, { ...candidate, createdBy: principal.sub });
        });
        // Generated by the database from the municipality; the same rule here.
        created.province = provinceOf(created.municipality);
        return created;
      } catch (err) {
        const { code, constraint } = pgErrorInfo(err);
        if (code === PG.UNIQUE_VIOLATION && constraint === 'structure_pkey') {
          throw new AppError('DUPLICATE_STRUCTURE', 'A structure with this code is already registered', { field: 'code' });
        }
        if (code === PG.CHECK_VIOLATION && constraint !== undefined && CONSTRAINT_FIELDS[constraint]) {
          throw badInput(CONSTRAINT_FIELDS[constraint], 'The value is not accepted by the registry');
        }
        throw err;
      }
    },

    /** structure(code) and Structure references: the registry is public (docs/privacy.md §4 PUBLIC row, anonymous included). */
    byCode(loaders: AssoLoaders, code: string): Promise<StructureEntity | null> {
      return loaders.structureByCode.load(code);
    },

    /**
     * structures(filter, first, after): public. Filters on type, province,
     * municipality and name run in SQL; the status is derived from the acts
     * (rules/deriveStatus.ts), so with a status filter the candidates are read
     * in batches in code order, their acts loaded in one statement per batch,
     * and those with the requested status kept until the page is full.
     */
    async list(
      loaders: AssoLoaders,
      args: { filter?: StructureFilterInput | null; first?: number | null; after?: string | null },
    ): Promise<StructurePage> {
      const size = pageSize(args.first);
      const after = afterCode(args.after);
      const { sql, status } = normaliseFilter(args.filter ?? {});

      if (status === null) {
        const rows = await findStructurePage(dataSource.manager, sql, after, size + 1);
        return page(rows, size);
      }

      const today = clock();
      const matches: StructureEntity[] = [];
      let cursor = after;
      const batch = Math.max(STATUS_SCAN_BATCH, size + 1);
      while (matches.length <= size) {
        const candidates = await findStructurePage(dataSource.manager, sql, cursor, batch);
        if (candidates.length === 0) break;
        const acts = groupActs(await findActsByStructureCodes(dataSource.manager, candidates.map((s) => s.code)));
        for (const s of candidates) {
          const own = acts.get(s.code) ?? [];
          // The status resolvers of this request reuse what was read here.
          loaders.structureByCode.prime(s.code, s);
          loaders.actsByStructureCode.prime(s.code, own);
          if (deriveStatus(own, today) === status) matches.push(s);
        }
        if (candidates.length < batch) break;
        cursor = candidates[candidates.length - 1].code;
      }
      return page(matches, size);
    },

    /** Structure.status: the status today (Europe/Rome), derived from the acts (seed 002). */
    async status(loaders: AssoLoaders, structure: StructureEntity): Promise<StructureStatus> {
      return deriveStatus(await loaders.actsByStructureCode.load(structure.code), clock());
    },

    /** Structure.statusOn(date): the status on any date, past or future, from the acts in force then. */
    async statusOn(loaders: AssoLoaders, structure: StructureEntity, date: string): Promise<StructureStatus> {
      return deriveStatus(await loaders.actsByStructureCode.load(structure.code), date);
    },

    /** Structure.acts: PUBLIC, in the order they apply (validity start, date, recording order). */
    acts(loaders: AssoLoaders, structure: StructureEntity): Promise<ActEntity[]> {
      return loaders.actsByStructureCode.load(structure.code);
    },

    /**
     * Structure.inspections: REGISTRY (docs/privacy.md §4, REGISTRY row; see
     * rules/registryAccess.ts). Defence in depth behind the gateway's masking:
     * a caller who may not read them gets null; the loader's SQL applies the
     * same rule.
     */
    async inspections(principal: Principal, loaders: AssoLoaders, structure: StructureEntity): Promise<InspectionEntity[] | null> {
      if (!canReadRegistry(principal, structure)) return null;
      return loaders.inspectionsByStructureCode.load(structure.code);
    },

    /** Structure.municipalityName: PUBLIC, from the shipped ISTAT list; null for a code the list does not know (rows older than the check). */
    municipalityName(structure: StructureEntity): string | null {
      return findMunicipality(structure.municipality)?.name ?? null;
    },

    /** Structure.contactEmail: REGISTRY, same rule as the inspections (docs/privacy.md §4, REGISTRY row). */
    contactEmail(principal: Principal, structure: StructureEntity): string | null {
      return canReadRegistry(principal, structure) ? structure.contactEmail : null;
    },
  };
}

export type StructureService = ReturnType<typeof createStructureService>;

function page(rows: StructureEntity[], size: number): StructurePage {
  return toPage(rows, size, (s) => s.code, structureCursor);
}

function groupActs(acts: readonly ActEntity[]): Map<string, ActEntity[]> {
  const map = new Map<string, ActEntity[]>();
  for (const a of acts) {
    const list = map.get(a.structureCode);
    if (list) list.push(a);
    else map.set(a.structureCode, [a]);
  }
  return map;
}

/**
 * Blank filter values are absent; province and municipality must be ISTAT
 * codes (BAD_USER_INPUT otherwise). type, target and gender match exactly; a
 * code that is in no list simply matches nothing (a read, not an input to store).
 */
function normaliseFilter(filter: StructureFilterInput): { sql: StructureSqlFilter; status: StructureStatus | null } {
  const type = optionalText(filter.type);
  const province = optionalText(filter.province);
  const municipality = optionalText(filter.municipality);
  const target = optionalText(filter.target);
  const gender = optionalText(filter.gender);
  const name = optionalText(filter.name);
  if (province !== null && !ISTAT_PROVINCE.test(province)) throw badInput('province', 'The province must be a 3-digit ISTAT code');
  if (municipality !== null && !ISTAT_MUNICIPALITY.test(municipality)) throw badInput('municipality', 'The municipality must be a 6-digit ISTAT code');
  return {
    sql: {
      ...(type !== null ? { type } : {}),
      ...(province !== null ? { province } : {}),
      ...(municipality !== null ? { municipality } : {}),
      ...(target !== null ? { target } : {}),
      ...(gender !== null ? { gender } : {}),
      ...(name !== null ? { name } : {}),
    },
    status: filter.status ?? null,
  };
}
