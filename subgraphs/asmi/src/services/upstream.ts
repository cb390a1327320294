import type { ServiceClient } from '../../../../shared/graphql/serviceClient';

/** What ASMI needs to know of a structure to admit a minor (asked to ASSO at write time). */
export interface StructureFacts {
  code: string;
  type: string;
  province: string;
  capacity: number;
  emergencyCapacity: number;
  minAge: number | null;
  maxAge: number | null;
  statusOn: string;
}

/** The quasi-identifiers a structure must report (asked to SINBA; never names or fiscal codes, PRIVACY.md §9). */
export interface MinorFacts {
  id: string;
  birthDate: string | null;
  sex: string | null;
  citizenship: string | null;
  unaccompanied: boolean | null;
}

export interface Upstream {
  structure(code: string, date: string): Promise<StructureFacts | null>;
  minor(id: string): Promise<MinorFacts | null>;
  /** The registry's province of each structure, in key order (null: no such structure); one call for all codes. */
  provinces(codes: readonly string[]): Promise<(string | null)[]>;
}

export function createUpstream(clients: { asso: ServiceClient; sinba: ServiceClient }): Upstream {
  return {
    async structure(code, date) {
      const data = await clients.asso.query<{ structure: StructureFacts | null }>(
        'query AsmiStructure($code: ID!, $date: Date!) { structure(code: $code) { code type province capacity emergencyCapacity minAge maxAge statusOn(date: $date) } }',
        { code, date },
      );
      return data.structure;
    },
    async minor(id) {
      const data = await clients.sinba.query<{ minor: MinorFacts | null }>('query AsmiMinor($id: ID!) { minor(id: $id) { id birthDate sex citizenship unaccompanied } }', { id });
      return data.minor;
    },
    async provinces(codes) {
      const data = await clients.asso.query<{ _entities: ({ code: string; province: string } | null)[] }>(
        'query AsmiStructureProvinces($r: [_Any!]!) { _entities(representations: $r) { ... on Structure { code province } } }',
        { r: codes.map((code) => ({ __typename: 'Structure', code })) },
      );
      return data._entities.map((s) => s?.province ?? null);
    },
  };
}
