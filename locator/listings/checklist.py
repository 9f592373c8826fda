"""Readiness by the guidance's five stages: the questions, their answers and what is still to do.

A registration answers these; the manage page changes them; a head office answers them once for
its estate. Answers are kept as JSON with the listing (`premises.checklist`) or the head office.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from locator.domain.errors import InvalidParameter

STAGES = {
    "planning": "Planning",
    "training": "Staff training",
    "physical": "The physical safe space",
    "response": "Response",
    "review": "Record and review",
}


@dataclass(frozen=True)
class Question:
    """One readiness question: yes or "not yet", or one of a few choices."""

    key: str
    stage: str
    text: str
    # None: answered yes or "not yet".
    choices: Mapping[str, str] | None = None
    # Must be yes to register: a business that cannot say so is not ready to help anyone.
    essential: bool = False
    # What the reminder mail asks while the answer is "not yet".
    follow_up: str = ""


QUESTIONS = (
    Question(
        "serves",
        "planning",
        "Who is the safe space for?",
        {
            "public": "Members of the public who feel vulnerable",
            "staff": "Our own staff",
            "both": "Both the public and our staff",
        },
    ),
    Question(
        "focus",
        "planning",
        "Does it focus on one kind of vulnerability?",
        {
            "general": "No: anyone who feels vulnerable or unsafe",
            "women_and_girls": "Women and girls",
            "domestic_abuse": "People facing domestic abuse (for example through Ask for ANI)",
            "young_people": "Children and young people",
            "older_or_disabled": "Older or disabled people",
        },
    ),
    Question(
        "approach",
        "planning",
        "How do your staff respond?",
        {
            "reactive": "Reactive: staff help when someone asks or a situation arises",
            "proactive": "Proactive: staff also look out for people who may need help and offer it",
        },
    ),
    Question(
        "risk_owner",
        "planning",
        "Who owns and manages the risk?",
        {
            "owner": "The owner (a small business)",
            "store_manager": "The store or shop manager",
            "designated_person": "The designated safe-spaces person",
            "head_office": "Head office",
        },
    ),
    Question(
        "insurer_consulted",
        "planning",
        "Your insurer knows you are a safe space",
        follow_up="Tell your insurer you are a safe space, and check you are covered.",
    ),
    Question(
        "partners_informed",
        "planning",
        "Local partners (council community safety, the police business crime team) are told",
        follow_up="Tell your local partners (council community safety, the police business "
        "crime team) about your safe space.",
    ),
    Question(
        "staff_trained",
        "training",
        "Staff are trained and know what to do when someone asks for the safe space",
        essential=True,
    ),
    Question(
        "designated_person",
        "training",
        "There is a designated person on every shift, with cover for absences",
        essential=True,
    ),
    Question(
        "line_of_sight",
        "physical",
        "A member of staff with someone in the space can be seen by, or call, a colleague",
        essential=True,
    ),
    Question(
        "exit_route",
        "physical",
        "There is an accessible way out, for the person and for your staff",
        essential=True,
    ),
    Question(
        "phone_or_internet",
        "physical",
        "There is a phone or internet connection the person can use",
        essential=True,
    ),
    Question(
        "first_aid_kit",
        "physical",
        "A first aid kit (or a defibrillator) is within reach",
        follow_up="Keep a first aid kit within reach of the safe space.",
    ),
    Question("lighting", "physical", "The space is well lit", essential=True),
    Question(
        "nothing_harmful",
        "physical",
        "The space is uncluttered, with nothing within reach that could be used to cause harm",
        essential=True,
    ),
    Question(
        "cctv_signage",
        "physical",
        "If CCTV covers the space, it is data-protection compliant and signs say so",
        follow_up="If CCTV covers the safe space, check it is data-protection compliant and "
        "put up signs that say so.",
    ),
    Question(
        "referral_contacts",
        "response",
        "Staff know where to find the numbers to refer someone on (the staff card is up)",
        follow_up="Print your staff card and put it where staff can see it: it has the "
        "numbers to refer someone on.",
    ),
    Question(
        "escalation",
        "response",
        "Staff know who to call for help: manager, designated person, security, police",
        follow_up="Agree who staff call for help, in order (manager, designated person, "
        "security or control room, police), and tell every shift.",
    ),
    Question(
        "record_and_review",
        "review",
        "You will keep a simple record of uses and review it",
        follow_up="Record each use of your safe space on your manage page, and look back "
        "over them with your staff now and then.",
    ),
)
BY_KEY = {question.key: question for question in QUESTIONS}
ESSENTIAL = tuple(question.key for question in QUESTIONS if question.essential)
PHYSICAL = tuple(question.key for question in QUESTIONS if question.stage == "physical")
# Answered by every registration since the first checklist; the rest may be left for later.
REQUIRED = (
    "staff_trained",
    "designated_person",
    "insurer_consulted",
    "partners_informed",
    "record_and_review",
)
# The first checklist asked about the space in one question; a yes to it is a yes to each check.
SPACE_CHECKED = "space_checked"
ACCEPTED = (*BY_KEY, SPACE_CHECKED)
EVERY_QUESTION = tuple(BY_KEY)


NOT_READY = "Before you register, make sure of this: "


# What the API's first checklist asked, still enough for a registration through the API.
FIRST_ASKED = (*REQUIRED, *(key for key in ESSENTIAL if key in PHYSICAL))


def check_answers(
    value, *, required: tuple[str, ...] = FIRST_ASKED, not_ready: str = NOT_READY
) -> dict:
    """Validate readiness answers; refuse any "not yet" on an essential point.

    `required` names the questions that must be answered (the web forms ask every one); by
    default the API's first checklist, with one `space_checked` for the physical checks, is
    enough. `not_ready` starts the refusal, before the essentials answered "not yet".
    """
    if not isinstance(value, Mapping):
        raise InvalidParameter(
            "checklist must be an object answering the readiness questions.", "checklist"
        )
    unknown = sorted(str(key)[:40] for key in value if key not in ACCEPTED)
    if unknown:
        raise InvalidParameter(
            f"Unknown readiness question {unknown[0]!r}; the questions are {', '.join(BY_KEY)}.",
            "checklist",
        )
    answers = {}
    for key, given in value.items():
        if given is None or key == SPACE_CHECKED:
            continue
        answers[key] = _check_answer(BY_KEY[key], given)
    if SPACE_CHECKED in value:
        combined = value[SPACE_CHECKED]
        if not isinstance(combined, bool):
            raise InvalidParameter(
                f"Answer the readiness question '{SPACE_CHECKED}' (true or false).", "checklist"
            )
        if not combined:
            # It stood for every physical check at once, the essential ones among them.
            essentials = [BY_KEY[key].text for key in ESSENTIAL if key in PHYSICAL]
            raise InvalidParameter(not_ready + "; ".join(essentials) + ".", "checklist")
        for key in PHYSICAL:
            answers.setdefault(key, True)
    missing = [key for key in required if key not in answers]
    if len(missing) > 1 and required == EVERY_QUESTION:
        asked = "; ".join(BY_KEY[key].text.rstrip("?") for key in missing)
        raise InvalidParameter(f"Answer these readiness questions: {asked}.", "checklist")
    if missing:
        question = BY_KEY[missing[0]]
        first = required == FIRST_ASKED and question.stage == "physical"
        hint = f" (or '{SPACE_CHECKED}')" if first else ""
        raise InvalidParameter(
            f"Answer the readiness question '{question.key}'{hint}: {question.text}"
            + ("" if question.text.endswith("?") else "."),
            "checklist",
        )
    missing_essentials = [BY_KEY[key].text for key in ESSENTIAL if answers.get(key) is False]
    if missing_essentials:
        raise InvalidParameter(not_ready + "; ".join(missing_essentials) + ".", "checklist")
    return answers


def _check_answer(question: Question, given):
    if question.choices is None:
        if not isinstance(given, bool):
            raise InvalidParameter(
                f"Answer the readiness question '{question.key}' (true or false).", "checklist"
            )
        return given
    if given not in question.choices:
        raise InvalidParameter(
            f"Answer '{question.key}' with one of {', '.join(question.choices)}.", "checklist"
        )
    return given


def answers_from_form(form: Mapping[str, str]) -> dict:
    """Read the readiness radios of a form: 'yes'/'no' or a choice; empty when not answered."""
    answers = {}
    for question in QUESTIONS:
        given = (form.get(question.key) or "").strip()
        if not given:
            continue
        if question.choices is None:
            answers[question.key] = {"yes": True, "no": False}.get(given, given)
        else:
            answers[question.key] = given
    return answers


def stored(raw: Mapping) -> dict:
    """Return kept answers as the questions ask them (an old `space_checked` split into each)."""
    answers = {key: raw[key] for key in BY_KEY if raw.get(key) is not None}
    if isinstance(raw.get(SPACE_CHECKED), bool):
        for key in PHYSICAL:
            answers.setdefault(key, raw[SPACE_CHECKED])
    return answers


@dataclass(frozen=True)
class Answer:
    """One question with its answer in words, for a page or a mail."""

    question: Question
    value: object

    @property
    def key(self) -> str:
        return self.question.key

    @property
    def state(self) -> str:
        """Return 'yes', 'not_yet', 'unanswered' or 'chosen'."""
        if self.value is None:
            return "unanswered"
        if self.question.choices is not None:
            return "chosen"
        return "yes" if self.value else "not_yet"

    @property
    def words(self) -> str:
        if self.value is None:
            return "Not answered"
        if self.question.choices is not None:
            return self.question.choices.get(self.value, str(self.value))
        return "Yes" if self.value else "Not yet"


@dataclass(frozen=True)
class Stage:
    """One of the guidance's five stages, with its questions answered."""

    key: str
    title: str
    answers: tuple[Answer, ...]

    @property
    def to_do(self) -> int:
        """Count the answers still "not yet" or not given."""
        return sum(answer.state in ("not_yet", "unanswered") for answer in self.answers)


def by_stage(answers: Mapping) -> tuple[Stage, ...]:
    """Group answers under the five stages, each question in order."""
    kept = stored(answers)
    return tuple(
        Stage(
            key,
            title,
            tuple(Answer(q, kept.get(q.key)) for q in QUESTIONS if q.stage == key),
        )
        for key, title in STAGES.items()
    )


def still_to_do(answers: Mapping) -> list[str]:
    """Return what a reminder should ask: each step "not yet", then any question not answered."""
    kept = stored(answers)
    lines = [q.follow_up for q in QUESTIONS if q.follow_up and kept.get(q.key) is False]
    unanswered = [q for q in QUESTIONS if q.key not in kept]
    if unanswered:
        lines.append(
            f"Answer the {len(unanswered)} readiness question"
            f"{'s' if len(unanswered) > 1 else ''} still open on your manage page "
            f"({', '.join(q.text.rstrip('?').lower() for q in unanswered[:3])}"
            f"{', …' if len(unanswered) > 3 else ''})."
        )
    return lines


def merged(own: Mapping, estate: Mapping | None) -> dict:
    """Return a store's answers: its own where given, else what its head office declared."""
    return {**stored(estate or {}), **stored(own)}


def form_values(answers: Mapping) -> dict[str, str]:
    """Return kept answers as a form's radios hold them: 'yes', 'no' or the choice."""
    values = {}
    for key, value in stored(answers).items():
        values[key] = value if isinstance(value, str) else ("yes" if value else "no")
    return values
