export * from './identity-number';
export * from './organization-number';
