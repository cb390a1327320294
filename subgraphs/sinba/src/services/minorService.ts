import { AppError, badInput, forbidden } from '@shared/errors';
import { PG, pgErrorInfo } from '@shared/db';
import type { Principal } from '@shared/auth';
import { pseudonymOf } from '@shared/privacy';
import type { EntityManager } from 'typeorm';
import type { MinorEntity, OtherIdentifierKind } from '../entities/Minor';
import { cursorCodec, pageSize, toPage } from '@shared/graphql';
import { isUuid, type SinbaLoaders } from '../loaders';
import { findMinorIdsHeldBy } from '../repositories/caseRepository';
import { findMinorIdByFiscalCode, findMinorIdByOtherIdentifier, findMinorsByIds, findMinorsHeldByService, findPersonsBornOn, insertMinor, lockMinorWithDates, lockPersonsBornOn, recordBirthRow } from '../repositories/minorRepository';
import { possibleDuplicate } from '../rules/possibleDuplicate';
import { UNBORN_NAME, UNKNOWN_MUNICIPALITY, stillUnborn } from '../rules/unborn';
import { birthDateNotInFuture, citizenshipIsIstatCode, fiscalCodeValid, municipalityIsIstatCode, namesPresent } from '../rules/minorRegistration';
import { normaliseFiscalCode, parseFiscalCode } from '@shared/rules';
import { validateMinorRegistration, type BirthPlaces } from '../rules/minorRegistration';
import { findMunicipality, isCadastralCode } from '@shared/codes';
import { throwIfViolated } from '@shared/errors';
import { requireAuthenticated, requireRole } from '@shared/auth';
import type { ServiceDeps } from './deps';

export interface RegisterMinorInput {
  readonly fiscalCode?: string | null;
  readonly firstName: string;
  readonly lastName: string;
  readonly birthDate: string;
  readonly sex: 'M' | 'F';
  readonly citizenship: string;
  readonly birthMunicipality?: string | null;
  readonly residenceMunicipality?: string | null;
  readonly unaccompanied?: boolean | null;
  readonly otherIdentifier?: { readonly kind: OtherIdentifierKind; readonly value: string; readonly issuingCountry?: string | null } | null;
  /** seed 001 "Anagrafica dei Minori (unica)": register although a same-person match exists. */
  readonly confirmNewPerson?: boolean | null;
}

export interface RegisterUnbornInput {
  readonly expectedBirthDate: string;
  readonly citizenship?: string | null;
}

export interface CompleteBirthInput {
  readonly minorId: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly birthDate: string;
  readonly sex: 'M' | 'F';
  readonly fiscalCode?: string | null;
  readonly birthMunicipality: string;
  readonly residenceMunicipality: string;
}

/** minorByFiscalCode: the duplicate check (see the SDL doc comment of MinorMatch). */
export interface MinorMatch {
  readonly minorId: string;
  readonly hasOpenCase: boolean | null;
}

export interface MinorPage {
  readonly nodes: MinorEntity[];
  readonly pageInfo: { readonly endCursor: string | null; readonly hasNextPage: boolean };
}

/** `caseHeldMinors`: at most this many ids per call (the gateway sends the minors of one response). */
export const MAX_RELATIONSHIP_IDS = 1000;

/** `minors(after)`: cursors carry the last minor id of the page (ids are random UUIDs, no personal data). */
const minorCursor = cursorCodec('minor:', isUuid, (id) => id.toLowerCase());

/** The municipality list as the birth-place rule needs it (issue 18 item 6). */
const BIRTH_PLACES: BirthPlaces = { cadastralCodeOf: (code) => findMunicipality(code)?.cadastralCode, isCadastralCode };

/** Blank optional strings count as absent. */
function optional(value: string | null | undefined): string | null {
  if (value == null) return null;
  const t = value.trim();
  return t === '' ? null : t;
}

export function createMinorService(deps: ServiceDeps) {
  const { dataSource, clock } = deps;

  return {
    /**
     * registerMinor: SOCIAL_WORKER or STRUCTURE_OPERATOR (docs/privacy.md §5).
     * A fiscal code already registered is DUPLICATE_MINOR with the existing
     * id (docs/conventions.md), also when two registrations race (unique index).
     */
    async register(principal: Principal, input: RegisterMinorInput): Promise<MinorEntity> {
      requireRole(principal, ['SOCIAL_WORKER', 'STRUCTURE_OPERATOR']);
      const fiscalCode = optional(input.fiscalCode);
      const candidate = {
        fiscalCode: fiscalCode === null ? null : normaliseFiscalCode(fiscalCode),
        firstName: input.firstName.trim(),
        lastName: input.lastName.trim(),
        birthDate: input.birthDate,
        sex: input.sex,
        citizenship: input.citizenship.trim(),
        birthMunicipality: optional(input.birthMunicipality),
        residenceMunicipality: optional(input.residenceMunicipality),
        otherIdentifier: input.otherIdentifier
          ? { kind: input.otherIdentifier.kind, value: input.otherIdentifier.value.replace(/\s+/g, '').toUpperCase(), issuingCountry: optional(input.otherIdentifier.issuingCountry) }
          : null,
      };
      throwIfViolated(validateMinorRegistration(candidate, clock(), BIRTH_PLACES));
      const other = candidate.otherIdentifier;
      const findOther = (db: EntityManager) => (other ? findMinorIdByOtherIdentifier(db, other.kind, other.value, other.issuingCountry) : Promise.resolve(null));

      try {
        return await dataSource.transaction(async (db) => {
          if (candidate.fiscalCode !== null) {
            const existing = await findMinorIdByFiscalCode(db, candidate.fiscalCode);
            if (existing) throw duplicateMinor(existing);
          }
          const sameDocument = await findOther(db);
          if (sameDocument) throw duplicateMinor(sameDocument, 'otherIdentifier.value');
          // seed 001 "Anagrafica dei Minori (unica)": without a fiscal code, the same normalised name, birth date and sex is a possible duplicate.
          let confirmedNewPerson = false;
          if (candidate.fiscalCode === null) {
            await lockPersonsBornOn(db, candidate.birthDate, candidate.sex);
            const sameDay = await findPersonsBornOn(db, candidate.birthDate, candidate.sex);
            throwIfViolated(possibleDuplicate(candidate, sameDay, input.confirmNewPerson === true));
            confirmedNewPerson = input.confirmNewPerson === true && possibleDuplicate(candidate, sameDay, false) !== null;
          }
          const { otherIdentifier: _other, ...identity } = candidate;
          return insertMinor(db, {
            ...identity,
            otherIdentifierKind: other?.kind ?? null,
            otherIdentifier: other?.value ?? null,
            otherIdentifierCountry: other?.issuingCountry ?? null,
            unaccompanied: input.unaccompanied ?? false,
            confirmedNewPerson,
            createdBy: principal.sub,
          });
        });
      } catch (err) {
        const { code, constraint } = pgErrorInfo(err);
        // Lost a race with a concurrent registration: report the winner's id.
        if (code === PG.UNIQUE_VIOLATION && constraint === 'minor_fiscal_code_key' && candidate.fiscalCode !== null) {
          const existing = await findMinorIdByFiscalCode(dataSource.manager, candidate.fiscalCode);
          if (existing) throw duplicateMinor(existing);
        }
        if (code === PG.UNIQUE_VIOLATION && constraint === 'minor_other_identifier_key') {
          const existing = await findOther(dataSource.manager);
          if (existing) throw duplicateMinor(existing, 'otherIdentifier.value');
        }
        throw err;
      }
    },

    /**
     * registerUnborn: SOCIAL_WORKER or STRUCTURE_OPERATOR, as registerMinor.
     * seed 003 §3.2.1: NOME = COGNOME = NASCITURO; birth date, sex and fiscal
     * code left empty; municipalities 999999 until birth.
     */
    async registerUnborn(principal: Principal, input: RegisterUnbornInput): Promise<MinorEntity> {
      requireRole(principal, ['SOCIAL_WORKER', 'STRUCTURE_OPERATOR']);
      const citizenship = optional(input.citizenship);
      if (citizenship !== null) throwIfViolated(citizenshipIsIstatCode(citizenship));
      return dataSource.transaction((db) =>
        insertMinor(db, {
          fiscalCode: null,
          firstName: UNBORN_NAME,
          lastName: UNBORN_NAME,
          birthDate: null,
          sex: null,
          citizenship,
          birthMunicipality: UNKNOWN_MUNICIPALITY,
          residenceMunicipality: UNKNOWN_MUNICIPALITY,
          unaccompanied: false,
          unborn: true,
          expectedBirthDate: input.expectedBirthDate,
          createdBy: principal.sub,
        }),
      );
    },

    /**
     * completeBirth: the SOCIAL_WORKER of a service holding a case open today
     * for the minor (CASE_HOLDER, docs/privacy.md §3, §5). seed 003 §3.2.1: the
     * anagrafica is completed at birth; afterwards the minor is an ordinary
     * minor. Same fiscal-code rules and DUPLICATE_MINOR as registerMinor.
     */
    async completeBirth(principal: Principal, input: CompleteBirthInput): Promise<MinorEntity> {
      requireRole(principal, ['SOCIAL_WORKER']);
      if (!isUuid(input.minorId)) throw new AppError('NOT_FOUND', 'Minor not found', { field: 'minorId' });
      const fiscalCode = optional(input.fiscalCode);
      const birth = {
        firstName: input.firstName.trim(),
        lastName: input.lastName.trim(),
        birthDate: input.birthDate,
        sex: input.sex,
        fiscalCode: fiscalCode === null ? null : normaliseFiscalCode(fiscalCode),
        birthMunicipality: input.birthMunicipality.trim(),
        residenceMunicipality: input.residenceMunicipality.trim(),
      };
      throwIfViolated(
        namesPresent(birth),
        birthDateNotInFuture(birth.birthDate, clock()),
        municipalityIsIstatCode(birth.birthMunicipality, 'birthMunicipality'),
        municipalityIsIstatCode(birth.residenceMunicipality, 'residenceMunicipality'),
        fiscalCodeValid(birth),
      );
      const minorId = input.minorId.toLowerCase();
      try {
        await dataSource.transaction(async (db) => {
          const minor = await lockMinorWithDates(db, minorId);
          if (!minor) throw new AppError('NOT_FOUND', 'Minor not found', { field: 'minorId' });
          const held = await findMinorIdsHeldBy(db, [minorId], principal.serviceId, clock());
          if (held.length === 0) throw forbidden();
          throwIfViolated(stillUnborn(minor));
          if (birth.fiscalCode !== null) {
            const existing = await findMinorIdByFiscalCode(db, birth.fiscalCode);
            if (existing) throw duplicateMinor(existing);
          }
          await recordBirthRow(db, minorId, birth);
        });
      } catch (err) {
        const { code, constraint } = pgErrorInfo(err);
        if (code === PG.UNIQUE_VIOLATION && constraint === 'minor_fiscal_code_key' && birth.fiscalCode !== null) {
          const existing = await findMinorIdByFiscalCode(dataSource.manager, birth.fiscalCode);
          if (existing) throw duplicateMinor(existing);
        }
        throw err;
      }
      const [updated] = await findMinorsByIds(dataSource.manager, [minorId]);
      return updated;
    },

    /**
     * minorByFiscalCode: SOCIAL_WORKER or STRUCTURE_OPERATOR (the roles that
     * may register a minor, docs/privacy.md §5), FORBIDDEN otherwise. Answers the
     * same as registerMinor's DUPLICATE_MINOR (the id only) without writing.
     * hasOpenCase is CASE data: filled only for a caller whose service holds
     * the minor's case today (the CASE visibility every CASE row uses), null
     * for everyone else, so the lookup reveals nothing about care.
     */
    async byFiscalCode(principal: Principal, loaders: SinbaLoaders, rawFiscalCode: string): Promise<MinorMatch | null> {
      requireRole(principal, ['SOCIAL_WORKER', 'STRUCTURE_OPERATOR']);
      const fiscalCode = normaliseFiscalCode(rawFiscalCode);
      const parsed = parseFiscalCode(fiscalCode);
      if (!parsed.ok) throw badInput('fiscalCode', 'The fiscal code is not valid');
      const minorId = await findMinorIdByFiscalCode(dataSource.manager, fiscalCode);
      if (minorId === null) return null;
      const holds = await loaders.viewerHoldsCase.load(minorId);
      return { minorId, hasOpenCase: holds ? true : null };
    },

    /**
     * minor(id) and Minor references: any identified principal gets the row;
     * the gateway masks its fields by data class and relationship (docs/privacy.md
     * §4, §6). SERVICE principals (ASMI at admission) read it directly.
     */
    async byId(principal: Principal, loaders: SinbaLoaders, id: string): Promise<MinorEntity | null> {
      requireAuthenticated(principal);
      return loaders.minorById.load(id);
    },

    /**
     * minors(first, after): only minors in a relationship (docs/privacy.md §6),
     * filtered in SQL. A social worker lists the minors their service holds
     * a case for today (§3 CASE_HOLDER). Every other role gets an empty
     * connection: structure operators list their guests through
     * Structure.placements (ASMI), supervisors and analysts work on
     * pseudonymous aggregates.
     */
    async list(principal: Principal, first: number | null | undefined, after: string | null | undefined): Promise<MinorPage> {
      requireAuthenticated(principal);
      const size = pageSize(first);
      const afterId = minorCursor.after(after);
      if (principal.role !== 'SOCIAL_WORKER') return { nodes: [], pageInfo: { endCursor: null, hasNextPage: false } };

      const rows = await findMinorsHeldByService(dataSource.manager, { serviceId: principal.serviceId, today: clock(), afterId, limit: size + 1 });
      return toPage(rows, size, (m) => m.id, minorCursor);
    },

    /**
     * caseHeldMinors: the gateway's CASE_HOLDER lookup (docs/privacy.md §3), one
     * statement for all the minors of a response. Module-to-module only.
     */
    async heldMinors(principal: Principal, minorIds: readonly string[], serviceId: string, on: string): Promise<string[]> {
      requireAuthenticated(principal);
      if (principal.role !== 'SERVICE') throw forbidden();
      if (minorIds.length > MAX_RELATIONSHIP_IDS) throw badInput('minorIds', `At most ${MAX_RELATIONSHIP_IDS} ids per call`);
      const ids = [...new Set(minorIds.filter(isUuid).map((id) => id.toLowerCase()))];
      const held = new Set(await findMinorIdsHeldBy(dataSource.manager, ids, serviceId, on));
      // Answer with the ids as they were asked.
      return minorIds.filter((id) => held.has(id.toLowerCase()));
    },

    /** Minor.pseudonym (docs/privacy.md §8). */
    pseudonymOf(minorId: string): string {
      return pseudonymOf(minorId, deps.pseudonymKey);
    },
  };
}

export type MinorService = ReturnType<typeof createMinorService>;

function duplicateMinor(existingId: string, field = 'fiscalCode'): AppError {
  const what = field === 'fiscalCode' ? 'this fiscal code' : 'this identifier';
  return new AppError('DUPLICATE_MINOR', `A minor with ${what} is already registered`, { field, minorId: existingId });
}
