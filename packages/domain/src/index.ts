export * from './deadline-rules';
export * from './deadline-status';
export * from './identity-number';
export * from './organization-number';
export * from './support-plan';
