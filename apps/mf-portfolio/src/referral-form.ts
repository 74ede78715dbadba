/**
 * The referral form's values and their checks before sending (`ReferralPage`): one state object
 * instead of a setter per field, the browser's own checks in the words the API's answer would get,
 * and the input the API takes (a protected address is never sent).
 */
import { osloToday, rawId } from '@ips/ui';
import { useState } from 'react';

export const PROTECTION = ['NONE', 'CONFIDENTIAL', 'STRICTLY_CONFIDENTIAL'] as const;
export type Protection = (typeof PROTECTION)[number];

export interface ReferralValues {
  identityNumber: string;
  givenName: string;
  familyName: string;
  phone: string;
  email: string;
  protection: Protection;
  streetAddress: string;
  postalCode: string;
  city: string;
  referralDate: string;
  referredBy: string;
  healthTeamId: string;
  outOfWork: 'yes' | 'no' | '';
}

export type SetReferral = <K extends keyof ReferralValues>(key: K) => (value: ReferralValues[K]) => void;

export function useReferralValues(): { values: ReferralValues; set: SetReferral } {
  const [values, setValues] = useState<ReferralValues>(() => ({
    identityNumber: '',
    givenName: '',
    familyName: '',
    phone: '',
    email: '',
    protection: 'NONE',
    streetAddress: '',
    postalCode: '',
    city: '',
    referralDate: osloToday(),
    referredBy: '',
    healthTeamId: '',
    outOfWork: '',
  }));
  const set: SetReferral = (key) => (value) => setValues((v) => ({ ...v, [key]: value }));
  return { values, set };
}

/** The problems the browser sees before sending, per field. */
export function referralIssues(
  v: ReferralValues,
  t: (key: string) => string,
  identityIssue: (value: string) => string | null,
): Record<string, string> {
  const local: Record<string, string> = {};
  const idIssue = identityIssue(v.identityNumber);
  if (idIssue) local.identityNumber = idIssue;
  if (!v.givenName.trim()) local.givenName = t('st_issue_REQUIRED_givenName');
  if (!v.familyName.trim()) local.familyName = t('st_issue_REQUIRED_familyName');
  if (v.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email.trim())) local.email = t('st_issue_EMAIL');
  if (v.protection === 'NONE' && v.postalCode.trim() && !/^\d{4}$/.test(v.postalCode.trim()))
    local.postalCode = t('st_issue_POSTAL_CODE');
  if (!v.referralDate) local.referralDate = t('st_issue_REQUIRED_referralDate');
  else if (v.referralDate > osloToday()) local.referralDate = t('st_issue_IN_FUTURE_referralDate');
  if (!v.outOfWork) local.outOfWorkAtReferral = t('st_issue_REQUIRED_outOfWorkAtReferral');
  return local;
}

/** The API's input for the values. */
export function referralInput(v: ReferralValues, organizationId: string) {
  const opt = (s: string) => s.trim() || null;
  const protectedAddress = v.protection !== 'NONE';
  return {
    organizationId,
    identityNumber: v.identityNumber.replace(/\s+/g, ''),
    givenName: v.givenName.trim(),
    familyName: v.familyName.trim(),
    phone: opt(v.phone),
    email: opt(v.email),
    protectedAddress: v.protection,
    // A protected address is never sent, whatever was typed before it was chosen.
    streetAddress: protectedAddress ? null : opt(v.streetAddress),
    postalCode: protectedAddress ? null : opt(v.postalCode),
    city: protectedAddress ? null : opt(v.city),
    referralDate: v.referralDate,
    referredBy: opt(v.referredBy),
    healthTeamId: v.healthTeamId ? rawId(v.healthTeamId) : null,
    outOfWorkAtReferral: v.outOfWork === 'yes',
  };
}
