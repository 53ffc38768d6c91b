#!/bin/sh
# Writes PgBouncer's [databases] section and auth file from the environment, then runs it.
#   POSTGRES_HOST (postgres), POSTGRES_PORT (5432), POSTGRES_DB (grahvani): where to pool to.
#   AUTH_DB_PASSWORD, USERS_DB_PASSWORD, CLIENTS_DB_PASSWORD: the service roles' passwords.
set -eu
# Checked here: a failure inside $(...) below would not stop the script.
: "${AUTH_DB_PASSWORD:?set AUTH_DB_PASSWORD}"
: "${USERS_DB_PASSWORD:?set USERS_DB_PASSWORD}"
: "${CLIENTS_DB_PASSWORD:?set CLIENTS_DB_PASSWORD}"
run=/tmp/pgbouncer
mkdir -p "$run"
umask 077
quote() { printf '"%s"' "$(printf '%s' "$1" | sed 's/"/""/g')"; }
cat > "$run/databases.ini" <<INI
[databases]
${POSTGRES_DB:-grahvani} = host=${POSTGRES_HOST:-postgres} port=${POSTGRES_PORT:-5432} dbname=${POSTGRES_DB:-grahvani}
INI
{
  echo "$(quote auth_svc) $(quote "$AUTH_DB_PASSWORD")"
  echo "$(quote users_svc) $(quote "$USERS_DB_PASSWORD")"
  echo "$(quote clients_svc) $(quote "$CLIENTS_DB_PASSWORD")"
} > "$run/userlist.txt"
exec pgbouncer /etc/pgbouncer/pgbouncer.ini
