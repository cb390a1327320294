import { SinbaFoundation1732400000000 } from './1732400000000-SinbaFoundation';
import { SinbaUnborn1732500000000 } from './1732500000000-SinbaUnborn';
import { SinbaReferral1732600000000 } from './1732600000000-SinbaReferral';

/** SINBA migrations in order (run by infra/db/migrate.ts with the admin connection). */
export const sinbaMigrations: Function[] = [SinbaFoundation1732400000000, SinbaUnborn1732500000000, SinbaReferral1732600000000]; // eslint-disable-line @typescript-eslint/ban-types
