/**
 * Example operations per role for the development GraphQL IDE (/graphiql),
 * one tab each, with the command that gives the token for the role. They run
 * against `npm start`'s demo data (the social service S-RM-01, the structure
 * RM-C001, the province of Rome 058).
 */
export interface ExampleTab {
  readonly role: string;
  readonly command: string;
  readonly query: string;
  readonly variables?: string;
}

export const EXAMPLES: readonly ExampleTab[] = [
  {
    role: 'SOCIAL_WORKER',
    command: 'npm run -s token -- --role SOCIAL_WORKER --service S-RM-01',
    query: `query MyMinors {
  minors(first: 20) {
    nodes {
      id firstName lastName
      cases { serviceId startDate }
      placements { admissionDate kind structure { name status } }
    }
  }
}`,
  },
  {
    role: 'STRUCTURE_OPERATOR',
    command: 'npm run -s token -- --role STRUCTURE_OPERATOR --structure RM-C001',
    query: `query Structure {
  structure(code: "RM-C001") { code name status capacity occupancy }
}`,
  },
  {
    role: 'SUPERVISOR',
    command: 'npm run -s token -- --role SUPERVISOR --territory 058',
    query: `query Occupancy {
  structures(filter: { province: "058" }, first: 20) { nodes { code name type capacity status occupancy } }
}`,
  },
  {
    role: 'REGIONAL_ANALYST',
    command: 'npm run -s token -- --role REGIONAL_ANALYST',
    query: `query Stock {
  placementStock(on: "2024-12-31", groupBy: [SEX, AGE_BAND]) {
    dimensions rows { keys count suppressed } total minCellSize
  }
}`,
  },
  {
    role: 'ANONYMOUS (no token)',
    command: '',
    query: `query Codes {
  codes(list: "PLACEMENT_KIND") { code label }
}`,
  },
];

/** The query text of a tab: a comment naming the role and the token command, then the operation. */
export function tabQuery(e: ExampleTab): string {
  const how = e.command ? `# Token: ${e.command}\n# (paste it in the "Token" field above)\n` : '# Public data: clear the "Token" field\n';
  return `# As ${e.role}\n${how}${e.query}\n`;
}
