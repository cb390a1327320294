import {
  Kind,
  TypeInfo,
  getNamedType,
  isObjectType,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionNode,
} from 'graphql';
import type { Role } from '@shared/auth';
import { READ_MATRIX, accessFor, minorPathDenied, type Access } from '@shared/privacy';
import type { Policy } from '../policy/policy';

/** Prefix of the hidden fields the gateway adds to find each object's minor and structure. */
export const HIDDEN_PREFIX = '_sirmi_';
export const HIDDEN = {
  minorId: `${HIDDEN_PREFIX}mid`,
  minor: `${HIDDEN_PREFIX}minor`,
  structure: `${HIDDEN_PREFIX}structure`,
  code: `${HIDDEN_PREFIX}code`,
  province: `${HIDDEN_PREFIX}province`,
  caseHolder: `${HIDDEN_PREFIX}ch`,
  hosting: `${HIDDEN_PREFIX}host`,
} as const;

/** The caller's own relationship to a minor, served with the minor by the module that knows it (no extra round trip). */
export const RELATIONSHIP_FIELD: Partial<Record<Role, { field: string; hidden: string }>> = {
  SOCIAL_WORKER: { field: 'viewerIsCaseHolder', hidden: HIDDEN.caseHolder },
  STRUCTURE_OPERATOR: { field: 'viewerHosts', hidden: HIDDEN.hosting },
};

const field = (name: string, alias?: string, selections?: SelectionNode[]): FieldNode => ({
  kind: Kind.FIELD,
  name: { kind: Kind.NAME, value: name },
  ...(alias ? { alias: { kind: Kind.NAME, value: alias } } : {}),
  ...(selections ? { selectionSet: { kind: Kind.SELECTION_SET, selections } } : {}),
});

/**
 * Fields whose objects always belong to the parent's minor, or to the
 * parent structure (a minor's own cases, interventions and placements; a
 * structure's placements): the anchor would only repeat the parent's, so a
 * query does not ask it, and the masking takes the parent's (mask.ts reads
 * this same table). Only where the module's resolver reads by the parent's
 * key (casesByMinorId, interventionsByMinorId, placementsByMinorId,
 * placementsByStructureCode); a field that may hold another minor's objects
 * (Minor.sharedInterventions) is not here. Mutations keep every anchor.
 */
export type InheritedAnchor = { readonly minor?: true; readonly structure?: true };
export const INHERITED_ANCHORS: Readonly<Record<string, InheritedAnchor>> = {
  'Minor.cases': { minor: true },
  'Minor.interventions': { minor: true },
  'Minor.placements': { minor: true },
  'Structure.placements': { structure: true },
};

/** The anchor a field's objects take from their parent (INHERITED_ANCHORS), if any. */
export function inheritedAnchorOf(parentType: string, fieldName: string): InheritedAnchor | undefined {
  return INHERITED_ANCHORS[`${parentType}.${fieldName}`];
}

/** Roles whose reads depend on relationships or whose reads are audited need the anchors. */
export function needsAnchors(role: Role): boolean {
  return role === 'SOCIAL_WORKER' || role === 'STRUCTURE_OPERATOR' || role === 'SUPERVISOR';
}

/** Accesses decided on the object's structure (its code, or its province for a territory). */
const STRUCTURE_RULES: ReadonlySet<Access> = new Set<Access>(['OWN_STRUCTURE', 'HOSTING_OWN_STRUCTURE', 'IN_TERRITORY']);

/** Whether any rule of the role's row of the matrix looks at an object's structure (STRUCTURE_OPERATOR, SUPERVISOR). */
export function decidesOnStructure(role: Role): boolean {
  return Object.values(READ_MATRIX[role]).some((a) => STRUCTURE_RULES.has(a));
}

/**
 * Hidden selections that tell the gateway which minor and which structure an
 * object belongs to, so relationship rules can be evaluated per object
 * (minor id, structure code, and the province for supervisors' territory).
 * The structure anchors only when the role has a rule that reads them, or
 * the document has a mutation: in a mutation's answer an object without any
 * anchor counts as the caller's receipt (mask.ts), so there every anchor stays.
 */
function anchorsFor(type: GraphQLObjectType, role: Role, withStructure: boolean, inherited: InheritedAnchor = {}): FieldNode[] {
  const fields = type.getFields();
  const anchors: FieldNode[] = [];
  const relationship = RELATIONSHIP_FIELD[role];
  if (type.name === 'Minor') {
    anchors.push(field('id', HIDDEN.minorId));
    if (relationship && fields[relationship.field]) anchors.push(field(relationship.field, relationship.hidden));
  } else if (inherited.minor) {
    // The parent minor's anchor stands for it.
  } else if (fields.minor && getNamedType(fields.minor.type).name === 'Minor') {
    // Only the id: asking the relationship here could add a fetch to another
    // subgraph; minors that never appear as Minor objects are looked up in one batch.
    anchors.push(field('minor', HIDDEN.minor, [field('id')]));
  }
  if (!withStructure) return anchors;
  if (type.name === 'Structure') {
    anchors.push(field('code', HIDDEN.code));
    if (role === 'SUPERVISOR' && fields.province) anchors.push(field('province', HIDDEN.province));
  } else if (inherited.structure) {
    // The parent structure's anchor stands for it.
  } else if (fields.structure && getNamedType(fields.structure.type).name === 'Structure') {
    const sub = [field('code')];
    const structureType = getNamedType(fields.structure.type) as GraphQLObjectType;
    if (role === 'SUPERVISOR' && structureType.getFields().province) sub.push(field('province'));
    anchors.push(field('structure', HIDDEN.structure, sub));
  }
  return anchors;
}

export class HiddenAliasError extends Error {}

/**
 * Layer 1 of docs/privacy.md §6: fields whose class the role can never read are
 * not fetched. Each is replaced by `<responseKey>: __typename` (so @skip and
 * @include still decide whether it appears) and nulled with an error after
 * execution. Anchors are added for relationship rules. The result depends
 * only on the role (and the privacy mode), which is part of the plan cache key.
 */
export function rewriteOperation(document: DocumentNode, schema: GraphQLSchema, policy: Policy, role: Role, enforce: boolean): DocumentNode {
  const typeInfo = new TypeInfo(schema);
  const anchors = needsAnchors(role);
  const hasMutation = document.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION && d.operation !== 'query');
  const withStructure = decidesOnStructure(role) || hasMutation;
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field: {
        enter(node) {
          if (node.alias?.value.startsWith(HIDDEN_PREFIX)) throw new HiddenAliasError(`Aliases starting with "${HIDDEN_PREFIX}" are reserved`);
          const parent = typeInfo.getParentType();
          if (!enforce || !parent || node.name.value.startsWith('__')) return undefined;
          const dataClass = policy.classOf(parent.name, node.name.value);
          // A mutation a pseudonymous role may not run still reaches its module, which refuses it (FORBIDDEN, audited).
          const minorPath = parent !== schema.getMutationType() && minorPathDenied(role, node.name.value, getNamedType(typeInfo.getType())?.name ?? '');
          if (!minorPath && (!dataClass || accessFor(role, dataClass) !== 'never')) return undefined;
          return { ...field('__typename', (node.alias ?? node.name).value), directives: node.directives };
        },
        leave(node) {
          if (!anchors || !node.selectionSet) return undefined;
          const type = getNamedType(typeInfo.getType());
          if (!isObjectType(type)) return undefined;
          const parent = typeInfo.getParentType();
          const inherited = !hasMutation && parent ? inheritedAnchorOf(parent.name, node.name.value) : undefined;
          const extra = anchorsFor(type, role, withStructure, inherited);
          if (extra.length === 0) return undefined;
          return { ...node, selectionSet: { ...node.selectionSet, selections: [...node.selectionSet.selections, ...extra] } };
        },
      },
    }),
  );
}
