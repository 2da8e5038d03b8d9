"""Ready-made MQL definitions: a general B2B starting point, and the demo's (X Education data)."""

from __future__ import annotations

from workshop.leads.definition import Decay, MqlDefinition, Rule


def starting_template() -> MqlDefinition:
    """A sensible first draft for a B2B company: edit the fields to match your CRM's."""
    return MqlDefinition(
        name="MQL definition (first draft)",
        threshold=50,
        rules=(
            Rule("Job title", "one_of", "Head|Director|VP|Manager|Owner", points=15, group="fit"),
            Rule("Company size", "at_least", low=50, points=15, group="fit"),
            Rule("Country", "one_of", "United Kingdom|Ireland|Germany|France", points=10, group="fit"),
            Rule("Pricing page views", "at_least", low=1, points=20, group="engagement"),
            Rule("Demo requested", "equals", "Yes", points=30, group="engagement"),
            Rule("Content downloads", "at_least", low=2, points=10, group="engagement"),
            Rule("Webinars attended", "at_least", low=1, points=10, group="engagement"),
            Rule("Email", "contains", "@gmail.", points=10, group="negative"),
            Rule("Job title", "one_of", "Student|Intern", points=30, group="negative"),
        ),
        gates=(Rule("Email", "contains", "@", group="gate"),),
        decay=Decay("Days since last activity", 30.0),
        notes="Fit says whether we can sell to them; engagement whether they are ready to talk.",
    )


def x_education_definition() -> MqlDefinition:
    """The demo's agreed definition, tuned on the X Education lead history."""
    return MqlDefinition(
        name="Fernhill MQL v2 (agreed at the Q3 offsite)",
        threshold=40,
        rules=(
            Rule("What is your current occupation", "equals", "Working Professional", points=30),
            Rule("Lead Origin", "equals", "Lead Add Form", points=25),
            Rule("Lead Source", "one_of", "Reference|Welingak Website", points=15),
            Rule("Total Time Spent on Website", "at_least", low=600, points=25, group="engagement"),
            Rule("Total Time Spent on Website", "between", low=300, high=599, points=10, group="engagement"),
            Rule("TotalVisits", "at_least", low=3, points=5, group="engagement"),
            Rule(
                "Last Activity",
                "one_of",
                "SMS Sent|Had a Phone Conversation|Approached upfront",
                points=20,
                group="engagement",
            ),
            Rule("Lead Quality", "one_of", "High in Relevance|Might be", points=15, group="engagement"),
            Rule("What is your current occupation", "is_empty", points=15, group="negative"),
            Rule("Lead Quality", "equals", "Worst", points=40, group="negative"),
            Rule(
                "Tags",
                "one_of",
                "Already a student|Not doing further education|invalid number|wrong number given|"
                "Diploma holder (Not Eligible)|Interested in other courses",
                points=40,
                group="negative",
            ),
            Rule("Last Activity", "one_of", "Email Bounced|Unsubscribed", points=20, group="negative"),
        ),
        gates=(Rule("Do Not Email", "equals", "No", group="gate"),),
        notes=(
            "Tested on the X Education lead history (9,237 leads). Ringing/busy tags are left out: "
            "they are call outcomes, known only after sales has worked the lead."
        ),
    )
