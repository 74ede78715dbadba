/**
 * The support-plan editor as a component: the follow-up rule is checked before anything is sent,
 * the API's typed errors land at their fields, a version conflict never overwrites (reload or
 * compare, then save on top of the new revision with its version), and no edit action shows to
 * someone the rules do not allow. The API answers are fixed here; a browser test runs the editor
 * against the real API.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import i18next from 'i18next';
import { useState } from 'react';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { type Client, Provider } from 'urql';
import { afterEach, describe, expect, it } from 'vitest';
import { fromValue } from 'wonka';
import { texts } from '../texts.js';
import { type SupportPlan, SupportPlanEditor } from './SupportPlanEditor.js';

const i18n = i18next.createInstance();
void i18n
  .use(initReactI18next)
  .init({ lng: 'nb', resources: { nb: { portfolio: texts.nb } }, initAsync: false });

const revision = (n: number, over: Record<string, unknown> = {}) => ({
  revision: n,
  createdAt: '2026-11-20T10:00:00Z',
  changeNote: null,
  agreedWithEmployer: false,
  employerMayCallSpecialist: false,
  employerRoutines: 'Oppmøte kl. 08',
  absenceArrangements: null,
  specialArrangements: null,
  taperingPlan: null,
  agreements: [{ supportPerson: 'JOB_SPECIALIST', responsibility: 'Ukentlige samtaler', personName: null }],
  plannedMeetings: [
    { plannedOn: '2026-11-24', faceToFace: true, topic: null },
    { plannedOn: '2026-12-01', faceToFace: true, topic: null },
  ],
  ...over,
});

const plan = (version: number, rev: ReturnType<typeof revision>) =>
  ({
    id: 'plan-1',
    kind: 'JOB',
    status: 'ACTIVE',
    version,
    currentRevision: rev.revision,
    startsOn: '2026-11-23',
    revisions: [rev],
  }) as unknown as SupportPlan;

type Sent = {
  version: number;
  changeNote: string;
  content: { employerRoutines: string | null; absenceArrangements: string | null };
};

function fakeClient(answers: unknown[], sent: Sent[]): Client {
  return {
    executeMutation: (op: { variables: { input: Sent } }) => {
      sent.push(op.variables.input);
      return fromValue({ data: { reviseSupportPlan: answers.shift() } });
    },
  } as unknown as Client;
}

/** The page around the editor: "reload" swaps in the plan someone else saved meanwhile. */
function Page({
  initial,
  afterReload,
  canEdit = true,
}: {
  initial: SupportPlan;
  afterReload: SupportPlan;
  canEdit?: boolean;
}) {
  const [current, setCurrent] = useState(initial);
  return (
    <SupportPlanEditor
      plan={current}
      startsOn="2026-11-23"
      canEdit={canEdit}
      onReload={() => setCurrent(afterReload)}
    />
  );
}

function renderEditor(answers: unknown[], options: { canEdit?: boolean } = {}) {
  const sent: Sent[] = [];
  const theirs = plan(
    2,
    revision(2, {
      employerRoutines: 'Oppmøte kl. 07 (endret av kollega)',
      absenceArrangements: 'Ring leder før kl. 08',
    }),
  );
  render(
    <I18nextProvider i18n={i18n}>
      <Provider value={fakeClient(answers, sent)}>
        <Page initial={plan(1, revision(1))} afterReload={theirs} canEdit={options.canEdit} />
      </Provider>
    </I18nextProvider>,
  );
  return { sent };
}

const edit = () => fireEvent.click(screen.getByRole('button', { name: 'Endre planen' }));
const type = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Lagre ny versjon' }));

afterEach(cleanup);

describe('the support-plan editor', () => {
  it('shows no edit action to someone the rules do not allow', () => {
    renderEditor([], { canEdit: false });
    expect(screen.queryByRole('button', { name: 'Endre planen' })).toBeNull();
    expect(screen.getByText('Oppmøte kl. 08')).toBeTruthy();
  });

  it('checks the follow-up rule (a meeting before the start) and the change note before sending anything', () => {
    const { sent } = renderEditor([]);
    edit();
    const dates = screen.getAllByLabelText('Dato');
    fireEvent.change(dates[0] as HTMLElement, { target: { value: '20.11.2026' } });
    save();
    expect(sent).toEqual([]);
    expect(screen.getAllByText('Oppfølgingsmøter planlegges fra startdatoen.').length).toBeGreaterThan(0);
    expect(screen.getByText('Må fylles ut.')).toBeTruthy();
  });

  it('shows the API’s typed error at the field it concerns', async () => {
    const { sent } = renderEditor([
      {
        __typename: 'ValidationError',
        message: 'invalid',
        issues: [{ field: 'agreements', code: 'EMPTY', message: 'Say who supports what' }],
      },
    ]);
    edit();
    type('Hva er endret', 'Ny rutine');
    save();
    await screen.findByText('Si hvem som støtter med hva.');
    expect(sent).toHaveLength(1);
  });

  it('on a version conflict: nothing is overwritten; compare shows what both changed; saving mine keeps their other changes and sends the new version', async () => {
    const { sent } = renderEditor([
      { __typename: 'ConflictError', message: 'stale', currentVersion: 2 },
      { __typename: 'MutationReviseSupportPlanSuccess', data: plan(3, revision(3)) },
    ]);
    edit();
    type('Rutiner hos arbeidsgiver', 'Oppmøte kl. 09');
    type('Hva er endret', 'Senere oppmøte');
    save();
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Planen er endret av noen andre')).toBeTruthy();
    expect(sent.map((s) => s.version)).toEqual([1]);
    // Saving again is not possible until the user chooses.
    expect((screen.getByRole('button', { name: 'Lagre ny versjon' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    fireEvent.click(within(alert).getByRole('button', { name: 'Sammenlign' }));
    const table = screen.getByRole('table');
    expect(within(table).getByText('Oppmøte kl. 07 (endret av kollega)')).toBeTruthy();
    expect(within(table).getByText('Oppmøte kl. 09')).toBeTruthy();
    // Only the field both changed is asked about; the colleague's other change is named as kept.
    expect(within(table).queryByText('Ring leder før kl. 08')).toBeNull();
    expect(screen.getByText(/Det den andre endret og du ikke rørte, beholdes: Ved fravær/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Lagre mine endringer oppå den nye versjonen' }));
    await screen.findByText('Planen er lagret som versjon 3.');
    expect(sent.map((s) => s.version)).toEqual([1, 2]);
    expect(sent[1]?.content.employerRoutines).toBe('Oppmøte kl. 09');
    // What only the colleague changed is kept, not reverted by my save.
    expect(sent[1]?.content.absenceArrangements).toBe('Ring leder før kl. 08');
  });

  it('on a version conflict, reload discards the draft and shows the revision saved now', async () => {
    renderEditor([{ __typename: 'ConflictError', message: 'stale', currentVersion: 2 }]);
    edit();
    type('Rutiner hos arbeidsgiver', 'Oppmøte kl. 09');
    type('Hva er endret', 'Senere oppmøte');
    save();
    const alert = await screen.findByRole('alert');
    fireEvent.click(within(alert).getByRole('button', { name: 'Forkast mine endringer og last inn' }));
    await waitFor(() => expect(screen.getByText('Oppmøte kl. 07 (endret av kollega)')).toBeTruthy());
    expect(screen.queryByText('Oppmøte kl. 09')).toBeNull();
  });
});
