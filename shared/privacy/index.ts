/**
 * The public surface of shared/privacy: what the gateway, the subgraphs and infra import
 * (through `@shared/privacy`); anything not listed is internal to the folder
 * (docs/architecture.md "Code boundaries and lint").
 */
export { isDataClass } from './dataClasses';
export type { DataClass } from './dataClasses';
export { accessFor, decide, minorPathDenied, PROSECUTOR_LIST_CLASSES } from './matrix';
export type { ObjectContext, RelationshipFacts } from './matrix';
export { pseudonymOf } from './pseudonym';
export { inProsecutorListWindow } from './purposes';
export { guardFields } from './subgraphGuard';
export { READ_MATRIX } from './matrix';
export type { Access } from './matrix';
