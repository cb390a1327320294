export * from './scalars';
export * from './loadSchema';
export * from './subgraphServer';
export * from './serviceClient';
export { checkInputValue, inputFieldName, limitOf, stringProblem } from './inputSanitiser';
export { cursorCodec, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, pageSize, toPage } from './pagination';
export type { CursorCodec } from './pagination';
export { runModuleProcess, startModule } from './startModule';
export type { ModuleDefinition, ModuleOptions } from './startModule';
