/**
 * The NAV counsellor's side of the dialogue with the job specialist (issue 17; docs/nav-dialogue.md),
 * on the page of a shared job seeker when the shared parts include DIALOGUE: the dialogue screen both
 * sides share (`@ips/ui`'s `NavDialogue`), without the journal note (the journal is the specialist's).
 */
import { NavDialogue as Dialogue } from '@ips/ui';

export function NavDialogue({ jobSeekerId }: { jobSeekerId: string }) {
  return <Dialogue jobSeekerId={jobSeekerId} ns="nav" journal={false} />;
}
