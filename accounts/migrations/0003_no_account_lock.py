from tortoise import migrations
from tortoise.migrations import operations as ops

class Migration(migrations.Migration):
    dependencies = [('accounts', '0002_audit_append_only')]

    initial = False

    operations = [
        ops.RemoveField(model_name='StaffUser', name='locked_until'),
    ]
