import { Kind, type DocumentNode, type OperationDefinitionNode, type ValueNode } from 'graphql';
import type { Principal } from '@shared/auth';
import { PROSECUTOR_LIST_CLASSES, type RelationshipFacts } from '@shared/privacy';
import { HIDDEN } from './rewrite';
import { inProsecutorListWindow } from '@shared/privacy';

/**
 * Purposes of docs/privacy.md §11: access that exists for one legal duty,
 * through one operation, for the period the duty lasts. The gateway decides
 * before execution whether an operation runs under a purpose (then signs it
 * into the internal tokens, so SINBA lets the identities through), and after
 * execution which minors it covers (those of the list's own rows).
 */
export interface ActivePurpose {
  readonly name: 'PROSECUTOR_LIST';
  /** Response key of the one root field the purpose covers. */
  readonly responseKey: string;
}

function valueOf(node: ValueNode | undefined, variables: Record<string, unknown> | undefined): unknown {
  if (!node) return undefined;
  if (node.kind === Kind.VARIABLE) return variables?.[node.name.value];
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.STRING) return node.value;
  return undefined;
}


/**
 * PROSECUTOR_LIST (L. 184/1983 art. 9): a STRUCTURE_OPERATOR's query whose
 * only root field is `prosecutorList` for its own structure, asked from the
 * half-year's first day until the end of the following half-year. Anything
 * else in the same operation would ride on the purpose, so an operation
 * with other root fields runs without it.
 */
export function purposeOf(document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | undefined, principal: Principal, today: string): ActivePurpose | undefined {
  if (principal.role !== 'STRUCTURE_OPERATOR') return undefined;
  const ops = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const op = operationName ? ops.find((o) => o.name?.value === operationName) : ops.length === 1 ? ops[0] : undefined;
  if (!op || op.operation !== 'query') return undefined;
  const fields = op.selectionSet.selections;
  const real = fields.filter((s) => !(s.kind === Kind.FIELD && s.name.value === '__typename'));
  if (real.length !== 1 || real[0].kind !== Kind.FIELD || real[0].name.value !== 'prosecutorList' || real[0].directives?.length) return undefined;
  const field = real[0];
  const arg = (name: string) => valueOf(field.arguments?.find((a) => a.name.value === name)?.value, variables);
  if (arg('structureCode') !== principal.structureCode) return undefined;
  if (!inProsecutorListWindow(Number(arg('year')), Number(arg('half')), today)) return undefined;
  return { name: 'PROSECUTOR_LIST', responseKey: (field.alias ?? field.name).value };
}

/** The minors of the list's rows (their hidden anchors), before masking. */
export function purposeMinors(data: Record<string, unknown>, purpose: ActivePurpose): Set<string> {
  const list = data[purpose.responseKey] as { rows?: unknown } | null | undefined;
  const out = new Set<string>();
  for (const row of Array.isArray(list?.rows) ? list.rows : []) {
    const anchor = (row as Record<string, unknown> | null)?.[HIDDEN.minor] as { id?: unknown } | undefined;
    if (typeof anchor?.id === 'string') out.add(anchor.id);
  }
  return out;
}

export function purposeFacts(purpose: ActivePurpose, minors: ReadonlySet<string>): NonNullable<RelationshipFacts['purpose']> {
  return { name: purpose.name, minors, classes: PROSECUTOR_LIST_CLASSES };
}
