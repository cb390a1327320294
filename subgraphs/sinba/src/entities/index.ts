import { CaseEntity } from './Case';
import { HealthDataEntity } from './HealthData';
import { InterventionEntity } from './Intervention';
import { MinorEntity } from './Minor';
import { ReferralEntity } from './Referral';
import { AdditionalDataEntity } from './AdditionalData';
import { CoPlanningEntity } from './CoPlanning';
import { CourtOrderEntity } from './CourtOrder';
import { FamilyMemberEntity } from './FamilyMember';
import { FamilyProblemEntity, MinorProblemEntity } from './Problem';
import { ViolenceRecordEntity } from './ViolenceRecord';
import { AssessmentEntity } from './Assessment';

export { CaseEntity, HealthDataEntity, InterventionEntity, MinorEntity, ReferralEntity };
export { AssessmentEntity };
export { AdditionalDataEntity, CoPlanningEntity, CourtOrderEntity, FamilyMemberEntity, FamilyProblemEntity, MinorProblemEntity, ViolenceRecordEntity };

/** Every SINBA entity (registered on the module's DataSource). */
export const sinbaEntities = [MinorEntity, CaseEntity, InterventionEntity, HealthDataEntity, ReferralEntity,
  // seed 003 §3.3–§3.8, §3.11, court orders
  FamilyMemberEntity, AdditionalDataEntity, MinorProblemEntity, FamilyProblemEntity, CoPlanningEntity, ViolenceRecordEntity, CourtOrderEntity,
  // seed 003 §3.10
  AssessmentEntity];
