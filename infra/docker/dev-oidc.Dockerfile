# The development OIDC provider (apps/dev-oidc), for the compose demonstration stack only: it signs
# anyone in as a demo user and refuses NODE_ENV=production. Never part of the API image.
#   docker build -f infra/docker/dev-oidc.Dockerfile -t ips-dev-oidc:<version> .

FROM node:22.12.0-bookworm-slim AS build
ENV CI=1 CHECKPOINT_DISABLE=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
WORKDIR /src
COPY . .
# Only the provider and what it imports; pnpm from the npm registry, nothing else is downloaded.
RUN npx --yes pnpm@10.34.9 install --frozen-lockfile --filter "@ips/dev-oidc..." \
 && npx --yes pnpm@10.34.9 --filter @ips/db run generate \
 && rm -rf /root/.npm /root/.cache

FROM node:22.12.0-bookworm-slim AS runtime
ENV NODE_ENV=development \
    OIDC_DEV_HOST=0.0.0.0 \
    OIDC_DEV_PORT=4010 \
    CHECKPOINT_DISABLE=1 \
    TZ=UTC
WORKDIR /app
COPY --from=build /src/package.json /src/pnpm-workspace.yaml /src/tsconfig.base.json /app/
COPY --from=build /src/node_modules /app/node_modules
COPY --from=build /src/packages /app/packages
COPY --from=build /src/apps/dev-oidc /app/apps/dev-oidc
USER 1000:1000
WORKDIR /app/apps/dev-oidc
EXPOSE 4010
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:4010/.well-known/openid-configuration').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--import", "tsx", "src/main.ts"]
