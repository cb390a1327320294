import { Kind, parse, type DocumentNode, type FieldDefinitionNode, type ObjectTypeDefinitionNode, type ObjectTypeExtensionNode } from 'graphql';
import { isDataClass, type DataClass } from '@shared/privacy';

/**
 * The coordinate table `Type.field → data class`, read from the @dataClass
 * tags composed into the supergraph (docs/privacy.md §2: the tag lives in the SDL
 * where the field is defined, not in a list that can drift).
 */
export interface Policy {
  classOf(typeName: string, fieldName: string): DataClass | undefined;
  readonly coordinates: ReadonlyMap<string, DataClass>;
}

/** Types whose fields carry no data of their own (pagination wrappers, the federation machinery). */
const STRUCTURAL_TYPE = /^(Query|Mutation|Subscription|PageInfo|.*Connection|_Service|join__.*|link__.*)$/;
/** Federation keys: opaque ids, never masked (docs/privacy.md §2: Minor.id). */
const KEY_FIELDS = new Set(['id', 'code']);

export class UntaggedFieldError extends Error {
  constructor(readonly coordinates: readonly string[]) {
    super(`Fields without a @dataClass tag (docs/privacy.md §2): ${coordinates.join(', ')}. Tag each in the subgraph SDL that defines it.`);
    this.name = 'UntaggedFieldError';
  }
}

function dataClassOf(field: FieldDefinitionNode): DataClass | undefined {
  const directive = field.directives?.find((d) => d.name.value === 'dataClass');
  const arg = directive?.arguments?.find((a) => a.name.value === 'class');
  if (!arg || arg.value.kind !== Kind.ENUM) return undefined;
  return isDataClass(arg.value.value) ? arg.value.value : undefined;
}

function objectTypes(doc: DocumentNode): (ObjectTypeDefinitionNode | ObjectTypeExtensionNode)[] {
  return doc.definitions.filter(
    (d): d is ObjectTypeDefinitionNode | ObjectTypeExtensionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION,
  );
}

/** Every field that should carry a tag and does not (start-up and composition refuse such a schema). */
export function findUntaggedFields(sdl: string | DocumentNode): string[] {
  const doc = typeof sdl === 'string' ? parse(sdl) : sdl;
  const missing: string[] = [];
  for (const type of objectTypes(doc)) {
    if (STRUCTURAL_TYPE.test(type.name.value)) continue;
    for (const field of type.fields ?? []) {
      if (KEY_FIELDS.has(field.name.value)) continue;
      if (!dataClassOf(field)) missing.push(`${type.name.value}.${field.name.value}`);
    }
  }
  return missing;
}

export function buildPolicy(supergraphSdl: string): Policy {
  const doc = parse(supergraphSdl);
  const untagged = findUntaggedFields(doc);
  if (untagged.length > 0) throw new UntaggedFieldError(untagged);
  const coordinates = new Map<string, DataClass>();
  for (const type of objectTypes(doc)) {
    for (const field of type.fields ?? []) {
      const c = dataClassOf(field);
      if (c) coordinates.set(`${type.name.value}.${field.name.value}`, c);
    }
  }
  return {
    coordinates,
    classOf: (typeName, fieldName) => coordinates.get(`${typeName}.${fieldName}`),
  };
}
