import {
  Kind,
  getNamedType,
  isAbstractType,
  isCompositeType,
  isObjectType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { Principal, Role } from '@shared/auth';
import type { DataClass } from '@shared/privacy';
import { accessFor, decide, minorPathDenied, type Access, type ObjectContext, type RelationshipFacts } from '@shared/privacy';
import type { Policy } from '../policy/policy';
import { HIDDEN, HIDDEN_PREFIX, inheritedAnchorOf, type InheritedAnchor } from './rewrite';

type Json = null | string | number | boolean | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface Denial {
  readonly path: (string | number)[];
  readonly dataClass: DataClass;
  readonly minorId?: string;
}

/** What the response held, per minor, for the audit trail (docs/privacy.md §7). */
export interface MinorAccess {
  returned: Set<DataClass>;
  denied: Set<DataClass>;
}

export interface MaskResult {
  readonly denials: Denial[];
  readonly minors: Map<string, MinorAccess>;
}

const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What a response says of the caller's relationship to each minor it holds (undefined: not said). */
export interface KnownRelationship {
  caseHolder?: boolean;
  hosting?: boolean;
}

/**
 * Minor ids anchored anywhere in a response, with the caller's relationship
 * to each when the response carries it (first pass, before masking).
 */
export function collectMinors(data: Json | undefined, out: Map<string, KnownRelationship> = new Map()): Map<string, KnownRelationship> {
  const note = (id: string, caseHolder: Json | undefined, hosting: Json | undefined) => {
    const known = out.get(id) ?? {};
    if (typeof caseHolder === 'boolean') known.caseHolder = caseHolder;
    if (typeof hosting === 'boolean') known.hosting = hosting;
    out.set(id, known);
  };
  if (Array.isArray(data)) for (const item of data) collectMinors(item, out);
  else if (isObject(data)) {
    const mid = data[HIDDEN.minorId];
    if (typeof mid === 'string') note(mid, data[HIDDEN.caseHolder], data[HIDDEN.hosting]);
    // for...in over the response's own plain objects (JSON): no array of entries per object.
    for (const key in data) {
      const value = data[key];
      if (key === HIDDEN.minor && isObject(value) && typeof value.id === 'string') note(value.id, value.viewerIsCaseHolder, value.viewerHosts);
      else if (key !== HIDDEN.minorId && typeof value === 'object' && value !== null) collectMinors(value, out);
    }
  }
  return out;
}

/**
 * The minor and structure an object of the response belongs to: its own
 * anchors, or, where the rewrite did not ask them because the field's
 * objects always belong to the parent's (INHERITED_ANCHORS), the parent's.
 */
function contextOf(type: GraphQLObjectType, obj: JsonObject, inherited: ObjectContext, inherits?: InheritedAnchor): ObjectContext {
  const mid = obj[HIDDEN.minorId];
  const minor = obj[HIDDEN.minor];
  const structure = obj[HIDDEN.structure];
  const code = obj[HIDDEN.code];
  const province = obj[HIDDEN.province];
  const anchoredMinor = typeof mid === 'string' ? mid : isObject(minor) && typeof minor.id === 'string' ? minor.id : undefined;
  const anchoredStructure = typeof code === 'string' ? code : isObject(structure) && typeof structure.code === 'string' ? structure.code : undefined;
  const anchoredProvince = typeof province === 'string' ? province : isObject(structure) && typeof structure.province === 'string' ? structure.province : undefined;
  // A minor, or a structure, starts a fresh context: a structure reached from
  // a placement is about the structure, not about that placement's minor.
  if (type.name === 'Minor') return { minorId: anchoredMinor };
  if (type.name === 'Structure') return { structureCode: anchoredStructure, province: anchoredProvince };
  // An object that belongs to a minor (case, placement...) carries its own
  // minor and, if it has one, its own structure.
  if (HIDDEN.minor in obj) {
    if (inherits?.structure && anchoredStructure === undefined) return { minorId: anchoredMinor, structureCode: inherited.structureCode, province: inherited.province };
    return { minorId: anchoredMinor, structureCode: anchoredStructure, province: anchoredProvince };
  }
  // An object that only references a structure stays with the minor it hangs from.
  if (HIDDEN.structure in obj) return { minorId: inherited.minorId, structureCode: anchoredStructure, province: anchoredProvince };
  return inherited;
}

/** One field of a selection set, as the masking walks it for objects of one type: everything that depends only on the document and the role. */
interface FieldPlan {
  /** Response key (alias or name). */
  readonly key: string;
  readonly name: string;
  readonly dataClass: DataClass | undefined;
  /** The role's access to that class (undefined: untagged). */
  readonly access: Access | undefined;
  readonly namedType: GraphQLNamedType;
  /** The merged sub-selection of every node with this response key (one object per plan, so it is a stable cache key). */
  readonly sub: SelectionSetNode | undefined;
  /** docs/privacy.md §4: a field leading to a minor, for a pseudonymous role. */
  readonly minorPath: boolean;
  /** Its objects belong to this object's minor or structure (rewrite.ts INHERITED_ANCHORS). */
  readonly inherits: InheritedAnchor | undefined;
}

/**
 * What masking needs of an operation for one role, computed once per
 * (document, role, operation name) and kept with the document: the fields
 * of each selection set for each object type, merged by response key
 * (aliases, fragments), with their class, the role's access and the
 * sub-selection. The walk over a response then only looks up this plan
 * and decides the relationship rules on the objects' anchors, which is the
 * only part that depends on the response.
 */
class MaskPlan {
  readonly fragments = new Map<string, FragmentDefinitionNode>();
  readonly operation: OperationDefinitionNode | undefined;
  readonly root: GraphQLObjectType | null | undefined;
  private readonly fieldsBySelection = new Map<SelectionSetNode, Map<GraphQLObjectType, FieldPlan[]>>();

  constructor(
    readonly schema: GraphQLSchema,
    readonly policy: Policy,
    private readonly role: Role,
    document: DocumentNode,
    operationName: string | null | undefined,
  ) {
    let operation: OperationDefinitionNode | undefined;
    for (const def of document.definitions) {
      if (def.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(def.name.value, def);
      else if (def.kind === Kind.OPERATION_DEFINITION && (!operationName || def.name?.value === operationName)) operation ??= def;
    }
    this.operation = operation;
    this.root = !operation ? undefined : operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  }

  typeMatches(condition: string | undefined, type: GraphQLObjectType): boolean {
    if (!condition || condition === type.name) return true;
    const cond = this.schema.getType(condition);
    return !!cond && isAbstractType(cond) && this.schema.isSubType(cond, type);
  }

  /** Fields of a selection set for an object of `type`, merged by response key. */
  private collect(selectionSet: SelectionSetNode, type: GraphQLObjectType, out = new Map<string, FieldNode[]>(), seen = new Set<string>()): Map<string, FieldNode[]> {
    for (const sel of selectionSet.selections) {
      if (sel.kind === Kind.FIELD) {
        const key = (sel.alias ?? sel.name).value;
        const list = out.get(key);
        if (list) list.push(sel);
        else out.set(key, [sel]);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        if (this.typeMatches(sel.typeCondition?.name.value, type)) this.collect(sel.selectionSet, type, out, seen);
      } else if (!seen.has(sel.name.value)) {
        seen.add(sel.name.value);
        const frag = this.fragments.get(sel.name.value);
        if (frag && this.typeMatches(frag.typeCondition.name.value, type)) this.collect(frag.selectionSet, type, out, seen);
      }
    }
    return out;
  }

  fieldsOf(selectionSet: SelectionSetNode, type: GraphQLObjectType): FieldPlan[] {
    let byType = this.fieldsBySelection.get(selectionSet);
    if (!byType) this.fieldsBySelection.set(selectionSet, (byType = new Map()));
    let plan = byType.get(type);
    if (plan) return plan;
    plan = [];
    const defs = type.getFields();
    for (const [key, nodes] of this.collect(selectionSet, type)) {
      const name = nodes[0].name.value;
      if (name.startsWith('__')) continue;
      const def = defs[name];
      if (!def) continue;
      const dataClass = this.policy.classOf(type.name, name);
      const namedType = getNamedType(def.type);
      const sets = nodes.map((n) => n.selectionSet).filter((x): x is SelectionSetNode => !!x);
      const sub: SelectionSetNode | undefined = sets.length === 0 ? undefined : sets.length === 1 ? sets[0] : { kind: Kind.SELECTION_SET, selections: sets.flatMap((x) => x.selections) };
      const inherits = this.operation?.operation === 'query' ? inheritedAnchorOf(type.name, name) : undefined;
      plan.push({ key, name, dataClass, access: dataClass ? accessFor(this.role, dataClass) : undefined, namedType, sub, minorPath: minorPathDenied(this.role, name, namedType.name), inherits });
    }
    byType.set(type, plan);
    return plan;
  }
}

/**
 * Plans per document: kept as long as the document is (Apollo Server's
 * document store, a bounded LRU, holds the parsed documents), at most one
 * per role and operation name of the document.
 */
const maskPlans = new WeakMap<DocumentNode, Map<string, MaskPlan>>();

function maskPlanFor(document: DocumentNode, operationName: string | null | undefined, schema: GraphQLSchema, policy: Policy, role: Role): MaskPlan {
  let perDocument = maskPlans.get(document);
  if (!perDocument) maskPlans.set(document, (perDocument = new Map()));
  const key = `${role}|${operationName ?? ''}`;
  let plan = perDocument.get(key);
  if (!plan || plan.schema !== schema || plan.policy !== policy) perDocument.set(key, (plan = new MaskPlan(schema, policy, role, document, operationName)));
  return plan;
}

/** A response path, built only when a denial needs it. */
interface PathLink {
  readonly prev: PathLink | undefined;
  readonly key: string | number;
}
function pathOf(link: PathLink | undefined): (string | number)[] {
  const out: (string | number)[] = [];
  for (let l = link; l; l = l.prev) out.push(l.key);
  return out.reverse();
}

/**
 * Layer 2 of docs/privacy.md §6: walk the response along the client's own
 * operation (aliases, fragments, nested lists, entities), decide each tagged
 * field for the object it belongs to, null what is denied with one error per
 * path, and strip the hidden anchors. In dry-run mode, denials are reported
 * but nothing is masked.
 */
export function maskResponse(args: {
  data: JsonObject;
  document: DocumentNode;
  operationName: string | null | undefined;
  schema: GraphQLSchema;
  policy: Policy;
  principal: Principal;
  facts: RelationshipFacts;
  enforce: boolean;
}): MaskResult {
  const { schema, principal, facts, enforce } = args;
  const plan = maskPlanFor(args.document, args.operationName, schema, args.policy, principal.role);
  const denials: Denial[] = [];
  const minors = new Map<string, MinorAccess>();
  const { operation, root } = plan;
  if (!operation || !root) return { denials, minors };
  const isMutation = operation.operation === 'mutation';
  /**
   * docs/privacy.md §6: what a principal gets back about its own operation is
   * not masked. In a mutation's answer, an object that carries neither a minor
   * nor a structure (an event batch's per-event results, a receipt) belongs
   * to the operation the module has just accepted from this principal, so a
   * rule that has no anchor to decide on lets it through. Objects with a
   * minor or a structure are decided on it, as in any answer.
   */
  const isReceipt = (ctx: ObjectContext) => isMutation && ctx.minorId === undefined && ctx.structureCode === undefined && ctx.province === undefined;

  /** The object type of a list element or a value (abstract types through __typename). */
  const objectTypeOf = (value: JsonObject, namedType: GraphQLNamedType): GraphQLObjectType | undefined => {
    if (isObjectType(namedType)) return namedType;
    if (isAbstractType(namedType) && typeof value.__typename === 'string') {
      const t = schema.getType(value.__typename);
      if (isObjectType(t)) return t;
    }
    return undefined;
  };

  const record = (minorId: string | undefined, dataClass: DataClass, kind: 'returned' | 'denied') => {
    if (!minorId) return;
    let entry = minors.get(minorId);
    if (!entry) minors.set(minorId, (entry = { returned: new Set(), denied: new Set() }));
    entry[kind].add(dataClass);
  };

  const walkValue = (value: Json, selection: SelectionSetNode, namedType: GraphQLNamedType, path: PathLink, ctx: ObjectContext, inherits: FieldPlan['inherits']) => {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) walkValue(value[i], selection, namedType, { prev: path, key: i }, ctx, inherits);
      return;
    }
    if (!isObject(value)) return;
    const type = objectTypeOf(value, namedType);
    if (!type) return;
    walkObject(value, selection, type, path, contextOf(type, value, ctx, inherits));
  };

  const walkObject = (obj: JsonObject, selection: SelectionSetNode, type: GraphQLObjectType, path: PathLink | undefined, ctx: ObjectContext) => {
    for (const f of plan.fieldsOf(selection, type)) {
      const { key, dataClass, namedType, sub } = f;
      if (!(key in obj)) continue; // skipped by @skip/@include, or null-propagated
      const here: PathLink = { prev: path, key };
      if (f.minorPath && !(type === root && isMutation && obj[key] === null)) {
        // docs/privacy.md §4: no Minor object and no minor id for pseudonymous roles (not fetched: see rewrite.ts).
        denials.push({ path: pathOf(here), dataClass: dataClass ?? 'IDENTITY' });
        if (enforce) {
          obj[key] = null;
          continue;
        }
      } else if (dataClass) {
        let decision = decide(f.access!, ctx, facts, dataClass);
        if (decision === 'defer' && !(isCompositeType(namedType) && sub)) decision = isReceipt(ctx) ? 'allow' : 'deny';
        if (decision === 'deny') {
          denials.push({ path: pathOf(here), dataClass, minorId: ctx.minorId });
          record(ctx.minorId, dataClass, 'denied');
          if (enforce) {
            obj[key] = null;
            continue;
          }
        } else if (decision === 'allow' && obj[key] !== null) {
          record(ctx.minorId, dataClass, 'returned');
        }
      }
      if (dataClass && sub && Array.isArray(obj[key])) obj[key] = filterElements(obj[key] as Json[], dataClass, f.access!, namedType, here, ctx, f.inherits);
      const value = obj[key];
      if (sub && value !== null && value !== undefined) walkValue(value, sub, namedType, here, ctx, f.inherits);
    }
  };

  /**
   * docs/privacy.md §6: a nested list (Structure.placements, Minor.placements,
   * ...) leaves out the elements the principal may not read, rather than
   * returning them as objects of nulls: the list field's own class is decided
   * for each element, on the minor and structure the element belongs to.
   * Minors are not filtered here: a Minor element is decided field by field
   * (its id is never masked). Dry run: reported, kept.
   */
  const filterElements = (items: Json[], dataClass: DataClass, access: Access, namedType: GraphQLNamedType, path: PathLink, ctx: ObjectContext, inherits: FieldPlan['inherits']): Json[] => {
    if (access === 'always' || access === 'never') return items;
    const kept: Json[] = [];
    items.forEach((item, i) => {
      if (!isObject(item)) {
        kept.push(item);
        return;
      }
      const type = objectTypeOf(item, namedType);
      if (!type || type.name === 'Minor') {
        kept.push(item);
        return;
      }
      if (decide(access, contextOf(type, item, ctx, inherits), facts, dataClass) !== 'deny') kept.push(item);
      else if (!enforce) {
        denials.push({ path: pathOf({ prev: path, key: i }), dataClass });
        kept.push(item);
      }
    });
    return kept;
  };

  walkObject(args.data, operation.selectionSet, root, undefined, {});
  stripHidden(args.data);
  return { denials, minors };
}

/**
 * Remove the gateway's hidden anchors from a response, in place. The anchors
 * are the last fields of their selection sets, so they are the last keys of
 * each object: deleting them from the last key backwards keeps V8's fast
 * object layout (deleting a key that is not the last one turns the object
 * into a slow dictionary, which the response's serialisation then pays for).
 */
export function stripHidden(data: Json): void {
  if (Array.isArray(data)) {
    for (const item of data) if (typeof item === 'object' && item !== null) stripHidden(item);
  } else if (isObject(data)) {
    const keys = Object.keys(data);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i];
      if (key.startsWith(HIDDEN_PREFIX)) delete data[key];
      else {
        const value = data[key];
        if (typeof value === 'object' && value !== null) stripHidden(value);
      }
    }
  }
}
