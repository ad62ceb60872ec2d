from tortoise import migrations
from tortoise.migrations import operations as ops
from boards.models import BoardKind
from tortoise import fields

class Migration(migrations.Migration):
    initial = True

    operations = [
        ops.CreateModel(
            name='Board',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('name', fields.CharField(unique=True, max_length=120)),
                ('kind', fields.CharEnumField(description='BOARD: board\nCOHORT: cohort', enum_type=BoardKind, max_length=8)),
                ('description', fields.TextField(default='', unique=False)),
                ('active_from', fields.DateField(null=True)),
                ('active_until', fields.DateField(null=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'board', 'app': 'boards', 'pk_attr': 'id'},
            bases=['Model'],
        ),
    ]
