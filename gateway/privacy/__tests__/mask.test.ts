import { buildSchema, parse } from 'graphql';
import { buildPolicy } from '../../policy/policy';
import { collectMinors, maskResponse } from '../mask';
import { rewriteOperation, HIDDEN } from '../rewrite';
import type { Principal } from '@shared/auth';

const SDL = `
directive @dataClass(class: DataClass!) on FIELD_DEFINITION
enum DataClass { IDENTITY DEMOGRAPHIC CASE HEALTH ABUSE JUDICIAL PLACEMENT PSEUDONYM REGISTRY PUBLIC AUDIT }
type Query { minor(id: ID!): Minor structure(code: ID!): Structure }
type Minor { id: ID! firstName: String @dataClass(class: IDENTITY) pseudonym: String @dataClass(class: PSEUDONYM)
  healthNote: String @dataClass(class: HEALTH) cases: [Case!] @dataClass(class: CASE) placements: [Placement!] @dataClass(class: PLACEMENT) }
type Case { id: ID! minor: Minor! @dataClass(class: CASE) serviceId: String! @dataClass(class: CASE) }
type Placement { id: ID! minor: Minor! @dataClass(class: PLACEMENT) structure: Structure! @dataClass(class: PLACEMENT) admissionDate: String @dataClass(class: PLACEMENT) }
type Structure { code: ID! name: String! @dataClass(class: PUBLIC) province: String! @dataClass(class: PUBLIC) inspections: [String!] @dataClass(class: REGISTRY) placements: [Placement!] @dataClass(class: PLACEMENT) }
`;
const schema = buildSchema(SDL);
const policy = buildPolicy(SDL);

const facts = (held: string[] = [], hosted: string[] = [], extra: { structureCode?: string; territory?: string[] } = {}) => ({
  isCaseHolder: (id: string) => held.includes(id),
  isHosting: (id: string) => hosted.includes(id),
  ...extra,
});

function run(principal: Principal, query: string, data: Record<string, any>, f = facts()) {
  const document = parse(query);
  return maskResponse({ data, document, operationName: undefined, schema, policy, principal, facts: f, enforce: true });
}

const SW: Principal = { role: 'SOCIAL_WORKER', sub: 'sw', serviceId: 'S1' };
const SO: Principal = { role: 'STRUCTURE_OPERATOR', sub: 'so', structureCode: 'C1' };

describe('rewriteOperation (layer 1: never-readable fields are not fetched)', () => {
  it('replaces a class the role can never read by __typename under the same response key, and adds anchors', () => {
    const doc = rewriteOperation(parse('{ minor(id: "m") { nick: firstName healthNote cases { serviceId } } }'), schema, policy, 'STRUCTURE_OPERATOR', true);
    const printed = require('graphql').print(doc) as string;
    expect(printed).toContain('healthNote: __typename');
    expect(printed).toContain('cases: __typename');
    expect(printed).not.toContain('serviceId');
    expect(printed).toContain('nick: firstName');
    expect(printed).toContain(`${HIDDEN.minorId}: id`);
  });

  it('keeps the operation unchanged (but anchors) for a role that may read everything it asks', () => {
    const printed = require('graphql').print(rewriteOperation(parse('{ minor(id: "m") { healthNote } }'), schema, policy, 'SOCIAL_WORKER', true)) as string;
    expect(printed).toContain('healthNote\n');
  });

  it('adds the structure anchors only for a role whose rules read them, and to every document with a mutation', () => {
    const print = (q: string, role: Principal['role']) => require('graphql').print(rewriteOperation(parse(q), schema, policy, role, true)) as string;
    // A social worker's rules look only at the minor (CASE_HOLDER): minor anchors, no structure ones.
    const fromStructure = '{ structure(code: "C1") { placements { admissionDate structure { name } } } }';
    expect(print(fromStructure, 'SOCIAL_WORKER')).toContain(`${HIDDEN.minor}: minor`);
    expect(print(fromStructure, 'SOCIAL_WORKER')).not.toContain(HIDDEN.structure);
    expect(print(fromStructure, 'SOCIAL_WORKER')).not.toContain(HIDDEN.code);
    // A structure operator's (OWN_STRUCTURE, HOSTING_OWN_STRUCTURE) and a supervisor's (IN_TERRITORY) do.
    for (const role of ['STRUCTURE_OPERATOR', 'SUPERVISOR'] as const) expect(print(fromStructure, role)).toContain(`${HIDDEN.code}: code`);
    expect(print('{ minor(id: "m") { placements { admissionDate } } }', 'STRUCTURE_OPERATOR')).toContain(`${HIDDEN.structure}: structure`);
    // In a mutation's answer an object without anchors would count as a receipt: all anchors stay.
    const schemaWithMutation = buildSchema(`${SDL} type Mutation { move(id: ID!): Placement }`);
    const m = require('graphql').print(rewriteOperation(parse('mutation { move(id: "p") { structure { name } } }'), schemaWithMutation, buildPolicy(`${SDL} type Mutation { move(id: ID!): Placement @dataClass(class: PLACEMENT) }`), 'SOCIAL_WORKER', true)) as string;
    expect(m).toContain(`${HIDDEN.structure}: structure`);
  });

  it("does not ask the anchor a parent already gives (a minor's own placements, a structure's placements), except in a mutation", () => {
    const print = (q: string, role: Principal['role']) => require('graphql').print(rewriteOperation(parse(q), schema, policy, role, true)) as string;
    const ofMinor = print('{ minor(id: "m") { placements { admissionDate } } }', 'STRUCTURE_OPERATOR');
    expect(ofMinor).toContain(`${HIDDEN.minorId}: id`);
    expect(ofMinor).not.toContain(`${HIDDEN.minor}: minor`);
    expect(ofMinor).toContain(`${HIDDEN.structure}: structure`);
    const ofStructure = print('{ structure(code: "C1") { placements { admissionDate } } }', 'STRUCTURE_OPERATOR');
    expect(ofStructure).toContain(`${HIDDEN.code}: code`);
    expect(ofStructure).toContain(`${HIDDEN.minor}: minor`);
    expect(ofStructure).not.toContain(`${HIDDEN.structure}: structure`);
    const schemaWithMutation = buildSchema(`${SDL} type Mutation { touch(id: ID!): Minor }`);
    const policyWithMutation = buildPolicy(`${SDL} type Mutation { touch(id: ID!): Minor @dataClass(class: PUBLIC) }`);
    const m = require('graphql').print(rewriteOperation(parse('mutation { touch(id: "m") { placements { admissionDate } } }'), schemaWithMutation, policyWithMutation, 'STRUCTURE_OPERATOR', true)) as string;
    expect(m).toContain(`${HIDDEN.minor}: minor`);
  });

  it('refuses a client alias that collides with the hidden anchors', () => {
    expect(() => rewriteOperation(parse(`{ minor(id: "m") { ${HIDDEN.minorId}: id } }`), schema, policy, 'SOCIAL_WORKER', true)).toThrow(/reserved/);
  });
});

describe('maskResponse (layer 2: relationship rules per object)', () => {
  it('masks every alias and fragment of a denied field, one error per path', () => {
    const data = { minor: { [HIDDEN.minorId]: 'm1', a: 'Mario', b: 'Mario', pseudonym: 'P1' } };
    const r = run(SW, '{ minor(id: "m1") { a: firstName ...F pseudonym } } fragment F on Minor { b: firstName }', data);
    expect(data.minor).toEqual({ a: null, b: null, pseudonym: null });
    expect(r.denials.map((d) => d.path.join('.')).sort()).toEqual(['minor.a', 'minor.b', 'minor.pseudonym']);
    expect(r.denials.every((d) => d.minorId === 'm1')).toBe(true);
  });

  it('lets the case holder read, and records the classes for the audit', () => {
    const data = { minor: { [HIDDEN.minorId]: 'm1', firstName: 'Mario', cases: [{ [HIDDEN.minor]: { id: 'm1' }, serviceId: 'S1' }] } };
    const r = run(SW, '{ minor(id: "m1") { firstName cases { serviceId } } }', data, facts(['m1']));
    expect(data.minor).toEqual({ firstName: 'Mario', cases: [{ serviceId: 'S1' }] });
    expect(r.denials).toEqual([]);
    expect([...r.minors.get('m1')!.returned].sort()).toEqual(['CASE', 'IDENTITY']);
  });

  it('decides placements element by element and leaves out the others: a structure operator sees only its own structure and hosted minors (docs/privacy.md §6)', () => {
    const data = {
      structure: {
        [HIDDEN.code]: 'C1',
        name: 'Casa',
        placements: [
          { [HIDDEN.minor]: { id: 'm1' }, [HIDDEN.structure]: { code: 'C1' }, admissionDate: '2026-01-01', minor: { [HIDDEN.minorId]: 'm1', firstName: 'Anna' } },
          { [HIDDEN.minor]: { id: 'm2' }, [HIDDEN.structure]: { code: 'C1' }, admissionDate: '2026-02-01', minor: { [HIDDEN.minorId]: 'm2', firstName: 'Luca' } },
          { [HIDDEN.minor]: { id: 'm1' }, [HIDDEN.structure]: { code: 'C9' }, admissionDate: '2025-01-01', minor: { [HIDDEN.minorId]: 'm1', firstName: 'Anna' } },
        ],
      },
    };
    const r = run(SO, '{ structure(code: "C1") { name placements { admissionDate minor { firstName } } } }', data, facts([], ['m1'], { structureCode: 'C1' }));
    const p = data.structure.placements as any[];
    expect(p).toEqual([{ admissionDate: '2026-01-01', minor: { firstName: 'Anna' } }]);
    expect(r.denials).toEqual([]);
    expect(JSON.stringify(data)).not.toContain('Luca');
    expect([...r.minors.keys()]).toEqual(['m1']);
  });

  it("decides a structure's placements on the structure, and a minor's on the minor, when the rewrite left out the anchor the parent gives (INHERITED_ANCHORS)", () => {
    const own = { structure: { [HIDDEN.code]: 'C1', placements: [{ [HIDDEN.minor]: { id: 'm1' }, admissionDate: '2026-01-01' }, { [HIDDEN.minor]: { id: 'm2' }, admissionDate: '2026-02-01' }] } };
    const r1 = run(SO, '{ structure(code: "C1") { placements { admissionDate } } }', own, facts([], ['m1', 'm2'], { structureCode: 'C1' }));
    expect(own.structure.placements).toEqual([{ admissionDate: '2026-01-01' }, { admissionDate: '2026-02-01' }]);
    expect([...r1.minors.keys()].sort()).toEqual(['m1', 'm2']);
    // Another structure's placements: its code is the parent's, not the operator's.
    const other = { structure: { [HIDDEN.code]: 'C9', placements: [{ [HIDDEN.minor]: { id: 'm1' }, admissionDate: '2026-01-01' }] } };
    const r4 = run(SO, '{ structure(code: "C9") { placements { admissionDate } } }', other, facts([], ['m1'], { structureCode: 'C1' }));
    expect(other.structure.placements).toBeNull();
    expect(r4.denials.map((d) => d.path.join('.'))).toEqual(['structure.placements']);
    // A supervisor: the parent structure's province decides.
    const SUP: Principal = { role: 'SUPERVISOR', sub: 'sup', territory: ['058'] };
    const outside = { structure: { [HIDDEN.code]: 'C2', [HIDDEN.province]: '059', placements: [{ [HIDDEN.minor]: { id: 'm1' }, admissionDate: '2026-01-01' }] } };
    run(SUP, '{ structure(code: "C2") { placements { admissionDate } } }', outside, facts([], [], { territory: ['058'] }));
    expect(outside.structure.placements).toBeNull();
    const inside = { structure: { [HIDDEN.code]: 'C1', [HIDDEN.province]: '058', placements: [{ [HIDDEN.minor]: { id: 'm1' }, admissionDate: '2026-01-01' }] } };
    run(SUP, '{ structure(code: "C1") { placements { admissionDate } } }', inside, facts([], [], { territory: ['058'] }));
    expect(inside.structure.placements).toEqual([{ admissionDate: '2026-01-01' }]);
    // A social worker: a minor's own placements belong to that minor, case held or not.
    const held = { minor: { [HIDDEN.minorId]: 'm1', placements: [{ admissionDate: '2026-01-01' }] } };
    const r2 = run(SW, '{ minor(id: "m1") { placements { admissionDate } } }', held, facts(['m1']));
    expect(held.minor.placements).toEqual([{ admissionDate: '2026-01-01' }]);
    expect([...r2.minors.get('m1')!.returned]).toEqual(['PLACEMENT']);
    const notHeld = { minor: { [HIDDEN.minorId]: 'm2', placements: [{ admissionDate: '2026-01-01' }] } };
    const r3 = run(SW, '{ minor(id: "m2") { placements { admissionDate } } }', notHeld, facts(['m1']));
    expect(notHeld.minor.placements).toBeNull();
    expect(r3.minors.get('m2')?.returned.has('PLACEMENT') ?? false).toBe(false);
  });

  it('gives a supervisor placements in its territory only, and registry data of its territory; never a minor (docs/privacy.md §4)', () => {
    const SUP: Principal = { role: 'SUPERVISOR', sub: 'sup', territory: ['058'] };
    const data = {
      structure: {
        [HIDDEN.code]: 'C1',
        [HIDDEN.province]: '058',
        placements: [
          { [HIDDEN.minor]: { id: 'm1' }, [HIDDEN.structure]: { code: 'C1', province: '058' }, admissionDate: '2026-01-01', minor: '__typename', structure: { [HIDDEN.code]: 'C1', [HIDDEN.province]: '058', inspections: ['ok'] } },
          { [HIDDEN.minor]: { id: 'm2' }, [HIDDEN.structure]: { code: 'C2', province: '059' }, admissionDate: '2025-01-01', minor: '__typename', structure: { [HIDDEN.code]: 'C2', [HIDDEN.province]: '059', inspections: ['ko'] } },
        ],
      },
    };
    const r = run(SUP, '{ structure(code: "C1") { placements { admissionDate minor { id } structure { inspections } } } }', data, facts([], [], { territory: ['058'] }));
    expect(data.structure).toEqual({ placements: [{ admissionDate: '2026-01-01', minor: null, structure: { inspections: ['ok'] } }] });
    expect(r.denials.map((d) => `${d.path.join('.')}:${d.dataClass}`)).toEqual(['structure.placements.0.minor:PLACEMENT']);
    const root = { minor: '__typename' };
    const direct = run(SUP, '{ minor(id: "m1") { id firstName } }', root as any);
    expect(root).toEqual({ minor: null });
    expect(direct.denials.map((d) => `${d.path.join('.')}:${d.dataClass}`)).toEqual(['minor:IDENTITY']);
  });

  it('does not fetch a field leading to a minor for a supervisor or an analyst (docs/privacy.md §4)', () => {
    const sup = require('graphql').print(rewriteOperation(parse('{ structure(code: "C1") { placements { minor { id } admissionDate } } }'), schema, policy, 'SUPERVISOR', true)) as string;
    expect(sup).toContain('minor: __typename');
    const analyst = require('graphql').print(rewriteOperation(parse('{ minor(id: "m") { id pseudonym } }'), schema, policy, 'REGIONAL_ANALYST', true)) as string;
    expect(analyst).toContain('minor: __typename');
    const sw = require('graphql').print(rewriteOperation(parse('{ structure(code: "C1") { placements { minor { id } } } }'), schema, policy, 'SOCIAL_WORKER', true)) as string;
    expect(sw).not.toContain('minor: __typename');
  });

  it('collects every anchored minor id for one batched relationship lookup', () => {
    const minors = collectMinors({ a: { [HIDDEN.minorId]: 'm1', [HIDDEN.caseHolder]: true, x: [{ [HIDDEN.minor]: { id: 'm2' } }, { [HIDDEN.minor]: { id: 'm1' } }] } });
    expect([...minors.keys()].sort()).toEqual(['m1', 'm2']);
    expect(minors.get('m1')).toEqual({ caseHolder: true });
    expect(minors.get('m2')).toEqual({});
  });

  it('reports without masking in dry-run mode', () => {
    const data = { minor: { [HIDDEN.minorId]: 'm1', firstName: 'Mario' } };
    const r = maskResponse({ data, document: parse('{ minor(id: "m1") { firstName } }'), operationName: undefined, schema, policy, principal: SW, facts: facts(), enforce: false });
    expect(r.denials).toHaveLength(1);
    expect(data.minor).toEqual({ firstName: 'Mario' });
  });
});
