/**
 * The specialist's tab "Dialog med NAV" (issue 17; docs/nav-dialogue.md): the dialogue screen both
 * sides share (`@ips/ui`'s `NavDialogue`), with the own specialist's journal note.
 */
import { NavDialogue as Dialogue } from '@ips/ui';

export function NavDialogue({ jobSeekerId }: { jobSeekerId: string }) {
  return <Dialogue jobSeekerId={jobSeekerId} ns="portfolio" journal />;
}
