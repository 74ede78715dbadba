/**
 * The referral form's field groups (`ReferralPage`): the identity number with the duplicate's
 * link, name and contact, the protected address and its address fields, and where the referral
 * came from. Each group edits the form's one state object (`referral-form.ts`).
 */
import { fieldId, osloToday } from '@ips/ui';
import { DateField } from '@ips/ui/date-field';
import { BodyShort, HGrid, Radio, RadioGroup, Select, TextField, VStack } from '@navikt/ds-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PROTECTION, type Protection, type ReferralValues, type SetReferral } from './referral-form';

export const REFERRAL_ID = 'referral';
const ID = REFERRAL_ID;

interface GroupProps {
  values: ReferralValues;
  set: SetReferral;
  errors: Record<string, string | undefined>;
}

/** The identity number, checked on leaving the field; a refused duplicate's link under it. */
export function IdentityNumberField({
  value,
  onChange,
  error,
  allowSynthetic,
  onBlur,
  existingId,
}: {
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  allowSynthetic: boolean;
  onBlur: () => void;
  existingId: string | null | undefined;
}) {
  const { t } = useTranslation('portfolio');
  return (
    <VStack gap="space-4">
      <TextField
        id={fieldId(ID, 'identityNumber')}
        label={t('st_identityNumber')}
        description={t(allowSynthetic ? 'st_identityNumberHelpSynthetic' : 'st_identityNumberHelp')}
        inputMode="numeric"
        autoComplete="off"
        maxLength={13}
        value={value}
        error={error}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
      />
      {existingId ? (
        <Link to={`/portfolio/${encodeURIComponent(existingId)}`} data-testid="duplicate-link">
          {t('st_duplicateLink')}
        </Link>
      ) : existingId === null ? (
        <BodyShort size="small">{t('st_duplicateHidden')}</BodyShort>
      ) : null}
    </VStack>
  );
}

/** Given and family name, phone and e-mail, two columns from small screens up. */
export function NameAndContactFields({ values, set, errors }: GroupProps) {
  const { t } = useTranslation('portfolio');
  return (
    <HGrid columns={{ xs: 1, sm: 2 }} gap="space-16">
      <TextField
        id={fieldId(ID, 'givenName')}
        label={t('st_givenName')}
        autoComplete="off"
        maxLength={100}
        value={values.givenName}
        error={errors.givenName}
        onChange={(e) => set('givenName')(e.target.value)}
      />
      <TextField
        id={fieldId(ID, 'familyName')}
        label={t('st_familyName')}
        autoComplete="off"
        maxLength={100}
        value={values.familyName}
        error={errors.familyName}
        onChange={(e) => set('familyName')(e.target.value)}
      />
      <TextField
        id={fieldId(ID, 'phone')}
        label={t('st_phone')}
        type="tel"
        autoComplete="off"
        maxLength={30}
        value={values.phone}
        error={errors.phone}
        onChange={(e) => set('phone')(e.target.value)}
      />
      <TextField
        id={fieldId(ID, 'email')}
        label={t('st_email')}
        type="email"
        autoComplete="off"
        maxLength={200}
        value={values.email}
        error={errors.email}
        onChange={(e) => set('email')(e.target.value)}
      />
    </HGrid>
  );
}

/** Whether the address is protected (kode 6/7); the address fields only where it is not. */
export function AddressFields({ values, set, errors }: GroupProps) {
  const { t } = useTranslation('portfolio');
  const protectedAddress = values.protection !== 'NONE';
  return (
    <>
      <RadioGroup
        legend={t('st_protectedAddress')}
        value={values.protection}
        onChange={(v: Protection) => set('protection')(v)}
        description={protectedAddress ? t('st_protectedNote') : undefined}
      >
        {PROTECTION.map((p) => (
          <Radio key={p} value={p}>
            {t(`st_protected_${p}`)}
          </Radio>
        ))}
      </RadioGroup>
      {protectedAddress ? null : (
        <VStack gap="space-16" data-testid="address-fields">
          <TextField
            id={fieldId(ID, 'streetAddress')}
            label={t('st_streetAddress')}
            autoComplete="off"
            maxLength={200}
            value={values.streetAddress}
            error={errors.streetAddress}
            onChange={(e) => set('streetAddress')(e.target.value)}
          />
          <HGrid columns={{ xs: 1, sm: '10rem 1fr' }} gap="space-16">
            <TextField
              id={fieldId(ID, 'postalCode')}
              label={t('st_postalCode')}
              inputMode="numeric"
              autoComplete="off"
              maxLength={4}
              value={values.postalCode}
              error={errors.postalCode}
              onChange={(e) => set('postalCode')(e.target.value)}
            />
            <TextField
              id={fieldId(ID, 'city')}
              label={t('st_city')}
              autoComplete="off"
              maxLength={100}
              value={values.city}
              error={errors.city}
              onChange={(e) => set('city')(e.target.value)}
            />
          </HGrid>
        </VStack>
      )}
    </>
  );
}

/** The referral's day, who referred, the health team (where the organisation has any) and work. */
export function ReferralDetailsFields({
  values,
  set,
  errors,
  healthTeams,
}: GroupProps & { healthTeams: readonly { id: string; name: string }[] }) {
  const { t } = useTranslation('portfolio');
  return (
    <>
      <DateField
        id={fieldId(ID, 'referralDate')}
        label={t('st_referralDate')}
        value={values.referralDate}
        toDay={osloToday()}
        error={errors.referralDate}
        onChange={set('referralDate')}
      />
      <TextField
        id={fieldId(ID, 'referredBy')}
        label={t('st_referredBy')}
        description={t('st_referredByHelp')}
        maxLength={200}
        value={values.referredBy}
        error={errors.referredBy}
        onChange={(e) => set('referredBy')(e.target.value)}
      />
      {healthTeams.length > 0 ? (
        <Select
          id={fieldId(ID, 'healthTeamId')}
          label={t('st_healthTeam')}
          value={values.healthTeamId}
          error={errors.healthTeamId}
          onChange={(e) => set('healthTeamId')(e.target.value)}
        >
          <option value="">{t('st_noHealthTeam')}</option>
          {healthTeams.map((h) => (
            <option key={h.id} value={h.id}>
              {h.name}
            </option>
          ))}
        </Select>
      ) : null}
      <RadioGroup
        id={fieldId(ID, 'outOfWorkAtReferral')}
        legend={t('st_outOfWork')}
        value={values.outOfWork}
        error={errors.outOfWorkAtReferral}
        onChange={(v: 'yes' | 'no') => set('outOfWork')(v)}
      >
        <Radio value="yes">{t('st_yes')}</Radio>
        <Radio value="no">{t('st_no')}</Radio>
      </RadioGroup>
    </>
  );
}
