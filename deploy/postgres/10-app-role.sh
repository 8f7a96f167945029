#!/bin/bash
# Runs once, when the PostgreSQL container initialises its data volume (docker-entrypoint-initdb.d).
# POSTGRES_USER owns the schema and runs the migrations; the application connects as jianxi_app, which
# gets ordinary DML on what the owner creates. Migration V19 then takes UPDATE, DELETE and TRUNCATE on the
# audit tables away from it, so the application can only append to the audit log (docs/adr/0012).
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v app_password="$JIANXI_APP_DB_PASSWORD" -v owner="$POSTGRES_USER" -v db="$POSTGRES_DB" <<'SQL'
create role jianxi_app login password :'app_password';
grant connect on database :"db" to jianxi_app;
grant usage on schema public to jianxi_app;
alter default privileges for role :"owner" in schema public grant select, insert, update, delete on tables to jianxi_app;
alter default privileges for role :"owner" in schema public grant usage, select on sequences to jianxi_app;
SQL
