import {
  getNullableType,
  isInputObjectType,
  isListType,
  isScalarType,
  type GraphQLFieldResolver,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { AppError } from '../errors/AppError';

/**
 * Length limits of string inputs (characters), one default and the fields
 * that need more; docs/input-limits.md lists them. Keys: `InputType.field`
 * for input-object fields, `Type.field(arg)` for arguments.
 */
export const DEFAULT_MAX_STRING_LENGTH = 200;
export const FREE_TEXT_MAX_LENGTH = 4000;
export const INPUT_STRING_LIMITS: Readonly<Record<string, number>> = Object.freeze({
  // Free text typed by operators (notes, findings, outcomes of assessments and co-planning meetings).
  'RecordAbsenceInput.notes': FREE_TEXT_MAX_LENGTH,
  'RecordActivityInput.notes': FREE_TEXT_MAX_LENGTH,
  'RecordInspectionInput.findings': FREE_TEXT_MAX_LENGTH,
  'RecordInspectionInput.prescriptions': FREE_TEXT_MAX_LENGTH,
  'RecordCourtOrderInput.effects': FREE_TEXT_MAX_LENGTH,
  'RecordCoPlanningInput.partners': FREE_TEXT_MAX_LENGTH,
  'RecordCoPlanningInput.outcome': FREE_TEXT_MAX_LENGTH,
  'UpdateCoPlanningInput.partners': FREE_TEXT_MAX_LENGTH,
  'UpdateCoPlanningInput.outcome': FREE_TEXT_MAX_LENGTH,
  'RecordAssessmentInput.outcome': FREE_TEXT_MAX_LENGTH,
  'UpdateAssessmentInput.outcome': FREE_TEXT_MAX_LENGTH,
  'AddInterventionInput.fosterCareSchedule': FREE_TEXT_MAX_LENGTH,
  'OpenCaseInput.coManagementReason': FREE_TEXT_MAX_LENGTH,
  // Placement requests: the service's note to the structure, the reasons of a withdrawal or a refusal.
  'RequestPlacementInput.note': FREE_TEXT_MAX_LENGTH,
  'WithdrawPlacementRequestInput.reason': FREE_TEXT_MAX_LENGTH,
  'DeclinePlacementRequestInput.reason': FREE_TEXT_MAX_LENGTH,
  // An act's PDF (at most 10 MiB) in base64: 4/3 of it, rounded up.
  'RecordActDocumentInput.contentBase64': 14_000_000,
});

/** A NUL byte (PostgreSQL cannot store it in text) or a UTF-16 surrogate without its pair (not a character). */
const NUL = /\u0000/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string input is refused, or null when it is acceptable. */
export function stringProblem(value: string, maxLength: number): string | null {
  if (NUL.test(value)) return 'contains a NUL character';
  if (LONE_SURROGATE.test(value)) return 'contains an invalid (unpaired surrogate) character';
  if (value.length > maxLength) return `is longer than ${maxLength} characters`;
  return null;
}

/** The field name the services use: the path inside a mutation's `input`, otherwise from the argument. */
function fieldName(path: readonly string[]): string {
  return path[0] === 'input' && path.length > 1 ? path.slice(1).join('.') : path.join('.');
}

/**
 * Throws BAD_USER_INPUT (with `extensions.field`) for the first string in
 * `value` (of GraphQL input type `type`, nested objects and lists included)
 * that `stringProblem` refuses. `limitKey` names the value for
 * INPUT_STRING_LIMITS, `path` its place from the argument or variable.
 */
export function checkInputValue(value: unknown, type: GraphQLInputType, limitKey: string, path: string[]): void {
  check(value, type, limitKey, path);
}

export function limitOf(limitKey: string): number {
  return INPUT_STRING_LIMITS[limitKey] ?? DEFAULT_MAX_STRING_LENGTH;
}

export function inputFieldName(path: readonly string[]): string {
  return fieldName(path);
}

function check(value: unknown, type: GraphQLInputType, limitKey: string, path: string[]): void {
  if (value === null || value === undefined) return;
  const t = getNullableType(type) as GraphQLInputType;
  if (isListType(t)) {
    if (Array.isArray(value)) value.forEach((v) => check(v, t.ofType, limitKey, path));
    return;
  }
  if (isInputObjectType(t)) {
    if (typeof value !== 'object') return;
    const fields = t.getFields();
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      const f = fields[key];
      if (f) check(v, f.type, `${t.name}.${key}`, [...path, key]);
    }
    return;
  }
  if (isScalarType(t) && (t.name === 'String' || t.name === 'ID') && typeof value === 'string') {
    const problem = stringProblem(value, INPUT_STRING_LIMITS[limitKey] ?? DEFAULT_MAX_STRING_LENGTH);
    if (problem) {
      const field = fieldName(path);
      throw new AppError('BAD_USER_INPUT', `${field} ${problem}`, { field });
    }
  }
}

/**
 * The shared input sanitiser of every subgraph (issue 16): before any
 * resolver runs, every String and ID in its arguments, literals and
 * variables alike, nested input objects and lists included, is refused as
 * BAD_USER_INPUT (with `extensions.field`) when it holds a NUL byte or an
 * unpaired surrogate, or exceeds its length limit. Nothing reaches a
 * service, so nothing is changed. Mutates and returns the schema.
 */
export function withInputSanitiser(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !('getFields' in type) || isInputObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const args = 'args' in field ? field.args : [];
      const checked = args.filter((a) => a.name !== 'representations');
      if (checked.length === 0) continue;
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? ((source, _args, _ctx, info) => (source as Record<string, unknown> | undefined)?.[info.fieldName]);
      const owner = type.name;
      field.resolve = (source, values, context, info) => {
        for (const arg of checked) check((values as Record<string, unknown>)[arg.name], arg.type, `${owner}.${field.name}(${arg.name})`, [arg.name]);
        return resolve(source, values, context, info);
      };
    }
  }
  return schema;
}
