#!/bin/sh
# Runs once, when the postgres container initialises its volume: the three schemas (owned by
# the owner role that runs migrations) and one login role per service. Grants are applied by
# `npm run db:migrate`, which also covers tables created later.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v auth_pw="$AUTH_DB_PASSWORD" -v users_pw="$USERS_DB_PASSWORD" -v clients_pw="$CLIENTS_DB_PASSWORD" <<'SQL'
CREATE SCHEMA IF NOT EXISTS app_auth;
CREATE SCHEMA IF NOT EXISTS app_users;
CREATE SCHEMA IF NOT EXISTS app_clients;
CREATE ROLE auth_svc LOGIN PASSWORD :'auth_pw' NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
CREATE ROLE users_svc LOGIN PASSWORD :'users_pw' NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
CREATE ROLE clients_svc LOGIN PASSWORD :'clients_pw' NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
REVOKE ALL ON DATABASE grahvani FROM PUBLIC;
GRANT CONNECT ON DATABASE grahvani TO auth_svc, users_svc, clients_svc;
SQL
