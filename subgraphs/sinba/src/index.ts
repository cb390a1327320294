import { runModuleProcess } from '@shared/graphql/startModule';
import { sinbaModule } from './server';

/** Standalone SINBA process (`npm run start:sinba`). */
runModuleProcess(sinbaModule);
