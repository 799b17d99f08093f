"""The demo's paper record: the front sheet of the CYPP's Year 2 report to Cabinet on 9 July
2018 (seed 001's names, dates and figures; the words are the demo's own), started as the
performance team would (the data's sections filled in) and then typed. A draft, so that anyone
trying the demo can change and publish it."""

from __future__ import annotations

from datetime import date

from scorecard.core.periods import Period
from scorecard.framework.models import Plan
from scorecard.papers.actions import StartPaper
from scorecard.papers.choices import RISK_HEADING

MEETING = date(2018, 7, 9)
SEEN_BY = (
    ("County Solicitor", "Honor Clarke", date(2018, 6, 25)),
    ("Monitoring Officer", "Scott Woolridge", date(2018, 6, 18)),
    ("Corporate Finance", "Kevin Nacey", date(2018, 6, 25)),
    ("Human Resources", "Chris Squire", date(2018, 6, 25)),
    ("Property / Procurement / ICT", "Richard Williams", date(2018, 6, 25)),
    ("Senior Manager", "Julian Wooster", date(2018, 6, 25)),
    ("Local Member(s)", "N/A", None),
    ("Cabinet Member", "Cllr F Nicholson", date(2018, 6, 25)),
    ("Opposition Spokesperson", "Cllr J Lock", None),
    ("Relevant Scrutiny Chairman", "Cllr Leigh Redman", None),
)
TYPED = {
    "title": "Children & Young People's Plan 2016 – 2019: report on progress of Year 2 "
    "(1 April 2017 to 31 March 2018)",
    "cabinet_member": "Cllr Frances Nicholson – Cabinet Member for Children and Families",
    "divisions_and_local_members": "All",
    "lead_officer": "Julian Wooster, Director of Children's Services",
    "author": "Fiona Phur, Partnership Business Manager, Children's Services Commissioning",
    "contact_details": "fzphur@somerset.gov.uk",
    "forward_plan_reference": "FP/18/04/07",
    # The sections below are the demo's own words: the seeds' names, dates and numbers may be
    # demo data, their prose may not.
    "summary": "Cabinet and Full Council approved the Children & Young People's Plan 2016–2019 "
    "in May 2016. Its partners share one aim: children's services judged good or better within "
    "three years. This paper reports the second year of the plan, programme by programme, for "
    "all 7 Improvement Programmes.",
    "recommendations": "Cabinet is asked to note the progress made in Year 2 and to endorse the "
    "7 Improvement Programmes' achievements.",
    "reasons": "The plan is the partners' shared statement of priorities; this report shows "
    "Cabinet what Year 2 delivered, above all in children's social care.",
    "links_to_priorities": "Improving children's services has been a council priority since the "
    '2015 Ofsted inspection. The November 2017 re-inspection found services that "require '
    'improvement to be good"; the plan\'s remaining work aims at "Good".',
    "consultations": "Partners and members were consulted while the plan was written, before "
    "Cabinet approved it in May 2016. The Cabinet Member, the Opposition Spokesperson, "
    "Children's Scrutiny and the Children's Trust Executive and Board follow its delivery.",
    "scrutiny_comments": "The Children and Families Scrutiny Committee sees a performance report "
    "on the 7 Improvement Programmes every quarter.",
    "background_papers": "Somerset Children's Trust Children and Young People's Plan 2016 - 2019",
    "appendices": "Governance arrangements for the Somerset Children and Young People's Plan "
    "2016-2019\nCYPP Executive Summary, Quarter 4 2017/18\nCYPP outcome indicators",
    # The executive summary's plan-level parts, said once: the demo's highlight reports copy
    # the issue and the decision into each programme's report, which the paper says once.
    "overall_position": "At the end of Quarter 4 (January to March 2018) the Somerset Children's "
    "Trust had every Improvement Programme's Year 2 report. 5 of the 7 programmes rate their "
    "progress Green; Programmes 6 and 7 rate Amber, and the actions they have not finished are "
    "carried into their Year 3 action plans.",
    "cross_cutting_issues": "Across all programmes the Partnership Team has seen Programme "
    "Leads' and Action Owners' capacity to write reports, and to deliver them on time, fall "
    "sharply, mostly because of staff turnover and time pressure.",
    "decisions_sought": "The SCT Executive is asked to approve the end-of-Year-2 progress of "
    "each of the seven Improvement Programmes.",
}
IMPLICATIONS = {
    "Financial": "Cabinet approved the plan with its costs in May 2016. Its 7 priorities are "
    "delivered within the budgets and staff the council and its partners have agreed; the "
    "Director of Finance reports on its spending to Cabinet in his regular reports.",
    "Legal": "N/A",
    "HR": "Improvement Programme 7 is about the workforce; the HR/OD Director reports on it "
    "each quarter.",
    "Other (including due regard)": "Considered throughout the delivery of the 7 Improvement "
    "Programmes.",
}
RISK_LEAD = (
    "The main risk is that improvement is not secured: children and young people in Somerset "
    "would not see the better outcomes the council wants, and the Secretary of State could "
    "intervene again."
)


def add_demo_papers(team_user) -> None:
    plan = Plan.objects.get(plan_id="cypp")
    quarter = Period.quarter(2017, 4)
    paper = StartPaper(team_user, plan, "programme", quarter, "Cabinet", MEETING).execute()
    for name, text in TYPED.items():
        setattr(paper, name, text)
    paper.save()
    for found in paper.implications.all():
        if found.heading == RISK_HEADING:
            # The register's sentence, as the paper was started, after the council's words.
            found.text = f"{RISK_LEAD}\n\n{found.text}"
        else:
            found.text = IMPLICATIONS.get(found.heading, "")
        found.save()
    for order, (role, name, seen_on) in enumerate(SEEN_BY):
        paper.seen_by.create(role=role, name=name, seen_on=seen_on, order=order)
