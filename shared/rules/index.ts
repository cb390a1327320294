/**
 * The public surface of shared/rules: what the gateway, the subgraphs and infra import
 * (through `@shared/rules`); anything not listed is internal to the folder
 * (docs/architecture.md "Code boundaries and lint").
 */
export { endNotBeforeStart, notAfterToday } from './dates';
export { fiscalCodeCheckCharacter, fiscalCodeMismatches, normaliseFiscalCode, parseFiscalCode } from './fiscalCode';
export type { FiscalCodeBirthData } from './fiscalCode';
export { elevenDigitCodeValid, personalFiscalCodeValid } from './taxCode';
