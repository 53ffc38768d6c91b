# The backup service (docker-compose.yml): PostgreSQL's own image, so pg_dump and pg_restore are
# the compose server's major version, with Node and the project's db:backup, db:backup:prune
# and db:restore scripts. Runs docker/backup-schedule.sh: a nightly backup, then retention.
FROM node:20-alpine AS node

FROM postgres:16-alpine
# Node from the official Node image (same Alpine libc); it needs only these runtime libraries.
RUN apk add --no-cache libstdc++ libgcc
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules /usr/local/lib/node_modules
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm
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
# As in the root Dockerfile: Prisma clients generated, then only what the scripts run.
RUN npm ci --no-audit --no-fund \
  && rm -rf node_modules packages/*/node_modules subgraphs/*/node_modules gateway/node_modules \
  && npm ci --omit=dev --ignore-scripts --no-audit --no-fund --include-workspace-root \
    --workspace=@grahvani/shared --workspace=@grahvani/auth --workspace=@grahvani/users \
    --workspace=@grahvani/clients --workspace=@grahvani/gateway
COPY . .
# Backups hold every account: a directory only the service's user (postgres) can read.
RUN install -d -o postgres -g postgres -m 0700 /backups
ENV NODE_ENV=production BACKUP_DIR=/backups
USER postgres
ENTRYPOINT ["/app/docker/backup-schedule.sh"]
