/**
 * The benefits counselling shared with NAV (issue 17; IPS principle 5, seed 003 §5; seed 000 §5: the
 * NAV counsellor helps with benefits and meets about finances): shown on the NAV counsellor's page
 * only when the consent and the grant cover the part BENEFITS_COUNSELLING — the API answers an empty
 * list otherwise, and row-level security hides the rows below it. Each record: the day, who gave it,
 * each benefit with what changes with income from work, what was referred to NAV for calculation,
 * and the follow-up day. Facts stack at 360 px.
 */
import { formatDay } from '@ips/ui';
import { BodyShort, Box, Heading, VStack } from '@navikt/ds-react';
import { useTranslation } from 'react-i18next';

export interface SharedCounselling {
  id: string;
  counselledOn: string;
  benefits: readonly { benefit: string; incomeChange: string }[];
  referredToNav: boolean;
  referralNote: string | null;
  followUpOn: string | null;
  givenBy: { givenName: string; familyName: string } | null;
}

export function NavBenefitsCounselling({ items }: { items: readonly SharedCounselling[] }) {
  const { t } = useTranslation('nav');
  return (
    <Box
      as="section"
      aria-labelledby="nav-benefits"
      padding="space-16"
      borderWidth="1"
      borderRadius="8"
      data-part="nav-benefits"
    >
      <VStack gap="space-8">
        <Heading level="2" size="small" id="nav-benefits">
          {t('ben_title')}
        </Heading>
        {items.length === 0 ? (
          <BodyShort>{t('ben_none')}</BodyShort>
        ) : (
          <ul
            data-testid="nav-benefits-counselling"
            style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none', display: 'grid', gap: '0.75rem' }}
          >
            {items.map((c) => (
              <li key={c.id}>
                <VStack gap="space-4">
                  <BodyShort weight="semibold">
                    {t('ben_givenOn', {
                      day: formatDay(c.counselledOn),
                      by: c.givenBy ? `${c.givenBy.givenName} ${c.givenBy.familyName}` : '–',
                    })}
                  </BodyShort>
                  <ul style={{ margin: 0, paddingInlineStart: '1.25rem' }}>
                    {c.benefits.map((b) => (
                      <li key={b.benefit} style={{ overflowWrap: 'anywhere' }}>
                        <strong>{t(`ben_benefit_${b.benefit}`)}:</strong> {b.incomeChange}
                      </li>
                    ))}
                  </ul>
                  <BodyShort style={{ overflowWrap: 'anywhere' }}>
                    {c.referredToNav
                      ? t('ben_referred', { note: c.referralNote ?? '' })
                      : t('ben_notReferred')}
                  </BodyShort>
                  {c.followUpOn ? (
                    <BodyShort>{t('ben_followUpOn', { day: formatDay(c.followUpOn) })}</BodyShort>
                  ) : null}
                </VStack>
              </li>
            ))}
          </ul>
        )}
      </VStack>
    </Box>
  );
}
