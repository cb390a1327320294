export * from './scalars';
export * from './loadSchema';
export * from './subgraphServer';
export * from './serviceClient';
