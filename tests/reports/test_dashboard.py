from scorecard.core.period_parser import parse_period
from scorecard.reports import dashboard


def dump(report):
    print(report.title, report.period, report.organisation, report.cover)
    for level, section in report.walk():
        print("#" * level, section.title)
        for block in section.blocks:
            name = type(block).__name__
            if name == "Table":
                print("  TABLE", block.caption, [c.heading for c in block.columns])
                for row in block.rows:
                    print("   ", [(c.text, c.number) for c in row])
            elif name == "Chart":
                print("  CHART", block.title, "|", block.alt, len(block.svg))
                for row in block.table.rows:
                    print("   ", [(c.text, c.number) for c in row])
            else:
                print("  ", name, getattr(block, "text", getattr(block, "items", "")))


def test_dump(demo_council):
    dump(dashboard.build(parse_period("2018-03"), "corporate-parenting"))
    dump(dashboard.build(parse_period("2018-03")))
