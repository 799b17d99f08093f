"""People belong to a tenant: existing people go into the default tenant (made by
framework 0004, or here when the database held people only)."""

import django.db.models.deletion
from django.db import migrations, models

import scorecard.tenancy.models


def into_default_tenant(apps, schema_editor):
    Person = apps.get_model("people", "Person")
    if not Person.objects.exists():
        return
    Tenant = apps.get_model("tenancy", "Tenant")
    tenant = Tenant.objects.order_by("pk").first()
    if tenant is None:
        tenant = Tenant.objects.create(slug="default", name="Default council")
    Person.objects.filter(tenant__isnull=True).update(tenant=tenant)


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0002_person_account_and_plans"),
        ("framework", "0004_tenant"),
        ("tenancy", "0001_tenants"),
    ]

    operations = [
        migrations.AddField(
            model_name="person",
            name="tenant",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="tenancy.tenant",
            ),
        ),
        migrations.RunPython(into_default_tenant, migrations.RunPython.noop),
        # Required, then given its default (two steps: the default is never called while
        # migrating).
        migrations.AlterField(
            model_name="person",
            name="tenant",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="tenancy.tenant",
            ),
        ),
        migrations.AlterField(
            model_name="person",
            name="tenant",
            field=models.ForeignKey(
                default=scorecard.tenancy.models.default_tenant_id,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="tenancy.tenant",
            ),
        ),
    ]
