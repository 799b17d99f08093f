"""The API's tokens move from DRF's authtoken (the key in plain text) to django-rest-knox (a
digest only, an expiry). Each old key is converted to a knox token that works until it expires
30 days from the upgrade, then the old table, and every plain key in it, is dropped."""

from datetime import timedelta

from django.db import migrations
from django.utils import timezone

OLD_TABLE = "authtoken_token"


def convert_plain_tokens(apps, schema_editor):
    from knox.crypto import hash_token
    from knox.settings import CONSTANTS

    connection = schema_editor.connection
    if OLD_TABLE not in connection.introspection.table_names():
        return
    AuthToken = apps.get_model("knox", "AuthToken")
    quoted = schema_editor.quote_name(OLD_TABLE)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT key, user_id FROM {quoted}")  # noqa: S608 - a fixed name
        rows = cursor.fetchall()
    expiry = timezone.now() + timedelta(days=30)
    AuthToken.objects.bulk_create(
        AuthToken(
            digest=hash_token(key),
            token_key=key[: CONSTANTS.TOKEN_KEY_LENGTH],
            user_id=user_id,
            expiry=expiry,
        )
        for key, user_id in rows
    )
    schema_editor.execute(f"DROP TABLE {quoted}")


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0003_person_tenant"),
        ("knox", "0009_extend_authtoken_field"),
    ]

    operations = [migrations.RunPython(convert_plain_tokens, migrations.RunPython.noop)]
