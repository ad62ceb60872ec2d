from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from web.models import JobState, OutboxState
from postbox.models import ViewStatus
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    initial = True

    operations = [
        ops.CreateModel(
            name='Job',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('kind', fields.CharField(max_length=32)),
                ('payload', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('state', fields.CharEnumField(default=JobState.PENDING, description='PENDING: pending\nDONE: done\nFAILED: failed', enum_type=JobState, max_length=8)),
                ('attempts', fields.IntField(default=0)),
                ('run_after', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('lease_until', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('lease_owner', fields.CharField(null=True, max_length=32)),
                ('last_error', fields.TextField(null=True, unique=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('finished_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'job', 'app': 'postbox', 'indexes': [Index(fields=['state', 'run_after'])], 'pk_attr': 'id', 'table_description': 'A durable unit of work: claimed under a lease, retried with back-off, never dropped.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='OutboxMessage',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('to', fields.CharField(max_length=254)),
                ('subject', fields.CharField(max_length=200)),
                ('text_body', fields.TextField(unique=False)),
                ('html_body', fields.TextField(null=True, unique=False)),
                ('state', fields.CharEnumField(default=OutboxState.PENDING, description='PENDING: pending\nSENT: sent', enum_type=OutboxState, max_length=8)),
                ('attempts', fields.IntField(default=0)),
                ('next_attempt_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('lease_until', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('lease_owner', fields.CharField(null=True, max_length=32)),
                ('last_error', fields.TextField(null=True, unique=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('sent_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'outbox_message', 'app': 'postbox', 'indexes': [Index(fields=['state', 'next_attempt_at'])], 'pk_attr': 'id', 'table_description': 'An e-mail written in the same transaction as the thing it announces, sent later.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='View',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('receipt_digest', fields.CharField(unique=True, max_length=64)),
                ('text', fields.TextField(unique=False)),
                ('redacted_text', fields.TextField(null=True, unique=False)),
                ('theme', fields.CharField(null=True, max_length=64)),
                ('suggested_theme', fields.CharField(null=True, max_length=64)),
                ('age_band', fields.CharField(null=True, max_length=16)),
                ('area', fields.CharField(null=True, max_length=64)),
                ('found_us', fields.CharField(null=True, max_length=64)),
                ('quote_consent', fields.BooleanField(default=False)),
                ('status', fields.CharEnumField(default=ViewStatus.RECEIVED, description='RECEIVED: received\nBEING_READ: being_read\nWITH_HELP_TEAM: with_help_team\nSHARED: shared\nANSWERED: answered', enum_type=ViewStatus, max_length=16)),
                ('level', fields.CharField(null=True, max_length=8)),
                ('needs_human', fields.BooleanField(default=False)),
                ('released', fields.BooleanField(default=False)),
                ('show_help', fields.BooleanField(default=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'view', 'app': 'postbox', 'indexes': [Index(fields=['status', 'created_at']), Index(fields=['released', 'theme'])], 'pk_attr': 'id', 'table_description': "What a child sent. ``text`` is the child's words exactly as kept (never hard-deleted"},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Reply',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('view', fields.ForeignKeyField('postbox.View', source_field='view_id', db_constraint=True, to_field='id', related_name='replies', on_delete=OnDelete.CASCADE)),
                ('body', fields.TextField(unique=False)),
                ('author_id', fields.IntField(null=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'reply', 'app': 'postbox', 'pk_attr': 'id'},
            bases=['Model'],
        ),
    ]
