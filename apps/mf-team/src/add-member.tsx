/**
 * Adding a member to the team (split out of TeamPage.tsx, issue 19): one of the organisation's
 * specialists not yet in it, with the day they join; each candidate is shown with their caseload and
 * position so the supervisor sees who has room.
 */
import {
  FormError,
  formatDecimal,
  graphql,
  NotFoundErrorFields,
  osloToday,
  useMutationForm,
  ValidationErrorFields,
} from '@ips/ui';
import { DateField } from '@ips/ui/date-field';
import { BodyShort, Button, Heading, HStack, Select, VStack } from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

const everywhere = { allOrganizations: true };

const ADD = graphql(
  `
  mutation AddTeamMember($input: AddTeamMemberInput!) {
    addTeamMember(input: $input) {
      __typename
      ... on MutationAddTeamMemberSuccess { data { joinedOn } }
      ...NotFoundErrorFields
      ...ValidationErrorFields
    }
  }
`,
  [NotFoundErrorFields, ValidationErrorFields],
);

type Candidate = { userId: string; givenName: string; familyName: string; fte: number; caseload: number };

export function AddMember({
  teamId,
  candidates,
  onChanged,
  onBusy,
}: {
  teamId: string;
  candidates: readonly Candidate[];
  onChanged: (message: string) => void;
  onBusy: () => void;
}) {
  const { t } = useTranslation('team');
  const [candidate, setCandidate] = useState('');
  const [joinedOn, setJoinedOn] = useState(osloToday());
  const addForm = useMutationForm(ADD, { fields: ['userId', 'joinedOn'] });
  const name = (p: { givenName: string; familyName: string }) => `${p.givenName} ${p.familyName}`;

  const add = async (e: FormEvent) => {
    e.preventDefault();
    onBusy();
    const local: Record<string, string> = {};
    if (!candidate) local.userId = t('tm_issue_REQUIRED');
    if (!joinedOn) local.joinedOn = t('tm_issue_REQUIRED');
    addForm.setFieldErrors(local);
    if (Object.keys(local).length) return;
    const res = await addForm.send({ input: { teamId, userId: candidate, joinedOn } }, everywhere);
    const who = candidates.find((c) => c.userId === candidate);
    if (res.ok) {
      setCandidate('');
      onChanged(t('tp_added', { name: who ? name(who) : '' }));
    }
  };

  return (
    <form onSubmit={add} aria-labelledby="add-member-heading">
      <VStack gap="space-8">
        <Heading level="3" size="small" id="add-member-heading">
          {t('tp_add')}
        </Heading>
        {candidates.length === 0 ? (
          <BodyShort>{t('tp_noCandidates')}</BodyShort>
        ) : (
          <HStack gap="space-8" align="end" wrap>
            <Select
              label={t('tp_candidate')}
              size="small"
              value={candidate}
              error={addForm.fieldErrors.userId}
              onChange={(e) => setCandidate(e.target.value)}
            >
              <option value="">–</option>
              {candidates.map((c) => (
                <option key={c.userId} value={c.userId}>
                  {t('tp_candidateOption', {
                    name: name(c),
                    count: c.caseload,
                    fte: `${formatDecimal(c.fte * 100, 0)} %`,
                  })}
                </option>
              ))}
            </Select>
            <DateField
              label={t('tp_joinedOn')}
              size="small"
              value={joinedOn}
              error={addForm.fieldErrors.joinedOn}
              onChange={setJoinedOn}
            />
            <Button type="submit" size="small" loading={addForm.fetching}>
              {t('tp_add')}
            </Button>
          </HStack>
        )}
        <FormError form={addForm} />
      </VStack>
    </form>
  );
}
