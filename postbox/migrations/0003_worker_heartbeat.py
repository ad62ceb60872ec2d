from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('postbox', '0002_form_token_receipt')]

    initial = False

    operations = [
        ops.CreateModel(
            name='WorkerBeat',
            fields=[
                ('id', fields.CharField(primary_key=True, unique=True, db_index=True, max_length=96)),
                ('started_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('beat_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('detail', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
            ],
            options={'table': 'worker_beat', 'app': 'postbox', 'pk_attr': 'id', 'table_description': 'A worker process saying it is alive: one row per process, written every few seconds,'},
            bases=['Model'],
        ),
    ]
