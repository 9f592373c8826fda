"""Acceptance table for the chat assistant's message analysis (``locator.chat.analyse``).

Written from the specification, independently of the implementation. Each row is a message
as a person in distress might type it on a phone (typos, slang, no punctuation) and what the
analysis must find in it: the intent, the facilities, the place named in the text and the
helplines to offer.

Two tolerances, both because the specification names the extra facility as reasonable:

* rows whose facilities are ``medical(...)`` (injuries, collapses) accept ``first_aid`` and
  ``defibrillator`` on top of the required codes; the spec does not say whether "bleeding
  badly" or "not breathing" should also suggest them, only that emergency comes first.
* a row that expects ``accessible_toilet`` does not mind ``toilet`` as well, because
  "disabled toilet" also contains the word "toilet".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import pytest

from locator.chat import analyse
from locator.chat.matching import correct_typos, normalise
from locator.geo.gazetteer import default_gazetteer

INTENTS = (
    "find_space",
    "emergency",
    "support",
    "about",
    "register",
    "greeting",
    "thanks",
    "unknown",
)
FACILITIES = (
    "phone_charging",
    "phone_use",
    "wifi",
    "first_aid",
    "defibrillator",
    "step_free",
    "accessible_toilet",
    "toilet",
    "private_room",
    "seating",
    "drinking_water",
)
MEDICAL_EXTRAS = frozenset({"first_aid", "defibrillator"})

EMERGENCY = "999"
DOMESTIC_ABUSE = "0808 2000 247"
MENS_ADVICE = "0808 801 0327"
SAMARITANS = "116 123"
RAPE_CRISIS = "0808 500 2222"
SHELTER = "0808 800 4444"
CHILDLINE = "0800 1111"
POLICE_NON_EMERGENCY = "101"
NHS_111 = "111"
HELPLINES = (
    EMERGENCY,
    DOMESTIC_ABUSE,
    MENS_ADVICE,
    SAMARITANS,
    RAPE_CRISIS,
    SHELTER,
    CHILDLINE,
    POLICE_NON_EMERGENCY,
    NHS_111,
)

MAX_CHARS = 1000


def fac(*codes: str) -> tuple[str, ...]:
    """Return facility codes in the canonical order, refusing unknown codes."""
    unknown = set(codes) - set(FACILITIES)
    assert not unknown, f"not a facility code: {unknown}"
    return tuple(code for code in FACILITIES if code in codes)


@dataclass(frozen=True)
class Medical:
    """Facilities for an injury: the required codes, plus first aid or a defib if offered."""

    required: tuple[str, ...] = ()


def medical(*codes: str) -> Medical:
    return Medical(fac(*codes))


class Row(NamedTuple):
    message: str
    intent: str
    facilities: tuple[str, ...] | Medical
    place: str | None
    helplines: tuple[str, ...]
    everyday: bool = False  # an everyday phrase that sounds alarming but is not an emergency


def row(message, intent, facilities=(), place=None, helplines=(), everyday=False) -> Row:
    assert intent in INTENTS, intent
    assert set(helplines) <= set(HELPLINES), helplines
    if intent == "emergency":
        assert helplines[:1] == (EMERGENCY,), "emergency rows list 999 first"
    if not isinstance(facilities, Medical):
        facilities = fac(*facilities)
    return Row(message, intent, facilities, place, tuple(helplines), everyday)


def everyday(message, intent, facilities=(), place=None) -> Row:
    return row(message, intent, facilities, place, (), everyday=True)


LONG_EMERGENCY = "help someone is following me im scared " + "please " * 400
LONG_NONSENSE = "a" * 5000

ROWS: list[Row] = [
    # ---- emergency: followed, chased, stalked ------------------------------------------------
    row("help someone is following me", "emergency", helplines=(EMERGENCY,)),
    row("theres a man following me pls help", "emergency", helplines=(EMERGENCY,)),
    row(
        "some guy has been following me for 10 mins im scared", "emergency", helplines=(EMERGENCY,)
    ),
    row("im being folowed rn", "emergency", helplines=(EMERGENCY,)),
    row("im bein followd by sum1", "emergency", helplines=(EMERGENCY,)),
    # Dictation hears "following me" as "falling me".
    row("a man is falling me down the road", "emergency", helplines=(EMERGENCY,)),
    # Someone who keeps turning up, told while they are not there now: report it, not 999.
    row(
        "a lad from my course keeps following me after lectures, hes not here now",
        "support",
        helplines=(POLICE_NON_EMERGENCY,),
    ),
    # A question about a problem goes to a helpline; one about the service is about us.
    row("who do i call for non emergency police", "support", helplines=(POLICE_NON_EMERGENCY,)),
    row(
        "can safe spaces help me if my partner is controlling",
        "about",
        helplines=(DOMESTIC_ABUSE,),
    ),
    row("im scared someone is following me home", "emergency", helplines=(EMERGENCY,)),
    row("someone is stalking me", "emergency", helplines=(EMERGENCY,)),
    row("being followed near leeds station", "emergency", (), "Leeds", (EMERGENCY,)),
    row(
        # Somewhere to hide, out of sight: a private room.
        "followed by a man need somewhere to hide im in Leeds",
        "emergency",
        ("private_room",),
        "Leeds",
        (EMERGENCY,),
    ),
    row("im being chased", "emergency", helplines=(EMERGENCY,)),
    row("being chased by a gang in Birmingham", "emergency", (), "Birmingham", (EMERGENCY,)),
    row("im hiding in a shop a man is after me", "emergency", helplines=(EMERGENCY,)),
    row(
        "HELP im being followed and my battery on 2%",
        "emergency",
        ("phone_charging",),
        None,
        (EMERGENCY,),
    ),
    row(
        "someone is following me and im in a wheelchair",
        "emergency",
        ("step_free",),
        None,
        (EMERGENCY,),
    ),
    row("hi, someone is following me", "emergency", helplines=(EMERGENCY,)),
    row("thanks but that man is still following me", "emergency", helplines=(EMERGENCY,)),
    row(LONG_EMERGENCY, "emergency", helplines=(EMERGENCY,)),
    # ---- emergency: threatened -----------------------------------------------------------
    row("a man is threatening me", "emergency", helplines=(EMERGENCY,)),
    row("group of lads threatening me at the bus stop", "emergency", helplines=(EMERGENCY,)),
    row("some1 just threatened to kill me", "emergency", helplines=(EMERGENCY,)),
    row(
        "theres a man outside the shop waiting for me he keeps threatening me",
        "emergency",
        helplines=(EMERGENCY,),
    ),
    row("hes got a knife", "emergency", helplines=(EMERGENCY,)),
    row("theres a guy with a knife outside the shop", "emergency", helplines=(EMERGENCY,)),
    row("he's got a gun", "emergency", helplines=(EMERGENCY,)),
    row("im in danger", "emergency", helplines=(EMERGENCY,)),
    row("i'm in danger please im at LS1 4AP", "emergency", (), "LS1", (EMERGENCY,)),
    # ---- emergency: attacked -----------------------------------------------------------------
    row("i just got attacked in M1", "emergency", (), "M1", (EMERGENCY,)),
    row("got jumped by 3 guys", "emergency", medical(), None, (EMERGENCY,)),
    row("some guy punched me and hes still here", "emergency", medical(), None, (EMERGENCY,)),
    row("a man grabbed me and wont let go", "emergency", helplines=(EMERGENCY,)),
    # "he", with no stranger in the message, is most often a partner or family member.
    row("pls hes hurting me", "emergency", helplines=(EMERGENCY, DOMESTIC_ABUSE)),
    row("CALL 999 someone is attacking my friend", "emergency", medical(), None, (EMERGENCY,)),
    row("mugged at knifepoint just now", "emergency", helplines=(EMERGENCY,)),
    row(
        "someone attacked me and my nose wont stop bleeding",
        "emergency",
        medical(),
        None,
        (EMERGENCY,),
    ),
    # ---- emergency: someone trying to get in -------------------------------------------------
    row("someone is outside my door trying to get in", "emergency", helplines=(EMERGENCY,)),
    row("theres someone trying to break in", "emergency", helplines=(EMERGENCY,)),
    row(
        "a man is banging on the door trying to get in im hiding",
        "emergency",
        helplines=(EMERGENCY,),
    ),
    # ---- emergency: seriously hurt, not breathing, collapsed ---------------------------------
    row("my friend is seriously hurt", "emergency", medical(), None, (EMERGENCY,)),
    # The NHS 999 signs in the words people use, with every spelling of "not".
    row("my husband isnt moving and won't wake up", "emergency", medical(), None, (EMERGENCY,)),
    row(
        "she's gone a funny grey colour and isn't answering me",
        "emergency",
        medical(),
        None,
        (EMERGENCY,),
    ),
    row(
        "my wife's face has dropped on one side and her words are jumbled",
        "emergency",
        medical(),
        None,
        (EMERGENCY,),
    ),
    row(
        "he banged his head on the kerb and now he's being sick",
        "emergency",
        medical(),
        None,
        (EMERGENCY,),
    ),
    row("call an ambulance my mum has collapsed", "emergency", medical(), None, (EMERGENCY,)),
    row("my toddler swallowed some of my tablets", "emergency", medical(), None, (EMERGENCY,)),
    row(
        "my dad has dementia and has walked out of the house, we can't find him",
        "emergency",
        medical(),
        None,
        (EMERGENCY,),
    ),
    row(
        "my nan is lost on the moor and cant walk, its getting dark",
        "emergency",
        medical(),
        None,
        (EMERGENCY,),
    ),
    row("hes bleeding really badly", "emergency", medical(), None, (EMERGENCY,)),
    row("my mate is bleeding badly from his head", "emergency", medical(), None, (EMERGENCY,)),
    row("i got stabbed", "emergency", medical(), None, (EMERGENCY,)),
    row(
        "my friend has been stabbed and is bleeding everywhere",
        "emergency",
        medical(),
        None,
        (EMERGENCY,),
    ),
    row("she's not breathing", "emergency", medical(), None, (EMERGENCY,)),
    row("my dad collapsed and isnt breathing", "emergency", medical(), None, (EMERGENCY,)),
    row("found a man unconscious on the pavement", "emergency", medical(), None, (EMERGENCY,)),
    row(
        "my girlfriend is unconscious and wont wake up",
        "emergency",
        medical(),
        None,
        (EMERGENCY,),
    ),
    row(
        "someone collapsed outside Manchester Piccadilly",
        "emergency",
        medical(),
        "Piccadilly",
        (EMERGENCY,),
    ),
    row(
        "my dad collapsed where is the nearest defibrillator",
        "emergency",
        medical("defibrillator"),
        None,
        (EMERGENCY,),
    ),
    row(
        "man collapsed not breathing need a defib NOW",
        "emergency",
        medical("defibrillator"),
        None,
        (EMERGENCY,),
    ),
    row(
        "someone collapsed near Leeds station is there an AED",
        "emergency",
        medical("defibrillator"),
        "Leeds",
        (EMERGENCY,),
    ),
    # ---- emergency: spiked, drugged ----------------------------------------------------------
    row("i think my drink was spiked", "emergency", helplines=(EMERGENCY,)),
    row("think ive been spiked i feel weird", "emergency", helplines=(EMERGENCY,)),
    row("my friend got drugged at the club", "emergency", helplines=(EMERGENCY,)),
    row("i think someone drugged me", "emergency", helplines=(EMERGENCY,)),
    # ---- emergency with a topic helpline -----------------------------------------------------
    row("my husband is hitting me right now", "emergency", (), None, (EMERGENCY, DOMESTIC_ABUSE)),
    row(
        "my boyfriend is outside threatening to kill me",
        "emergency",
        (),
        None,
        (EMERGENCY, DOMESTIC_ABUSE),
    ),
    row(
        "someone raped me, he is still here",
        "emergency",
        (),
        None,
        (EMERGENCY, RAPE_CRISIS),
    ),
    row("I'm about to jump off the bridge", "emergency", (), None, (EMERGENCY, SAMARITANS)),
    row(
        "standing on the edge of the roof going to jump",
        "emergency",
        (),
        None,
        (EMERGENCY, SAMARITANS),
    ),
    row(
        "i have the pills in my hand and im going to take them all now",
        "emergency",
        medical(),
        None,
        (EMERGENCY, SAMARITANS),
    ),
    row(
        "dad's been out in the rain all night, he's freezing and doesn't know where he is",
        "emergency",
        medical(),
        None,
        (EMERGENCY,),
    ),
    # Danger told in the words of what is happening, not the usual ones.
    row(
        "my little brother fell in the canal and he can't swim",
        "emergency",
        medical(),
        None,
        (EMERGENCY,),
    ),
    row(
        "the taxi driver has put the child locks on and won't pull over",
        "emergency",
        helplines=(EMERGENCY,),
    ),
    row("someone's pouring fuel through our letterbox", "emergency", helplines=(EMERGENCY,)),
    row(
        "a man tried to grab me but I ran, he's still round the corner",
        "emergency",
        helplines=(EMERGENCY,),
    ),
    row(
        "woke up in a flat I don't know and can't remember getting here",
        "emergency",
        helplines=(EMERGENCY,),
    ),
    row(
        "stood on the roof of the flats, everyone is better off without me",
        "emergency",
        helplines=(EMERGENCY, SAMARITANS),
    ),
    row(
        "our quad bike tipped over and my husband is trapped under it",
        "emergency",
        medical(),
        None,
        (EMERGENCY,),
    ),
    row(
        "the toddler drank some weedkiller from the shed",
        "emergency",
        medical(),
        None,
        (EMERGENCY,),
    ),
    row(
        "he's found where I'm staying and he's outside now, I'm scared",
        "emergency",
        helplines=(EMERGENCY,),
    ),
    row("gave her the narcan and nothing's happening", "emergency", medical(), None, (EMERGENCY,)),
    row(
        "my 6 year old was by the swings two minutes ago and now he's not there",
        "emergency",
        helplines=(EMERGENCY,),
    ),
    row("someone is rattling my back door and I'm home alone", "emergency", helplines=(EMERGENCY,)),
    row("he's sat in my passenger seat and won't get out", "emergency", helplines=(EMERGENCY,)),
    # ---- everyday phrases that are NOT emergencies -------------------------------------------
    everyday("my legs are killing me need to sit down", "find_space", ("seating",)),
    everyday(
        "my knees are shot, anywhere to sit near York station", "find_space", ("seating",), "York"
    ),
    everyday("if i feel faint in a shop will the staff help", "about"),
    everyday("found my son, thank you", "thanks"),
    everyday(
        "i fell asleep on the bus and cant get back up the hill, anywhere to sit",
        "find_space",
        ("seating",),
    ),
    everyday("my feet are killing me anywhere to sit", "find_space", ("seating",)),
    # Cold is a need for warmth; cold with the signs of hypothermia is 999 (below).
    everyday("freezing and no coat, anywhere warm to wait", "find_space"),
    everyday("battery's dying", "find_space", ("phone_charging",)),
    everyday("my phone is dead", "find_space", ("phone_charging",)),
    everyday("phone about to die need a charger", "find_space", ("phone_charging",)),
    everyday("I'm dying for the loo", "find_space", ("toilet",)),
    everyday("im dying to use the bathroom", "find_space", ("toilet",)),
    everyday("killing time in Leeds anywhere with wifi", "find_space", ("wifi",), "Leeds"),
    everyday("killing time, any free wifi near M1", "find_space", ("wifi",), "M1"),
    everyday("dead on my feet need a seat", "find_space", ("seating",)),
    everyday("im dead tired where can i sit down", "find_space", ("seating",)),
    everyday("dying of thirst", "find_space", ("drinking_water",)),
    everyday("the heat is killing me need water", "find_space", ("drinking_water",)),
    everyday(
        "my boss will kill me if im late where can i charge my phone",
        "find_space",
        ("phone_charging",),
    ),
    everyday("that gig was sick, anywhere to charge my phone", "find_space", ("phone_charging",)),
    everyday("this queue is killing me", "unknown"),
    # Told as a joke, a dead phone asks for nothing: forty-four writers read "dead lol" so.
    # The reply asks what they need, with charging among the buttons.
    everyday("my phones dead lol", "unknown", ("phone_charging",)),
    everyday("my battery is dead as a dodo", "unknown", ("phone_charging",)),
    everyday("my mum is waiting outside the shop for me", "unknown"),
    everyday("I'm gonna kill my housemate if he leaves the dishes again", "unknown"),
    row("are safe spaces only for people being followed?", "about"),
    row("do safe spaces keep naloxone?", "about"),
    everyday("we had a pillow fight and my sister won", "unknown"),
    everyday("my teacher is literally going to murder me", "unknown"),
    everyday(
        "my friend pushes me in my wheelchair, is the shop step free", "find_space", ("step_free",)
    ),
    # Harm told as a way of life, asking whom to tell: a helpline, not 999.
    row(
        "he's hit me for years when he drinks, who can I talk to",
        "support",
        helplines=(DOMESTIC_ABUSE,),
    ),
    row(
        "there's graffiti on the bridge by the park, who do I report it to",
        "support",
        helplines=(POLICE_NON_EMERGENCY,),
    ),
    row("hello? anyone around", "greeting"),
    row(
        "been turfed out by my landlord, need somewhere to charge my phone in Leeds",
        "find_space",
        ("phone_charging",),
        "Leeds",
        (SHELTER,),
    ),
    everyday("i nearly died laughing", "unknown"),
    # ---- find_space: somewhere to go ---------------------------------------------------------
    row("where can I go now", "find_space"),
    row("I need somewhere safe to wait", "find_space"),
    row("is there anywhere open near me", "find_space"),
    row("wheres the nearest safe space", "find_space"),
    row("need somewhere safe to wait for my taxi", "find_space"),
    row("any safe spaces open in Manchester", "find_space", (), "Manchester"),
    row("i need somewhere safe in Leeds", "find_space", (), "Leeds"),
    row("where can i go im at LS1 4AP", "find_space", (), "LS1"),
    row("wer can i go near ls1", "find_space", (), "LS1"),
    row("anywhere open near Leeds station", "find_space", (), "Leeds"),
    row("any safe space near manchester piccadilly", "find_space", (), "Piccadilly"),
    row("is there somewhere open in bristol", "find_space", (), "Bristol"),
    row("need a safe place near glasgow central", "find_space", (), "Glasgow Central"),
    # ---- find_space: phone charging ----------------------------------------------------------
    row("wher can i charg my fone", "find_space", ("phone_charging",)),
    row("need to charge my phone", "find_space", ("phone_charging",)),
    row("battery on 2% where can i go", "find_space", ("phone_charging",)),
    row("my phone is dead and I'm in M1", "find_space", ("phone_charging",), "M1"),
    row("fone on 1% pls where can i charge it", "find_space", ("phone_charging",)),
    row(
        "anywhere i can charge my phone near Leeds station",
        "find_space",
        ("phone_charging",),
        "Leeds",
    ),
    row(
        "need a charger for my iphone im in manchester",
        "find_space",
        ("phone_charging",),
        "Manchester",
    ),
    row("can u charge my phone pls", "find_space", ("phone_charging",)),
    # ---- find_space: phone use ---------------------------------------------------------------
    row("need to make a call", "find_space", ("phone_use",)),
    row("can I use a phone", "find_space", ("phone_use",)),
    row("lost my phone need to ring my mum", "find_space", ("phone_use",)),
    row("can i use ur phone pls", "find_space", ("phone_use",)),
    row("left my phone at home and need to make a call", "find_space", ("phone_use",)),
    row("need to make a cal to my dad im in Leeds", "find_space", ("phone_use",), "Leeds"),
    row(
        "my phone is dead can i use a phone to call a taxi",
        "find_space",
        ("phone_charging", "phone_use"),
    ),
    # ---- find_space: wifi --------------------------------------------------------------------
    row("wifi", "find_space", ("wifi",)),
    row("is there free wifi near me", "find_space", ("wifi",)),
    row("need internet", "find_space", ("wifi",)),
    row("any wi-fi round here", "find_space", ("wifi",)),
    row("wher can i get wifi in M1", "find_space", ("wifi",), "M1"),
    # ---- find_space: toilet ------------------------------------------------------------------
    row("need the loo", "find_space", ("toilet",)),
    row("where is the nearest toilet", "find_space", ("toilet",)),
    row("bathroom pls", "find_space", ("toilet",)),
    row("need a wee", "find_space", ("toilet",)),
    row("desperate for a wee", "find_space", ("toilet",)),
    row("need a toilet in Manchester", "find_space", ("toilet",), "Manchester"),
    row("wheres the nearest tiolet", "find_space", ("toilet",)),
    row("need the loo near LS1 4AP", "find_space", ("toilet",), "LS1"),
    # ---- find_space: accessible toilet, step free --------------------------------------------
    row("accessible toilet", "find_space", ("accessible_toilet",)),
    row("need a disabled toilet near Leeds", "find_space", ("accessible_toilet",), "Leeds"),
    row("where is an accesible toilet", "find_space", ("accessible_toilet",)),
    row(
        "wheelchair user need a disabled toilet",
        "find_space",
        ("step_free", "accessible_toilet"),
    ),
    row("anywhere i can go in a wheelchair", "find_space", ("step_free",)),
    row("im with a pram where can i wait", "find_space", ("step_free",)),
    row("got a buggy need somewhere to wait", "find_space", ("step_free",)),
    row("i can't do stairs where can i go", "find_space", ("step_free",)),
    row("cant do stairs need somewhere near M1", "find_space", ("step_free",), "M1"),
    row("weelchair user anywhere open", "find_space", ("step_free",)),
    # ---- find_space: first aid ---------------------------------------------------------------
    row("need a plaster", "find_space", ("first_aid",)),
    row("cut my finger", "find_space", ("first_aid",)),
    row("i cut my finger on a glass need a plaster", "find_space", ("first_aid",)),
    row("need first aid", "find_space", ("first_aid",)),
    row("anyone got a bandage near Leeds", "find_space", ("first_aid",), "Leeds"),
    row("wher can i get a plaster pls", "find_space", ("first_aid",)),
    # ---- find_space: private room ------------------------------------------------------------
    row("somewhere quiet", "find_space", ("private_room",)),
    row("need a private room", "find_space", ("private_room",)),
    row("i need somewhere private to talk", "find_space", ("private_room",)),
    row("need somewhere quiet to calm down", "find_space", ("private_room",)),
    row("somewhere quiet in manchester", "find_space", ("private_room",), "Manchester"),
    # ---- find_space: seating -----------------------------------------------------------------
    row("need to sit down", "find_space", ("seating",)),
    row("is there a seat anywhere", "find_space", ("seating",)),
    row("i need to sit", "find_space", ("seating",)),
    row("need to sit down im near Leeds station", "find_space", ("seating",), "Leeds"),
    # ---- find_space: drinking water ----------------------------------------------------------
    row("need water", "find_space", ("drinking_water",)),
    row("so thirsty", "find_space", ("drinking_water",)),
    row("can i get a drink of water", "find_space", ("drinking_water",)),
    row("watter pls", "find_space", ("drinking_water",)),
    # ---- find_space: several facilities ------------------------------------------------------
    row("phone dead and need the loo", "find_space", ("phone_charging", "toilet")),
    row("need water and somewhere to sit", "find_space", ("seating", "drinking_water")),
    row(
        "need wifi and to charge my phone in Birmingham",
        "find_space",
        ("phone_charging", "wifi"),
        "Birmingham",
    ),
    # ---- negation ----------------------------------------------------------------------------
    row(
        "I don't need the toilet, just somewhere to charge my phone",
        "find_space",
        ("phone_charging",),
    ),
    row("not looking for wifi just somewhere to sit", "find_space", ("seating",)),
    row("dont need water i need the loo", "find_space", ("toilet",)),
    row("no need for a private room just a seat", "find_space", ("seating",)),
    row("dont need wifi i need to make a call", "find_space", ("phone_use",)),
    row("im not thirsty i need to charge my phone", "find_space", ("phone_charging",)),
    # ---- support: domestic abuse -------------------------------------------------------------
    row("my boyfriend hits me", "support", (), None, (DOMESTIC_ABUSE,)),
    row("domestic abuse", "support", (), None, (DOMESTIC_ABUSE,)),
    row("i think im in a controlling relationship", "support", (), None, (DOMESTIC_ABUSE,)),
    row(
        "controlling partner wont let me see my friends",
        "support",
        (),
        None,
        (DOMESTIC_ABUSE,),
    ),
    row("my husband hits me when hes drunk", "support", (), None, (DOMESTIC_ABUSE,)),
    row("my bf is abusive", "support", (), None, (DOMESTIC_ABUSE,)),
    # No partner named, no stranger either: control or fear of "him" at home is most often one.
    row(
        "im scared of him, he takes my bank card and wont let me see friends",
        "support",
        helplines=(DOMESTIC_ABUSE,),
    ),
    row(
        "someones banging on the door shouting hes going to kill me",
        "emergency",
        helplines=(EMERGENCY,),
    ),
    # ---- support: men's advice line ----------------------------------------------------------
    row("I'm a man and my wife hits me", "support", (), None, (MENS_ADVICE,)),
    row("my girlfriend is abusive and I'm a guy", "support", (), None, (MENS_ADVICE,)),
    row("im a bloke and my wife is abusive", "support", (), None, (MENS_ADVICE,)),
    # ---- support: samaritans -----------------------------------------------------------------
    row("I want to end it all", "support", (), None, (SAMARITANS,)),
    row("I feel suicidal", "support", (), None, (SAMARITANS,)),
    row("I don't want to be here anymore", "support", (), None, (SAMARITANS,)),
    row("been having suicidal thoughts", "support", (), None, (SAMARITANS,)),
    row("i feel sucidal", "support", (), None, (SAMARITANS,)),
    # ---- support: rape crisis ----------------------------------------------------------------
    row("someone touched me without consent", "support", (), None, (RAPE_CRISIS,)),
    row("i was raped last year", "support", (), None, (RAPE_CRISIS,)),
    row("i was sexually assaulted at a party last month", "support", (), None, (RAPE_CRISIS,)),
    # ---- support: shelter --------------------------------------------------------------------
    row("I've got nowhere to sleep tonight", "support", (), None, (SHELTER,)),
    row("I'm homeless", "support", (), None, (SHELTER,)),
    row("my landlord kicked me out", "support", (), None, (SHELTER,)),
    row("ive been sleeping rough", "support", (), None, (SHELTER,)),
    row("im homless", "support", (), None, (SHELTER,)),
    # ---- support: childline ------------------------------------------------------------------
    row("I'm 13 and scared at home", "support", (), None, (CHILDLINE,)),
    row("I'm a kid", "support", (), None, (CHILDLINE,)),
    row("im 12 and my parents shout at me all the time", "support", (), None, (CHILDLINE,)),
    # ---- support: hate crime (no ongoing danger) ---------------------------------------------
    row("someone shouted racist abuse at me", "support", (), None, (POLICE_NON_EMERGENCY,)),
    row(
        "got called homophobic names on the bus earlier",
        "support",
        (),
        None,
        (POLICE_NON_EMERGENCY,),
    ),
    row("i want to report a hate crime", "support", (), None, (POLICE_NON_EMERGENCY,)),
    # ---- support: NHS 111 --------------------------------------------------------------------
    row("I feel really ill", "support", (), None, (NHS_111,)),
    row("need a doctor", "support", (), None, (NHS_111,)),
    row("i feel really ill is there a doctor near M1", "support", (), "M1", (NHS_111,)),
    # ---- about -------------------------------------------------------------------------------
    row("what is a safe space", "about"),
    row("how does this work", "about"),
    row("is it free", "about"),
    row("do I need ID", "about"),
    row("wat is a safe space", "about"),
    row("how does this app work", "about"),
    row("do i need id to use a safe space", "about"),
    row("is it free to use", "about"),
    # ---- register ----------------------------------------------------------------------------
    row("how can my shop become a safe space", "register"),
    row("I own a cafe and want to join", "register"),
    row("register my business", "register"),
    row("how do i register my shop", "register"),
    row("i run a pharmacy can we sign up to be a safe space", "register"),
    row("can my business join", "register"),
    # ---- greeting and thanks -----------------------------------------------------------------
    row("hi", "greeting"),
    row("hello", "greeting"),
    row("hiya", "greeting"),
    row("good evening", "greeting"),
    row("Hello!", "greeting"),
    row("HI", "greeting"),
    row("helo", "greeting"),
    row("hey", "greeting"),
    row("good morning", "greeting"),
    row("thanks", "thanks"),
    row("thank you", "thanks"),
    row("cheers", "thanks"),
    row("ta", "thanks"),
    row("thx", "thanks"),
    row("thank u so much", "thanks"),
    row("cheers mate", "thanks"),
    # ---- bad input ---------------------------------------------------------------------------
    row("", "unknown"),
    row("   ", "unknown"),
    row("\n\t", "unknown"),
    row("😀😀", "unknown"),
    row(LONG_NONSENSE, "unknown"),
    row("<script>alert(1)</script>", "unknown"),
    row("'; DROP TABLE premises; --", "unknown"),
    row("qwertyuiop", "unknown"),
    row("?!?!", "unknown"),
    row("12345", "unknown"),
    row("\x00\x01\x02", "unknown"),
]

EMERGENCY_ROWS = [r for r in ROWS if r.intent == "emergency"]
EVERYDAY_ROWS = [r for r in ROWS if r.everyday]


def row_id(r: Row) -> str:
    text = r.message if len(r.message) <= 50 else f"{r.message[:40]}...({len(r.message)} chars)"
    return f"{r.intent}:{text!r}"


@pytest.fixture(scope="module")
def gazetteer():
    return default_gazetteer()


def facilities_match(expected: tuple[str, ...] | Medical, actual: tuple[str, ...]) -> bool:
    if isinstance(expected, Medical):
        required = set(expected.required)
        return required <= set(actual) and set(actual) - required <= MEDICAL_EXTRAS
    if "accessible_toilet" in expected and "toilet" not in expected:
        actual = tuple(code for code in actual if code != "toilet")
    return actual == expected


def place_label(analysis) -> str | None:
    return None if analysis.place is None else analysis.place.label


def place_matches(expected: str | None, analysis) -> bool:
    label = place_label(analysis)
    if expected is None:
        return label is None
    return label is not None and expected.casefold() in label.casefold()


def phones(analysis) -> tuple[str, ...]:
    return tuple(helpline.phone for helpline in analysis.helplines)


# ---- the table ------------------------------------------------------------------------------


@pytest.mark.parametrize("r", ROWS, ids=[row_id(r) for r in ROWS])
def test_each_message_gets_the_expected_intent_facilities_place_and_helplines(r, gazetteer):
    a = analyse(r.message, gazetteer)
    got = {
        "intent": a.intent,
        "facilities": a.facilities,
        "place": place_label(a),
        "helplines": set(phones(a)),
    }
    expected = {
        "intent": r.intent,
        "facilities": a.facilities
        if facilities_match(r.facilities, a.facilities)
        else r.facilities,
        "place": place_label(a) if place_matches(r.place, a) else f"<label containing {r.place}>",
        "helplines": set(r.helplines),
    }
    assert got == expected


@pytest.mark.parametrize("r", ROWS, ids=[row_id(r) for r in ROWS])
def test_the_emergency_flag_agrees_with_the_intent(r, gazetteer):
    a = analyse(r.message, gazetteer)
    assert a.emergency is (a.intent == "emergency")


@pytest.mark.parametrize("r", ROWS, ids=[row_id(r) for r in ROWS])
def test_999_is_the_first_helpline_of_every_emergency(r, gazetteer):
    a = analyse(r.message, gazetteer)
    listed = phones(a)
    if a.intent == "emergency":
        assert listed[:1] == (EMERGENCY,), listed
    else:
        assert EMERGENCY not in listed, "999 is for immediate danger only"
    assert len(listed) == len(set(listed)), f"a helpline is listed twice: {listed}"


@pytest.mark.parametrize("r", ROWS, ids=[row_id(r) for r in ROWS])
def test_every_recognised_message_says_which_rules_fired(r, gazetteer):
    a = analyse(r.message, gazetteer)
    assert isinstance(a.matched, tuple)
    if a.intent != "unknown":
        assert a.matched, "no rule ids recorded for a recognised message"


def test_every_emergency_row_is_recognised_as_an_emergency(gazetteer):
    misses = []
    for r in EMERGENCY_ROWS:
        a = analyse(r.message, gazetteer)
        if not (a.intent == "emergency" and a.emergency):
            misses.append((r.message[:80], a.intent, a.matched))
    recall = 1 - len(misses) / len(EMERGENCY_ROWS)
    for miss in misses:
        print("MISSED EMERGENCY:", miss)
    assert recall == 1.0, f"emergency recall {recall:.3f}; missed {len(misses)}: {misses}"


def test_no_everyday_phrase_is_treated_as_an_emergency(gazetteer):
    false_alarms = []
    for r in EVERYDAY_ROWS:
        a = analyse(r.message, gazetteer)
        if a.intent == "emergency" or a.emergency or EMERGENCY in phones(a):
            false_alarms.append((r.message, a.intent, a.matched))
    for alarm in false_alarms:
        print("FALSE ALARM:", alarm)
    assert not false_alarms


# ---- places: the kind of place as well as its label -----------------------------------------


@pytest.mark.parametrize(
    ("message", "kind", "label_part"),
    [
        ("where can i go im at LS1 4AP", "postcode", "LS1 4AP"),
        ("where can i go near ls1", "district", "LS1"),
        ("my phone is dead and I'm in M1", "district", "M1"),
        ("any safe spaces open in Manchester", "place", "Manchester"),
        ("i need somewhere safe in Leeds", "place", "Leeds"),
        ("anywhere open near Leeds station", "station", "Leeds"),
        ("any safe space near manchester piccadilly", "station", "Piccadilly"),
    ],
)
def test_a_place_in_the_message_is_found_with_its_kind(message, kind, label_part, gazetteer):
    place = analyse(message, gazetteer).place
    assert place is not None
    assert place.kind == kind
    assert label_part.casefold() in place.label.casefold()
    assert -90 <= place.lat <= 90 and -180 <= place.lon <= 180


def test_the_motorway_is_not_a_postcode_district(gazetteer):
    a = analyse("broke down on the M1 phone is dead", gazetteer)
    assert a.place is None
    assert a.facilities == ("phone_charging",)
    assert not a.emergency


# ---- truncation and bad input ---------------------------------------------------------------


def test_a_very_long_message_is_read_only_from_the_start(gazetteer):
    a = analyse(LONG_NONSENSE, gazetteer)
    assert a.truncated is True
    assert a.intent == "unknown"
    assert a.emergency is False


def test_a_long_emergency_is_still_an_emergency_and_is_marked_truncated(gazetteer):
    assert len(LONG_EMERGENCY) > MAX_CHARS
    a = analyse(LONG_EMERGENCY, gazetteer)
    assert a.truncated is True
    assert a.emergency is True
    assert phones(a)[:1] == (EMERGENCY,)


@pytest.mark.parametrize(
    ("length", "truncated"), [(MAX_CHARS - 1, False), (MAX_CHARS, False), (MAX_CHARS + 1, True)]
)
def test_truncation_starts_just_past_1000_characters(length, truncated, gazetteer):
    message = ("need the loo " * 100)[:length]
    assert len(message) == length
    assert analyse(message, gazetteer).truncated is truncated


@pytest.mark.parametrize("r", [r for r in ROWS if len(r.message) <= MAX_CHARS], ids=row_id)
def test_short_messages_are_not_truncated(r, gazetteer):
    assert analyse(r.message, gazetteer).truncated is False


@pytest.mark.parametrize(
    "message",
    ["Bonjour", "¿Dónde está el baño?", "Guten Abend", "你好", "مرحبا", "\u200b", "🆘"],
)
def test_other_languages_and_odd_text_are_handled_calmly(message, gazetteer):
    a = analyse(message, gazetteer)
    assert a.intent in INTENTS
    assert a.emergency is (a.intent == "emergency")
    if message in ("Bonjour", "Guten Abend"):
        assert a.intent in ("greeting", "unknown")


def test_the_gazetteer_is_optional():
    a = analyse("need the loo")
    assert a.intent == "find_space"
    assert a.facilities == ("toilet",)
    assert a.emergency is False


def test_emergency_is_found_without_a_gazetteer():
    a = analyse("help someone is following me")
    assert a.emergency is True
    assert phones(a)[:1] == (EMERGENCY,)


# ---- the table itself -----------------------------------------------------------------------


def test_the_table_covers_every_intent_facility_and_helpline():
    assert len(ROWS) >= 170
    assert len({r.message for r in ROWS}) == len(ROWS), "duplicate messages in the table"
    assert {r.intent for r in ROWS} == set(INTENTS)
    assert len(EMERGENCY_ROWS) >= 40
    assert len(EVERYDAY_ROWS) >= 15
    named = set()
    for r in ROWS:
        named |= set(r.facilities.required if isinstance(r.facilities, Medical) else r.facilities)
    assert named == set(FACILITIES)
    assert {phone for r in ROWS for phone in r.helplines} == set(HELPLINES)
    kinds = {r.place for r in ROWS if r.place}
    assert {"LS1", "M1", "Leeds", "Manchester", "Piccadilly"} <= kinds


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("SUMONE TRYIN 2 GET IN MY CAR", "someone trying to get in my car"),
        ("my mate took somethin and now hes havin a fit", "something and now hes having a fit"),
        ("someone pinched my wallet", "someone pinched my wallet"),
        ("its chucking it down", "its chucking it down"),
        ("her boyfriends waiting outside", "her boyfriend waiting outside"),
        ("bleedin fae her heid", "bleeding from her head"),
        ("me nan took a funny turn", "my nan took a funny turn"),
        ("need a sit doon", "need a sit down"),
        ("nan fel and hit her hed, lots of blud", "nan fell and hit her head | lots of blood"),
        ("my dad has chest pane", "my dad has chest pain"),
        ("dziękuję bardzo", "dziekuje bardzo"),
        ("he said hed run me over", "he said hed run me over"),
    ],
)
def test_how_people_type_is_read_as_what_they_mean(typed, read):
    assert read in correct_typos(normalise(typed))


@pytest.mark.parametrize(
    "message",
    [
        "ah'm gaspin fur a wee cup o watter",
        "my phone is my seizure alarm and its on 4%",
        "wheezing a bit from the cold air, just want to sit somewhere warm",
        "fell over and cut my knee, just bleeding a bit, need a plaster",
        "my son's hand got trapped in a door, it's swollen but he can move it",
        "had too many, need to sit down before i fall down",
        "power chair battery has died, any step free shop",
        "Nosebleed that wont stop, had it about 10 mins, not loads of blood",
        "Im not in danger, I just have IBD and need the loo, please dont send an ambulance lol",
        "is there training for bar staff about spiking?",
        "i get panic attacks a lot, keep thinking im dying, what do i do",
        "my mum said shell kill me if i lose my new coat",
        "hi, got robbed in B5",
        "we need somewhere step free, im pushing him in his wheelchair",
        "shes gone into shutdown, not talking, we need somewhere away from crowds",
    ],
)
def test_words_that_only_look_like_danger_in_everyday_talk_raise_no_alarm(message, gazetteer):
    assert not analyse(message, gazetteer).emergency


@pytest.mark.parametrize(
    "message",
    [
        "bloke in the back says hes gonna stab me if i dont keep driving",
        "some lads r startin on me outside the kebab shop theyve got a bottle",
        "i fink some1 put sumthin in my drink everythings spinnin",
        "bought a can off a lad and now my heads spinning and i can barely stand",
        "CAR JUS HIT A CYCLIST HES NOT MOVIN",
        "me nan's took a funny turn, her face has gone all droopy on one side",
        "asthma attack, cant talk in full sentences",
        "newborn is grunting when she breathes",
        "lost my 10 year old son in the crowd",
        "some lad just stamped on my head, im dizzy and being sick",
        "he's outside my door again, the one who attacked me last year, he's banging",
        "just got away from a man who pulled me into an alley, he's outside",
        "man just came in bleeding from a stab wound, staff are pressing on it",
        "the ex is kickin off at our door sayin he'll do her in",
        "bhai my friend he take too many tablet, he say he want die",
        "i took a hole box of pils 20 mins ago",
        "the man in the shop dor is shouting he wil kil me",
        "shes run down onto the train tracks at Huntingdon station",
        "ive tied something round my neck and now im scared",
        "some guy just pulled a knife on me and took my wallet, hes run off",
        "little girl about 6 on her own crying outside Primark, no adult anywhere",
        "a woman is being shouted at and shoved by her bloke right now",
        "man shouting and swinging a bike lock at people outside the station",
        "lady at the till just told me shes going to kill herself tonight and has pills",
    ],
)
def test_danger_told_in_everyday_words_and_spellings_is_an_emergency(message, gazetteer):
    assert analyse(message, gazetteer).emergency
