# One image for every service; docker-compose.yml and deploy/k8s pick the entry point per
# service. It runs as the unprivileged `node` user (uid 1000) and checks its own /health.
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
COPY scripts/prisma-generate.mjs scripts/
COPY prisma prisma
# postinstall generates the Prisma clients (into src/generated) with the dev Prisma CLI; then
# node_modules is installed again with only what the services run: no devDependencies and none
# of the development workspaces (@grahvani/devtools, @grahvani/testkit, @grahvani/operations).
# tests/production-deps.test.ts lists this tree from these flags.
RUN npm ci --no-audit --no-fund \
  && rm -rf node_modules packages/*/node_modules subgraphs/*/node_modules gateway/node_modules \
  && npm ci --omit=dev --ignore-scripts --no-audit --no-fund --include-workspace-root \
    --workspace=@grahvani/shared --workspace=@grahvani/auth --workspace=@grahvani/users \
    --workspace=@grahvani/clients --workspace=@grahvani/gateway
COPY . .
ENV NODE_ENV=production HOST=0.0.0.0
USER node
# PORT is each service's own (the gateway's 4000 unless set).
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=5 \
  CMD node docker/healthcheck.mjs "http://127.0.0.1:${PORT:-4000}/health"
CMD ["node", "--import", "tsx", "gateway/src/index.ts"]
