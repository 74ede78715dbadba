# The admin (apps/admin-shell and the micro-frontends apps/mf-*), built and served as static files
# by an unprivileged nginx. Build from the repository root:
#   docker build -f infra/docker/admin.Dockerfile -t ips-admin:<version> .
# The shell listens on 8080 and proxies /graphql to API_UPSTREAM; each micro-frontend is served on
# its own port (8081 portfolio, 8082 nav, 8083 team, 8084 organisation), as in `pnpm start`.
# Its public address is fixed at build time (MF_<NAME>_BASE); the shell's /config.json names
# them and the issuer, and is replaced per environment (a ConfigMap or a bind mount).

FROM node:22.12.0-bookworm-slim AS build
ARG MF_PORTFOLIO_BASE=http://127.0.0.1:5174/
ARG MF_NAV_BASE=http://127.0.0.1:5175/
ARG MF_TEAM_BASE=http://127.0.0.1:5176/
ARG MF_ORGANISATION_BASE=http://127.0.0.1:5177/
ENV CI=1 CHECKPOINT_DISABLE=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
    MF_PORTFOLIO_BASE=${MF_PORTFOLIO_BASE} MF_NAV_BASE=${MF_NAV_BASE} \
    MF_TEAM_BASE=${MF_TEAM_BASE} MF_ORGANISATION_BASE=${MF_ORGANISATION_BASE}
WORKDIR /src
COPY . .
RUN npx --yes pnpm@10.34.9 install --frozen-lockfile \
      --filter "@ips/admin-shell..." --filter "@ips/mf-portfolio..." --filter "@ips/mf-nav..." \
      --filter "@ips/mf-team..." --filter "@ips/mf-organisation..." \
 && npx --yes pnpm@10.34.9 --filter @ips/mf-portfolio --filter @ips/mf-nav --filter @ips/mf-team \
      --filter @ips/mf-organisation --filter @ips/admin-shell run build \
 && find apps/admin-shell/dist apps/mf-portfolio/dist apps/mf-nav/dist apps/mf-team/dist apps/mf-organisation/dist \
      -type f \( -name '*.js' -o -name '*.css' -o -name '*.svg' -o -name '*.html' \) -exec gzip -9 -k {} +
# Precompressed beside each file (nginx's gzip_static). Never config.json: it is replaced per
# environment, and a stale config.json.gz would win over the mounted file.

FROM nginxinc/nginx-unprivileged:1.27.3-alpine AS runtime
ENV API_UPSTREAM=http://api:4100
# nginx's entrypoint fills ${API_UPSTREAM} in at start (envsubst of /etc/nginx/templates).
COPY infra/docker/admin-nginx.conf.template /etc/nginx/templates/default.conf.template
COPY --from=build /src/apps/admin-shell/dist /usr/share/nginx/html/shell
COPY --from=build /src/apps/mf-portfolio/dist /usr/share/nginx/html/portfolio
COPY --from=build /src/apps/mf-nav/dist /usr/share/nginx/html/nav
COPY --from=build /src/apps/mf-team/dist /usr/share/nginx/html/team
COPY --from=build /src/apps/mf-organisation/dist /usr/share/nginx/html/organisation
# The image's unprivileged nginx user.
USER 101:101
EXPOSE 8080 8081 8082 8083 8084
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 \
  CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/healthz"]
