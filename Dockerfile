# One image for every service; docker-compose.yml picks the entry point per service.
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
CMD ["node", "--import", "tsx", "gateway/src/index.ts"]
