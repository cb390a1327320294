import { CaseEntity } from './Case';
import { HealthDataEntity } from './HealthData';
import { InterventionEntity } from './Intervention';
import { MinorEntity } from './Minor';
import { ReferralEntity } from './Referral';

export { CaseEntity, HealthDataEntity, InterventionEntity, MinorEntity, ReferralEntity };

/** Every SINBA entity (registered on the module's DataSource). */
export const sinbaEntities = [MinorEntity, CaseEntity, InterventionEntity, HealthDataEntity, ReferralEntity];
