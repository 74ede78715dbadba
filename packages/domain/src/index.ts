export * from './deadline-rules';
export * from './deadline-status';
export * from './identity-number';
export * from './journal-note';
export * from './measures';
export * from './organization-number';
export * from './staffing';
export * from './support-plan';
