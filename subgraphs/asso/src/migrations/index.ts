import { AssoFoundation1732500000000 } from './1732500000000-AssoFoundation';

/** ASSO migrations in order (run by infra/db/migrate.ts with the admin connection). */
export const assoMigrations: Function[] = [AssoFoundation1732500000000]; // eslint-disable-line @typescript-eslint/ban-types
