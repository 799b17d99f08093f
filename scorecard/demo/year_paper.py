"""The demo's paper record for the CYPP's Year 2 report itself (seed 000: the year 2017/18, to
Cabinet on 9 July 2018), beside the record for its last quarter (papers.py): the seed's names,
dates and figures; the words are the demo's own, short, as a performance officer types them.
Started as the team would (the summary and the risk from the data, the background from the
plan), then typed over. A draft, so that anyone trying the demo can change and publish it."""

from __future__ import annotations

from scorecard.core.periods import Period
from scorecard.core.wording import number_word
from scorecard.demo.papers import MEETING, TYPED, type_cabinet_paper
from scorecard.framework.models import Plan, Programme
from scorecard.papers.actions import StartPaper
from scorecard.papers.models import Paper

# Who the paper is from and for, as the quarter's record says it; and what every programme's
# report copies, said once for the plan in the same words so that the programmes' copies are not
# said again.
COPIED = (*Paper.HEADING_FIELDS, "cross_cutting_issues", "decisions_sought")
YEAR_TYPED = {
    "summary": "The Children & Young People's Plan 2016–2019 is the partners' shared plan for "
    "children's services to be good or better in three years; Cabinet approved it and Full "
    "Council endorsed it in May 2016. This is the annual report on Year 2 (2017/18): what each "
    "of the 7 Improvement Programmes did for the children and families most in need.",
    "recommendations": "Cabinet is asked to recognise the work done in Year 2 and to endorse "
    "what the 7 Improvement Programmes have improved and achieved.",
    "reasons": "The plan holds the partners' vision and priorities. This annual report is the "
    "evidence of how children's services, and children's social care most of all, got better "
    "in its second year.",
    "links_to_priorities": "Children's services have been a council priority since Ofsted's "
    "2015 inspection. Ofsted came back in November 2017 and judged services as requiring "
    "improvement to be good; what follows is aimed at Good.",
    "consultations": "Consulted on while the plan was written, before Cabinet approved it in "
    "May 2016. The Cabinet Member, the Opposition Spokesperson, Children's Scrutiny and the "
    "Children's Trust Executive and Board stay involved in delivering and monitoring it.",
    "scrutiny_comments": "Each quarter the Children and Families Scrutiny Committee gets a "
    "performance report on all 7 Improvement Programmes.",
    "background_papers": "Somerset Children's Trust Children and Young People's Plan 2016 - 2019",
    "appendices": "4.1 Children and Young People's Plan 2016-2019 (approved May 2016)\n"
    "4.2 The overarching measures: progress at the end of Year 2\n"
    "4.3 CYPP Executive Summary, Quarter 4 2017/18\n"
    "4.4 Board diagram: governance of the Children and Young People's Plan 2016-2019",
    "overall_position": "All 7 programmes reported for Quarter 4 (January to March 2018), the "
    "end of Year 2. Five rate Green; Programmes 6 and 7 rate Amber and take their unfinished "
    "actions into Year 3. The Executive met the programme leads in a workshop to look back on "
    "the year and settle Year 3's actions, as Ofsted's judgement of November 2017 (Requires "
    "Improvement, with thirteen recommendations) was published.",
    "measures_overview": "Beside each programme's own measures the plan has overarching "
    "measures of whether children's lives are better (Appendix 4.2). Many are outcomes that "
    "take years to move, so the 2018/19 work plans stay on the actions meant to shift them. "
    "Staff tell us partners work together more closely than before, though capacity and "
    "resources still get in the way; a survey of partners' staff will inform the next plan.",
    "boards_view": "The Executive is pleased with Year 2 but notes the targets that were "
    "missed. For the plan's last year it is concerned about recruiting and keeping staff, the "
    "data needed to show progress, and partners' capacity to drive the programmes.",
    "governance_arrangements": "Quarter 4 closes the plan's second year. The Partnership Team, "
    "led by the Partnership Business Manager, helps the delivery groups, the Executive and the "
    "Board keep track of all 7 programmes. The Board met twice in 2017/18, on family "
    "support services and on engaging with communities; this annual report goes to Cabinet "
    "in July 2018.",
}
YEAR_IMPLICATIONS = {
    "Financial": "Cabinet approved the plan fully costed in May 2016, modelled on what a council "
    "rated good spends (the CIPFA benchmarking tool). It is delivered within the budgets and "
    "staff the council and its partners have agreed, with £6m more in the base budget for "
    "Children's Social Care. The Director of Finance reports its spending to Cabinet.",
    "Legal": "N/A",
    "HR": "Programme 7 is about the workforce; the HR/OD Director reports on it in each "
    "quarter's round.",
    "Other (including due regard)": "Considered throughout, as part of delivering the 7 "
    "Improvement Programmes.",
}


def year_background(plan: Plan) -> str:
    """The plan's aim and its four features, its programmes in order, and how they report:
    typed over what the paper was started with (the plan's vision, which the governance
    section gives already)."""
    programmes = [p.name for p in Programme.objects.current().filter(plan=plan)]
    listed = "\n".join(f"- {number}. {name}" for number, name in enumerate(programmes, 1))
    return (
        "The plan sets out what the partners mean to do together, and how they will know they "
        "are improving. It rests on four features: prevention, acting early; child and family "
        "centred work; collaboration, sharing resources; and integration, joined-up care across "
        "organisations.\n\n"
        f"Its {number_word(len(programmes))} Improvement Programmes:\n{listed}\n\n"
        "Year 2 (2017/18) is now complete. Each programme has a delivery group with a chair and "
        "a Somerset Children's Trust lead sponsor, working to an annual action plan, and reports "
        "to the Children's Trust Executive every quarter in a highlight report (Appendix 4.3). "
        "This report sets out what each programme achieved by the end of the year."
    )


def add_demo_year_paper(team_user) -> None:
    plan = Plan.objects.get(plan_id="cypp")
    year = Period.financial_year(2017)
    paper = StartPaper(team_user, plan, "programme", year, "Cabinet", MEETING).execute()
    typed = {name: TYPED[name] for name in COPIED} | YEAR_TYPED
    type_cabinet_paper(paper, typed | {"background": year_background(plan)}, YEAR_IMPLICATIONS)
