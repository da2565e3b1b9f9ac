from django.db import migrations


def forwards(apps, schema_editor):
    from audit.triggers import install

    install(schema_editor.connection)


def backwards(apps, schema_editor):
    from audit.triggers import uninstall

    uninstall(schema_editor.connection)


def chain_head(apps, schema_editor):
    ChainHead = apps.get_model("audit", "ChainHead")
    ChainHead.objects.get_or_create(pk=1, defaults={"seq": 0, "hash": "0" * 64})


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]
    operations = [
        migrations.RunPython(chain_head, migrations.RunPython.noop),
        migrations.RunPython(forwards, backwards),
    ]
