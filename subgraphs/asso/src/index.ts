import { runModuleProcess } from '@shared/graphql';
import { assoModule } from './server';

/** Standalone ASSO process (`npm run start:asso`). */
runModuleProcess(assoModule);
