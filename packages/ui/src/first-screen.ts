/**
 * The first screen's data, started with the session (docs/adr/0021, issue 18 item 5): the shell
 * knows who signed in and where they are before the micro-frontend that shows the screen has
 * loaded, so it sends that screen's query then, through the same client. The screen asks for the
 * same document with the same variables and finds the answer in the client's cache, or joins the
 * request still in flight — the query no longer waits for the remote's code.
 *
 * Only the job specialist's portfolio is started this way (the screen most users open first, and
 * the one Lighthouse measures). The document and its purpose live here so the shell and the
 * portfolio use the very same ones.
 */
import type { Client } from 'urql';
import { graphql } from './graphql';

/** The portfolio's query (apps/mf-portfolio/src/PortfolioPage.tsx shows it). */
export const PORTFOLIO_QUERY = graphql(`
  query Portfolio($specialistId: ID!) {
    myMeetingsToday
    jobSeekers(first: 100, specialistId: $specialistId) {
      edges { node { id givenName familyName phase deadlineStatus referralDate teamDiscussionConsent protectedAddress } }
    }
  }
`);

/** Why the portfolio reads (its route's purpose, written into the access log). */
export const PORTFOLIO_PURPOSE = 'Min portefølje: oppfølging av egen portefølje';

/** The roles the portfolio's route serves. */
export const PORTFOLIO_ROLES = ['JOB_SPECIALIST', 'METHOD_SUPERVISOR'] as const;

/**
 * Starts the first screen's query when the address is that screen's and the user's roles in the
 * organisation acted in may open it; otherwise does nothing. Errors are the screen's to show: the
 * screen sends the query again when the cache holds no answer.
 */
export function prefetchFirstScreen(
  client: Client,
  pathname: string,
  session: { userId: string; roles: readonly string[] },
): void {
  if (pathname.replace(/\/+$/, '') !== '/portfolio') return;
  if (!session.roles.some((role) => (PORTFOLIO_ROLES as readonly string[]).includes(role))) return;
  void client
    .query(PORTFOLIO_QUERY, { specialistId: session.userId }, { accessReason: PORTFOLIO_PURPOSE })
    .toPromise();
}
