from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from boards.models import UpdateState, UpdateStatus
from json import dumps, loads
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('boards', '0001_initial')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Update',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('slug', fields.CharField(unique=True, max_length=120)),
                ('title', fields.CharField(max_length=200)),
                ('theme', fields.CharField(max_length=64)),
                ('board', fields.ForeignKeyField('boards.Board', source_field='board_id', db_constraint=True, to_field='id', related_name='updates', on_delete=OnDelete.RESTRICT)),
                ('you_said', fields.TextField(default='', unique=False)),
                ('we_did', fields.TextField(default='', unique=False)),
                ('status', fields.CharEnumField(default=UpdateStatus.PLANNED, description='PLANNED: planned\nIN_PROGRESS: in_progress\nDONE: done\nCOULDNT_DO: couldnt_do', enum_type=UpdateStatus, max_length=16)),
                ('reason', fields.TextField(default='', unique=False)),
                ('progress', fields.IntField(default=0)),
                ('easy_read', fields.TextField(default='', unique=False)),
                ('state', fields.CharEnumField(default=UpdateState.DRAFT, description='DRAFT: draft\nIN_REVIEW: in_review\nPUBLISHED: published', enum_type=UpdateState, max_length=12)),
                ('author_id', fields.IntField(null=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('submitted_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('published_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'board_update', 'app': 'boards', 'indexes': [Index(fields=['state', 'published_at']), Index(fields=['board_id', 'state'])], 'pk_attr': 'id', 'table_description': 'A "you said, we did" update: what children said, what was done, and how far it got.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='TimelineEntry',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('update', fields.ForeignKeyField('boards.Update', source_field='update_id', db_constraint=True, to_field='id', related_name='timeline', on_delete=OnDelete.CASCADE)),
                ('happened_on', fields.DateField()),
                ('text', fields.TextField(unique=False)),
                ('author_id', fields.IntField(null=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'board_update_timeline', 'app': 'boards', 'pk_attr': 'id', 'table_description': "One dated step in an update's story, shown to children on the public page."},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='UpdateRevision',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('update', fields.ForeignKeyField('boards.Update', source_field='update_id', db_constraint=True, to_field='id', related_name='revisions', on_delete=OnDelete.CASCADE)),
                ('author_id', fields.IntField(null=True)),
                ('author', fields.CharField(default='system', max_length=254)),
                ('state', fields.CharField(max_length=12)),
                ('snapshot', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'board_update_revision', 'app': 'boards', 'pk_attr': 'id', 'table_description': 'A snapshot of an update taken at every save, with who saved it.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='UpdateView',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('update', fields.ForeignKeyField('boards.Update', source_field='update_id', db_constraint=True, to_field='id', related_name='view_links', on_delete=OnDelete.CASCADE)),
                ('view_id', fields.BigIntField(db_index=True)),
                ('quoted', fields.BooleanField(default=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'board_update_view', 'app': 'boards', 'unique_together': (('update', 'view_id'),), 'pk_attr': 'id', 'table_description': "A child's view an update answers. ``quoted`` marks a consented quote picked for it."},
            bases=['Model'],
        ),
    ]
