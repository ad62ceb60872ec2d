"""The audit log refuses UPDATE and DELETE at the database, whatever code runs against it."""

from tortoise import migrations
from tortoise.migrations import operations as ops

SQLITE = """
CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
"""

POSTGRES = """
CREATE OR REPLACE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$;
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
"""


async def forwards(apps, schema_editor) -> None:
    client = schema_editor.client
    dialect = client.capabilities.dialect
    await client.execute_script(POSTGRES if dialect == "postgres" else SQLITE)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]

    operations = [ops.RunPython(forwards)]
