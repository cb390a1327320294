import { AsmiFoundation1732600000000 } from './1732600000000-AsmiFoundation';
import { AsmiSameDayPlacements1732600000001 } from './1732600000001-AsmiSameDayPlacements';

export const asmiMigrations = [AsmiFoundation1732600000000, AsmiSameDayPlacements1732600000001];
