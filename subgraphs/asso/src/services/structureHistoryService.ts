import { isValidCode } from '@shared/codes';
import { findMunicipality } from '@shared/codes';
import { PG, pgErrorInfo } from '@shared/db';
import { AppError, badInput, forbidden, notFound } from '@shared/errors';
import { descriptionFits, selfCensusFieldsOnly } from '../rules/selfCensus';
import { throwIfViolated } from '@shared/errors';
import type { Principal } from '@shared/auth';
import { StructureEntity } from '../entities/Structure';
import type { AssoLoaders } from '../loaders';
import { findStructureTimeline, setChangeContext, type StructureChangeRow } from '../repositories/structureHistoryRepository';
import { deriveStatus, type ActKind, type StructureStatus } from '../rules/deriveStatus';
import { canReadHistory } from '../rules/historyAccess';
import { managingEntityTaxCodeValid } from '../rules/taxCode';
import { structureInForce, type StructureSnapshotFields } from '../rules/structureAsOf';
import { validateStructureRegistration } from '../rules/structureRegistration';
import { validateStructureDetails } from '../rules/structureProfile';
import { requireSupervisor, requireTerritory } from './access';
import type { ServiceDeps } from './deps';
import { optionalText } from './text';

export interface UpdateStructureInput {
  readonly code: string;
  readonly name?: string | null;
  readonly type?: string | null;
  readonly address?: string | null;
  readonly managingEntity?: string | null;
  readonly managingEntityTaxCode?: string | null;
  readonly capacity?: number | null;
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

const has = (input: object, key: string) => Object.prototype.hasOwnProperty.call(input, key) && (input as Record<string, unknown>)[key] !== undefined;

/** Registry history and as-of reads (seed 002 Allegato A §a point d). */
export function createStructureHistoryService(deps: ServiceDeps) {
  const { dataSource, clock } = deps;
  return {
    /**
     * updateStructure: SUPERVISOR in the structure's territory (docs/privacy.md
     * §5), the same validations as the registration on the resulting row.
     * Omitted fields keep their value; null clears an optional field. The
     * change takes effect on the module clock's today (recorded in
     * asso.structure_change.effective_date). One transaction.
     */
    async update(principal: Principal, input: UpdateStructureInput): Promise<StructureEntity> {
      const code = input.code.trim();
      // seed 001 "il censimento della propria struttura": the structure's own operator keeps its contacts, address and description.
      const selfCensus = principal.role === 'STRUCTURE_OPERATOR';
      if (selfCensus) {
        if (principal.structureCode !== code) throw forbidden('Only an operator of the structure can update its record');
        throwIfViolated(selfCensusFieldsOnly(input as unknown as Record<string, unknown>));
      } else requireSupervisor(principal);
      for (const required of ['name', 'type', 'capacity'] as const) {
        if (has(input, required) && input[required] === null) throw badInput(required, `The ${required} cannot be removed`);
      }
      try {
        return await dataSource.transaction(async (db) => {
          const repo = db.getRepository(StructureEntity);
          const current = await repo.createQueryBuilder('s').setLock('pessimistic_write').where('s.code = :code', { code }).getOne();
          if (!current) throw notFound('Structure', 'code');
          if (!selfCensus) requireTerritory(principal, current.province);
          const next = {
            name: has(input, 'name') ? String(input.name).trim() : current.name,
            type: has(input, 'type') ? String(input.type).trim() : current.type,
            address: has(input, 'address') ? optionalText(input.address) : current.address,
            managingEntity: has(input, 'managingEntity') ? optionalText(input.managingEntity) : current.managingEntity,
            managingEntityTaxCode: has(input, 'managingEntityTaxCode')
              ? (optionalText(input.managingEntityTaxCode)?.toUpperCase() ?? null)
              : current.managingEntityTaxCode,
            capacity: has(input, 'capacity') ? Number(input.capacity) : current.capacity,
            emergencyCapacity: has(input, 'emergencyCapacity') ? (input.emergencyCapacity ?? 0) : current.emergencyCapacity,
            minAge: has(input, 'minAge') ? (input.minAge ?? null) : current.minAge,
            maxAge: has(input, 'maxAge') ? (input.maxAge ?? null) : current.maxAge,
            contactEmail: has(input, 'contactEmail') ? optionalText(input.contactEmail) : current.contactEmail,
            healthAuthority: has(input, 'healthAuthority') ? optionalText(input.healthAuthority) : current.healthAuthority,
            gender: has(input, 'gender') ? optionalText(input.gender) : current.gender,
            target: has(input, 'target') ? optionalText(input.target) : current.target,
            phone: has(input, 'phone') ? optionalText(input.phone) : current.phone,
            publicEmail: has(input, 'publicEmail') ? optionalText(input.publicEmail) : current.publicEmail,
            description: has(input, 'description') ? optionalText(input.description) : current.description,
          };
          throwIfViolated(
            validateStructureRegistration({ ...next, code, municipality: current.municipality }),
            has(input, 'managingEntityTaxCode') ? managingEntityTaxCodeValid(next.managingEntityTaxCode) : null,
            descriptionFits(next.description),
          );
          if (has(input, 'type') && !isValidCode('STRUCTURE_TYPE', next.type, clock())) {
            throw new AppError('INVALID_CODE', 'The structure type is not in the STRUCTURE_TYPE list', { field: 'type', list: 'STRUCTURE_TYPE' });
          }
          // The fields given, as at registration (a stored code later retired from its list does not block other changes).
          const given = <K extends 'healthAuthority' | 'gender' | 'target' | 'phone' | 'publicEmail'>(k: K) => (has(input, k) ? next[k] : null);
          throwIfViolated(
            validateStructureDetails(
              { municipality: current.municipality, healthAuthority: given('healthAuthority'), gender: given('gender'), target: given('target'), phone: given('phone'), publicEmail: given('publicEmail') },
              clock(),
            ),
          );
          await setChangeContext(db, principal.sub, clock());
          await repo.update({ code }, next);
          return Object.assign(current, next);
        });
      } catch (err) {
        const { code: sqlState } = pgErrorInfo(err);
        if (sqlState === PG.CHECK_VIOLATION) throw badInput('input', 'The value is not accepted by the registry');
        throw err;
      }
    },

    /**
     * structureAsOf (public), seed 002 Allegato A §a point d: the registry
     * fields in force at the end of `date` (valid time) and the status the
     * acts in force then give, as `Structure.statusOn(date)` does. With
     * `recordedOn`, the same question asked of the registry as it was
     * recorded at the end of that day (transaction time, for audit: what the
     * registry said then); without it, of everything recorded so far.
     */
    async asOf(
      code: string,
      date: string,
      recordedOn: string | null = null,
    ): Promise<(StructureSnapshotFields & { municipalityName: string | null; asOf: string; recordedOn: string | null; status: StructureStatus }) | null> {
      const timeline = await findStructureTimeline(dataSource.manager, code.trim(), recordedOn);
      const fields = structureInForce(timeline.changes, timeline.acts, date);
      if (!fields) return null;
      const acts = timeline.acts.map((a) => ({ ...a, kind: a.kind as ActKind }));
      return { ...fields, municipalityName: findMunicipality(fields.municipality)?.name ?? null, asOf: date, recordedOn, status: deriveStatus(acts, date) };
    },

    /** Structure.history (REGISTRY): null for callers who may not see it. */
    async history(principal: Principal, loaders: AssoLoaders, structure: StructureEntity): Promise<StructureChangeRow[] | null> {
      if (!canReadHistory(principal, structure)) return null;
      return loaders.changesByStructureCode.load(structure.code);
    },
  };
}
