import { runModuleProcess } from '@shared/graphql';
import { sinbaModule } from './server';

/** Standalone SINBA process (`npm run start:sinba`). */
runModuleProcess(sinbaModule);
