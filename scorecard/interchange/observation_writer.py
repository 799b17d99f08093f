"""Writing checked observation rows a batch at a time: new rows inserted as plain rows with
their audit entries; stored rows compared by key, batch by batch; changed rows updated with
their earlier values kept as revisions; unchanged rows left alone; targets set at the end."""

from __future__ import annotations

from decimal import Decimal

from django.db import connection
from django.utils import timezone

from scorecard.audit import capture as audit
from scorecard.audit.bulk import Snapshots, record_created_rows
from scorecard.audit.values import snapshot
from scorecard.interchange.observation_stream import Reading
from scorecard.measures.choices import Approval
from scorecard.measures.models import Measure, Observation, ObservationRevision, Target
from scorecard.sql_rows import adapt_datetime, insert_rows

# Rows checked before each write: large enough that each statement carries thousands of rows,
# small enough that memory stays flat whatever the file's size.
BATCH = 5000
# Model batch size for the (fewer) changed rows that go through model instances.
CHANGED_BATCH = 2000

# Observation's concrete fields, in the order snapshot() gives them.
SNAPSHOT_ORDER = ("id", "period", "period_kind", "period_first_month", "period_months",
    "period_last_month", "value", "numerator", "denominator", "status", "commentary",
    "entered_by", "entered_at", "approval", "written_decimals", "measure_id",
    "breakdown")  # fmt: skip

COLUMNS = (
    "period",
    "period_kind",
    "period_first_month",
    "period_months",
    "period_last_month",
    "value",
    "numerator",
    "denominator",
    "status",
    "commentary",
    "entered_by",
    "entered_at",
    "approval",
    "written_decimals",
    "measure_id",
    "breakdown",
)
# An import is the team's: its figures are approved as they are written (docs/formats.md).
APPROVED = Approval.APPROVED.value


def _values(reading: Reading) -> dict:
    return {
        "value": reading.value,
        "numerator": reading.numerator,
        "denominator": reading.denominator,
        "status": reading.status,
        "commentary": reading.commentary,
        "written_decimals": reading.written_decimals,
    }


class ObservationWriter:
    """Writes one import's observations; `write` a batch at a time, then `finish`."""

    def __init__(self, entered_by: str) -> None:
        self.entered_by = entered_by
        self.now = timezone.now()
        self._stored_now = adapt_datetime(self.now)
        self.measures = dict(Measure.objects.values_list("measure_id", "pk"))
        # Measures with no stored observation need no look-up: a first load compares nothing.
        self.stored = set(
            Observation.objects.order_by().values_list("measure_id", flat=True).distinct()
        )
        if self.stored and connection.vendor == "postgresql":
            # Right after a large load the planner may still think the table small, and look
            # each batch's keys up by reading all of it (a cost that grows with the square of
            # the rows); fresh statistics make it use the unique index.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE measures_observation")
        self.snapshots = Snapshots(Observation)
        # The snapshot's JSON text is assembled here from parts: the fields of a period, and
        # who entered it and when, are the same for many rows and encoded once.
        if tuple(self.snapshots.names) != SNAPSHOT_ORDER:
            raise RuntimeError("Observation's fields changed: update SNAPSHOT_ORDER and _insert")
        self._entered = self.snapshots.fields(entered_by=entered_by, entered_at=self.now)
        self._periods: dict[str, tuple[tuple, str]] = {}
        self.targets: list[tuple[int, object, Decimal]] = []
        self.count = 0

    def write(self, batch: list[Reading]) -> None:
        pks = [self.measures[r.measure_id] for r in batch]
        existing = self._existing(
            [(pk, r) for pk, r in zip(pks, batch, strict=True) if pk in self.stored]
        )
        new, changed = [], {}
        for pk, reading in zip(pks, batch, strict=True):
            found = existing.get((pk, reading.label, reading.breakdown))
            if found is None:
                new.append((pk, reading))
            elif found[1:] != (
                reading.value,
                reading.numerator,
                reading.denominator,
                reading.status,
                reading.commentary,
                reading.written_decimals,
                APPROVED,
            ):
                # Changed, or the same as an owner's provisional figure: the import approves it.
                changed[found[0]] = reading
            if reading.target is not None:
                self.targets.append((pk, reading.period, reading.target))
        self._insert(new)
        self._update(changed)
        self.count += len(batch)

    def _existing(self, rows: list[tuple[int, Reading]]) -> dict[tuple, tuple]:
        """{(measure pk, period label, breakdown): (id, *HISTORY_FIELDS, approval)} of stored
        rows."""
        if not rows:
            return {}
        found: dict[tuple, tuple] = {}
        # In key order, so that each look-up names few measures.
        rows = sorted(rows, key=lambda item: (item[0], item[1].label))
        size = 300
        for start in range(0, len(rows), size):
            chunk = rows[start : start + size]
            measures = sorted({pk for pk, _ in chunk})
            labels = sorted({r.label for _, r in chunk})
            # The plain IN lists let each database search the unique index by measure and
            # period; the row values then pick the exact keys (alone, they are a full scan).
            where = (
                f"measure_id IN ({', '.join(['%s'] * len(measures))}) "
                f"AND period IN ({', '.join(['%s'] * len(labels))}) "
                f"AND (measure_id, period, breakdown) IN "
                f"(VALUES {', '.join(['(%s, %s, %s)'] * len(chunk))})"
            )
            params = [*measures, *labels]
            params += [v for pk, r in chunk for v in (pk, r.label, r.breakdown)]
            # Only placeholders go into the SQL text: every value is a parameter.
            query = Observation.objects.extra(where=[where], params=params)  # noqa: S610  # nosec B610
            stored = query.order_by().values_list(
                "measure_id", "period", "breakdown", "pk", *Observation.HISTORY_FIELDS, "approval"
            )
            for row in stored:
                found[row[:3]] = row[3:]
        return found

    def _period(self, reading: Reading) -> tuple[tuple, str]:
        """A period's columns, and the same as part of a snapshot's JSON text."""
        found = self._periods.get(reading.label)
        if found is None:
            period = reading.period
            columns = (
                reading.label,
                period.kind.value,
                period.first_month,
                period.months,
                period.last_month,
            )
            text = self.snapshots.fields(**dict(zip(COLUMNS[:5], columns, strict=True)))
            found = self._periods[reading.label] = (columns, text)
        return found

    def _insert(self, new: list[tuple[int, Reading]]) -> None:
        if not new:
            return
        by, at = self.entered_by, self._stored_now
        periods = [self._period(r) for _, r in new]
        rows = [
            (
                *columns,
                r.value,
                r.numerator,
                r.denominator,
                r.status,
                r.commentary,
                by,
                at,
                APPROVED,
                r.written_decimals,
                pk,
                r.breakdown,
            )
            for (pk, r), (columns, _) in zip(new, periods, strict=True)
        ]
        ids = insert_rows(Observation, COLUMNS, rows, returning=True)
        encode = self.snapshots.encoders
        number, text, entered = encode["value"], encode["commentary"], self._entered
        whole = encode["written_decimals"]
        record_created_rows(
            Observation,
            Measure,
            (
                (
                    key,
                    # str(Observation): "<measure pk> <period>[ (<breakdown>)]: <value>"
                    f"{pk} {r.label}{f' ({r.breakdown})' if r.breakdown else ''}: {r.value}",
                    pk,
                    f'{{"id": {key}, {fields}, "value": {number(r.value)}, '
                    f'"numerator": {number(r.numerator)}, '
                    f'"denominator": {number(r.denominator)}, "status": {text(r.status)}, '
                    f'"commentary": {text(r.commentary)}, {entered}, '
                    f'"approval": "{APPROVED}", '
                    f'"written_decimals": {whole(r.written_decimals)}, "measure_id": {pk}, '
                    f'"breakdown": {text(r.breakdown)}}}',
                )
                for key, (pk, r), (_, fields) in zip(ids, new, periods, strict=True)
            ),
        )

    def _update(self, changed: dict[int, Reading]) -> None:
        """Changed rows through model instances, as edits are made: their earlier values kept
        as revisions, and the audit trail written for both."""
        if not changed:
            return
        observations = list(Observation.objects.filter(pk__in=list(changed)))
        revisions, before = [], []
        for observation in observations:
            before.append(snapshot(observation))
            values = _values(changed[observation.pk])
            if observation.changed_by(values):
                revisions.append(observation.revise(values, self.entered_by, self.now))
            else:
                # How a stored figure was written, learnt now: nothing published changes.
                observation.written_decimals = values["written_decimals"]
            # Unchanged figures keep who entered them: only their approval is the import's.
            observation.approval = APPROVED
        ObservationRevision.objects.bulk_create(revisions, batch_size=CHANGED_BATCH)
        fields = [*Observation.HISTORY_FIELDS, "entered_by", "entered_at", "approval"]
        Observation.objects.bulk_update(observations, fields, batch_size=CHANGED_BATCH)
        # bulk_create and bulk_update send no signals: the audit trail is written here.
        audit.record_created(revisions)
        audit.record_changed(zip(before, observations, strict=True))

    def finish(self) -> None:
        """Targets from the rows that set one, in file order, as one at a time they were."""
        for pk, period, value in self.targets:
            Target.objects.update_or_create(
                measure_id=pk,
                from_month=period.first_month,
                defaults={"value": value, "from_period": period.label},
            )
        self.targets = []
