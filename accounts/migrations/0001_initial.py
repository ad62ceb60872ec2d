from tortoise import migrations
from tortoise.migrations import operations as ops
from accounts.roles import Role
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    initial = True

    operations = [
        ops.CreateModel(
            name='AuditEntry',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('actor_id', fields.IntField(null=True)),
                ('actor', fields.CharField(default='system', max_length=254)),
                ('action', fields.CharField(max_length=48)),
                ('object_type', fields.CharField(default='', max_length=32)),
                ('object_id', fields.CharField(default='', max_length=64)),
                ('detail', fields.TextField(default='', unique=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'audit_entry', 'app': 'accounts', 'indexes': [Index(fields=['object_type', 'object_id']), Index(fields=['created_at'])], 'pk_attr': 'id', 'table_description': 'Who did what to which record, and when. Rows are only ever inserted.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='StaffUser',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('email', fields.CharField(unique=True, max_length=254)),
                ('display_name', fields.CharField(default='', max_length=100)),
                ('role', fields.CharEnumField(description='ADMIN: admin\nMODERATOR: moderator\nHELP_AT_HAND: help_at_hand\nEDITOR: editor\nBOARD_MEMBER: board_member\nAMBASSADOR: ambassador', enum_type=Role, max_length=16)),
                ('board_id', fields.IntField(null=True)),
                ('password_hash', fields.CharField(null=True, max_length=255)),
                ('totp_secret', fields.TextField(null=True, unique=False)),
                ('totp_confirmed', fields.BooleanField(default=False)),
                ('totp_last_step', fields.BigIntField(default=0)),
                ('is_active', fields.BooleanField(default=True)),
                ('failed_logins', fields.IntField(default=0)),
                ('locked_until', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('last_login_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'staff_user', 'app': 'accounts', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='SetupToken',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('user', fields.ForeignKeyField('accounts.StaffUser', source_field='user_id', db_constraint=True, to_field='id', related_name='setup_tokens', on_delete=OnDelete.CASCADE)),
                ('digest', fields.CharField(unique=True, max_length=64)),
                ('expires_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('used_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'staff_setup_token', 'app': 'accounts', 'pk_attr': 'id', 'table_description': 'A one-time link to set a password and enrol TOTP (new account or reset).'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='StaffSession',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('user', fields.ForeignKeyField('accounts.StaffUser', source_field='user_id', db_constraint=True, to_field='id', related_name='sessions', on_delete=OnDelete.CASCADE)),
                ('digest', fields.CharField(unique=True, max_length=64)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('last_seen_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'staff_session', 'app': 'accounts', 'pk_attr': 'id', 'table_description': 'A signed-in browser. The cookie holds a random id, and only its digest is stored.'},
            bases=['Model'],
        ),
    ]
