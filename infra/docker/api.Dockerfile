# The GraphQL API (apps/api). Build from the repository root:
#   docker build -f infra/docker/api.Dockerfile -t ips-api:<version> .
# The same image runs the migrations (`node --import tsx packages/db/scripts/migrate.ts`). The
# development OIDC provider is not in it (infra/docker/dev-oidc.Dockerfile, compose only). Base images are pinned to exact versions;
# CI's image pinning adds the digest (see docs/operations.md).

FROM node:22.12.0-bookworm-slim AS build
ENV CI=1 CHECKPOINT_DISABLE=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
WORKDIR /src
COPY . .
# Only the API and what it imports; pnpm from the npm registry, nothing else is downloaded.
RUN npx --yes pnpm@10.34.9 install --frozen-lockfile --filter "@ips/api..." \
 && npx --yes pnpm@10.34.9 --filter @ips/db run generate \
 && rm -rf /root/.npm /root/.cache

FROM node:22.12.0-bookworm-slim AS runtime
ENV NODE_ENV=production \
    API_HOST=0.0.0.0 \
    API_PORT=4100 \
    CHECKPOINT_DISABLE=1 \
    TZ=UTC \
    API_TRUSTED_DOCUMENTS=/app/apps/api/trusted-documents.json
WORKDIR /app
# API_TRUSTED_DOCUMENTS: the admin's documents (ADR 0023), copied with apps/api; in production the
# API refuses every other document (API_TRUSTED_DOCUMENTS_ONLY defaults to on there).
# Owned by root, read-only for the runtime user: the process cannot change its own code.
COPY --from=build /src/package.json /src/pnpm-workspace.yaml /src/tsconfig.base.json /app/
COPY --from=build /src/node_modules /app/node_modules
COPY --from=build /src/packages /app/packages
COPY --from=build /src/apps/api /app/apps/api
# The image's unprivileged "node" user, by number so Kubernetes can check runAsNonRoot.
USER 1000:1000
WORKDIR /app/apps/api
EXPOSE 4100
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:4100/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--import", "tsx", "src/serve.ts"]
