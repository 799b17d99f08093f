from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('tenancy', '0001_tenants'),
    ]

    operations = [
        migrations.AddField(
            model_name='tenant',
            name='host',
            field=models.CharField(blank=True, max_length=253),
        ),
        migrations.AddConstraint(
            model_name='tenant',
            constraint=models.UniqueConstraint(condition=models.Q(('host', ''), _negated=True), fields=('host',), name='one_council_per_host'),
        ),
    ]
