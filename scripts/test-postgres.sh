#!/usr/bin/env bash
# Runs the unit and integration suite against PostgreSQL. Where no server answers, it says so
# loudly and skips, so a laptop without PostgreSQL can still run `npm test`.
set -euo pipefail
export TEST_DATABASE=postgres
export TEST_POSTGRES_URL="${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
if ! node -e '
  const pg = require("pg");
  const c = new pg.Client({ connectionString: process.env.TEST_POSTGRES_URL, connectionTimeoutMillis: 3000 });
  c.connect().then(() => c.end(), () => process.exit(1));
'; then
  echo "WARNING: no PostgreSQL answers at ${TEST_POSTGRES_URL}: the PostgreSQL run is SKIPPED." >&2
  echo "WARNING: set TEST_POSTGRES_URL to a server where the user may create databases." >&2
  exit 0
fi
npx remix build
exec npx vitest run "$@"
