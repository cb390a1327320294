import { ActEntity } from './Act';
import { InspectionEntity } from './Inspection';
import { StructureEntity } from './Structure';
import { StructureChangeEntity } from './StructureChange';

export { ActEntity, InspectionEntity, StructureEntity, StructureChangeEntity };

/** Every ASSO entity (registered on the module's DataSource). */
export const assoEntities = [StructureEntity, ActEntity, InspectionEntity, StructureChangeEntity];
