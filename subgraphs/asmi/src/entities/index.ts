import { PlacementEntity } from './Placement';

export { PlacementEntity };
export const asmiEntities = [PlacementEntity];
