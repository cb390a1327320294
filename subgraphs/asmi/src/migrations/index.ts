import { AsmiFoundation1732600000000 } from './1732600000000-AsmiFoundation';
import { AsmiSameDayPlacements1732600000001 } from './1732600000001-AsmiSameDayPlacements';
import { AsmiAbsences1732600000002 } from './1732600000002-AsmiAbsences';
import { AsmiActivities1732600000003 } from './1732600000003-AsmiActivities';
import { AsmiEventReceipts1732600000004 } from './1732600000004-AsmiEventReceipts';
import { AsmiReportIndexes1733400000000 } from './1733400000000-AsmiReportIndexes';
import { AsmiPlacementRequests1733800000000 } from './1733800000000-AsmiPlacementRequests';
import { AsmiStoredQualityFlags1733810000000 } from './1733810000000-AsmiStoredQualityFlags';
import { AsmiCareObservations1733820000000 } from './1733820000000-AsmiCareObservations';
import { AsmiPlacementCorrections1733830000000 } from './1733830000000-AsmiPlacementCorrections';

export const asmiMigrations = [
  AsmiFoundation1732600000000,
  AsmiSameDayPlacements1732600000001,
  AsmiAbsences1732600000002,
  AsmiActivities1732600000003,
  AsmiEventReceipts1732600000004,
  AsmiReportIndexes1733400000000,
  AsmiPlacementRequests1733800000000,
  AsmiStoredQualityFlags1733810000000,
  AsmiCareObservations1733820000000,
  AsmiPlacementCorrections1733830000000,
];
