import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("measures", "0007_measure_progress_statement"),
    ]

    operations = [
        migrations.AlterField(
            model_name="observation",
            name="measure",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="observations",
                to="measures.measure",
            ),
        ),
    ]
