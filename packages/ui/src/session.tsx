/**
 * The session as React context: the shell provides it, micro-frontends read it. The context object
 * is kept on `globalThis` so the shell and every micro-frontend use the same one even when each
 * bundles its own copy of this package (React itself is one shared singleton).
 */
import { type Context, createContext, useContext } from 'react';
import type { Session } from './contract.js';

const holder = globalThis as typeof globalThis & { __ipsSessionContext?: Context<Session | null> };
holder.__ipsSessionContext ??= createContext<Session | null>(null);

export const SessionContext: Context<Session | null> = holder.__ipsSessionContext;

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside the admin shell');
  return session;
}

/**
 * The shell's session read (who signed in, their memberships and teams). Sent with `fetch` before
 * the API client exists (the client needs the organisation the session names), so it is a plain
 * text: the trusted-documents manifest lists it as it is (ADR 0023).
 */
export const SESSION_DOCUMENT =
  '{ me { id givenName familyName platformOperator memberships { role organization { id name } } } myTeams { teamId organizationId role } }';
