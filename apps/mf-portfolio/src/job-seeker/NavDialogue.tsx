/**
 * The specialist's tab "Dialog med NAV" (issue 17; docs/nav-dialogue.md): the dialogue screen both
 * sides share (`@ips/ui`'s `NavDialogue`). The journal note is offered to the own specialist only
 * (`journal`), not to the method supervisor covering an absence.
 */
import { NavDialogue as Dialogue } from '@ips/ui';

export function NavDialogue({ jobSeekerId, journal }: { jobSeekerId: string; journal: boolean }) {
  return <Dialogue jobSeekerId={jobSeekerId} ns="portfolio" journal={journal} />;
}
