import { JobSeekerPhase, OrganizationKind, ProtectedAddress, Role, ServiceLevel } from '@ips/db';
import { builder } from '../builder.js';

export const JobSeekerPhaseEnum = builder.enumType(JobSeekerPhase, { name: 'JobSeekerPhase' });
export const ProtectedAddressEnum = builder.enumType(ProtectedAddress, { name: 'ProtectedAddress' });
export const RoleEnum = builder.enumType(Role, { name: 'Role' });
export const OrganizationKindEnum = builder.enumType(OrganizationKind, { name: 'OrganizationKind' });
export const ServiceLevelEnum = builder.enumType(ServiceLevel, { name: 'ServiceLevel' });
