/**
 * Sign-in with OpenID Connect, authorization code + PKCE (oidc-client-ts), against the configured
 * issuer (the local development provider by default). Tokens live in session storage only.
 */
import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { ShellConfig } from './config.js';

export function createUserManager(config: ShellConfig): UserManager {
  return new UserManager({
    authority: config.issuer,
    client_id: config.clientId,
    redirect_uri: `${window.location.origin}/callback`,
    post_logout_redirect_uri: `${window.location.origin}/`,
    response_type: 'code',
    scope: 'openid profile email api',
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    automaticSilentRenew: false,
  });
}
