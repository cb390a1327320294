import { runModuleProcess } from '@shared/graphql/startModule';
import { asmiModule } from './server';

/** Standalone ASMI process (`npm run start:asmi`). */
runModuleProcess(asmiModule);
