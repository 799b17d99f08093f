"""The demo's paper records: the front sheet of the CYPP's Year 2 report to Cabinet on 9 July
2018 (seed 001's names, dates and figures; the words are the demo's own), and the Corporate
Parenting Board's annual report for 2017/18 (seed 004's, alike) and the Lead Member for
Children and Families' annual report for 2018/19 (seed 002's, alike), each started as the
performance team would (the data's sections filled in) and then typed. Drafts, so that anyone
trying the demo can change and publish them."""

from __future__ import annotations

from datetime import date

from scorecard.core.periods import Period
from scorecard.framework.models import Plan
from scorecard.papers.actions import StartPaper
from scorecard.papers.choices import RISK_HEADING
from scorecard.papers.models import Paper

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
    # The progress report's own sections, in the demo's words.
    "measures_overview": "Beside the programmes' own measures, the plan tracks a set of "
    "overarching outcome measures (the appendix). Several of them move slowly, so Year 3's "
    "action plans keep working on the actions that should shift them.",
    "boards_view": "The Executive is content with the year's progress, though some targets were "
    "missed. It is concerned about recruiting and keeping staff, about gaps in the data that "
    "shows progress, and about partners' capacity for the plan's last year.",
    "governance_arrangements": "This report covers January to March 2018, the last quarter of "
    "the plan's second year. The Partnership Business Manager and the Partnership Team support "
    "the delivery groups and the Executive in following every programme's progress.",
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


def type_cabinet_paper(
    team_user,
    period: Period,
    meeting: date,
    typed: dict[str, str],
    implications: dict[str, str],
    seen_by: tuple[tuple[str, str, date | None], ...],
) -> Paper:
    """A CYPP progress report to Cabinet, started as the team would (the data's sections filled
    in), then typed over: the sections, the implications (the risk keeps the register's
    sentence, after the council's words) and the seen-by rows. The quarter's record and each
    year's (year_paper.py) are typed so."""
    plan = Plan.objects.get(plan_id="cypp")
    paper = StartPaper(team_user, plan, "programme", period, "Cabinet", meeting).execute()
    for name, text in typed.items():
        setattr(paper, name, text)
    paper.save()
    for found in paper.implications.all():
        if found.heading == RISK_HEADING:
            # The register's sentence, as the paper was started, after the council's words.
            found.text = f"{RISK_LEAD}\n\n{found.text}"
        else:
            found.text = implications.get(found.heading, "")
        found.save()
    for order, (role, name, seen_on) in enumerate(seen_by):
        paper.seen_by.create(role=role, name=name, seen_on=seen_on, order=order)
    return paper


def add_demo_papers(team_user) -> None:
    type_cabinet_paper(team_user, Period.quarter(2017, 4), MEETING, TYPED, IMPLICATIONS, SEEN_BY)
    add_demo_board_paper(team_user)
    add_demo_lead_member_paper(team_user)


# The Corporate Parenting Board's annual report for 2017/18 to County Council on 20 February
# 2019: seed 004's names, dates and figures, in the demo's own words.
BOARD_MEETING = date(2019, 2, 20)
BOARD_TYPED = {
    "title": "Corporate Parenting Board Annual Report",
    "cabinet_member": "Cllr Frances Nicholson, Cabinet Member for Children and Families",
    "divisions_and_local_members": "Jill Shortland OBE, Chair of the Corporate Parenting Board",
    "lead_officer": "Philippa Granthier, Assistant Director Commissioning & Performance",
    "author": "Fiona Phur, Partnership Business Manager",
    "contact_details": "01823 355 259",
    "summary": "The Somerset Corporate Parenting Board makes sure that the County Council and "
    "the five district councils, with the NHS, the police and other partners, do their duty "
    "as parents to the children they look after and to care leavers. Council agreed the "
    "board's strategy and terms of reference in May 2016; the strategy and its yearly action "
    "plan sit beside the Children and Young People's Plan and the Sufficiency Statement. The "
    "board met every two months in the year, hearing from officers, partners and the young "
    "people of the in-care and leaving-care councils (SiCC and SLCC).",
    "recommendations": "The Corporate Parenting Board asks Council:\n"
    "- to make corporate parenting training compulsory for every councillor on the board\n"
    "- to report to group leaders any councillor on the board who misses three meetings "
    "in a row\n"
    "- to invite district councillors onto the board, to help with housing and leisure\n"
    "- to thank the young people for their work",
    "background_papers": "Corporate Parenting Strategy 2016-2019\n"
    "Children and Young People's Plan 2016-2019\nSufficiency Statement 2016-2019",
    "appendices": "Appendix B: task group work plans\nAppendix C: data dashboard, March 2018",
    "recommendations_to_board": "- Keep training councillors, district councils and partners "
    "in their corporate parenting role, and promote the seven principles\n"
    "- Keep watch on the council tax exemption for working care leavers\n"
    "- Encourage more foster carers to use MoMo with the children they look after\n"
    "- Hear regularly how the sufficiency action plan is going\n"
    "- Keep asking SiCC and SLCC for their views through the Voice of the Child sub-group",
    "background": "The council last reviewed its corporate parenting arrangements after the "
    "May 2017 elections; in June 2017 Full Council approved the new members, the yearly "
    "action plan and the strategy's arrangements. The strategy aims to make the whole "
    "council, with its partners, a good parent, so that children in care and care leavers "
    "do better. Progress is reported every quarter; this report covers the board's year.",
    "achievements": "Board meetings now follow a settled pattern with short, firm reports. "
    "Ofsted's inspection of November 2017 (reported on 29 January 2018) praised the board, "
    "the training given to councillors and the lively in-care councils.\n\n"
    "Five sub-groups, each led by a senior officer with a councillor beside them, deliver "
    "the priorities: placements, education, health, the voice of the child and leaving "
    "care; the fostering service leads foster care development. In the year:\n"
    "- the district councils agreed to exempt working care leavers from council tax\n"
    "- 43 of the 55 county councillors completed corporate parenting training in June and "
    "November 2017\n"
    "- the board responded to the Somerset Strategic Housing Framework 2018-22\n"
    "- the board approved the annual fostering and adoption reports\n"
    "- the Virtual School appointed a post-16 link worker; care leavers not in education, "
    "employment or training fell to 38.2% in March 2018 from 42.5% a year before\n"
    "- health partners looked closely at why health assessments were late, above all "
    "for children placed out of the county\n\n"
    "SiCC and SLCC elected co-chairs to sit on the board, met the Ofsted inspectors, ran "
    "four Getting To Know You days and held an awards ceremony that over 300 young people "
    "attended. About 25 young people are members.",
    "areas_for_development": "- Write the next Corporate Parenting Strategy, for "
    "2019-2022, after looking back at this one, and refresh the Pledge\n"
    "- More training and awareness of corporate parenting in the council, the district "
    "councils and partners, with a short online course for councillors who cannot attend\n"
    "- Promote the seven corporate parenting principles\n"
    "- Enough good placements: develop the market and monitor contracts\n"
    "- School attendance and attainment: monthly oversight by the Virtual School and good "
    "Personal Education Plans for every child\n"
    "- Support health and social care colleagues so that health assessments are on time",
    "young_peoples_voice": "SiCC and SLCC have more than 25 members aged 10 to 22. They meet "
    "once a month, on Sundays in Bridgwater, with their participation worker and "
    "volunteers, to work through their own annual priorities.\n\n"
    "Their priorities for 2018/19:\n"
    "- Where you live: check the quality of placements\n"
    "- Voice of the child: work closely with the board's sub-group and hear back on what "
    "they raise\n"
    "- Education: make schools aware of them and be consulted on a kite mark\n"
    "- Health: redesign the health assessment leaflet\n"
    "- Leaving care: access to leisure and the offer to care leavers",
}
BOARD_PRIORITIES = (
    (
        "Every councillor and officer understands their corporate parenting role",
        "43 of 55 councillors trained, up from 5 of 55; the district councils engaged on "
        "council tax exemption for care leavers",
        "More young people at meetings has helped the board understand their needs",
        "Invite district councillors onto the board for housing and leisure",
        "More training and awareness; promote the seven principles; watch the council tax "
        "exemption",
    ),
    (
        "Understand each child in care and care leaver, to provide for them well",
        "The board hears how the website, MoMo and Voice of the Child work are used",
        "Somerset is in the top 10 councils for MoMo use and hosted a regional MoMo event",
        "",
        "Support more foster carers to encourage MoMo use",
    ),
    (
        "Enough safe, stable placements with the carers best able to meet needs",
        "Regular updates on the Sufficiency Statement and its action plan, now a standing item",
        "SiCC and SLCC hear about placements through their website; quality work is a "
        "2018/19 priority",
        "",
        "Keep hearing how the sufficiency action plan is going; firmer market development "
        "and contract monitoring",
    ),
    (
        "Children in care and care leavers take part in decisions about their lives",
        "The Voice of the Child sub-group hears SiCC and SLCC and feeds back on what they raise",
        "A hopes and fears exercise with the board will shape the refreshed Pledge",
        "Thank the young people for their work",
        "Keep hearing SiCC and SLCC through the Voice of the Child sub-group",
    ),
    (
        "Full access to the extra services that help with the move to adulthood",
        "Reports on transition panels and on jobs with employers building and working in "
        "the county",
        "The website promoted two careers events; the young people made a film for employers",
        "",
        "Keep working with the district councils on jobs and training",
    ),
    (
        "Better education and health outcomes",
        "A post-16 worker at the Virtual School; more health assessments done, though "
        "more are needed on time",
        "The CLA nurse joins SiCC and SLCC meetings; a new health leaflet is a 2018/19 priority",
        "",
        "Aim high for health and education outcomes with colleagues in health, education and "
        "social care",
    ),
)
BOARD_GLOSSARY = (
    ("CAMHS", "Child and Adolescent Mental Health Services"),
    ("CL", "Care leavers"),
    ("CLA", "Children looked after"),
    ("CPB", "Corporate Parenting Board"),
    ("MoMo", "Mind of My Own, an app for children to give their views"),
    ("NEET", "Not in education, employment or training"),
    ("PEP", "Personal Education Plan"),
    ("RAG", "Red, Amber, Green and Blue (Blue: on track or business as usual)"),
    ("SDQ", "Strengths and Difficulties Questionnaire"),
    ("SiCC", "Somerset in Care Council"),
    ("SLCC", "Somerset Leaving Care Council"),
    ("UASC", "Unaccompanied asylum-seeking children"),
)
BOARD_PRIORITY_FIELDS = (
    "priority",
    "board_progress",
    "young_peoples_progress",
    "recommendations_to_council",
    "recommendations_to_board",
)


def add_demo_board_paper(team_user) -> None:
    """Started as the team would (the action plans' sections filled in), then typed over."""
    plan = Plan.objects.get(plan_id="corporate-parenting")
    year = Period.financial_year(2017)
    paper = StartPaper(team_user, plan, "board", year, "County Council", BOARD_MEETING).execute()
    for name, text in BOARD_TYPED.items():
        setattr(paper, name, text)
    paper.save()
    # The board's report to Council has no implications section: the team clears the one
    # the register started.
    for found in paper.implications.all():
        found.text = ""
        found.save()
    paper.priorities.all().delete()
    for order, row in enumerate(BOARD_PRIORITIES):
        paper.priorities.create(order=order, **dict(zip(BOARD_PRIORITY_FIELDS, row, strict=True)))
    for term, meaning in BOARD_GLOSSARY:
        paper.glossary.create(term=term, meaning=meaning)


# The Lead Member for Children and Families' annual report for 2018/19: seed 002's names and
# figures, in the demo's own (short) words. The areas of work the plan has figures for keep
# the sentence of their figures the paper was started with.
LEAD_MEMBER_MEETING = date(2019, 3, 13)
LEAD_MEMBER_TYPED = {
    "title": "Lead Member Children and Families: Annual Report",
    "cabinet_member": "Cllr Frances Nicholson, Cabinet (Lead) Member for Children and Families",
    "divisions_and_local_members": "All",
    "lead_officer": "Julian Wooster, Director of Children's Services",
    "author": "Claire Winter, Deputy Director Children and Families; Philippa Granthier, "
    "Assistant Director Commissioning and Performance; Annette Perrington, Assistant Director "
    "Inclusion",
    "contact_details": "cwinter@somerset.gov.uk\npgranthier@somerset.gov.uk\n"
    "aperrington@somerset.gov.uk",
    "summary": "The lead member's yearly account of children's services: how the service is "
    "led and held to account, then each service's year, its figures and what comes next.",
    "recommendations": "The committee is asked to consider the report and comment on it.",
    "introduction_heading": "The strategic and professional framework for children's services",
    "introduction": "One elected lead member answers for education and children's social care "
    "together, so that children's safety, learning and wellbeing are seen as one.\n\n"
    "Since the 2018 inspection judged the council Requires Improvement, the service has aimed "
    "for Good in every area by 2020/21, while working to a statutory minimum because of the "
    "council's finances:\n"
    "- meet the statutory duties for social care, SEND, education and youth offending\n"
    "- fund the early help that keeps children out of statutory services\n"
    "- provide services where others fund them",
}
# The theme's own words and the areas with no figures (theme, area, the area it follows),
# where seed 002 puts them.
LEAD_MEMBER_WORDS = {
    ("Children's Social Care", ""): "All four heads of service are in post, and the year's "
    "work is the road from Requires Improvement to Good.",
    ("Inclusion", ""): "The new inclusion service brings the statutory education services "
    "under one assistant director.",
}
LEAD_MEMBER_AREAS = (
    (
        "Children's Social Care",
        "Edge of Care",
        "",
        "The prevention team now works seven days a week and at night at weekends, so that "
        "families under strain get help before they break down.",
    ),
    (
        "Children's Social Care",
        "Partnerships, Quality and Audit",
        "Safeguarding and Assessment",
        "Independent reviewing officers and conference chairs now challenge practice more, "
        "with a clearer way to escalate and record it.",
    ),
    (
        "Inclusion",
        "Safeguarding in Education",
        "Permanent exclusions",
        "A new team, made from existing services, will help schools meet their safeguarding "
        "duties, attendance among them.",
    ),
    (
        "Commissioning & Performance",
        "Joint Commissioning and Integration",
        "SEND – Commissioning of Specialist School Places",
        "Children's services and health commission more of their services together.",
    ),
    (
        "Support Services",
        "Finance",
        "HR&OD",
        "The service works within the council's budget for the year.",
    ),
)


def add_demo_lead_member_paper(team_user) -> None:
    """Started as the team would (a sentence of each area's figures), then typed."""
    plan = Plan.objects.get(plan_id="children-families")
    year = Period.financial_year(2018)
    paper = StartPaper(
        team_user,
        plan,
        "lead-member",
        year,
        "Scrutiny for Policies, Children and Families Committee",
        LEAD_MEMBER_MEETING,
    ).execute()
    for name, text in LEAD_MEMBER_TYPED.items():
        setattr(paper, name, text)
    paper.save()
    for found in paper.implications.all():
        found.text = ""
        found.save()
    rows = list(paper.narratives.all())
    for row in rows:
        words = LEAD_MEMBER_WORDS.get((row.theme, row.area))
        if words:
            row.text = words
            row.save()
    for theme, area, after, text in LEAD_MEMBER_AREAS:
        place = next(i for i, r in enumerate(rows) if (r.theme, r.area) == (theme, after))
        rows.insert(place + 1, paper.narratives.create(theme=theme, area=area, text=text))
    for order, row in enumerate(rows):
        row.order = order
        row.save(update_fields=["order"])
