"""The demo's paper record: the front sheet of the CYPP's Year 2 report to Cabinet on 9 July
2018, as the council wrote it, started as the performance team would (the data's sections
filled in) and then typed. A draft, so that anyone trying the demo can change and publish it."""

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
    "summary": "The Children & Young People's Plan 2016–2019 (CYPP) was approved by Cabinet in "
    "May 2016, and was further endorsed by Full Council in May 2016. This is a multi-agency plan "
    "that reflects the commitment of strategic partners and the Leader of Somerset County "
    "Council for children's services to be 'good' or 'better' in three years. This report "
    "provides a progress update on the second year of the CYPP against each of the 7 "
    "Improvement Programmes designed to improve outcomes for vulnerable children and their "
    "families.",
    "recommendations": "That Cabinet acknowledge the significant work that has been undertaken "
    "to date and endorse the improvements and achievements in delivering the 7 Improvement "
    "Programmes.",
    "reasons": "The CYPP sets the vision and priorities for partners and this progress report "
    "for Year 2 of the plan evidences the improvements in delivery of Somerset Children's "
    "Services, particularly the functions of Children's Social Care.",
    "links_to_priorities": "The Children's Services improvement journey has been a key priority "
    "for the local authority since the Ofsted inspection in 2015, focusing on improving practice "
    "and quality of services. Ofsted's re-inspection in November 2017 judged children's services "
    'in Somerset "require improvement to be good". All subsequent actions will be focused on '
    'the improvement journey to achieve "Good."',
    "consultations": "All due consultations were undertaken, during the development of the "
    "Children & Young People's Plan (CYPP), prior to its approval by Cabinet in May 2016. There "
    "is continuing involvement in the delivery and monitoring of the CYPP by the Cabinet Member, "
    "Opposition Spokesperson, Children's Scrutiny and Children's Trust Executive and Board "
    "members.",
    "scrutiny_comments": "The Children and Families Scrutiny Committee receive quarterly "
    "performance reports against each of the 7 Improvement Programmes.",
    "background_papers": "Somerset Children's Trust Children and Young People's Plan 2016 - 2019",
    "appendices": "Governance arrangements for the Somerset Children and Young People's Plan "
    "2016-2019\nCYPP Executive Summary, Quarter 4 2017/18\nCYPP outcome indicators",
    # The executive summary's plan-level parts, said once: the demo's highlight reports copy
    # the issue and the decision into each programme's report, which the paper says once.
    "overall_position": "At the end of Quarter 4 (January to March 2018) the Somerset "
    "Children's Trust (SCT) received reports on the Improvement Programmes that reflect "
    "achievements at the end of the second year and the progress toward its outcomes. Five of "
    "the 7 Improvement Programmes rate their progress as GREEN; however Programmes 6 and 7 have "
    "rated their end of Year 2 status as AMBER and actions not yet completed have informed "
    "their Year 3 Action Plans.",
    "cross_cutting_issues": "Across all programmes the Partnership Team has seen Programme "
    "Leads' and Action Owners' capacity to write reports, and to deliver them on time, fall "
    "sharply, mostly because of staff turnover and time pressure.",
    "decisions_sought": "The SCT Executive is asked to approve the end-of-Year-2 progress of "
    "each of the seven Improvement Programmes.",
}
IMPLICATIONS = {
    "Financial": "The Children and Young People's Plan was approved and fully costed at Cabinet "
    "in May 2016. The seven priorities outlined in the plan are to be met within the agreed "
    "budgets and staffing resources of SCC and its partners. Ongoing financial monitoring of "
    "the CYPP is reported by the Director of Finance through his regular reports to Cabinet.",
    "Legal": "N/A",
    "HR": "Workforce is the main theme of Improvement Programme 7 and the HR/OD Director has "
    "submitted his findings as part of the quarterly reporting arrangements.",
    "Other (including due regard)": "These implications have been considered on an ongoing "
    "basis as part of the delivery of the 7 Improvement Programmes.",
}
RISK_LEAD = (
    "The principal risk lies in the failure to secure improvement which would not deliver the "
    "Council's ambitions in relation to improved outcomes for children and young people in "
    "Somerset. This could also result in further intervention by the Secretary of State."
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
