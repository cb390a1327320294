import { runModuleProcess } from '@shared/graphql';
import { asmiModule } from './server';

/** Standalone ASMI process (`npm run start:asmi`). */
runModuleProcess(asmiModule);
