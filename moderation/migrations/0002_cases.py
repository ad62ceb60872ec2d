from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from moderation.models import CaseState, Decision, ReviewState
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('moderation', '0001_initial'), ('postbox', '0001_initial')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Case',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('view', fields.OneToOneField('postbox.View', source_field='view_id', db_constraint=True, to_field='id', related_name='case', on_delete=OnDelete.CASCADE)),
                ('state', fields.CharEnumField(default=CaseState.NEW, description='NEW: new\nACKNOWLEDGED: acknowledged\nIN_PROGRESS: in_progress\nCLOSED: closed', enum_type=CaseState, max_length=12)),
                ('level', fields.CharField(max_length=8)),
                ('level_rank', fields.SmallIntField()),
                ('categories', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('reasons', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('escalation_note', fields.TextField(default='', unique=False)),
                ('escalated_by', fields.CharField(default='screen', max_length=254)),
                ('due_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('assigned_to_id', fields.IntField(null=True)),
                ('assigned_to', fields.CharField(null=True, max_length=254)),
                ('outcome', fields.TextField(default='', unique=False)),
                ('notifications', fields.IntField(default=0)),
                ('last_notified_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('opened_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('acknowledged_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('closed_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'help_case', 'app': 'moderation', 'indexes': [Index(fields=['state', 'level_rank', 'opened_at'])], 'pk_attr': 'id', 'table_description': 'A child who may be at risk, with the Help at Hand team.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='CaseNote',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('case', fields.ForeignKeyField('moderation.Case', source_field='case_id', db_constraint=True, to_field='id', related_name='notes', on_delete=OnDelete.CASCADE)),
                ('author_id', fields.IntField(null=True)),
                ('author', fields.CharField(max_length=254)),
                ('body', fields.TextField(unique=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'case_note', 'app': 'moderation', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='ContactRequest',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('view', fields.ForeignKeyField('postbox.View', source_field='view_id', db_constraint=True, to_field='id', related_name='contact_requests', on_delete=OnDelete.CASCADE)),
                ('sealed', fields.TextField(unique=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'contact_request', 'app': 'moderation', 'pk_attr': 'id', 'table_description': 'How a child asked to be contacted: encrypted at rest, deleted when the case closes.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Review',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('view', fields.OneToOneField('postbox.View', source_field='view_id', db_constraint=True, to_field='id', related_name='review', on_delete=OnDelete.CASCADE)),
                ('state', fields.CharEnumField(default=ReviewState.OPEN, description='OPEN: open\nCLOSED: closed', enum_type=ReviewState, max_length=8)),
                ('level', fields.CharField(max_length=8)),
                ('level_rank', fields.SmallIntField()),
                ('due_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('claimed_by_id', fields.IntField(null=True)),
                ('claimed_by', fields.CharField(null=True, max_length=254)),
                ('claimed_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('decision', fields.CharEnumField(null=True, description='APPROVED: approved\nNOT_A_CONCERN: not_a_concern\nESCALATED: escalated\nCLOSED: closed', enum_type=Decision, max_length=16)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('closed_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'review', 'app': 'moderation', 'indexes': [Index(fields=['state', 'level_rank', 'created_at'])], 'pk_attr': 'id', 'table_description': "A view in the moderators' queue: one per view, opened when the screen wants a person."},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='ScreenLabel',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('view', fields.ForeignKeyField('postbox.View', source_field='view_id', db_constraint=True, to_field='id', related_name='labels', on_delete=OnDelete.CASCADE)),
                ('label', fields.CharField(max_length=24)),
                ('screen_level', fields.CharField(null=True, max_length=8)),
                ('reasons', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('moderator_id', fields.IntField(null=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'screen_label', 'app': 'moderation', 'pk_attr': 'id', 'table_description': "A moderator's verdict on what the screen found, kept to evaluate and retrain it."},
            bases=['Model'],
        ),
    ]
