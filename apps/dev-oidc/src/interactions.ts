/**
 * The provider's own sign-in and consent steps (instead of oidc-provider's devInteractions):
 *
 * - GET  /interaction/:uid        login: a page listing the demo users (or, with a `login_hint`
 *                                 naming an active user, signs in as that user at once);
 *                                 consent: granted automatically (a first-party client).
 * - POST /interaction/:uid/login  signs in as the chosen e-mail.
 * - POST /interaction/:uid/abort  ends the request with `access_denied`.
 *
 * There is no password: this is a development and test tool only.
 */
import type { IncomingMessage } from 'node:http';
import type { KoaContextWithOIDC, default as Provider } from 'oidc-provider';
import { type DevUser, type DevUsers, LIST_LIMIT } from './accounts.js';

type Interaction = Awaited<ReturnType<Provider['interactionDetails']>>;

const MAX_BODY = 16 * 1024;

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > MAX_BODY) throw Object.assign(new Error('request body too large'), { status: 413 });
  }
  return new URLSearchParams(body);
}

function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

const STYLE = `
  body { font-family: system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; }
  .warning { background: #fff3cd; border: 1px solid #e0c060; padding: .6rem .9rem; border-radius: .4rem; }
  .error { background: #fde2e1; border: 1px solid #d9534f; padding: .6rem .9rem; border-radius: .4rem; }
  ul { list-style: none; padding: 0; }
  li { margin: .5rem 0; }
  button { width: 100%; text-align: left; padding: .6rem .9rem; border: 1px solid #8a8a8a; border-radius: .4rem;
           background: #f7f7f7; cursor: pointer; font: inherit; }
  button:hover, button:focus { background: #e6f0ff; }
  .email, .roles { display: block; font-size: .85rem; color: #555; }
  form.other { display: flex; gap: .5rem; margin-top: 1rem; }
  form.other input { flex: 1; padding: .5rem; font: inherit; }
  form.other button { width: auto; }
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="nb">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
${body}
</body>
</html>
`;
}

export function loginPage(options: {
  uid: string;
  clientId: string;
  users: DevUser[];
  notice?: string;
  email?: string;
  limit: number;
}): string {
  const action = `/interaction/${encodeURIComponent(options.uid)}`;
  const items = options.users
    .map(
      (user) => `<li><form method="post" action="${action}/login">
  <input type="hidden" name="email" value="${escapeHtml(user.email)}">
  <button type="submit">Logg inn som ${escapeHtml(user.name)}
    <span class="email">${escapeHtml(user.email)}</span>${
      user.roles.length ? `\n    <span class="roles">${escapeHtml(user.roles.join(' · '))}</span>` : ''
    }</button>
</form></li>`,
    )
    .join('\n');
  const more =
    options.users.length >= options.limit
      ? `<p>Viser de første ${options.limit} brukerne. Skriv inn en e-postadresse for å logge inn som en annen.</p>`
      : '';
  return page(
    'Utviklings-innlogging – kun for demo',
    `<h1>Utviklings-innlogging – kun for demo</h1>
<p class="warning">Denne innloggingen har ingen passord og finnes bare for utvikling og test.
Klient: <code>${escapeHtml(options.clientId)}</code>.</p>
${options.notice ? `<p class="error" role="alert">${escapeHtml(options.notice)}</p>` : ''}
${options.users.length ? `<ul>\n${items}\n</ul>` : '<p>Databasen har ingen aktive brukere. Kjør <code>pnpm db:seed</code>.</p>'}
${more}
<form class="other" method="post" action="${action}/login">
  <label for="email">E-post</label>
  <input id="email" name="email" type="email" autocomplete="off" required value="${escapeHtml(options.email ?? '')}">
  <button type="submit">Logg inn</button>
</form>
<form method="post" action="${action}/abort"><p><button type="submit" style="width:auto">Avbryt</button></p></form>`,
  );
}

export function errorPage(message: string): string {
  return page(
    'Innlogging feilet',
    `<h1>Innlogging feilet</h1>\n<p class="error">${escapeHtml(message)}</p>\n<p>Start innloggingen på nytt fra applikasjonen.</p>`,
  );
}

/** Grants what the consent prompt says is missing: the client is first-party, nobody is asked. */
async function grantConsent(provider: Provider, interaction: Interaction): Promise<string> {
  const { prompt, params, session } = interaction;
  const accountId = session?.accountId;
  if (!accountId) throw new Error('consent without a signed-in account');
  const grant = interaction.grantId
    ? await provider.Grant.find(interaction.grantId)
    : new provider.Grant({ accountId, clientId: String(params.client_id) });
  if (!grant) throw new Error('grant not found');
  const details = prompt.details as {
    missingOIDCScope?: string[];
    missingOIDCClaims?: string[];
    missingResourceScopes?: Record<string, string[]>;
  };
  if (details.missingOIDCScope?.length) grant.addOIDCScope(details.missingOIDCScope.join(' '));
  if (details.missingOIDCClaims?.length) grant.addOIDCClaims(details.missingOIDCClaims);
  for (const [resource, scopes] of Object.entries(details.missingResourceScopes ?? {})) {
    grant.addResourceScope(resource, scopes.join(' '));
  }
  return grant.save();
}

/** One step of an interaction whose cookie matched its URL. */
async function step(
  provider: Provider,
  users: DevUsers,
  ctx: KoaContextWithOIDC,
  interaction: Interaction,
  action: string | undefined,
): Promise<void> {
  const finish = async (result: Parameters<Provider['interactionResult']>[2]) => {
    const returnTo = await provider.interactionResult(ctx.req, ctx.res, result, {
      mergeWithLastSubmission: true,
    });
    ctx.status = 303;
    ctx.redirect(returnTo);
  };
  const showLogin = async (status: number, notice?: string, email?: string) => {
    ctx.status = status;
    ctx.type = 'html';
    ctx.body = loginPage({
      uid: interaction.uid,
      clientId: String(interaction.params.client_id),
      users: await users.list(),
      limit: LIST_LIMIT,
      ...(notice ? { notice } : {}),
      ...(email ? { email } : {}),
    });
  };

  if (action === 'abort') {
    return finish({ error: 'access_denied', error_description: 'End-User aborted interaction' });
  }

  if (interaction.prompt.name === 'consent') {
    if (action) {
      ctx.status = 400;
      ctx.type = 'html';
      ctx.body = errorPage('Innloggingen er allerede fullført.');
      return;
    }
    return finish({ consent: { grantId: await grantConsent(provider, interaction) } });
  }

  if (interaction.prompt.name !== 'login') {
    ctx.status = 400;
    ctx.type = 'html';
    ctx.body = errorPage(`Ukjent steg i innloggingen: ${interaction.prompt.name}.`);
    return;
  }

  if (action === 'login') {
    const email = (await readForm(ctx.req)).get('email') ?? '';
    const user = await users.find(email);
    if (!user) {
      return showLogin(400, `Fant ingen aktiv bruker med e-postadressen «${email}».`, email);
    }
    return finish({ login: { accountId: user.email, amr: ['dev'] } });
  }

  const hint = typeof interaction.params.login_hint === 'string' ? interaction.params.login_hint : '';
  if (hint) {
    const user = await users.find(hint);
    if (user) return finish({ login: { accountId: user.email, amr: ['dev'] } });
    return showLogin(200, `Fant ingen aktiv bruker med e-postadressen «${hint}» – velg en bruker.`, hint);
  }
  return showLogin(200);
}

export function interactions(provider: Provider, users: DevUsers) {
  const pattern = /^\/interaction\/([^/]+)(?:\/(login|abort))?$/;

  return async (ctx: KoaContextWithOIDC, next: () => Promise<unknown>): Promise<void> => {
    const match = pattern.exec(ctx.path);
    if (!match) {
      await next();
      return;
    }
    const action = match[2];
    if ((action && ctx.method !== 'POST') || (!action && ctx.method !== 'GET')) {
      ctx.status = 405;
      ctx.set('Allow', action ? 'POST' : 'GET');
      return;
    }
    ctx.set('Cache-Control', 'no-store');
    ctx.set('X-Frame-Options', 'DENY');
    // No form-action: browsers apply it to the redirects after a POST, which end at the client.
    ctx.set(
      'Content-Security-Policy',
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    );
    ctx.set('Referrer-Policy', 'no-referrer');

    let interaction: Interaction;
    try {
      interaction = await provider.interactionDetails(ctx.req, ctx.res);
      if (interaction.uid !== match[1]) throw new Error('the interaction in the cookie is another one');
    } catch (error) {
      ctx.status = 400;
      ctx.type = 'html';
      ctx.body = errorPage(
        `Innloggingsforespørselen finnes ikke eller er utløpt (${error instanceof Error ? error.message : String(error)}).`,
      );
      return;
    }

    try {
      await step(provider, users, ctx, interaction, action);
    } catch (error) {
      // E.g. the database is down: say so instead of a bare 500.
      ctx.status = 500;
      ctx.type = 'html';
      ctx.body = errorPage(error instanceof Error ? error.message : String(error));
      ctx.app.emit('error', error, ctx);
    }
  };
}
