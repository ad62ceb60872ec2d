from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from tortoise.fields.base import OnDelete
from tortoise import fields

class Migration(migrations.Migration):
    initial = True
    dependencies = [("postbox", "0001_initial")]

    operations = [
        ops.CreateModel(
            name='Screening',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('view', fields.ForeignKeyField('postbox.View', source_field='view_id', db_constraint=True, to_field='id', related_name='screenings', on_delete=OnDelete.CASCADE)),
                ('stage', fields.CharField(max_length=8)),
                ('level', fields.CharField(max_length=8)),
                ('needs_human', fields.BooleanField(default=False)),
                ('categories', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('reasons', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('spans', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('pii', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('language', fields.CharField(default='en', max_length=16)),
                ('model_versions', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('elapsed_ms', fields.FloatField(default=0.0)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'screening', 'app': 'moderation', 'pk_attr': 'id', 'table_description': 'One run of the screen over one view. ``stage`` is "fast" (in the request) or "full".'},
            bases=['Model'],
        ),
    ]
