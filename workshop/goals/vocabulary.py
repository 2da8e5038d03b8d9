"""Sales and marketing words the goal checker understands: metrics, verbs, vague words.

Patterns work on lower-case text with number words already in digits
(:func:`workshop.goals.numbers.words_to_digits`).
"""

from __future__ import annotations

import re

from workshop.goals.numbers import Quantity

# (name shown to the user, pattern), most specific first
METRICS: tuple[tuple[str, str], ...] = (
    ("lead-to-MQL conversion rate", r"lead[- ]to[- ]mql(?:\s+conversion)?(?:\s+rate)?"),
    ("MQL-to-SQL conversion rate", r"mql[- ]to[- ]sql(?:\s+conversion)?(?:\s+rate)?"),
    ("MQLs", r"mqls?|marketing[- ]qualified[- ]leads?"),
    ("SQLs", r"sqls?|sales[- ]qualified[- ]leads?"),
    ("SALs", r"sals|sales[- ]accepted[- ]leads?"),
    ("ARR", r"arr|annual[- ]recurring[- ]revenue"),
    ("MRR", r"mrr|monthly[- ]recurring[- ]revenue"),
    ("CAC", r"cac|customer[- ]acquisition[- ]costs?|cost[- ]per[- ]acquisition"),
    ("cost per lead", r"cost[- ]per[- ](?:lead|mql)|cpl"),
    ("win rate", r"win[- ]rates?|close[- ]rates?|closing[- ](?:ratio|rate)s?|close[- ]ratios?"),
    ("open rate", r"(?:email\s+)?(?:overall\s+)?open[- ]rates?"),
    ("click-through rate", r"click[- ]through[- ]rates?|ctr"),
    ("conversion rate", r"(?:[a-z]+[- ]to[- ][a-z]+\s+)?conversion(?:\s+rates?)?|conversions"),
    ("churn", r"(?:customer\s+|logo\s+|revenue\s+)?churn(?:\s+rate)?"),
    ("NPS", r"nps|net[- ]promoter[- ]score"),
    ("CSAT", r"csat|(?:customer\s+)?satisfaction(?:\s+(?:scores?|rates?))?"),
    ("demo requests", r"demo[- ]requests?|demos?(?:\s+booked)?"),
    ("pipeline", r"(?:sales\s+)?pipeline(?:\s+(?:value|coverage))?"),
    ("opportunities", r"opportunit(?:y|ies)|opps"),
    ("average deal size", r"(?:average\s+)?deal[- ]size|average\s+(?:contract|order)\s+value|acv|aov"),
    ("sales cycle", r"sales[- ]cycle(?:\s+length)?"),
    (
        "response time",
        r"(?:average\s+)?(?:customer\s+|first\s+|lead\s+)?(?:response|follow[- ]?up)[- ]times?"
        r"|speed[- ]to[- ]lead",
    ),
    ("quota attainment", r"quota(?:\s+attainment)?"),
    ("retention", r"(?:customer\s+)?retention(?:\s+rate)?|renewals?(?:\s+rate)?"),
    ("employee turnover", r"(?:employee|staff|voluntary|team)\s+(?:turnover|attrition)|attrition"),
    ("revenue", r"revenue|sales|bookings|turnover|profits?|income"),
    ("deals", r"deals?"),
    ("leads", r"(?:[a-z]+\s+)?leads?"),
    ("customers", r"customers?|clients?|accounts?|logos|donors?|buyers?"),
    ("traffic", r"(?:web(?:site)?\s+|organic\s+|site\s+)?(?:traffic|visitors?|visits|sessions|page\s?views)"),
    ("subscribers", r"subscribers?|sign[- ]?ups?|registrations?|email\s+list|newsletter"),
    ("followers", r"followers?|fans"),
    ("meetings", r"meetings?|calls?|appointments?|discussions?|conversations?"),
    (
        "content",
        r"blog\s+(?:posts?|articles?)|posts?|articles?|webinars?|e-?books?|case\s+stud(?:y|ies)|videos?",
    ),
    ("downloads", r"downloads?|download\s+rates?"),
    ("engagement", r"engagement(?:\s+rate)?|impressions|mentions|share\s+of\s+voice|backlinks"),
    ("ROI", r"roi|roas|return\s+on\s+(?:ad\s+spend|investment)"),
    ("market share", r"market\s+share"),
    ("attendees", r"attendees|attendance|registrants"),
    ("referrals", r"referrals?"),
    ("units sold", r"units"),
)
METRIC_PATTERNS = tuple((name, re.compile(rf"\b(?:{pattern})\b")) for name, pattern in METRICS)
METRIC_ORDER = {name: i for i, (name, _) in enumerate(METRICS)}

RATE_METRICS = (
    r"(?:(?:close|win|closing|conversion|open|click[- ]through|retention|renewal|response|churn)"
    r"[- ]?(?:rates?|ratios?)"
    r"|nps|satisfaction)"
)
REVENUE_LINK = re.compile(
    r"\b(?:revenue|pipeline|bookings|arr|mrr|sales|deals?|win[- ]rate|close[- ]rate|quota|customers?|clients?"
    r"|opportunit(?:y|ies)|sqls?|mqls?|sals|leads?|conversion|churn|retention|upsell|renewals?|cac|roi|acv"
    r"|demo[- ]requests?|demos)\b"
)
PURPOSE = re.compile(
    r"\b(?:so\s+that|in\s+order\s+to|because|to\s+(?:support|drive|grow|reach|hit|help|reduce|feed))\b"
)
REVIEW_WORDS = re.compile(
    r"\b(?:review(?:ed)?|check(?:ed)?[- ]in|discuss(?:ed)?|report(?:ed)?)\s+"
    r"(?P<how>weekly|monthly|fortnightly|quarterly|every\s+\w+)"
)
DECREASE_WORDS = re.compile(
    r"\b(?:reduce[sd]?|reducing|cut(?:s|ting)?|decrease[sd]?|lower(?:s|ed|ing)?|drop|shrink|shorten|halve|less|fewer|down)\b"
)
VAGUE_WORD = re.compile(
    r"\b(?:improve[sd]?|improving|boost(?:s|ed|ing)?|optimi[sz]e[sd]?|optimi[sz]ing|enhance[sd]?|enhancing|maximi[sz]e"
    r"|strengthen|work\s+on|focus\s+on|more|better|less|fewer|higher|increase[sd]?|increasing|grow(?:s|ing)?"
    r"|raise|reduce[sd]?|decrease[sd]?|go\s+up|get\s+more|early|up[- ]to[- ]date|regularly|frequently|often"
    r"|promptly|timely|a\s+lot|as\s+much\s+as\s+possible)\b"
)
PLACEHOLDER = re.compile(
    r"\b(?:tbd|tbc|todo|n/a|to\s+be\s+(?:decided|confirmed|defined|agreed)|lorem\s+ipsum)\b"
    r"|\bx{3,}\b|\bxx+\s?%|\?{2,}|^\s*(?:\.{3}|…|-+)\s*$|\[[^\]]*\]|<[^>]*>|⟨[^⟩]*⟩",
    re.IGNORECASE,
)
ACTION_VERBS = (
    "increase|grow|raise|lift|boost|improve|reduce|cut|lower|decrease|launch|hire|build|create|publish|close|generate"
    "|sign|win|book|achieve|reach|double|triple|add|acquire|get|run|host|implement|deliver|hit|expand|open|enter"
    "|make|write|send|train|redesign|migrate|introduce|sell|drive|deploy|roll\\s+out|secure|convert|onboard"
)
FIRST_VERB = re.compile(
    rf"^\W*(?:(?:we|i|the\s+\w+(?:\s+team)?|our\s+\w+|they)\s+(?:will|want\s+to|must|should)\s+)?(?:to\s+)?(?:{ACTION_VERBS})\b"
)
BUNDLE_SPLIT = re.compile(
    r";|,?\s+\band\s+(?:also\s+)?|\bas\s+well\s+as\b|\bplus\b|\balso\b|\bwhile\s+also\b"
)
CHANGE_VERB = re.compile(
    r"\b(?:increase|grow|raise|lift|boost|improve|reduce|cut|lower|decrease|double|triple|halve)[sd]?\s+"
    r"(?P<object>(?:[a-z'-]+\s+){0,5}?)(?:by|from|to|in|within|over|at)\b"
)
NOUN_SKIP = frozenset(
    [
        "of",
        "the",
        "my",
        "our",
        "your",
        "their",
        "a",
        "an",
        "new",
        "more",
        "additional",
        "qualified",
        "key",
        "paying",
        "net",
        "total",
        "number",
        "extra",
    ]
)
NOUN_STOP = frozenset(
    [
        "by",
        "to",
        "from",
        "in",
        "within",
        "over",
        "at",
        "on",
        "for",
        "per",
        "each",
        "and",
        "or",
        "with",
        "this",
        "that",
        "it",
        "them",
        "than",
        "more",
        "less",
        "percent",
        "points",
        "times",
        "x",
        "a",
        "an",
        "the",
        "before",
        "after",
        "during",
        "until",
    ]
)
VAGUE_OBJECTS = frozenset(
    ["it", "this", "that", "things", "stuff", "everything", "performance", "results", "numbers", "business"]
)


SHORT_UNITS = frozenset(["kg", "km", "lb", "mi", "hr", "ft", "m2", "gb", "tb"])


def _closest(plain: str, quantities: list[Quantity]) -> str | None:
    best: tuple[int, int, int, int, str] | None = None
    asides = [m.span() for m in ASIDE.finditer(plain)]
    for name, pattern in METRIC_PATTERNS:
        for match in pattern.finditer(plain):
            # a metric named only in an aside ("(new logos)") comes second
            aside = int(any(start <= match.start() < end for start, end in asides))
            distance = min(
                (min(abs(match.start() - q.end), abs(match.end() - q.start)) for q in quantities), default=0
            )
            key = (aside, distance, match.start() - match.end(), METRIC_ORDER[name], name)
            if best is None or key < best:
                best = key
    return best[4] if best else None


def _noun_after(plain: str, quantity: Quantity) -> str | None:
    words = re.findall(r"[a-z][a-z'-]*|\d[\d,.]*", plain[quantity.end : quantity.end + 80])
    picked: list[str] = []
    for word in words[:8]:
        if not picked and (word in NOUN_SKIP or word[0].isdigit()):
            continue
        if word in NOUN_STOP or word[0].isdigit() or len(picked) == 3:
            break
        picked.append(word.strip("'"))
    while picked and ((len(picked[-1]) < 3 and picked[-1] not in SHORT_UNITS) or picked[-1] in VAGUE_OBJECTS):
        picked.pop()
    return " ".join(picked) or None


SCORE = re.compile(  # "score at least 85 on the final exam", "get an 85 or higher on my next test"
    r"(?:"
    r"\b(?:score|scoring|get|achieve|earn|receive|make|average|pass\s+with)\s+(?:at\s+least\s+|a\s+minimum\s+of\s+"
    r"|an?\s+|over\s+|above\s+|between\s+(?=\d[\d.]*\s?%?\s+and\s+\d))?"
    r"|^\W*)"  # or none: "92% or better on every quiz"
    r"\d[\d.]*\s?%?(?:\s+and\s+\d[\d.]*\s?%?)?(?:\s+or\s+(?:higher|better|above|more))?\s+(?:on|in)\s+"
    r"(?:(?:the|my|a|an|our|their|his|her|next|each|every|all|upcoming|final)\s+)*(?P<what>[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,2})"
)


def score_of(plain: str) -> str | None:
    found = SCORE.search(plain)
    if found is None:
        return None
    words = []
    for word in found.group("what").split():
        if word in NOUN_STOP:
            break
        words.append(word)
    scored = found.group(0).lstrip(" ([\"'").startswith(("scor", "pass"))
    if not words or not (scored or TESTS.search(" ".join(words))):
        return None  # "get 50 in revenue" is no score
    return f"score on {' '.join(words)}"


TESTS = re.compile(
    r"\b(?:exams?|tests?|quiz(?:zes)?|assessments?|evaluations?|midterms?|finals|sat|act|gre|gmat|toefl|ielts"
    r"|essays?|papers?|assignments?|courses?|class(?:es)?|modules?|certification|audit|inspection|review)\b"
)


COUNT_OF = re.compile(  # "the number of patients who receive discharge education": the count named
    r"\b(?:the\s+|a\s+|our\s+|my\s+)?(?:total\s+)?(?:number|percentage|percent|proportion|share|count|ratio)"
    r"(?:\s*/\s*[a-z]+\*?)?\s+of\s+"  # "number/value* of enquiries"
    r"(?P<what>(?:(?!(?:from|to|by|under|below|above|over|in|within|during|for|at\s+least|at\s+most)\b)"
    r"[a-z][a-z'-]*\s+){0,7}?[a-z][a-z'-]*)"
    r"(?=\s+(?:from|to|by|under|below|above|over|in|within|during|for|at\s+least|at\s+most)\b\s*[$€£]?\d)"
)


BODY_WEIGHT_AT = re.compile(  # "weigh 140", "I am weighing 140 lbs": the body's weight is the measure
    r"\b(?:weigh|weighing|weight\s+of|weight\s+(?:to|at|down\s+to))\s+(?:under\s+|less\s+than\s+|below\s+|about\s+)?\d"
)
STAGE_NUMBER = re.compile(  # "reach level 5", "get to grade 8", "band 7 in IELTS": a numbered stage reached
    r"\b(?:reach|get\s+to|achieve|attain|pass|hit|advance\s+to|move\s+up\s+to|progress\s+to|earn|get)\s+(?:an?\s+|the\s+)?"
    r"(?P<noun>level|grade|band|belt|rank|tier|stage|dan|kyu)\s+\d"
)
ON_A_SCALE = re.compile(  # "report pain 3 or less out of 10", "a rating of 4/5", "pain as 2 on a 0-10 scale"
    r"\b(?P<noun>[a-z][a-z-]{2,})\s+(?:(?:of|at|to|as|below|under|above|score|level|rating)\s+)?(?:at\s+(?:least|most)\s+)?"
    r"\d+(?:\.\d+)?(?:\s+or\s+(?:less|more|lower|higher|better|below|above|fewer))?\s*"
    r"(?:(?:out\s+of|/)\s*\d+\b|on\s+(?:a|the|his|her|their|my)\s+(?:[a-z0-9-]+\s+){0,3}scale\b)"
)


def find_metric(plain: str, quantities: list[Quantity]) -> str | None:
    """What the goal counts: a known sales or marketing metric, else the noun its number counts."""
    score = score_of(plain)
    if score:
        return score
    scale = ON_A_SCALE.search(plain)
    if scale and scale.group("noun") not in NOUN_STOP and scale.group("noun") not in VAGUE_OBJECTS:
        return scale.group("noun")
    if BODY_WEIGHT_AT.search(plain):
        return "weight"
    stage = STAGE_NUMBER.search(plain)
    if stage:
        return stage.group("noun")
    counted = COUNT_OF.search(plain)
    if counted and counted.group("what").split()[-1] not in VAGUE_OBJECTS:
        return counted.group("what")
    known = _closest(plain, quantities)
    if known:
        return known
    for quantity in quantities:
        noun = _noun_after(plain, quantity)
        if noun:
            return noun
    return _named_around_number(plain)


def _named_around_number(plain: str) -> str | None:
    """The thing counted when it stands before its number ("a GPA of 3.5", "cut churn to 3%")."""
    plain = ASIDE.sub("", plain)  # "increase aided recall of our brand (offering) to 25%"
    named = NOUN_BEFORE_NUMBER.search(plain)
    if named:
        words = [w for w in named.group("noun").split() if w not in NOUN_SKIP and w not in NOUN_STOP]
        if words and words[-1] not in VAGUE_OBJECTS and len(words[-1]) > 2:
            return " ".join(words)
    share = SHARE_OF.search(plain)
    if share:
        whole = [w for w in share.group("whole").split() if w not in NOUN_STOP]
        if whole and whole[0] not in VAGUE_OBJECTS:
            return "share of " + " ".join(whole)
    before = CHANGE_BEFORE_NUMBER.search(plain)
    if before:
        head = re.split(
            r"\s(?:in|for|among|at|on|across|within|with|per|from|during)\s",
            f" {before.group('object') or before.group('moved')} ",
        )[0]
        words = [w for w in head.split() if w not in NOUN_SKIP and w not in NOUN_STOP]
        if words and len(words[-1]) > 2 and not (len(words) == 1 and words[0] in VAGUE_OBJECTS):
            return " ".join(words)
    change = CHANGE_VERB.search(plain)
    if change:
        words = [w for w in change.group("object").split() if w not in NOUN_SKIP]
        if words and words[-1] not in VAGUE_OBJECTS and len(words[-1]) > 2:
            return " ".join(words)
    return None


RANK_CLAIM = re.compile(
    r"\b(?:be|become|becoming|remain|stay|get\s+ranked|rank(?:ed)?|named|recogni[sz]ed\s+as|create|build|reach"
    r"|get\s+into|break\s+into|enter|finish\s+in|land\s+in)\s+"
    r"(?:as\s+)?(?:(?:1|one)\s+of\s+the\s+|among\s+the\s+)?(?:the\s+|our\s+|a\s+)?"
    r"(?P<rank>number\s+1|no\.?\s?1|#\s?1|top[- ]?\d+|top(?:[- ](?:rated|ranked|selling|performing))?"
    r"|best(?:[- ]known)?"
    r"|leading|largest|biggest|premier|foremost|market\s+leader|go-to)\b"
)
RANK_SOURCE = re.compile(
    r"\b(?:according\s+to|as\s+ranked\s+by|as\s+rated\s+by|ranked\s+by|rated\s+by|as\s+measured\s+by|per)\s+\w"
    r"|\bby\s+winning\b|\b(?:award|ranking|rankings|league\s+table|leaderboard|magic\s+quadrant|quadrant|grid"
    r"|wave|index|list|survey|market\s+share|share\s+of)\b"
    r"|\b(?:g2|capterra|gartner|forrester|idc|trustpilot|clutch|inc\.?\s?5000|fortune\s+500|nielsen|similarweb)\b"
)
COMPLETION = re.compile(
    r"^\W*(?:(?:on|in|at|by|every|each|the|from|starting|once|before|after|within|during)\b[^,;]{0,50},\s*)?"
    r"(?:(?:i|we|they|you|(?:all|each|every|both|the|our|my|their|a|an|\d+)\s+(?:[a-z][a-z'-]*\s+){0,6}?[a-z][a-z'-]*)"
    r"\s+(?:will|shall|am\s+going\s+to|are\s+going\s+to"
    r"|want\s+to|plan\s+to|aim\s+to|have\s+to|need\s+to|must|'ll|'m\s+going\s+to|intend\s+to|would\s+like\s+to)\s+"
    r"(?:have\s+)?)?(?:to\s+)?"
    r"(?P<verb>complete|finish|produce|deliver|distribute|launch|publish|release|ship|submit|implement|roll\s+out"
    r"|install|upgrade|build|create|develop|design|write|draft|obtain|earn|attend|hire|recruit|train|certify|become"
    r"|be\s+promoted|get\s+promoted|get\s+certified|open|introduce|migrate|update|host|hold|set\s+up|establish"
    r"|document|read|pay\s+off|finalize|finalise|sign|replace|move|close\s+out|rebuild|redesign|automate"
    r"|organi[sz]e|clean|clear|fix|repair|paint|renovate|run|prepare|present|send|file|renew|achieve\s+certification|pass|graduate|qualify"
    r"|start|begin|join|enrol+|register|apply\s+for|schedule|conduct|purchase|buy|secure|adopt|integrate|pilot|audit"
    r"|digiti[sz]e|reorgani[sz]e|eliminate|memori[sz]e|transition|consolidate|archive"
    r"|(?:visit|contact|interview|survey|sell)(?=\s+(?:the|our|my|all|every|each)\b)|quit|give\s+up|cut\s+out"
    r"|take(?=\s+(?:an?\s+|the\s+|my\s+|our\s+)?(?:[a-z0-9-]+\s+){0,4}?(?:course|class|workshop|training|module|exam"
    r"|test|certification|program|programme|seminar|lessons?|on\s+[a-z]+)\b)"
    r"|decommission|relocate|refurbish|translate|record|compile|catalogu?e|standardi[sz]e|outsource|digitally\s+sign"
    r"|land|find|win|get(?=\s+(?:a|an|my|our|the)\s)|(?:make|close|sign|book)(?=\s+(?:my|our|the|a)\s+first\b)"
    r"|have(?=\s+(?:\w+\s+){1,6}?(?:certified|trained|onboarded|signed|approved|installed|launched|published|live"
    r"|completed|finished|done|in\s+place|set\s+up|hired|migrated|implemented|delivered|submitted|renewed|paid\s+off)\b)"
    r"|complete[sd]?|finished|produced|delivered|distributed|launched|published|released|shipped|submitted"
    r"|implemented|rolled\s+out|installed|upgraded|built|created|developed|designed|written|drafted|obtained"
    r"|earned|hired|recruited|trained|set\s+up|established|documented|finali[sz]ed|signed|replaced|moved"
    r"|rebuilt|redesigned|automated|organi[sz]ed|cleaned|fixed|prepared|presented|sent|filed|renewed|passed"
    r"|started|begun|joined|enrol+ed|registered|scheduled|conducted|purchased|bought|secured|adopted|integrated)\b"
    r"(?P<object>[^.;]*)"
)
_ITEM = (
    r"(?:single\s+)?(?:inbound\s+|incoming\s+|new\s+|qualified\s+|open\s+|customer\s+|support\s+|sales\s+"
    r"|marketing\s+|internal\s+|service\s+|demo\s+)*"
    r"(?:call|phone\s+call|request|lead|mql|sql|ticket|e-?mail|enquiry|inquiry|inquiries|message|order|complaint"
    r"|form|chat|case|visitor|question|invoice)s?\b"
)
STANDARD = re.compile(  # a rule for every occurrence: "every inbound call answered on the 2nd ring"
    rf"\b(?:every|each)\s+{_ITEM}"
    rf"|\ball\s+(?:\w+\s+){{0,2}}?{_ITEM}"
    r"(?=.*\b(?:within|same[- ]day|on\s+the|by\s+the\s+end\s+of\s+the\s+day)\b)"
    r"|\b(?:before|by|on|within)\s+the\s+(?:\d+(?:st|nd|rd|th)?|first|second|third|fourth|fifth)\s+rings?\b"
)
WITHIN_STANDARD = re.compile(  # "answer all support tickets within 1 business day": checkable every time
    rf"\b(?:all|every|each|100\s?%\s+of|100\s+percent\s+of)\s+(?:(?:the|our|my)\s+)?(?:\w+\s+){{0,3}}?{_ITEM}"
    r".{0,60}?\bwithin\s+(?:\d+|a|an)\s+(?:business\s+|working\s+)?(?:minutes?|hours?|days?|rings?)\b"
    r"|\b(?:all|every|each|100\s?%\s+of)\s+(?:[\w'-]+\s+){1,5}?(?:\w+\s+){0,4}?"
    r"(?:on\s+time|on\s+schedule|error[- ]free|without\s+(?:an?\s+)?(?:errors?|mistakes?|exceptions?|fail)"
    r"|(?:on\s+)?the\s+same\s+day|same[- ]day|within\s+(?:\d+|a|an)\s+(?:business\s+|working\s+)?"
    r"(?:minutes?|hours?|days?|weeks?))\b"
    r"|\bnever\s+(?:miss|be\s+late|skip|exceed|go\s+over|fail\s+to)\b"
    r"|\b(?:under|within|on)\s+budget\b"
)
CLOCK_TIME = re.compile(  # "by 10 pm", "at 8:30 am": a time of day anyone can check
    r"\b(?:by|before|at|until|no\s+later\s+than)\s+\d{1,2}(?::\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.|o'clock)"
)
HABIT = re.compile(  # "floss every night", "walk each morning": done or not each day
    r"\b(?:every|each)\s+(?:single\s+)?(?P<when>day|night|morning|evening|weekday|workday|afternoon"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|\b(?:on\s+)?(?P<days>weeknights|weekdays|workdays)\b"
)
RING = re.compile(
    r"\b(?:before|by|on|within)\s+the\s+(?:\d+(?:st|nd|rd|th)?|first|second|third|fourth|fifth)\s+rings?\b"
)
CHANGE_WORDS = re.compile(
    r"\b(?:increas|grow|grew|rais|lift|boost|improv|reduc|cut|lower|decreas|doubl|tripl|halv|shrink|shorten"
    r"|drop|more|less|fewer|higher)\w*"
)
CHANGE_BEFORE_NUMBER = re.compile(
    r"\b(?:increase|grow|raise|lift|boost|improve|reduce|cut|lower|decrease|shrink|shorten|drop|double|triple"
    r"|halve)[sd]?\s+(?P<object>(?:[a-z][a-z0-9'-]*\s+){1,8}?)(?:(?:by|to|under|below|above)\s+)?(?=[$€£]?\d)"
    r"|\b(?:bring|get|push|drive|take|keep)\s+(?P<moved>(?:[a-z][a-z0-9'-]*\s+){1,5}?)(?:down|up|back)\s+"
    r"(?:to|under|below|above)\s+(?=[$€£]?\d)"
)
SHARE_OF = re.compile(  # "10% of each paycheck", "a third of the budget": a share of something named
    r"\d[\d.]*\s?(?:%|percent)\s+of\s+(?:(?:each|every|my|our|the|all|their|your)\s+)*(?P<whole>[a-z][a-z-]*(?:\s+[a-z][a-z-]*)?)"
)
ASIDE = re.compile(r"\s*\([^()\d]{1,40}\)")  # an aside without numbers: "(offering)", "(or product)"
NOUN_BEFORE_NUMBER = re.compile(  # "a GPA of 3.5", "a score of 85%", "an average rating of 4.5"
    r"\b(?:a|an|the|my|our|their|its)\s+(?P<noun>(?:[a-z][a-z-]*\s+){0,2}[a-z][a-z-]*)\s+"
    r"(?:of|at|above|below|under|over)\s+(?:at\s+least\s+|at\s+most\s+|no\s+(?:more|less)\s+than\s+)?[$€£]?\d"
)
GRADE = re.compile(  # letter grades, matched on the text as written ("from a C to a B", "get an A")
    r"\b(?:[Ff]rom|[Rr]aise|[Ii]mprove)\s+(?:\w+\s+){0,3}?(?:an?\s+)?[A-F][+-]?\s+to\s+(?:an?\s+)?[A-F][+-]?(?=[\s.,;!]|$)"
    r"|\b(?:[Gg]et|[Ee]arn|[Aa]chieve|[Ss]core|[Rr]eceive|[Oo]btain|[Kk]eep|[Mm]aintain)\s+(?:at\s+least\s+)?(?:an?\s+)?"
    r"[A-F][+-]?(?:\s+(?:or\s+(?:better|higher|above)))?(?=\s+(?:in|on|for|grade|average)\b|[.,;!]|$)"
    r"|\b(?:[Ll]evel|CEFR)\s+[ABC][12]\b|\b[ABC][12]\s+(?:level|in\s+[A-Z][a-z]+)\b"
)
ABSTRACT_OBJECT = re.compile(  # what no one can see done: "build a strong brand", "develop my skills"
    r"\b(?:skills?|abilit(?:y|ies)|culture|relationships?|rapport|awareness|presence|brand|branding|reputation|image"
    r"|visibility|credibility|authority|trust|loyalty|morale|mindset|habits?|confidence|knowledge|understanding"
    r"|expertise|leadership|experience|engagement|community|content|customer\s+base|network|synergy"
    r"|(?<!the\s)following(?!\s+(?:\w*day|week|month|quarter|year|steps?)\b)"
    r"|alignment|collaboration|communication|teamwork|balance|wellbeing|well-being|health|fitness|shape"
    r"|fluent|fluency|proficient|proficiency|expert|master|mastery|thought\s+leader|go-to|household\s+name"
    r"|strong|stronger|positive|engaging|loyal|great|excellent|solid|robust|effective|meaningful|valuable"
    r"|confident|comfortable|familiar|knowledgeable|healthy|happier|happy|fit|organi[sz]ed|productive|competent"
    r"|aware|recogni[sz]ed|known|respected|trusted|influential|impactful|seamless|compelling|quality"
    r"|handle\s+on|grip\s+on|sense\s+of|feel\s+for)\b"
)
DONE_STATE = re.compile(  # "new website live by 15 September", "contract signed by Q3"
    r"^\W*(?:(?:the|our|a|an|my|their)\s+)?(?P<object>[a-z][a-z0-9' -]{2,60}?)\s+"
    r"(?:is\s+|are\s+|will\s+be\s+|to\s+be\s+)?"
    r"(?:live|launched|done|completed|finished|in\s+place|signed|approved|published|shipped|ready|up\s+and\s+running"
    r"|rolled\s+out|deployed|installed|delivered|submitted)\b"
)
