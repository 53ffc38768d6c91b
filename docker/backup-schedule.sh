#!/bin/sh
# Entry point of the backup service. Without arguments: a backup every day at BACKUP_AT (UTC,
# HH:MM, default 02:00 like the production schedule this project follows), each followed by
# retention (7 daily, 4 weekly). Pruning runs only after a successful backup, so failing backups
# never cost an old one. With arguments it runs them instead, e.g.
#   docker compose run --rm backup npm run db:backup
#   docker compose run --rm backup npm run db:restore -- /backups/<file> --clean
set -eu
if [ "$#" -gt 0 ]; then exec "$@"; fi

at="${BACKUP_AT:-02:00}"
case "$at" in
  [01][0-9]:[0-5][0-9] | 2[0-3]:[0-5][0-9]) ;;
  *)
    echo "backup: BACKUP_AT must be HH:MM in UTC (got \"$at\")" >&2
    exit 2
    ;;
esac
hour=${at%%:*}
minute=${at#*:}
slot=$((${hour#0} * 3600 + ${minute#0} * 60))

while :; do
  now=$(date -u +%s)
  wait=$(((slot - now % 86400 + 86400) % 86400))
  echo "backup: next backup at $at UTC, in ${wait}s"
  sleep "$wait"
  if node --import tsx scripts/db-backup.ts; then
    node --import tsx scripts/db-backup-prune.ts || echo "backup: retention failed" >&2
  else
    echo "backup: backup failed; every existing backup is kept" >&2
  fi
  sleep 60 # past the slot, so the next wait is a day
done
