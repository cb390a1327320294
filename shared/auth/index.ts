export * from './principal';
export * from './claims';
export * from './verifyUserToken';
export * from './internalToken';
export { signDevToken } from './devToken';
export { requireAuthenticated, requireRole } from './requireRole';
