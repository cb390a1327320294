import { SinbaFoundation1732400000000 } from './1732400000000-SinbaFoundation';

/** SINBA migrations in order (run by infra/db/migrate.ts with the admin connection). */
export const sinbaMigrations: Function[] = [SinbaFoundation1732400000000]; // eslint-disable-line @typescript-eslint/ban-types
