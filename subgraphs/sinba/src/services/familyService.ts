import type { Principal } from '@shared/auth';
import { requireRole } from '@shared/auth';
import { notFound } from '@shared/errors';
import { throwIfViolated } from '@shared/errors';
import { notAfterToday } from '@shared/rules';
import { FamilyMemberEntity } from '../entities/FamilyMember';
import { findForUpdate, insertRow, updateRow } from '../repositories/minorRecords';
import { codeValid } from '../rules/codedLists';
import { leftAfterJoining, nonBlank } from '../rules/familyUnit';
import type { ServiceDeps } from './deps';
import { minorOfRecord, writeAsCaseHolder } from './caseHolderWrite';

export interface AddFamilyMemberInput {
  readonly minorId: string;
  readonly relation: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly cohabiting: boolean;
  readonly parentalResponsibility?: boolean | null;
  readonly since?: string | null;
}

export interface UpdateFamilyMemberInput {
  readonly familyMemberId: string;
  readonly relation?: string | null;
  readonly firstName?: string | null;
  readonly lastName?: string | null;
  readonly cohabiting?: boolean | null;
  /** An explicit null clears it (unknown). */
  readonly parentalResponsibility?: boolean | null;
  readonly since?: string | null;
}

export interface RemoveFamilyMemberInput {
  readonly familyMemberId: string;
  /** The day the person left the unit (not after today). */
  readonly leftOn: string;
}

export function createFamilyService(deps: ServiceDeps) {
  const { dataSource, clock } = deps;

  /** Checks shared by add and update (seed 003 §3.3). */
  function checkMember(m: { relation: string; firstName: string; lastName: string; since: string | null; until: string | null }, today: string) {
    throwIfViolated(
      codeValid('SIGNIFICANT_PERSON_RELATION', m.relation, m.since ?? today, 'relation'),
      nonBlank(m.firstName, 'firstName'),
      nonBlank(m.lastName, 'lastName'),
      m.since === null ? null : notAfterToday(m.since, today, 'since'),
      leftAfterJoining(m.since, m.until, 'since'),
    );
  }

  return {
    /**
     * addFamilyMember (seed 003 §3.3): a member of the cohabiting family unit
     * (cohabiting true) or a non-cohabiting significant person (false).
     * Where the minor is in foster care or a community, the unit is the one
     * the minor lived with before the placement (§3.3): recorded as it is.
     */
    async add(principal: Principal, input: AddFamilyMemberInput): Promise<FamilyMemberEntity> {
      const member = {
        relation: input.relation,
        firstName: input.firstName.trim(),
        lastName: input.lastName.trim(),
        since: input.since ?? null,
        until: null,
      };
      requireRole(principal, ['SOCIAL_WORKER']);
      checkMember(member, clock());
      return writeAsCaseHolder(deps, principal, input.minorId, (db, minorId) =>
        insertRow(db, FamilyMemberEntity, {
          ...member,
          minorId,
          cohabiting: input.cohabiting,
          parentalResponsibility: input.parentalResponsibility ?? null,
          createdBy: principal.sub,
          updatedBy: principal.sub,
        }),
      );
    },

    /**
     * updateFamilyMember (seed 003 §3.3 "Per ogni cambio noto dell'assetto
     * di composizione del nucleo ... deve seguire l'aggiornamento"): fields
     * left out keep their value; a member who has left the unit is not
     * edited any more (BAD_USER_INPUT on familyMemberId).
     */
    async update(principal: Principal, input: UpdateFamilyMemberInput): Promise<FamilyMemberEntity> {
      requireRole(principal, ['SOCIAL_WORKER']);
      const minorId = await minorOfRecord(dataSource.manager, 'family_member', input.familyMemberId, 'Family member', 'familyMemberId');
      return writeAsCaseHolder(deps, principal, minorId, async (db, _m, today) => {
        const current = await findForUpdate(db, FamilyMemberEntity, input.familyMemberId);
        if (!current) throw notFound('Family member', 'familyMemberId');
        if (current.until !== null) throwIfViolated({ code: 'BAD_USER_INPUT', message: 'The member has left the family unit', field: 'familyMemberId' });
        const next = {
          relation: input.relation ?? current.relation,
          firstName: (input.firstName ?? current.firstName).trim(),
          lastName: (input.lastName ?? current.lastName).trim(),
          cohabiting: input.cohabiting ?? current.cohabiting,
          parentalResponsibility: input.parentalResponsibility !== undefined ? input.parentalResponsibility : current.parentalResponsibility,
          since: input.since !== undefined ? input.since : current.since,
          until: current.until,
        };
        checkMember(next, today);
        const { until: _until, ...values } = next;
        return updateRow(db, FamilyMemberEntity, current.id, { ...values, updatedAt: new Date(), updatedBy: principal.sub });
      });
    },

    /**
     * removeFamilyMember: the person left the unit on `leftOn` (seed 003
     * §3.3 asks to follow every change of the unit's composition, so the
     * row is kept with its end date, not deleted; Minor.familyMembers lists
     * current and former members, Minor.familyUnit only the current ones).
     */
    async remove(principal: Principal, input: RemoveFamilyMemberInput): Promise<FamilyMemberEntity> {
      requireRole(principal, ['SOCIAL_WORKER']);
      throwIfViolated(notAfterToday(input.leftOn, clock(), 'leftOn'));
      const minorId = await minorOfRecord(dataSource.manager, 'family_member', input.familyMemberId, 'Family member', 'familyMemberId');
      return writeAsCaseHolder(deps, principal, minorId, async (db) => {
        const current = await findForUpdate(db, FamilyMemberEntity, input.familyMemberId);
        if (!current) throw notFound('Family member', 'familyMemberId');
        if (current.until !== null) throwIfViolated({ code: 'BAD_USER_INPUT', message: 'The member has already left the family unit', field: 'familyMemberId' });
        throwIfViolated(leftAfterJoining(current.since, input.leftOn, 'leftOn'));
        return updateRow(db, FamilyMemberEntity, current.id, { until: input.leftOn, updatedAt: new Date(), updatedBy: principal.sub });
      });
    },
  };
}

export type FamilyService = ReturnType<typeof createFamilyService>;
