import { runModuleProcess } from '@shared/graphql/startModule';
import { assoModule } from './server';

/** Standalone ASSO process (`npm run start:asso`). */
runModuleProcess(assoModule);
