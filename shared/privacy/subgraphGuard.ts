import { Kind, type DocumentNode, type FieldDefinitionNode } from 'graphql';
import { isDataClass, type DataClass } from './dataClasses';

type Resolver = (source: unknown, args: unknown, context: unknown, info: unknown) => unknown;
type ResolverMap = Record<string, Record<string, unknown> | unknown>;

/**
 * docs/privacy.md §9, defence in depth: a subgraph does not trust the gateway
 * blindly. `guardFields` wraps the resolvers of one type's tagged fields so
 * that each returns null unless `allow(context, object, dataClass)` says the
 * principal of the internal token may read that class of that object — on
 * every path, single lookups and `_entities` included. Non-null fields are
 * left alone (they carry no sensitive value: a null would only break the
 * response). The gateway still decides and masks as before; this is the
 * second lock on the same door.
 */
export function guardFields(
  resolvers: ResolverMap,
  typeDefs: DocumentNode,
  typeName: string,
  classes: ReadonlySet<DataClass>,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each module passes its own context and row types
  allow: (context: any, source: any, dataClass: DataClass, info: { operation: { operation: string } }) => boolean | Promise<boolean>,
): ResolverMap {
  const fields = new Map<string, DataClass>();
  for (const def of typeDefs.definitions) {
    if ((def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION) || def.name.value !== typeName) continue;
    for (const f of def.fields ?? []) {
      const dataClass = classOf(f);
      if (dataClass && classes.has(dataClass) && f.type.kind !== Kind.NON_NULL_TYPE) fields.set(f.name.value, dataClass);
    }
  }
  const own = { ...((resolvers[typeName] as Record<string, unknown> | undefined) ?? {}) };
  for (const [name, dataClass] of fields) {
    const inner = own[name] as Resolver | undefined;
    own[name] = async (source: unknown, args: unknown, context: unknown, info: { operation: { operation: string } }) => {
      if (!(await allow(context, source, dataClass, info))) return null;
      return inner ? inner(source, args, context, info) : (source as Record<string, unknown> | null | undefined)?.[name];
    };
  }
  return { ...resolvers, [typeName]: own };
}

function classOf(f: FieldDefinitionNode): DataClass | undefined {
  const d = f.directives?.find((x) => x.name.value === 'dataClass');
  const arg = d?.arguments?.find((a) => a.name.value === 'class');
  const value = arg?.value.kind === Kind.ENUM ? arg.value.value : undefined;
  return isDataClass(value) ? value : undefined;
}
