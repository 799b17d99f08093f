"""The demo's paper records for the CYPP's annual reports: Year 2 (seed 000: the year 2017/18,
to Cabinet on 9 July 2018), beside the record for its last quarter (papers.py), and Year 1
(seed 001: the year 2016/17, to Cabinet). The seeds' names, dates and figures; the words are the
demo's own, short, as a performance officer types them. Started as the team would (the summary
and the risk from the data, the background from the plan), then typed over
(`papers.type_cabinet_paper`). Drafts, so that anyone trying the demo can change and publish
them."""

from __future__ import annotations

from datetime import date

from scorecard.core.periods import Period
from scorecard.core.wording import number_word
from scorecard.demo.papers import MEETING, SEEN_BY, TYPED, type_cabinet_paper
from scorecard.framework.models import Plan, Programme
from scorecard.papers.models import Paper

# Who the paper is from and for, as the quarter's record says it; and what every programme's
# report copies, said once for the plan in the same words so that the programmes' copies are not
# said again.
PEOPLE = (*Paper.HEADING_FIELDS, "cross_cutting_issues", "decisions_sought")
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


# Seed 001: the CYPP's report on Year 1 (2016/17), to Cabinet. The seed's names, dates,
# numbers and references; every sentence is the demo's own.
#
# The seed prints no meeting date: 17 July 2017 (a Monday) is the demo's own choice, a year
# before Year 2's report and after the year's last quarter had reported.
YEAR_ONE_MEETING = date(2017, 7, 17)
# The seed names no cabinet member, lead officer, author or contact: the demo reuses Year 2's
# (the quarter's record's). Its title and forward plan reference are its own (YEAR_ONE_TYPED),
# and it has no cross-cutting issue or decision to say once: the demo's Q4 2016/17 highlight
# reports give none.
YEAR_ONE_PEOPLE = (
    "cabinet_member",
    "divisions_and_local_members",
    "lead_officer",
    "author",
    "contact_details",
)
# The seed has no seen-by table. A row, even without a date, would say that officer or member
# saw this paper, which the seed does not say; so the record has none, and the front sheet
# prints no seen-by table (a row can be added on the Papers page if the council finds one).
YEAR_ONE_SEEN_BY: tuple[tuple[str, str, date | None], ...] = ()
YEAR_ONE_TYPED = {
    "title": "Children & Young People's Plan 2016 – 2019: report on progress of Year 1 "
    "(1 April 2016 to 31 March 2017)",
    "forward_plan_reference": "FP/16/11/10",
    # The seed's summary has Cabinet approving the plan in March 2016, its consultations
    # section in May 2016: the summary's March is kept, and consultations says only 2016.
    "summary": "The Children & Young People's Plan 2016–2019 is a plan shared by many "
    "agencies. Cabinet approved it in March 2016 and Full Council endorsed it in May 2016. "
    "The partners and the Leader of the Council are committed to children's services being "
    "good or better within three years. This paper reports on the plan's first year, "
    "2016/17, for each of the 7 Improvement Programmes, which aim at better lives for the "
    "children and families most at risk.",
    "recommendations": "Cabinet is asked to note the work done in the plan's first year and "
    "to endorse the progress the 7 Improvement Programmes have made.",
    "reasons": "The plan says what the partners aim for and what comes first. This report "
    "on Year 1 shows how Somerset's children's services, and children's social care above "
    "all, are being delivered better.",
    "links_to_priorities": "Improving children's services has been a council priority since "
    "Ofsted inspected them in 2015. Work on better practice and better services ran through "
    "2016/17 and carries on into 2017/18.",
    "consultations": "Partners and members were consulted while the plan was drawn up, before "
    "it was approved in 2016. The Cabinet Member, the Opposition Spokesperson, Children's "
    "Scrutiny and the members of the Children's Trust Executive and Board stay involved as "
    "it is delivered and monitored.",
    "scrutiny_comments": "Not applicable.",
    "background_papers": "Somerset Children's Trust Children and Young People's Plan 2016 - 2019",
    "appendices": "5.1 Children and Young People's Plan Annual Dashboard\n"
    "5.2 Children and Young People's Plan 2016 – 2019 Year 1 Quarter 4 Executive Summary\n"
    "5.3 Somerset Children's Trust Governance Diagram",
    # The seed prints no status for a programme (the demo's Year 1 statuses are a reading):
    # the overall position gives none either.
    "overall_position": "Year 1 (April 2016 to March 2017) is over, and all 7 programmes "
    "reported for Quarter 4 (January to March 2017). Ofsted's quarterly monitoring visits "
    "found adequate progress. In December 2016 the Minister reported the DfE's view: a "
    "significant improvement, with caseloads easier to manage, a steadier workforce and "
    "partners working better together. More is needed for services to be good every time.",
    "measures_overview": "Beside each programme's own measures, the plan has overarching "
    "measures of whether we made a difference (Appendix 5.1). Most are Green or Amber; 3 "
    "measures are Red. They are outcomes that can take years to move, so the 2017/18 work "
    "plans, and later ones, keep working on them.",
    "boards_view": "The Executive is pleased with Year 1. It has drawn up the 2017/18 action "
    "plans to step up improvement in Year 2, so that Year 3 can deliver the plan's outcomes "
    "by 2019.",
    "governance_arrangements": "The plan belongs to the partnership. The Somerset Children's "
    "Trust Board oversees it, as Somerset's lead body for the statutory duty to co-operate, "
    "and the Somerset Safeguarding Children Board follows its safeguarding side. Each "
    "programme reports to a multi-agency board, and every quarter to the Children's Trust "
    "Executive and the Children & Families Scrutiny Committee (Appendix 5.3).",
}
YEAR_ONE_IMPLICATIONS = {
    "Financial": "Cabinet has looked at the plan's costs at earlier meetings, and keeps them "
    "under regular review.",
    "Legal": "N/A",
    "HR": "Improvement Programme 7 deals mainly with the workforce. The HR/OD Director gives "
    "his findings with each quarter's reports.",
    "Other (including due regard)": "N/A: these are weighed all the time, as the 7 "
    "Improvement Programmes are delivered.",
}


def programme_list(plan: Plan) -> str:
    """'Its seven Improvement Programmes:' and the plan's programmes numbered, in order: the
    middle of each year's background."""
    programmes = [p.name for p in Programme.objects.current().filter(plan=plan)]
    listed = "\n".join(f"- {number}. {name}" for number, name in enumerate(programmes, 1))
    return f"Its {number_word(len(programmes))} Improvement Programmes:\n{listed}"


def year_background(plan: Plan) -> str:
    """The plan's aim and its four features, its programmes in order, and how they report:
    typed over what the paper was started with (the plan's vision, which the governance
    section gives already)."""
    return (
        "The plan sets out what the partners mean to do together, and how they will know they "
        "are improving. It rests on four features: prevention, acting early; child and family "
        "centred work; collaboration, sharing resources; and integration, joined-up care across "
        "organisations.\n\n"
        f"{programme_list(plan)}\n\n"
        "Year 2 (2017/18) is now complete. Each programme has a delivery group with a chair and "
        "a Somerset Children's Trust lead sponsor, working to an annual action plan, and reports "
        "to the Children's Trust Executive every quarter in a highlight report (Appendix 4.3). "
        "This report sets out what each programme achieved by the end of the year."
    )


def year_one_background(plan: Plan) -> str:
    """Year 1's background, typed the same way: the plan's aim and features, its programmes in
    order, and what the first year was like."""
    return (
        "The plan is the partners' shared intent and the framework for how they will improve; "
        "each Improvement Programme carries more detailed strategies and actions for the three "
        "years. Four features run through it:\n"
        "- Prevention: deal with problems early and well\n"
        "- Child and family centred: children, young people and families come first\n"
        "- Collaboration: use our resources well with others, to commission and deliver "
        "services\n"
        "- Integration: care and support joined up across organisations, services and "
        "professions\n\n"
        f"{programme_list(plan)}\n\n"
        "Year 1 (2016/17) is now complete. The Somerset Children's Trust partners deliver the "
        "programmes through delivery groups, each with a chair, a lead sponsor and members, "
        "working to an annual action plan. Every quarter each group sends the Children's Trust "
        "Executive a highlight report on its progress and on the barriers it has met and dealt "
        "with (Appendix 5.2).\n\n"
        "This report sets out what each programme did by the end of the year. The news is "
        "mostly good: new services are settling in, staff and partners have had more "
        "information and training, new partnerships have started and systems work better. "
        "Much is still to do in the plan's last two years, to move from compliance to good "
        "quality and to lasting gains for the children and young people most at risk."
    )


def _people(names: tuple[str, ...]) -> dict[str, str]:
    """Who a year's paper is from and for: the quarter's record's people, as typed there."""
    return {name: TYPED[name] for name in names}


def add_demo_year_paper(team_user) -> None:
    plan = Plan.objects.get(plan_id="cypp")
    typed = {**_people(PEOPLE), **YEAR_TYPED, "background": year_background(plan)}
    type_cabinet_paper(
        team_user, Period.financial_year(2017), MEETING, typed, YEAR_IMPLICATIONS, SEEN_BY
    )


def add_demo_year_one_paper(team_user) -> None:
    """Seed 001's report on Year 1. Its people are Year 2's (the seed names none); no seen-by
    rows (see YEAR_ONE_SEEN_BY)."""
    plan = Plan.objects.get(plan_id="cypp")
    typed = {
        **_people(YEAR_ONE_PEOPLE),
        **YEAR_ONE_TYPED,
        "background": year_one_background(plan),
    }
    type_cabinet_paper(
        team_user,
        Period.financial_year(2016),
        YEAR_ONE_MEETING,
        typed,
        YEAR_ONE_IMPLICATIONS,
        YEAR_ONE_SEEN_BY,
    )
