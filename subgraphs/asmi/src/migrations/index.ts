import { AsmiFoundation1732600000000 } from './1732600000000-AsmiFoundation';

export const asmiMigrations = [AsmiFoundation1732600000000];
