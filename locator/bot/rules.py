"""The assistant's rules as tables: what words mean danger, a need, a topic or an intent.

Patterns are regular expressions over normalised text: lower case, apostrophes dropped
("im", "cant", "dont"), punctuation as spaces, clause breaks as " | ". Each rule has an id,
so a test can say which rule matched a message.
"""

from __future__ import annotations

# Phrases that sound alarming but are everyday talk; they are blanked out before the
# emergency rules run, so "my legs are killing me" or "battery's dying" raise no alarm.
EVERYDAY = (
    r"\b(legs|feet|back|head|knees|shoes|arms|neck|hands|ears|eyes) (are|is) killing me\b",
    r"\b(this|the|that) (queue|heat|wait|music|noise|job|walk|weather|rain) is killing me\b",
    r"\b(battery|batterys|phone|phones|mobile|mobiles|charge|laptop|power)( is| has| has just"
    r"| s| just)? (dying|dead|died|low|gone|flat|run out)\b",
    r"\bdead (phone|mobile|battery)\b",
    r"\bphone (about to|going to|gonna) die\b",
    r"\bdying (for|of|to)\b",
    r"\bdead (tired|bored|good|nice|busy|on)\b",
    r"\bcould (kill|murder) (for|a)\b",
    r"\bkill(ing)? time\b",
    r"\bhit the (shops|road|town|hay)\b",
    r"\bfollow(ing)? (the|these|your|my) (signs|instructions|road|directions|map|nose)\b",
    r"\b(scared|afraid) of (the dark|dogs|spiders|heights|needles)\b",
    r"\bemergency (services|exit|contact)\b(?! now)",
    r"\bkicked (me |us )?out\b",
    r"\b(boss|teacher|coach|manager|mum|mom|nan|gran) (will|is going to|is gonna|would|gonna)"
    r" (kill|murder) me\b",
    r"\b(died|dying|die) (laughing|of laughter|of embarrassment|of boredom)\b",
)

# Words of a bare cry for help; a message made only of these could be danger, so 999 leads.
CRY_WORDS = (
    r"(help|sos|please|me|us|someone|somebody|anyone|urgent|now|quick|quickly|asap|i"
    r"|need|im|in|trouble|hurry|pls|plz|mayday)"
)

EMERGENCY = (
    ("cry_for_help", rf"^[ |]*(?=[^|]*\b(help|sos|mayday)\b|please[ |]*$)({CRY_WORDS}[ |]*)+$"),
    (
        "followed",
        r"\b(being|been|getting|am|im|is|was|were|are) (followed|chased|stalked|"
        r"watched|hunted)\b|\b(followed|chased|stalked) by\b|\b(is|are|hes|shes|theyre)"
        r" after me\b|\bhiding from\b",
    ),
    ("someone_after_me", r"\b(follow(ing|ed)?|chas(ing|ed)|stalk(ing|ed)|hunting) (me|us)\b"),
    ("threatened", r"\b(threat(en|ening|ened|ens|s)?)\b"),
    (
        "will_hurt_me",
        r"\b(going to|gonna|will|wants? to|trying to|tried to|wanna|hell|shell"
        r"|theyll|is gonna|is going to) (hurt|kill|stab|hit|rape|attack|beat|get|shoot|batter"
        r"|strangle) (me|us|my)\b",
    ),
    ("weapon", r"\b(knife|knives|gun|guns|weapon|machete|blade|acid|pistol)\b"),
    (
        "attacked",
        r"\b(attack(ed|ing)?|assault(ed|ing)?|mugged|robbed|stabbed|punched|kicked"
        r"|beaten( up)?|beat me|beating me|hit me|hitting me|hurting me|strangl(ed|ing)"
        r"|chok(ed|ing) me|grabbed me|jumped me|pushed me|dragged me|slapped me)\b"
        r"|\b(got|been|was|get|getting|were) jumped\b",
    ),
    (
        "getting_in",
        r"\b(trying|tried|try|wants|want) to (get|break|force|come|climb) in\b"
        r"|\bbreak(ing)? in(to)?\b|\bbang(ing)? on (the|my|our) (door|window)\b"
        r"|\b(outside|at) (my|the|our) (door|house|flat|window|room|car)\b",
    ),
    (
        "badly_hurt",
        r"\b(seriously|badly|really badly|very badly|really) (hurt|injured|burnt"
        r"|burned)\b|\bbleeding (really |very |so )?(a lot|badly|heavily|loads|everywhere"
        r"|so much|lots)\b"
        r"|\b(wont|cant|can not|cannot) stop (the )?bleeding\b|\blots of blood\b"
        r"|\blosing (a lot of )?blood\b|\bblood everywhere\b|\b(broken|broke) (my|his|her) "
        r"(neck|back|leg|arm)\b",
    ),
    (
        "not_breathing",
        r"\b(not|isnt|is not|stopped|cant|cannot|can not|struggling to|hard to"
        r"|trouble|difficulty|isn t) breath(e|ing)\b|\bno (pulse|heartbeat)\b",
    ),
    (
        "collapsed",
        r"\b(unconscious|unresponsive|passed out|collapsed|fainted|not waking|wont"
        r" wake|not moving|fitting|seizure|overdose(d)?|heart attack|stroke|choking|chest pains?"
        r"|anaphyla\w*|allergic reaction)\b",
    ),
    (
        "spiked",
        r"\b(spiked|spiking|drugged|roofied|something in my drink|put something in"
        r" (my|her|his|our) drinks?)\b",
    ),
    (
        "in_danger",
        r"\b(in danger|not safe|unsafe|scared for my life|fear for my life"
        r"|emergency|call the police|call police|help me now|need help now|help help|sos|save me"
        r"|terrified|being held|kidnap\w*|wont let me (leave|go)|locked me in)\b",
    ),
    (
        "dying",
        r"\b(i am|im|i think im|i think i am|i feel like im|hes|shes|he is|she is)"
        r" dying\b",
    ),
    (
        "suicide_now",
        r"\b(about to|going to|gonna|will|ready to) (jump|kill myself|end (it"
        r"|my life)|take (all )?(my|the) (pills|tablets)|overdose)\b|\b(took|taken|swallowed)"
        r" (all )?(my |the |a lot of |loads of |lots of )?(pills|tablets)\b|\bon (the|a)"
        r" (bridge|ledge|roof|edge)\b|\b(pills|tablets)\b[^|]*\b(going to|gonna|about to)"
        r" (take|swallow)\b",
    ),
    (
        # Abuse, assault or hate that is still going on is an emergency, not a helpline call.
        "still_happening",
        r"\b(rap(e|ed|ing)|assault\w*|abus\w*|hit(s|ting)? me|beat(s|ing)? me|touched me"
        r"|racis\w*|homophob\w*)\b[^|]*\|?[^|]*\b(still (here|there|outside|around|with me"
        r"|in the|following)|right now|happening now|coming back|at the door|is outside"
        r"|is here)\b",
    ),
    (
        "scared_of_someone",
        r"\b(scared|afraid|frightened|terrified)\b[^|]*\b(someone|somebody"
        r"|he|she|they|man|men|guy|guys|group|him|them|bloke)\b",
    ),
)

# Facilities, in vocabulary order, with what people say when they need them.
FACILITIES = (
    (
        "phone_charging",
        r"\b(charg(e|er|ers|ing)|batter(y|ys|ies)|(phone|mobile)( is| s| has"
        r"| just)? (dead|dying|died|flat|low|off|run out)|dead (phone|mobile)"
        r"|power ?bank|plug (my|it) in|no (battery|charge|power)|low battery|flat battery"
        r"|out of (battery|charge)|phone (about to|going to|gonna) die|phone died)\b"
        # A battery level: "on 3%", "2 percent", "three per cent".
        r"|\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten) ?(%|percent\b"
        r"|per cent\b)",
    ),
    (
        "phone_use",
        r"\b(use (a|your|the|someones|somebodys) (phone|telephone|landline|mobile)"
        r"|make a (call|phone call)|(ring|phone) (my|someone|a friend|home|a taxi)|call (my|a"
        r" taxi|home|mum|mom|dad|family|a friend|someone|somebody)|lost my (phone|mobile)"
        r"|no (phone|mobile)|(phone|mobile) (was |has been |got )?(stolen|broken|smashed|nicked)"
        r"|(dont|do not|havent) (have|got) (a|my) (phone|mobile)|borrow a (phone|mobile))\b",
    ),
    ("wifi", r"\b(wi ?fi|wifi|internet|wireless|hotspot)\b"),
    (
        "first_aid",
        r"\b(first aid|plasters?|bandages?|cut (my|myself|his|her)|grazed?|blisters?"
        r"|sprain\w*|twisted my|burn(t|ed)? (my|myself)|bleeding|injur\w*|hurt my|(finger|hand"
        r"|knee|arm|leg|head|foot) (is )?(bleeding|cut|hurt)|antiseptic|wound)\b",
    ),
    ("defibrillator", r"\b(defibrillator|defib|aed)\b"),
    (
        "step_free",
        r"\b(wheel ?chair|pram|buggy|push ?chair|stroller|mobility scooter|(cant"
        r"|cannot|can not|unable to|struggle with) (do|use|manage|climb|walk up|get up) (the )?"
        r"(stairs|steps)|step free|no (stairs|steps)|ramp|walking frame|zimmer|crutches"
        r"|disabled access|level access)\b",
    ),
    (
        "accessible_toilet",
        r"\b((accessible|disabled|wheelchair|radar|changing places)"
        r" (toilet|loo|bathroom|wc|loos|toilets)|toilet for (disabled|wheelchair))\b",
    ),
    (
        "toilet",
        r"\b(toilets?|loos?|bathroom|wc|restroom|lavatory|wee|pee|need to go|the gents"
        r"|the ladies|portaloo|bog)\b",
    ),
    (
        "private_room",
        r"\b(somewhere (quiet|private|calm)|quiet (place|room|space|spot|corner)"
        r"|private (room|space|place)|(away from|out of) (people|the crowd|sight|everyone)"
        r"|on my own|calm down|panic attack|overwhelmed|breastfeed\w*|hide)\b",
    ),
    (
        "seating",
        r"\b(sit( down)?|seat|chair|bench|rest my legs|need to rest|feel faint"
        r"|take the weight off)\b",
    ),
    (
        "drinking_water",
        r"\b(water|thirsty|dehydrated|drink of water|glass of water|something"
        r" to drink)\b",
    ),
)

# Words that cancel a need when they come just before it in the same clause.
NEGATION = (
    r"\b(dont|do not|doesnt|does not|didnt|not|never|no|nor|wont)( really| even)?"
    r" (need|want|require|looking for|bothered|fussed|care)\b|\bno need\b|\bwithout\b"
)
# A need asked for after a cancelled one starts afresh: "don't need water, I need the loo".
NEED = r"\b(i|we|just|only|but|instead|rather|really)\b|\b(need|want|looking for)\b"
# "not thirsty", "isn't tired": the word itself is denied.
DENIED = r"\b(not|isnt|arent|never)( really| that| very| even)? $"
# Attacks told as past events are for a helpline, not 999 (unless something else says danger).
PAST = (
    r"\b(last (week|month|year|summer|winter)|(weeks|months|years) ago|when i was (a |younger"
    r"|little)|in the past|a while ago|as a (kid|child))\b"
)

TOPICS = (
    (
        "domestic_abuse",
        r"\b(domestic (abuse|violence)|abusive (partner|relationship|boyfriend"
        r"|girlfriend|husband|wife|ex)|coercive control|(partner|boyfriend|girlfriend|husband|wife"
        r"|ex|bf|gf|fiance|fiancee|hubby)\b[^|]*\b(hits?|hitting|beats?|beating|hurts?|hurting"
        r"|abus\w*|controll\w*|threat\w*|violent|punch\w*|slap\w*|kick\w*|strangl\w*|chok\w*)"
        r"|controlling (partner|relationship|boyfriend|girlfriend|husband|wife|ex))",
    ),
    (
        "suicidal",
        r"\b(suicid\w*|kill myself|end (it all|my life|things)|(dont|do not) want to"
        r" (be here|live|be alive|wake up|go on)|want to die|better off dead|no reason to live"
        r"|self harm\w*|hurt myself|hurting myself|cutting myself|jump off|take my (own )?life"
        r"|(going to|gonna|about to) jump|(pills|tablets)\b[^|]*\b(going to|gonna|about to)"
        r" (take|swallow))\b",
    ),
    (
        "sexual_assault",
        r"\b(rap(e|ed|ist|ing)|sexual(ly)? (assault\w*|abuse\w*|attack\w*)"
        r"|touched me|groped|without (my )?consent|molest\w*|flash(ed|er)|forced me to)\b",
    ),
    (
        "homeless",
        r"\b(homeless|nowhere to (sleep|stay|live|go tonight)|sleeping (rough|outside"
        r"|on the streets?)|kicked (me |us )?out|thrown (me |us )?out|evicted|no home"
        r"|got no home|lost my home"
        r"|no where to sleep)\b",
    ),
    (
        "child",
        r"\b(im|i am) (only )?([5-9]|1[0-5])( years old| yrs old| yo| year old)?\b"
        r"|\b(im|i am) (a kid|a child|just a kid|in year [5-9]|in year 1[01])\b"
        r"|\bmy (mum|mom|dad|parents|step ?(mum|mom|dad)|stepdad|stepmum)\b[^|]*\b(hits?|hurts?"
        r"|beats?|scares?|shouts?)\b",
    ),
    (
        "hate_crime",
        r"\b(racis\w*|homophob\w*|transphob\w*|hate crime|because (im|i am) (gay"
        r"|black|muslim|jewish|trans|disabled|asian|lesbian)|(called|shouted|yelled) (at )?me"
        r" (a |names|slurs?)|spat at me|(racial|homophobic) (abuse|slurs?))\b",
    ),
    (
        "medical",
        r"\b(feel (really |very |so )?(ill|sick|unwell|faint|dizzy)|need (a|to see a)"
        r" (doctor|gp|nurse)|(really|very|so) (ill|unwell|sick)|(bad|high) (fever|temperature)"
        r"|(my )?(head|stomach|tooth|ear) (really )?(hurts|aches|ache)|medication|prescription"
        r"|asthma)\b",
    ),
    (
        "talk",
        r"\b(someone|somebody|anyone|a person) to talk to\b|\btalk to (someone|somebody"
        r"|anyone|a person)\b|\b(need|want) to talk\b|\b(so|really|very|feel|feeling) (lonely"
        r"|alone)\b",
    ),
    (
        "police",
        r"\b(report (a |the )?(crime|theft|it)|(phone|bag|purse|wallet|bike|car|mobile) (was |has"
        r" been |got |been )?(stolen|nicked|taken)|(stole|nicked|took|snatched) my\b|police"
        r" (number|non emergency)|non emergency)\b",
    ),
)

MALE_VICTIM = r"\b(im|i am) (a )?(man|guy|bloke|lad|male|fella|dad)\b|\bas a (man|guy|bloke)\b"
PARTNER_IS_WOMAN = r"\bmy (wife|girlfriend|gf|missus|fiancee)\b"

INTENTS = (
    (
        "register",
        r"\b(my|our|i (own|run|manage) a) (shop|store|business|cafe|pub|bar|pharmacy"
        r"|restaurant|company|premises|salon|library|shops|stores)\b[^|]*\b(join|become|register"
        r"|sign up|be a|list|take part|signed up|part of)\b|\b(register|sign up|join|enrol)"
        r" (my|our|as a)\b|\bbecome a safe (space|place)\b|\b(add|list) (my|our) (shop|business"
        r"|store|cafe)\b|\bhow (do|can) (we|businesses|shops) (join|sign up|register)\b",
    ),
    (
        "about",
        r"\bwhat (is|are|s) (a |the )?safe (space|place)s?\b|\bhow (does|do) (this|it"
        r"|safe spaces)( \w+)? work\b|\b(is it|does it|is this) (free|cost)\b"
        r"|\b(need|bring|show|have)"
        r" (any |an |my )?(id|identification|passport)\b|\bwho (runs|made|owns) (this|it|the"
        r" scheme)\b|\bwhat (will|do|can|would) (the )?staff (do|help)\b|\bwhat is this\b"
        r"|\boperation portum\b|\bwhat (can|do) you do\b|\bhow do i use (this|it)\b",
    ),
    (
        "find_space",
        r"\bwhere (can|do|should|could|shall|would) (i|we) (go|wait|charge|sit"
        r"|get|find|use|stay|hide)\b|\b(somewhere|some where|anywhere|any where|place|places)"
        r" (safe|to (go|wait|sit|stay|charge|hide|rest)|open|quiet|near)\b|\bsafe (space|place"
        r"|spot)s?\b|\b(nearest|closest|near me|nearby|near by|around here|close by|close to me)"
        r"\b|\bneed (somewhere|a place|help)\b|\b(open|opened) (now|near|nearby|late|tonight)\b"
        r"|\b(lost|stranded|cant get home|missed (my|the) (last )?(train|bus))\b|\bwhere (is|are)"
        r" (the|a)\b|\bwhere (can|do) i\b|\bgo now\b|\b(im|i am|i feel|feeling|so)"
        r" (scared|frightened|afraid|worried|panicking|anxious|vulnerable|alone)\b",
    ),
    (
        "thanks",
        r"\b(thanks|thank you|thank u|thankyou|cheers|ta|thx|ty|much appreciated"
        r"|appreciate it)\b",
    ),
    (
        "greeting",
        r"^\W*(hi|hello|hiya|hey|heya|yo|hallo|howdy|alright|evening|morning"
        r"|afternoon|good (morning|afternoon|evening|day))\b",
    ),
)

# Common text-speak and misspellings, replaced word for word before the rules run.
SLANG = {
    "u": "you",
    "ur": "your",
    "r": "are",
    "pls": "please",
    "plz": "please",
    "plse": "please",
    "fone": "phone",
    "bein": "being",
    "wer": "where",
    "cal": "call",
    "followd": "followed",
    "ded": "dead",
    "dyin": "dying",
    "chargr": "charger",
    "phn": "phone",
    "fon": "phone",
    "mob": "mobile",
    "moby": "mobile",
    "2nite": "tonight",
    "tonite": "tonight",
    "gf": "girlfriend",
    "bf": "boyfriend",
    "cos": "because",
    "coz": "because",
    "bc": "because",
    "wat": "what",
    "wot": "what",
    "wher": "where",
    "whr": "where",
    "were's": "where is",
    "wheres": "where is",
    "thx": "thanks",
    "ty": "thanks",
    "tnx": "thanks",
    "sum1": "someone",
    "some1": "someone",
    "sumone": "someone",
    "any1": "anyone",
    "ppl": "people",
    "hubby": "husband",
    "b4": "before",
    "cant": "cant",
    "cannae": "cant",
    "dunno": "dont know",
    "gonna": "gonna",
    "wanna": "wanna",
    "im": "im",
    "ive": "ive",
    "loo": "loo",
    "bog": "bog",
    "ima": "im going to",
    "toliet": "toilet",
    "tiolet": "toilet",
    "batery": "battery",
    "battry": "battery",
    "wifi": "wifi",
    "wi": "wi",
    "defib": "defib",
    "pram": "pram",
    "nr": "near",
    "nearr": "near",
}
