from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.fields.base import OnDelete
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('boards', '0002_updates')]

    initial = True

    operations = [
        ops.CreateModel(
            name='LocalIssue',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('board_id', fields.IntField(db_index=True)),
                ('author_id', fields.IntField(null=True)),
                ('area', fields.CharField(max_length=64)),
                ('title', fields.CharField(max_length=200)),
                ('body', fields.TextField(unique=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updates', fields.ManyToManyField('boards.Update', unique=True, db_constraint=True, through='local_issue_update', forward_key='update_id', backward_key='local_issue_id', related_name='local_issues', on_delete=OnDelete.CASCADE)),
            ],
            options={'table': 'local_issue', 'app': 'ambassadors', 'pk_attr': 'id', 'table_description': 'A short note from an ambassador about an issue where they live.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='LocalIssueView',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('issue', fields.ForeignKeyField('ambassadors.LocalIssue', source_field='issue_id', db_constraint=True, to_field='id', related_name='view_links', on_delete=OnDelete.CASCADE)),
                ('view_id', fields.BigIntField(db_index=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'local_issue_view', 'app': 'ambassadors', 'unique_together': (('issue', 'view_id'),), 'pk_attr': 'id', 'table_description': "A child's view a local issue is about (plain id, as in ``boards.UpdateView``)."},
            bases=['Model'],
        ),
    ]
