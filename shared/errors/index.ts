export * from './codes';
export * from './AppError';
export * from './formatError';
