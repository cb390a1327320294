import { AssoFoundation1732500000000 } from './1732500000000-AssoFoundation';
import { AssoActDocument1732600000000 } from './1732600000000-AssoActDocument';
import { AssoChangeEffectiveDate1732700000000 } from './1732700000000-AssoChangeEffectiveDate';
import { AssoInspectionFollowUp1732800000000 } from './1732800000000-AssoInspectionFollowUp';
import { AssoManagingEntityTaxCode1732900000000 } from './1732900000000-AssoManagingEntityTaxCode';
import { AssoStructureProfile1733000000000 } from './1733000000000-AssoStructureProfile';
import { AssoStructureDescription1734000000000 } from './1734000000000-AssoStructureDescription';

/** ASSO migrations in order (run by infra/db/migrate.ts with the admin connection). */
export const assoMigrations = [AssoFoundation1732500000000, AssoActDocument1732600000000, AssoChangeEffectiveDate1732700000000, AssoInspectionFollowUp1732800000000, AssoManagingEntityTaxCode1732900000000, AssoStructureProfile1733000000000, AssoStructureDescription1734000000000];
