/**
 * The use cases: the only code that takes the repository port. The app's components and the CLI
 * both call these, so they give the same answers. Domain folders never import from here.
 */
export * from './repository';
export * from './ports';
export * from './backups';
export * from './backup-retention';
export * from './bundle-apply';
export { auditHeadKey, chainEndingAt, chainRelation } from './audit-chain';
export type { ChainRelation } from './audit-chain';
export * from './import-workbook';
export * from './vault-store';
export * from './chain-commands';
export * from './chain-history';
export * from './list-store';
export * from './assess-project';
export * from './stored-assessment';
export * from './project-screening';
export * from './hit-decisions';
export * from './questionnaire-answers';
export * from './indicator-overrides';
export * from './attestations';
export * from './risk-weights';
export * from './screening-policy';
export * from './bundled-lists';
export * from './project-report';
export * from './project-exports';
