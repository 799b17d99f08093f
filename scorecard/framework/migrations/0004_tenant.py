"""Plans, organisations and boards belong to a tenant (docs/decisions/0002-tenants.md): the
column is added empty, every existing row goes into one default tenant, then it is required."""

import django.db.models.deletion
from django.db import migrations, models

import scorecard.tenancy.models

OWNED = ["organisation", "board", "plan"]


def default_tenant(apps):
    """The first tenant, or a new one named after the first organisation (the council whose
    data this database held)."""
    Tenant = apps.get_model("tenancy", "Tenant")
    tenant = Tenant.objects.order_by("pk").first()
    if tenant is None:
        Organisation = apps.get_model("framework", "Organisation")
        first = Organisation.objects.order_by("pk").first()
        name = first.name if first is not None else "Default council"
        tenant = Tenant.objects.create(slug="default", name=name)
    return tenant


def into_default_tenant(apps, schema_editor):
    models_ = [apps.get_model("framework", name) for name in OWNED]
    if not any(model.objects.exists() for model in models_):
        return
    tenant = default_tenant(apps)
    for model in models_:
        model.objects.filter(tenant__isnull=True).update(tenant=tenant)


class Migration(migrations.Migration):
    dependencies = [
        ("framework", "0003_organisation_area"),
        ("tenancy", "0001_tenants"),
    ]

    operations = [
        *[
            migrations.AddField(
                model_name=name,
                name="tenant",
                field=models.ForeignKey(
                    null=True,
                    on_delete=django.db.models.deletion.PROTECT,
                    related_name="+",
                    to="tenancy.tenant",
                ),
            )
            for name in OWNED
        ],
        migrations.RunPython(into_default_tenant, migrations.RunPython.noop),
        # Required, then given its default (in two steps, so that the default is never
        # called while migrating: it reads the current Tenant model).
        *[
            migrations.AlterField(
                model_name=name,
                name="tenant",
                field=models.ForeignKey(
                    on_delete=django.db.models.deletion.PROTECT,
                    related_name="+",
                    to="tenancy.tenant",
                ),
            )
            for name in OWNED
        ],
        *[
            migrations.AlterField(
                model_name=name,
                name="tenant",
                field=models.ForeignKey(
                    default=scorecard.tenancy.models.default_tenant_id,
                    on_delete=django.db.models.deletion.PROTECT,
                    related_name="+",
                    to="tenancy.tenant",
                ),
            )
            for name in OWNED
        ],
    ]
