from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('postbox', '0001_initial')]

    initial = False

    operations = [
        ops.AddField(
            model_name='View',
            name='form_token_digest',
            field=fields.CharField(null=True, unique=True, max_length=64),
        ),
        ops.AddField(
            model_name='View',
            name='receipt_sealed',
            field=fields.TextField(null=True, unique=False),
        ),
    ]
