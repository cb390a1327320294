export * from './principal';
export * from './claims';
export * from './verifyUserToken';
export * from './internalToken';
