/** The domain model's public surface. */
export * from './enums';
export * from './ids';
export * from './schemas';
export * from './records';
export * from './snapshot';
export * from './hash';
export * from './audit';
export * from './snapshot-schema';
export * from './countries';
