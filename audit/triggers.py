"""Database triggers that refuse UPDATE and DELETE on the audit tables."""
from __future__ import annotations

from typing import Any

PROTECTED_TABLES = ("audit_auditevent",)

_PG_FUNCTION = """
CREATE OR REPLACE FUNCTION audit_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit tables are append-only (% on %)', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
"""


def create_sql(vendor: str) -> list[str]:
    statements: list[str] = []
    if vendor == "postgresql":
        statements.append(_PG_FUNCTION)
        for table in PROTECTED_TABLES:
            statements.append(
                f"CREATE OR REPLACE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE "
                f"ON {table} FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();"
            )
            statements.append(
                f"CREATE OR REPLACE TRIGGER {table}_no_truncate BEFORE TRUNCATE "
                f"ON {table} FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();"
            )
    elif vendor == "sqlite":
        for table in PROTECTED_TABLES:
            for op in ("UPDATE", "DELETE"):
                statements.append(
                    f"CREATE TRIGGER IF NOT EXISTS {table}_no_{op.lower()} BEFORE {op} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, 'audit tables are append-only'); END;"
                )
    return statements


def drop_sql(vendor: str) -> list[str]:
    statements: list[str] = []
    for table in PROTECTED_TABLES:
        if vendor == "postgresql":
            statements.append(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table};")
            statements.append(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table};")
        elif vendor == "sqlite":
            statements.append(f"DROP TRIGGER IF EXISTS {table}_no_update;")
            statements.append(f"DROP TRIGGER IF EXISTS {table}_no_delete;")
    return statements


def install(connection: Any) -> None:
    with connection.cursor() as cursor:
        for statement in create_sql(connection.vendor):
            cursor.execute(statement)


def uninstall(connection: Any) -> None:
    with connection.cursor() as cursor:
        for statement in drop_sql(connection.vendor):
            cursor.execute(statement)
