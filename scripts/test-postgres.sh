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
# Test databases a run left behind (a connection lingered past its file's end): drop those
# whose process is gone.
node -e '
  const pg = require("pg");
  const alive = (pid) => { try { process.kill(pid, 0); return true; } catch { return false; } };
  (async () => {
    const c = new pg.Client({ connectionString: process.env.TEST_POSTGRES_URL });
    await c.connect();
    const { rows } = await c.query(
      "select datname from pg_database where datname like $1 or datname like $2",
      ["oa\\_test\\_%", "oa\\_template\\_%"],
    );
    for (const { datname } of rows) {
      const pid = Number(datname.split("_")[2]);
      if (!alive(pid)) await c.query(`drop database if exists ${datname} with (force)`);
    }
    await c.end();
  })().catch((error) => { console.error(error); process.exit(1); });
'
npx remix build
exec npx vitest run "$@"
