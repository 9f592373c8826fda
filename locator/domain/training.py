"""The staff training pack: one text that the /training page and the printable PDF both show.

Written in our own words for shop staff, following the five stages of the National Business
Crime Centre's guidance "Operation Portum – Creating Safe Spaces in Retail" (credited as
`SOURCE`). Plain data only: the page and the PDF lay it out, so they never disagree.
`written()` gives the pack in the language being spoken; every sentence in it is a whole
message in the catalogue, with the helpline numbers filled in from their one table.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from locator.domain import language
from locator.domain.helplines import (
    CHILDLINE,
    DOMESTIC_ABUSE,
    EMERGENCY,
    NHS_111,
    POLICE_NON_EMERGENCY,
    SAMARITANS,
)
from locator.domain.language import gettext as _


@dataclass(frozen=True)
class Checklist:
    """A list under a topic: bullets, or numbered steps when `numbered` is true.

    A `warning` list (the don'ts) is labelled in red, the others in green.
    """

    items: tuple[str, ...]
    label: str = ""
    numbered: bool = False
    warning: bool = False


@dataclass(frozen=True)
class Topic:
    """One subject within a stage: a heading, a few paragraphs, then lists."""

    heading: str
    text: tuple[str, ...] = ()
    lists: tuple[Checklist, ...] = ()


@dataclass(frozen=True)
class Stage:
    """One of the guidance's five stages, as staff need to know it."""

    number: int
    slug: str
    title: str
    summary: str
    topics: tuple[Topic, ...]
    heading: str  # "Stage 1: Planning", in the stage's language


@dataclass(frozen=True)
class Scenario:
    """A short situation a shop might meet, and what to do."""

    title: str
    situation: str
    steps: tuple[str, ...]


@dataclass(frozen=True)
class Source:
    """The published guidance the pack follows."""

    title: str
    publisher: str
    url: str


@dataclass(frozen=True)
class Pack:
    """The whole pack in one language, as both layouts show it."""

    title: str
    subtitle: str
    intro: tuple[str, ...]
    numbers_heading: str
    # The numbers every member of staff should know by heart, in the order they are needed.
    numbers: tuple[tuple[str, str], ...]
    stages_heading: str
    # What each shop finds out and writes on its printed copy.
    fill_in_intro: str
    fill_in: tuple[str, ...]
    stages: tuple[Stage, ...]
    scenarios_heading: str
    scenarios_intro: str
    scenarios: tuple[Scenario, ...]
    steps_heading: str
    source_heading: str
    source: Source
    credit: str


# The guidance's own title and publisher are names: they stay in English in every language.
SOURCE = Source(
    "Operation Portum \u2013 Creating Safe Spaces in Retail",
    "National Business Crime Centre",
    "https://nbcc.police.uk/partnerships/safe-spaces",
)


def written(in_language: str | None = None) -> Pack:
    """Return the pack in a language: the one being spoken now unless one is given."""
    return _written(in_language or language.current())


@cache
def _written(in_language: str) -> Pack:
    with language.speaking(in_language):
        return Pack(
            title=_("Safe spaces: a training pack for staff"),
            subtitle=_("What to do when someone needs a safe space, in five stages"),
            intro=(
                _(
                    "This pack is for everyone who works on the shop floor, including "
                    "part-time, seasonal and agency staff. It explains what to do when someone "
                    "comes in because they feel unsafe, and how to look after yourself while "
                    "you help."
                ),
                _(
                    "You do not need to be an expert. Most of the time the help someone needs "
                    "is simple: a quiet place to wait, a charged phone, a call to a friend, or "
                    "the right number to ring. Your job is to offer that calmly and to pass on "
                    "anything bigger to the people trained for it."
                ),
                _(
                    "The pack follows the five stages of the Operation Portum guidance. Read it "
                    "once, then keep the one-page staff card by the till."
                ),
            ),
            numbers_heading=_("Numbers to know"),
            numbers=(
                (
                    EMERGENCY.phone,
                    _("Someone is in danger now, hurt, or being followed or threatened."),
                ),
                (
                    _("999, then 55"),
                    _("From a mobile when the caller cannot speak: press 55 when asked."),
                ),
                (
                    POLICE_NON_EMERGENCY.phone,
                    _("Police, when it is not an emergency or to report it later."),
                ),
                (NHS_111.phone, _("Urgent medical advice that is not an emergency.")),
            ),
            stages_heading=_("The five stages"),
            fill_in_intro=_("Find out, and write on your printed copy:"),
            fill_in=(
                _("Our designated person"),
                _("Who covers when they are away"),
                _("Security or control room"),
                _("Local police team or contact"),
            ),
            stages=_stages(),
            scenarios_heading=_("Scenarios: what would you do?"),
            scenarios_intro=_(
                "Talk these through as a team. Every shop is different: agree what your own "
                "steps would be."
            ),
            scenarios=_scenarios(),
            steps_heading=_("What to do"),
            source_heading=_("Where this pack comes from"),
            source=SOURCE,
            credit=_(
                "This pack is our own summary, written for shop staff. It follows the five "
                "stages of the %(publisher)s\u2019s guidance \u201c%(title)s\u201d, which your "
                "business should read in full.",
                publisher=SOURCE.publisher,
                title=SOURCE.title,
            ),
        )


def _stage(number: int, slug: str, title: str, summary: str, topics: tuple[Topic, ...]) -> Stage:
    heading = _("Stage %(number)s: %(title)s", number=number, title=title)
    return Stage(number, slug, title, summary, topics, heading)


def _stages() -> tuple[Stage, ...]:
    return (
        _stage(
            1,
            "planning",
            _("Planning"),
            _(
                "Your business decides what its safe space is for. Know the answers before "
                "your first shift as a safe space."
            ),
            (
                Topic(
                    _("What your business has decided"),
                    (
                        _(
                            "Every business runs its safe space its own way. Ask your manager "
                            "for the answers to these questions, and write the designated "
                            "person\u2019s name on your staff card."
                        ),
                    ),
                    (
                        Checklist(
                            (
                                _(
                                    "Is our scheme External (we show a sticker and are listed "
                                    "for the public) or Internal (nothing is advertised, but we "
                                    "are ready to help)?"
                                ),
                                _(
                                    "Do we look out for people who may need help and offer it, "
                                    "or do we help when someone asks?"
                                ),
                                _(
                                    "Who is the designated person for safe spaces on each "
                                    "shift, and who covers when they are away?"
                                ),
                                _(
                                    "Who decides in a difficult case: the shift manager, the "
                                    "store manager or head office?"
                                ),
                                _(
                                    "Which local services and police teams do we work with, "
                                    "and what are their numbers?"
                                ),
                            ),
                        ),
                    ),
                ),
                Topic(
                    _("Codeword schemes: Ask for ANI and Ask for Angela"),
                    (
                        _(
                            "Some schemes let a person ask for help with a codeword, so that "
                            "nobody nearby understands. \u201cAsk for ANI\u201d (Action Needed "
                            "Immediately) is the Home Office scheme for people facing domestic "
                            "abuse, mostly in pharmacies. \u201cAsk for Angela\u201d is used in "
                            "bars and venues by someone who feels unsafe on a date or a night "
                            "out."
                        ),
                        _(
                            "A business has to sign up to each scheme and train its staff for "
                            "it. Only display a codeword, or tell customers about it, if your "
                            "business has joined that scheme. A poster for a scheme the staff "
                            "do not know would let down the person who trusts it."
                        ),
                        _(
                            "If someone uses a codeword you do not know, treat it as a request "
                            "for help: offer the safe space and follow this pack."
                        ),
                    ),
                ),
            ),
        ),
        _stage(
            2,
            "staff-training",
            _("Staff training"),
            _(
                "You are what makes a safe space safe. This stage is what every member of "
                "staff should know."
            ),
            (
                Topic(
                    _("What a safe-spaces scenario is"),
                    (
                        _(
                            "It is any time someone comes into the shop, or is already there, "
                            "and feels vulnerable or unsafe. Usually they want a place to wait "
                            "while they contact family or friends, or to charge their phone. "
                            "Sometimes they are frightened of someone, upset, unwell, lost, or "
                            "have been hurt."
                        ),
                        _(
                            "You offer basic help and, when it is needed, put them in touch "
                            "with the people who can do more. You are not expected to solve "
                            "the problem yourself."
                        ),
                    ),
                ),
                Topic(
                    _("How to spot someone who needs help"),
                    (
                        _(
                            "People rarely say it straight away. Signs to notice include "
                            "someone who:"
                        ),
                    ),
                    (
                        Checklist(
                            (
                                _(
                                    "asks for the safe space, uses a codeword, or asks to use "
                                    "a phone or a charger;"
                                ),
                                _(
                                    "keeps looking at the door or the window, or stays in the "
                                    "shop long after they have finished;"
                                ),
                                _("seems frightened, tearful, confused, very drunk or unwell;"),
                                _(
                                    "is being followed, watched or pressured by someone else, "
                                    "perhaps someone who does the talking for them;"
                                ),
                                _(
                                    "is a child or young person on their own, late or far "
                                    "from home."
                                ),
                            ),
                        ),
                    ),
                ),
                Topic(
                    _("Do\u2019s and don\u2019ts"),
                    (),
                    (
                        Checklist(
                            (
                                _("Stay calm and speak quietly; believe what they tell you."),
                                _("Ask simple questions: are you safe now, what would help?"),
                                _(
                                    "Let them choose who to call and what happens next, "
                                    "unless someone is in danger."
                                ),
                                _("Keep a colleague aware of where you are and what is going on."),
                                _("Be honest about what you can and cannot do."),
                                _(
                                    "Pass the situation up the chain as soon as it feels "
                                    "bigger than you."
                                ),
                            ),
                            label=_("Do"),
                        ),
                        Checklist(
                            (
                                _(
                                    "Do not ask for their name, their story or proof of what "
                                    "happened."
                                ),
                                _("Do not promise to keep a secret or to fix things."),
                                _("Do not confront or chase anyone who is following them."),
                                _("Do not tell anyone who comes asking whether they are here."),
                                _(
                                    "Do not go alone with them into a closed room, or out of "
                                    "the shop."
                                ),
                                _(
                                    "Do not give medical help beyond the first aid you are "
                                    "trained for."
                                ),
                            ),
                            label=_("Don\u2019t"),
                            warning=True,
                        ),
                    ),
                ),
                Topic(
                    _("The designated person"),
                    (
                        _(
                            "Your business may name one person on each shift to lead on safe "
                            "spaces. They are the first person to call, but anyone on shift "
                            "should be able to start helping. Find out who covers when they "
                            "are off, and whether extra training (first aid, trauma-informed "
                            "support) is on offer."
                        ),
                    ),
                ),
            ),
        ),
        _stage(
            3,
            "physical-safe-space",
            _("Physical safe space"),
            _("Know where the safe space is in your shop and check it before anyone needs it."),
            (
                Topic(
                    _("Where the safe space is"),
                    (
                        _(
                            "It may be a small room, an office or a quiet corner of the shop "
                            "floor. Choose what suits the person in front of you: someone in "
                            "shock may want privacy, someone being followed may feel safer in "
                            "sight of others. Their privacy matters, but so does your safety: "
                            "a space where colleagues can see you is better than a locked room."
                        ),
                    ),
                ),
                Topic(
                    _("Checks before and after each use"),
                    (),
                    (
                        Checklist(
                            (
                                _("Colleagues can see the space, or you can reach them quickly."),
                                _(
                                    "You and the person can both leave easily: nobody is "
                                    "blocked in."
                                ),
                                _("A phone, and a charger or socket, are to hand."),
                                _(
                                    "The first aid kit is stocked and you know where it is "
                                    "(and the defibrillator, if you have one)."
                                ),
                                _("The lighting is good enough to see each other clearly."),
                                _(
                                    "Nothing within reach could be used to cause harm, and no "
                                    "stock, cash or personal belongings are left there."
                                ),
                                _("If there is CCTV, the signs are up."),
                            ),
                        ),
                    ),
                ),
            ),
        ),
        _stage(
            4,
            "response",
            _("Response"),
            _(
                "What to do when someone needs the safe space, and how to keep everyone safe, "
                "you included."
            ),
            (
                Topic(
                    _("Safety first: a quick risk check"),
                    (
                        _(
                            "Before you do anything else, and again every few minutes, look at "
                            "what is happening and think about what could change. This is a "
                            "dynamic risk assessment: it keeps going for as long as the person "
                            "is with you."
                        ),
                    ),
                    (
                        Checklist(
                            (
                                _(
                                    "Is anyone in danger right now: the person, you, "
                                    "colleagues or customers? If so, call 999."
                                ),
                                _(
                                    "Is anyone hurt or unwell? Give first aid only if you are "
                                    "trained; call 999 for an ambulance, or 111 for advice."
                                ),
                                _("Has anyone followed them in, or are they waiting outside?"),
                                _(
                                    "Is there anything that could make this worse: alcohol, "
                                    "drugs, a weapon, a crowd?"
                                ),
                            ),
                        ),
                    ),
                ),
                Topic(
                    _("When someone asks for help"),
                    (),
                    (
                        Checklist(
                            (
                                _("Welcome them calmly and tell a colleague."),
                                _("Do the quick risk check above."),
                                _("Take them to the safe space, away from the door and windows."),
                                _(
                                    "Ask what they need and offer what you can: a seat, water, "
                                    "a phone or a charger."
                                ),
                                _("Help them contact someone they trust, or the right service."),
                                _("Agree early how they will leave safely (see Exit strategy)."),
                                _("Record the visit afterwards, with their permission."),
                            ),
                            numbered=True,
                        ),
                    ),
                ),
                Topic(
                    _("Escalation: who to call"),
                    (
                        _(
                            "Know the chain in your shop and use it early. Asking for help is "
                            "part of the job, not a failure."
                        ),
                    ),
                    (
                        Checklist(
                            (
                                _("Your shift manager or supervisor."),
                                _("The designated safe-spaces person."),
                                _(
                                    "Security staff or the security control room, who may "
                                    "watch the CCTV or send help."
                                ),
                                _(
                                    "The police: 999 if anyone is in danger now, 101 when it "
                                    "is not an emergency."
                                ),
                            ),
                            numbered=True,
                        ),
                    ),
                ),
                Topic(
                    _("Your own safety and exit strategy"),
                    (
                        _(
                            "You never have to put yourself at risk. If you feel unsafe, "
                            "uncomfortable, or out of your depth, step back and hand over to "
                            "your manager, the designated person or security, or call the "
                            "police. Stay where colleagues can see you, and keep a way out for "
                            "both of you."
                        ),
                        _(
                            "The safe space is a short stop, not a place to stay. Early on, "
                            "agree with the person how they will move on: a friend or family "
                            "member collecting them, a taxi, or a service taking over."
                        ),
                        _(
                            "At closing time, no member of staff should be left alone with "
                            "them, and they should not be sent out onto the street while still "
                            "at risk. If no one can collect them, call 101 well before you "
                            "close (999 if they are in danger) and hand over to the police or "
                            "the agency who comes."
                        ),
                    ),
                ),
                Topic(
                    _("Young people and safeguarding"),
                    (
                        _(
                            "A child or young person under 18 may need a different response. "
                            "Keep them in sight of a colleague and never alone with one member "
                            "of staff behind a closed door. Ask who they would like you to "
                            "contact, such as a parent or carer."
                        ),
                        _(
                            "If they tell you someone is harming them, or they are at risk, "
                            "tell your manager or safeguarding lead straight away and call the "
                            "police: 999 in danger, 101 otherwise. Childline (%(childline)s) is "
                            "free for under-19s.",
                            childline=CHILDLINE.phone,
                        ),
                    ),
                ),
                Topic(
                    _("Misuse and repeat visitors"),
                    (
                        _(
                            "Now and then someone may try to misuse the scheme, or come back "
                            "every day, for example to keep warm. Be kind but clear about what "
                            "the shop can offer, and point them to the right help: the "
                            "council, a homelessness service or a day centre. Agree a plan with "
                            "your manager so every member of staff says the same thing."
                        ),
                        _(
                            "If someone comes in looking for a person who is in your safe "
                            "space, do not say whether they are there, even if they say they "
                            "are a partner, friend or relative. Tell your manager, and call 999 "
                            "if they threaten anyone."
                        ),
                    ),
                ),
                Topic(
                    _("Cover while you help"),
                    (
                        _(
                            "Helping can take time. Your manager should arrange cover for your "
                            "normal work, so you are never rushing someone out to get back to "
                            "the till."
                        ),
                    ),
                ),
            ),
        ),
        _stage(
            5,
            "record-and-review",
            _("Record and review"),
            _(
                "Write down what you need to learn from each visit, and nothing about who the "
                "person is."
            ),
            (
                Topic(
                    _("Recording with permission"),
                    (
                        _(
                            "Ask the person if they mind you noting that they used the safe "
                            "space. If they say no, do not record it."
                        ),
                        _(
                            "Record only the date, the part of the day, what they needed, what "
                            "happened and which kind of service was involved. Never write a "
                            "name, age, address, description or what the person told you."
                        ),
                        _(
                            "Sharing details with the police or another agency to protect "
                            "someone is a decision for your manager or safeguarding lead, with "
                            "the person\u2019s welfare first."
                        ),
                    ),
                ),
                Topic(
                    _("Looking after yourself afterwards"),
                    (
                        _(
                            "Helping someone in distress can stay with you. Talk to your "
                            "manager after any visit that upset you, and tick \u201cStaff "
                            "needed support\u201d when you record it, so someone checks on you "
                            "in the days after. Use your employer\u2019s support service if "
                            "there is one; Samaritans (%(samaritans)s) answer day and night.",
                            samaritans=SAMARITANS.phone,
                        ),
                    ),
                ),
                Topic(
                    _("Reviewing the scheme"),
                    (
                        _(
                            "Every few months, your team should look back together: what went "
                            "well, what did not, and what to change. Pass lessons and praise on "
                            "to head office so other shops can learn from them."
                        ),
                    ),
                ),
            ),
        ),
    )


def _scenarios() -> tuple[Scenario, ...]:
    return (
        Scenario(
            _("A flat phone late in the evening"),
            _(
                "A woman comes in at 9pm. Her phone is dead and she has missed the last bus. "
                "She asks if she can wait."
            ),
            (
                _("Offer her a seat in the safe space, in view of the counter, and a charger."),
                _("Let her call whoever she chooses from her phone or the shop phone."),
                _("Check what time her lift will arrive and tell her when you close."),
                _(
                    "If nobody can come before closing, talk to your manager about a taxi or "
                    "calling 101."
                ),
            ),
        ),
        Scenario(
            _("Followed into the shop"),
            _(
                "A young man rushes in and says someone has been following him. He points to "
                "a man standing outside."
            ),
            (
                _("Call 999: he is being followed and the person is still there."),
                _("Take him to the safe space, away from the windows, and tell your manager."),
                _("Do not go outside or confront the man."),
                _(
                    "Ask security or the control room to watch the CCTV, and stay with him "
                    "until the police arrive."
                ),
            ),
        ),
        Scenario(
            _("A codeword at the counter"),
            _("At the pharmacy counter a customer quietly says \u201cCan I ask for ANI?\u201d"),
            (
                _(
                    "If your business has joined Ask for ANI: follow that scheme\u2019s "
                    "training and offer the consultation room."
                ),
                _("Ask whether she is in danger right now. If yes, call 999."),
                _(
                    "If not, offer a phone to call someone she trusts or the National "
                    "Domestic Abuse Helpline (%(helpline)s).",
                    helpline=DOMESTIC_ABUSE.phone,
                ),
                _(
                    "If your business has not joined the scheme, still treat it as a request "
                    "for help and follow this pack."
                ),
            ),
        ),
        Scenario(
            _("A teenager on their own"),
            _(
                "A girl of about 14 is crying near the entrance. She says she has lost her "
                "friends and her phone has no signal."
            ),
            (
                _("Stay with her with a colleague nearby, in a part of the shop others can see."),
                _("Offer the shop phone to call a parent or carer she names."),
                _(
                    "If she cannot reach anyone, or says she is afraid to go home, tell your "
                    "manager and call the police (999 if she is in danger, 101 otherwise)."
                ),
                _(
                    "Do not take her anywhere yourself, and do not leave her alone in a closed "
                    "room."
                ),
            ),
        ),
        Scenario(
            _("The same visitor every evening"),
            _(
                "A man comes in each evening and asks to sit in the safe space until you "
                "close, mostly to keep warm."
            ),
            (
                _("Be polite and explain what the shop can and cannot offer."),
                _("Give him the details of local homelessness or outreach services."),
                _(
                    "Agree with your manager what every member of staff will say, and record "
                    "each visit."
                ),
                _("If his behaviour becomes threatening, treat it as any other security incident."),
            ),
        ),
        Scenario(
            _("Closing time, and she is still afraid"),
            _(
                "It is ten minutes to closing. The woman in the safe space says her "
                "ex-partner is waiting near her car."
            ),
            (
                _("Tell your manager; do not leave one member of staff alone with her."),
                _("Call 999: she believes someone is waiting to harm her."),
                _("Stay inside with her, with a colleague, until the police arrive."),
                _(
                    "Hand over to the police, then record the visit and check how your "
                    "colleague is."
                ),
            ),
        ),
    )


# The English pack's parts, for code that quotes the source text.
STAGES = written(language.ENGLISH).stages
SCENARIOS = written(language.ENGLISH).scenarios
