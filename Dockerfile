# One image for every service; docker-compose.yml and deploy/k8s pick the entry point per
# service. It runs as the unprivileged `node` user (uid 1000) and checks its own /health.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/shared/package.json packages/shared/
COPY packages/operations/package.json packages/operations/
COPY subgraphs/auth/package.json subgraphs/auth/
COPY subgraphs/users/package.json subgraphs/users/
COPY subgraphs/clients/package.json subgraphs/clients/
COPY gateway/package.json gateway/
COPY scripts/prisma-generate.mjs scripts/
COPY prisma prisma
# postinstall generates the Prisma clients with the (dev) Prisma CLI; then dev tools go.
RUN npm ci --no-audit --no-fund && npm prune --omit=dev --no-audit --no-fund
COPY . .
ENV NODE_ENV=production HOST=0.0.0.0
USER node
# PORT is each service's own (the gateway's 4000 unless set).
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=5 \
  CMD node docker/healthcheck.mjs "http://127.0.0.1:${PORT:-4000}/health"
CMD ["node", "--import", "tsx", "gateway/src/index.ts"]
