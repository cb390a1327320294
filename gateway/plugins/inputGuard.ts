import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  GraphQLScalarType,
  Kind,
  getNamedType,
  isInputObjectType,
  typeFromAST,
  type ASTNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { AppError } from '@shared/errors';
import { checkInputValue, inputFieldName, limitOf, stringProblem } from '@shared/graphql';
import { isIsoDate } from '@shared/graphql';

/**
 * Input hardening at the gateway, before any planning or subgraph call
 * (issue 16): the same rules as the subgraphs' sanitiser
 * (shared/graphql/inputSanitiser.ts) and Date scalar, so a bad value is one
 * BAD_USER_INPUT with `extensions.field`, never an upstream failure.
 */

/**
 * The supergraph's Date is a bare custom scalar at the gateway (any value
 * passes); this gives it the hub's strict parsing for variables. Literals are
 * checked by `strictInputLiteralsRule`, which knows the argument's name.
 */
export function useStrictDateScalar(schema: GraphQLSchema): void {
  const date = schema.getType('Date');
  if (!(date instanceof GraphQLScalarType)) return;
  const mutable = date as { -readonly [K in keyof GraphQLScalarType]: GraphQLScalarType[K] };
  mutable.parseValue = (value: unknown) => {
    if (typeof value !== 'string' || !isIsoDate(value)) throw new AppError('BAD_USER_INPUT', 'Invalid date: expected a real calendar date YYYY-MM-DD');
    return value;
  };
  mutable.parseLiteral = (ast) => (ast.kind === Kind.STRING ? ast.value : undefined);
}

/** Argument and object-field names from the argument down to the literal. */
function literalPath(ancestors: readonly (ASTNode | readonly ASTNode[])[]): string[] {
  const path: string[] = [];
  for (const a of ancestors) {
    if (Array.isArray(a)) continue;
    const node = a as ASTNode;
    if (node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD) path.push(node.name.value);
    if (node.kind === Kind.FIELD) path.length = 0; // only the innermost field's argument counts
  }
  return path;
}

/** Validation rule: string literals of type Date must be real dates; String and ID literals pass the sanitiser. */
export const strictInputLiteralsRule: ValidationRule = (context: ValidationContext) => ({
  StringValue(node, _key, parentNode, _path, ancestors) {
    const type = context.getInputType();
    if (!type) return;
    const named = getNamedType(type);
    const path = literalPath(parentNode ? [...ancestors, parentNode] : ancestors);
    const field = inputFieldName(path);
    if (named.name === 'Date') {
      if (!isIsoDate(node.value)) context.reportError(new AppError('BAD_USER_INPUT', `Invalid date for ${field}: expected a real calendar date YYYY-MM-DD`, { field }));
      return;
    }
    if (named.name !== 'String' && named.name !== 'ID') return;
    // A mutation's strings are checked by the subgraph's sanitiser, inside its write trail, so the refusal is audited with the minor it names (privacy rules §7).
    if (ancestors.some((a) => !Array.isArray(a) && (a as ASTNode).kind === Kind.OPERATION_DEFINITION && (a as { operation?: string }).operation === 'mutation')) return;
    const parent = context.getParentInputType();
    const argument = context.getArgument();
    const fieldDef = context.getFieldDef();
    const parentType = context.getParentType();
    const key = parent && isInputObjectType(getNamedType(parent)) ? `${getNamedType(parent).name}.${path[path.length - 1]}` : `${parentType?.name}.${fieldDef?.name}(${argument?.name})`;
    const problem = stringProblem(node.value, limitOf(key));
    if (problem) context.reportError(new AppError('BAD_USER_INPUT', `${field} ${problem}`, { field }));
  },
});

/** Plugin: a query's variables through the sanitiser, against their declared types, before any subgraph call. */
export function inputGuardPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request, schema }) {
          // A mutation's strings are checked by the subgraph's sanitiser, inside its write trail, so the refusal is audited (privacy rules §7).
          if (operation?.operation === 'mutation') return;
          const values = request.variables ?? {};
          for (const def of operation?.variableDefinitions ?? []) {
            const name = def.variable.name.value;
            const type = typeFromAST(schema, def.type as never) as GraphQLInputType | undefined;
            if (type && Object.prototype.hasOwnProperty.call(values, name)) checkInputValue(values[name], type, `$${name}`, [name]);
          }
        },
      };
    },
  };
}
