# One image for every service; docker-compose.yml and deploy/k8s pick the entry point per
# service. The services run as JavaScript built by `npm run build` (no TypeScript loader: they
# start faster and hold less memory, see BENCHMARKS.md); it runs as the unprivileged `node` user
# (uid 1000) and checks its own /health.

# Build stage: every dependency, the Prisma clients (postinstall generates them into
# src/generated with the dev Prisma CLI) and the services' bundles (<package>/dist/index.js).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/shared/package.json packages/shared/
COPY packages/operations/package.json packages/operations/
COPY packages/testkit/package.json packages/testkit/
COPY packages/devtools/package.json packages/devtools/
COPY subgraphs/auth/package.json subgraphs/auth/
COPY subgraphs/users/package.json subgraphs/users/
COPY subgraphs/clients/package.json subgraphs/clients/
COPY gateway/package.json gateway/
COPY scripts/prisma-generate.mjs scripts/
COPY prisma prisma
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# The image: node_modules with only what the services run: no devDependencies and none of the
# development workspaces (@grahvani/devtools, @grahvani/testkit, @grahvani/operations).
# tests/production-deps.test.ts lists this tree from these flags. tsx stays in it for the
# operation scripts run from source in this image (npm run db:migrate, db:status, admin).
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/shared/package.json packages/shared/
COPY packages/operations/package.json packages/operations/
COPY packages/testkit/package.json packages/testkit/
COPY packages/devtools/package.json packages/devtools/
COPY subgraphs/auth/package.json subgraphs/auth/
COPY subgraphs/users/package.json subgraphs/users/
COPY subgraphs/clients/package.json subgraphs/clients/
COPY gateway/package.json gateway/
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund --include-workspace-root \
    --workspace=@grahvani/shared --workspace=@grahvani/auth --workspace=@grahvani/users \
    --workspace=@grahvani/clients --workspace=@grahvani/gateway
COPY . .
# The bundles read their SDL, supergraph and data files from the sources beside them (src/).
COPY --from=build /app/gateway/dist gateway/dist
COPY --from=build /app/subgraphs/auth/dist subgraphs/auth/dist
COPY --from=build /app/subgraphs/users/dist subgraphs/users/dist
COPY --from=build /app/subgraphs/clients/dist subgraphs/clients/dist
# The Prisma clients, for the operation scripts (the bundles carry their own copy).
COPY --from=build /app/subgraphs/auth/src/generated subgraphs/auth/src/generated
COPY --from=build /app/subgraphs/users/src/generated subgraphs/users/src/generated
COPY --from=build /app/subgraphs/clients/src/generated subgraphs/clients/src/generated
ENV NODE_ENV=production HOST=0.0.0.0
USER node
# PORT is each service's own (the gateway's 4000 unless set).
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=5 \
  CMD node docker/healthcheck.mjs "http://127.0.0.1:${PORT:-4000}/health"
CMD ["node", "gateway/dist/index.js"]
