"""The assistant's rules as tables: what words mean danger, a need, a topic or an intent.

Patterns are regular expressions over normalised text: lower case, apostrophes dropped
("im", "cant", "dont"), punctuation as spaces, clause breaks as " | ". Each rule has an id,
so a test can say which rule matched a message.
"""

from __future__ import annotations

# Word classes: a rule names a class as <NAME>, so one rule covers every way of saying it.
CLASSES = {
    "SOMEONE": r"(someone|somebody|some1|teenagers|teens|youths|yobs|thugs|kids"
    r"|a (man|guy|woman|lad|bloke|stranger|group|gang|lady|girl"
    r"|boy|person|fella|driver|drunk)|this (man|guy|woman|lad|bloke|person|fella|lady)"
    r"|some (man|guy|bloke|lads|men|woman|girls|boys|people|one|bloke)|(two|three|four|few|group"
    r"|gang|bunch) (of )?(lads|men|guys|boys|girls|people|youths|blokes)|lads|men|guys|he|she|they"
    r"|hes|shes|theyre|theyve|him|them|people|my (ex|partner|husband|wife|boyfriend|girlfriend"
    r"|dad|stepdad|brother|mum|son|flatmate)|her (ex|partner|husband|boyfriend)|his (ex|partner"
    r"|wife|girlfriend))",
    "VICTIM": r"(me|us|my \w+|a (cyclist|pedestrian|biker|jogger|runner|kid|child|boy|girl|dog)"
    r"|(his|her|their) (head|face|body|stomach|ribs)|her|him|them"
    r"|the (old )?(kids|baby|children|boy|girl|lady|man|woman"
    r"|guy|kid|child|person|driver)|a (woman|man|lady|girl|boy|kid|child)|an? (\w+ )?(homeless"
    r"|old|elderly|young|disabled|drunk) (man|woman|lady|person|guy|lad|bloke)|this (woman|man|lady"
    r"|girl|boy)|(his|her|their) (wife|husband|girlfriend|boyfriend|partner|child|kid|son"
    r"|daughter|baby|mum|dad))",
    # Any tense, including the plain form people with little English use: "some man grab me".
    "HURT": r"(hit(?! by (a|the|an) )|hitting|punch|punched|punching|kick|kicked|kicking|beat"
    r"|beating"
    r"|beaten|(?<!heart )(?<!panic )(?<!asthma )attack|attacked|attacking|grab|grabbed|grabbing"
    r"|shove|shoved|shoving|push|pushed|pushing"
    r"|strangle|strangled|strangling|choke|choked|choking|stab|stabbed|stabbing|slap|slapped"
    r"|slapping|batter|battered|battering|headbutt|headbutted|drag|dragged|dragging|pin|pinned"
    r"|pinning|mug|mugged|rob|robbed|assault|assaulted|assaulting|threaten|threatened"
    r"|threatening|spat|spit|spitting|grope|groped|groping|chase|chased|chasing|hurt|hurting"
    r"|throttle|throttled|bit|bite|biting|cornered|stamp|stamped|stamping)",
    # People who may be a danger (not "my mum is waiting outside").
    "PEN": r"\b(epi ?pens?|auto ?injectors?|adrenaline (pens?|shots?)|jext|emerade)\b",
    "THREAT": r"(someone|somebody|some1|guy|lad|lads|bloke|stranger|(a |the )?(masked \w+|(man|men"
    r"|guy|bloke|someone|lads) (in|wearing) (a )?(balaclava|mask|ski mask))|(a|the|this|some|two"
    r"|three"
    r"|four)( \w+){1,2} (man|men|guy|guys|woman|lad|lads|boys|youths|bloke|blokes|stranger"
    r"|person|people|teenagers|teens)|a (man|guy|woman|lad|bloke|stranger|group|gang|drunk"
    r"|person|fella)|the (man|guy|woman|lad|bloke|men|lads|boys|guys|stranger)|this (man|guy"
    r"|woman|lad|bloke|person|fella)|some (man|guy|bloke|lads|men|woman|boys|people|one|weirdo)"
    r"|(two|three|four|few|group|gang|bunch|\d) (of )?(lads|men|guys|boys|girls|people|youths"
    r"|blokes)|he|she|they|hes|shes|theyre|my (ex|partner|husband|wife|boyfriend|girlfriend"
    r"|stalker|abuser)|her (ex|partner|husband|boyfriend)|his (ex|partner|wife|girlfriend)"
    r"|stalker|abuser)",
    "CHILD": r"(son|daughter|kid|kids|child|toddler|baby|little (boy|girl|one|un)|boy|girl|lad"
    r"|grandson|granddaughter|grandkids?|grandchild|grandchildren|twins"
    r"|\d{1,2} ?(yr|year|yo)s?( old)?)",
    "HURT_NOW": r"(hitting|punching|kicking|beating|attacking|grabbing|shoving|pushing"
    r"|strangling|choking|stabbing|groping|dragging|hurting|slapping|battering|headbutting"
    r"|strangling|pinning|holding|smashing|throwing (things|stuff)|touching|shoving|stamping"
    r"|starting on)",
    "HURT_DONE": r"(hit|punched|kicked|beat|beaten|attacked|grabbed|shoved|pushed|strangled"
    r"|threw me|sat on me|pinned me|came at me"
    r"|choked|stabbed|slapped|battered|headbutted|dragged|pinned|jumped|mugged|robbed|assaulted"
    r"|threatened|spat at|stamped on|started on|knocked (off|over|down))",
    "VEHICLE": r"(car|motor|bus|van|lorry|truck|bike|cyclist|motorbike|motorcycle|scooter|train"
    r"|tram|vehicle|taxi|cab)",
    "LIMB": r"(leg|legs|arm|arms|hip|neck|back|ankle|wrist|knee|head|skull|shoulder|collarbone)",
    "THEIR": r"(my|his|her|their|your|the)",
    # Every spelling of "not" the normaliser leaves ("isn't" and "is not" are both "isnt").
    "NEG": r"(not|no|isnt|arent|wasnt|werent|wont|cant|doesnt|dont|didnt|hasnt|havent|never)",
    # A blow to the head, in the words people use for it.
    "HEAD_HIT": r"((fell|fallen|landed|landing|falling)( \w+){0,8} (on|onto) (his|her|my|their)"
    r" head|(hit|hits|banged|bumped|smacked|knocked|cracked|bashed|whacked|split|landed on"
    r"|fell on|fallen on|fell onto|bang to|bang on|blow to|knock to|knock on) (\w+ )?(head|skull)"
    r"|(head|skull) (is |s )?(cut open|split|bleeding|smashed|hit)|head first (into|onto|on)"
    r"|(stamp\w*|kick\w*|punch\w*|boot\w*|hit|smash\w*|glass\w*|bottl\w*) (on |in )?(the|my|his|her"
    r"|their) (head|face)|(fell|fallen|rolled|rolling|dropped) off (the|a|my) \w+( \w+)?"
    r"|(lump|bump|egg) on (his|her|my|their|the) head)",
    # What a head injury does next; with a blow to the head, 999.
    "HEAD_SIGNS": r"(sleepy|drowsy|woozy|confus\w*|muddled|not making (any )?sense|being sick"
    r"|keeps? forgetting|forgetting where|same question|been"
    r" sick|sick|vomit\w*|throwing up|seeing (double|stars)|cant remember|blacked out|knocked out"
    r"|(doesnt|dont|didnt) know (what|where|who)|keeps asking|asking\b[^|]*\bover and over"
    r"|cant get (any )?sense|blood|bleeding|fit|fitting|dizzy|very sleepy|not crying|not"
    r" (talking|answering|responding)|slurr\w*|cant see)",
    # Grown-ups who may be at risk if they go missing, and the people who look for them.
    "KIN": r"(mother|father|mum|mom|mam|dad|husband|hubby|wife|nan|nana|nans|gran|grans|granny"
    r"|grandad|grandads|grandma|grandpa|grandfather|grandmother|partner|brother|sister|uncle"
    r"|aunt|aunty|auntie|friend|neighbour|son|daughter|resident|patient|client)",
    # Cold, and the NHS's signs that it has become hypothermia: with both, 999.
    "COLD": r"(soaked|wet through|drenched|freezing|shiver\w*|shaking with cold|hypotherm\w*"
    r"|so cold|very cold"
    r"|really cold|frozen|minus \d+|cant feel my (fingers|hands|feet|toes))",
    "COLD_SIGNS": r"(muddled|confus\w*|stumbling|slurr\w*|drowsy|very sleepy"
    r"|(not|isnt|arent) making (any )?sense"
    r"|stopped shivering|cant get down|cant feel (my |his |her |their )?(legs|body|anything|face)"
    r"|cant feel my (hands|feet|fingers|toes) (or|and) (my )?(hands|feet|fingers|toes)"
    r"|numb all over|cant (walk|move|get up)|(doesnt|dont|does not|do not) know (where|who|what)"
    r"|(legs|body) (have |has )?(stopped working|given (up|way))"
    r"|no idea where|(lips|face) (are |is |has |have )?(gone |going |turned )?(blue|grey|white)"
    r"|blue (lips|round the lips)|wont wake|hard to wake)",
    "DRUGS": r"(pills?|tablets?|paracetamol|ibuprofen|sertraline|meds|medication|co codamol"
    r"|painkillers|antidepressants|sleeping pills|quetiapine|olanzapine|mirtazapine|amitriptyline"
    r"|diazepam|zopiclone|tramadol|codeine|morphine|oxycodone|lithium|methadone|fluoxetine"
    r"|citalopram|pregabalin|gabapentin|propranolol|insulin|librium|chlordiazepoxide|lorazepam"
    r"|temazepam|valium|xanax|nytol|sleeping tablets)",
    # Where someone is, close enough to be danger now.
    "CLOSE": r"((is|are|s|wait|waits|waiting|standing|stood|sat|sitting|parked|lurking)"
    r" (in (his|her|their|a|the) (car|van|motor) )?outside"
    r"|on the doorstep|(?<!from )(at|outside) (my|the|our) (front |back )?(door|window|house|flat"
    r"|car)"
    r"|(getting|coming|moving|shuffling|edging|creeping|inching) closer|closing in|across (the"
    r" road|from (me|my house|the house))|behind me|next to me|right up (to|next to)|waiting"
    r" (for me|outside|at the|by my|by the|at my)|watching (me|the house|my house|us)|looking for"
    r" me|at the end of my (road|street)|(is|are|still|now) in (my|the|our) (house|flat|garden"
    r"|hallway|bar|shop|street|room|bedroom|kitchen|car park|stairwell|lift)"
    r"|still inside|got on (my|the)|walking (over|towards me|up to me)|getting out (of )?the car"
    r"|parked (right )?behind|driving (slowly )?(next to|alongside|behind) me|blocking the door"
    r"|sat (in a car )?outside|standing (across|outside|opposite)"
    r"|stood (across|outside|opposite)|circling (me|us)"
    r"|slowing down next to|crawling behind|(walking|driving|running) (behind|after|alongside)"
    r" (me|us))",
    "PARTNER": r"(partner|partners|boyfriend|boyfriends|girlfriend|girlfriends|husband|husbands"
    r"|wife|wifes|ex|exs|bf|gf|fiance|fiancee|hubby|missus|other half|carer|ex (boyfriend"
    r"|girlfriend|husband|wife|partner))",
    "ABUSE": r"(hits?|hitting|beats?|beating|hurts?|hurting|abus\w*|controll?\w*|threat\w*"
    r"|violent|punch\w*|slap\w*|kick\w*|strangl\w*|chok\w*|push\w* (me|us)|shov\w*|screams?"
    r"|shouts? at|checks? my|reads? my|reading my|tracking|tracks? my|takes? my|took my|wont let"
    r"|locked|threw my|throws|smash\w*|says hell|said hed|gets (really )?angry|angry|keeps"
    r"|(taken|took|takes|take) my (passport|money|phone|keys|bank card|car keys)|dont let me"
    r" (turning|messaging|calling|texting)|turn(s|ing)? up|messaging me|hit me|pushed me|tells"
    r" me what|wont give|makes me|made me|scares me|scared of (him|her))",
    "BUSINESS": r"(shops?|stores?|business(es)?|cafes?|coffee shop|pubs?|bars?|pharmacy|chemist"
    r"|chippy|chip shop|butchers?|florists?|opticians?|dentists?|vets?|post office|taxi office"
    r"|restaurants?|company|premises|salon|library|barbers?|hairdressers?|bookshop|newsagents?"
    r"|soft play|play centre|church( hall)?|baby group|group|depots?|ticket offices?|hotel|gym"
    r"|venue|takeaway|supermarket|garage|petrol station|charity shop|bakery|boutique|branch"
    r"|branches|council|office|club|centre|center|market stall|kiosk|corner shop|off licence"
    r"|launderette|pharmacies|chain|estate)",
    "JOINING": r"(join\w*|become|register\w*|sign( \w+){0,2} up|signed up|be (a )?safe"
    r"|list(ed|ing)?"
    r"|take part|part of|put (us|it|them|my shop|our shop) (forward|on)|on (your|the) map"
    r"|(update|change|edit) (our|my|the) (opening )?hours|get (involved|listed|on)|apply"
    r"|application"
    r"|get (the|a|your|one of the) stickers?|already listed|approved|approval"
    r"|(want|like|love) (my|our|the) \w+ to be)",
}

# Phrases that sound alarming but are everyday talk; they are blanked out before the
# emergency rules run, so "my legs are killing me" or "battery's dying" raise no alarm.
EVERYDAY = (
    r"\b(legs|feet|back|head|knees|shoes|arms|neck|hands|ears|eyes|hip|boots) (are|is) killing"
    r" me\b",
    r"\b(this|the|that|it) (\w+ )?(is|are|was|were|s) (absolute |bloody |pure |such |literal )?"
    r"(killing me|murder|carnage)\b",
    # Things, not people, "trying to kill me": the weather, the hills, the self-checkouts.
    r"\b(weather|heat|rain|wind|cold|sun|hills?|stairs|steps|queues?|job|work|shift|rota"
    r"|checkouts?|machines?|app|website|form|paperwork|traffic|commute|journey|walk|shoes|boots"
    r"|bags?|kids|exams?|revision|deadlines?|week|day|gym|diet|crossing|flight|caseload|workload"
    r"|overtime|meetings|emails|inbox|mortgage|bills|rent|prices|horse|pony|dog|cat|toddler)\b"
    r"[^|]{0,25}"
    r"\b(trying to|going to|gonna|about to|will|ll) (kill|murder|finish( off)?) (me|us)\b",
    r"\b(battery|batterys|phone|phones|mobile|mobiles|charge|laptop|power)( is| has| has just"
    r"| s| just| will| about to| going to| gonna)? (die|dying|dead|died|low|gone|flat|run out)\b",
    r"\bdead (phone|mobile|battery)\b",
    r"\b(phone|it|battery)(ll| will| is| s)? (about to|going to|gonna)? ?die\b",
    r"\bdying (for|of|to)\b",
    r"\bdead (tired|bored|good|nice|busy|on|easy|quiet|late)\b",
    r"\bcould (kill|murder) (for|a)\b",
    r"\bkill(ing)? time\b",
    r"\bhit the (shops|road|town|hay|spot)\b",
    r"\bfollow(ing)? (the|these|your|my|their|his|her) (signs|instructions|road|directions|map"
    r"|nose|sat ?nav|app|phone|friends?|mates?|mum|dad)\b",
    r"\b(scared|afraid|terrified|frightened) (of|about) (the dark|dogs|spiders|heights|needles"
    r"|crowds|missing|being late|getting lost|walking|the walk|my phone)\b",
    r"\b(non|not( an?)?|isnt( an?)?|no) emergency\b",
    r"\b(not|isnt|no)( really| like| exactly| quite| actually)( an?)? emergency\b",
    r"\b(will|would|do|does|can|must)( the)? (shops?|staff|they|you|safe spaces?)( \w+)? (call"
    r"|ring|phone) (the )?police\b",
    r"\b(im|i am|am|were|we are)( \w+)? (not|no|nae) in (any )?danger\b",
    r"\b(wind|rain|weather|storm|waves|sea|gale|hail)( is| s|s)? (battering|hammering|lashing"
    r"|pelting) (me|us|down)\b",
    r"\b(teacher|boss|coach|manager|mum|mom|mam|dad|nan|gran|wife|husband|missus|mates?|friends?"
    r"|bestie|brother|sister|parents)( is| s| are)? (literally|actually|deffo|defo|honestly"
    r"|seriously|totally|really)( going to| gonna)? (kill|murder) me\b",
    r"\bstab\w* (me|us|him|her|them|you) in the back\b",
    r"\bchoking on (all )?(\w+ ){0,2}(fees|prices|bills|costs|charges|debts?|paperwork|tax|rent)\b",
    r"\b(queue|traffic|line|bus|train|tram|car|it|this|clock|time|list|lift|escalator)( is| s|s)?"
    r" (still )?not moving\b",
    r"\bknocked out (in|of) (the )?(\w+ )?(round|stage|competition|cup|tournament|quiz|league"
    r"|game|match)\b",
    r"\b(baby|bump|babys|bumps)( is| s)? kicking\b",
    r"\b(nearly|almost) gave (me|him|her|us) a (seizure|fit|stroke|heart attack)\b",
    r"\b(screen|laptop|phone|computer|tv|telly|printer|defence|team|keeper|wifi)( is| was| s)?"
    r" (having|had) a (\w+ )?(seizure|fit)\b|\bcollective fit\b",
    r"\b(people|those|someone|anyone|you) (being|who are|whos|who is) (followed|chased|attacked"
    r"|stalked|harassed)\b",
    r"\b(holding|holds|keeping|keeps|kept|took|taken|taking|takes|has) (my|our|her|his|their)"
    r" (passports?|documents|papers|visa|brp)\b",
    r"\bthreat\w* to (throw|chuck|put) (my|our) (things|stuff|belongings) out\b",
    r"\b(get|be|being|getting) pushed (in|inside|into)\b(?! (the |a |an )?(road|traffic|wall|car"
    r"|van|canal|river|water|bushes|alley))",
    r"\b(dont|do not|didnt) think (its|it is|this is|it was|thats) (an? )?(emergency|serious"
    r"|999)\b",
    r"\b(onion|bread|butter|vegetable|veg|craft|pen|chopping|carving|cheese|stanley) knife\b",
    r"\b(stanley|craft|razor|hobby) blade\b",
    r"\b(battered|hammered|thrashed|slaughtered|murdered|smashed|destroyed) (at"
    r"|in) (\w+ )?(dodgeball"
    r"|football|the match|the game|pe|netball|rugby|hockey|quiz|darts|pool|fifa|chess|cards"
    r"|bingo)\b"
    r"|\b(battered|hammered|thrashed|slaughtered) \d+ ?(-|nil) ?\d*",
    r"\b(pillow|food|water|snowball|play|nerf|paint|custard pie) fights?\b",
    r"\boverdos\w* on (\w+ )?(chocolate|mince pies|sugar|cake|caffeine|coffee|netflix|crisps|sweets"
    r"|food|pizza|christmas|tv)\b",
    r"\bhit \d+k? (followers|subscribers|subs|likes|views)\b",
    r"\b(not|no|isnt|without) (wheezing|coughing|breathless\w*)\b|\bno (\w+ )?(chest pain"
    r"|breathlessness|shortness of breath)\b",
    r"\bfitting (out|a|the|new|kitchens?|carpets?|windows?|doors?|bathrooms?)\b",
    r"\b(can|will|do|does) (a |the )?(safe spaces?|staff|shops?) (stop|help|protect) (someone"
    r"|somebody|people|you|me)\b",
    r"\b(they|staff|shops?) (will |would )?(call|ring|phone) (the )?police automatic\w*\b",
    # Family or a lift waiting outside to collect someone: no threat in that.
    r"\b(my|our) (mum|mom|mam|dad|nan|gran|grandma|grandad|sister|brother|aunt|auntie|uncle"
    r"|friend|mate|mates|son|daughter|lift|taxi|uber|cab)( is| s| are)? (waiting|parked|sat)"
    r"( for (me|us))? (outside|for (me|us)|in the car)\b",
    # A friend or carer pushing the wheelchair: help, not harm.
    r"\b(wheel ?chair|buggy|pram|pushchair)\b[^|]*\b(friend|carer|mum|dad|husband|wife|son"
    r"|daughter|partner|helper|support worker|staff)( will| can| has to| have to| to| must)?"
    r" push\w* (me|him|her|them)\b(?! (over|off|out|down|away|into))",
    r"\b(dont|do not|doesnt|does not|didnt|no need for|not)( really| even| think (i|we|he|she"
    r"|they))? (need|want|needs|wants)( to (call|ring|get|phone))? (an |the |any )?(ambulance"
    r"|police|paramedics|999)\b",
    r"\bemergency (services|exit|contact|number)\b(?! now)",
    r"\bkicked (me |us )?(out|off)\b",
    r"\b(boss|teacher|coach|manager|mum|mom|ma|mam|mammy|nan|gran|dad|da|wife|husband|missus"
    r"|mates?|friends?|bestie) (will|is going to|is gonna|s going to|s gonna|would|gonna|ll)"
    r" (kill|murder) me\b",
    r"\bbe the death of (me|us|him|her)\b",
    r"\b(thoughts|thinking|images|urges?|pictures)\b[^|]{0,20}\b(about|of) (hurting|harming"
    r"|killing|stabbing|strangling)\b",
    r"\b(i|ill|i will|i might|id|i would|hopefully i)( just)? (not|never) wake up\b",
    r"\bcant get out of bed\b",
    r"\bgasping\b(?! for (breath|air))(?=.*\b(water|drink|brew|cuppa|tea|pint|coffee)\b)",
    r"\b(car|van|shed|garage|locker|bike|flat|house)( has| was| got| s)?( been)? broken into\b",
    r"\b(toilet|loo|wee|poo|bathroom) emergency\b|\b(its|it is|this is) an emergency\b"
    r"(?=.*\b(toilet|loo|wee|poo|bathroom|ibs)\b)",
    r"\bbattered by the (waves|wind|weather|rain|sea|storm|surf)\b",
    r"\b(went|turned|go|goes|going) blue for a (minute|second|moment|bit|few (seconds|secs))\b",
    r"\b(im|i am|ill|i will|i could|i wanna|i want to|i might)( going to| gonna)? (kill|murder"
    r"|strangle) (him|her|them|my (husband|wife|partner|kids?|son|daughter|mum|dad|brother"
    r"|sister|boyfriend|girlfriend|teenagers?|teens?|toddler|children|mates?|dog|cat|horse"
    r"|flatmate|housemate|roommate|neighbour|boss|colleague|bf|gf|other half))\b",
    r"\b(died|dying|die) (laughing|of laughter|of embarrassment|of boredom|of shame)\b",
    r"\b(nearly|almost|about to) (\w+ ){0,3}(fainted|passed out|collapsed|died|heart attack"
    r"|killed|hit|run over|drowned|fell|fallen|broke|broken)\b",
    r"\bfood poisoning\b",
    r"\bgasping (for|fur) (a|some|my)\b",
    # A nosebleed is for first aid or 111, however long it lasts.
    r"\bnose ?bleed\w*[^|]*|\bnose\b[^|]{0,20}\bbleed\w*[^|]*",
    r"\bnot (\w+ )?(or|nor) (in )?(any )?danger\b|\b(for |only for )?(people|those|someone|anyone)"
    r" in danger\b",
    r"\b(dont|do not|no need to|please dont) (send|call|ring|get) (me )?(an |the )?(ambulance"
    r"|police)\b",
    r"\b(from|on|off) (a |the )?broken (bottle|glass)\b",
    r"\b(not|isnt) (a |an )?999( job| call| thing)?\b|\bis (that|this|it) (a )?999\b",
    r"\b(about|on|against|for|prevent\w*|awareness of|training|policy|policies|spot|spotting"
    r"|recognis\w*|deal with|dealing with|tackl\w*) (drink )?spiking\b",
    # A carer pushing someone in their chair; an autistic shutdown is not a collapse.
    r"\bpush\w* (him|her|them|me)( \w+){0,3} (wheel ?chair|buggy|pram|pushchair|chair)\b",
    r"\bnot (talking|answering|responding|speaking)\b(?=.*\b(shutdown|shut down|non ?verbal)\b)"
    r"|\b(shutdown|shut down|non ?verbal)\b[^|]*(\|[^|]*)?\bnot (talking|answering|responding"
    r"|speaking)\b",
    # A parent's "she'll kill me if...": no threat at all.
    r"\b(mum|mom|mam|dad|nan|gran|wife|husband|missus|boss|teacher|parents|managers?|friends?"
    r"|mates?|bestie|sister|brother|coach|colleagues?)\b[^|]{0,25}\b(kill|murder) me\b[^|]*"
    r"\b(if|for|when)\b",
    # Mild and told as mild: "wheezing a bit", "bleeding a little".
    r"\b(wheez\w*|breathless|out of breath|chesty|bleeding|bleed) (a (bit|little|tiny bit)"
    r"|slightly)\b|\ba (bit|little) (wheez\w*|breathless|out of breath|of blood)\b",
    r"\b(seizure|epilepsy|epileptic|fit) (alarm|alert|dog|watch|meds|medication|diary|nurse"
    r"|app|plan)\b",
    # A hand caught in a door: first aid, not "trapped".
    r"\b(hand|hands|finger|fingers|foot|thumb|toe|arm|leg) (got |was |is |has been )?(trapped"
    r"|caught|stuck|shut) in\b",
    # An illness or fall told as the reason for a need now: "since his stroke".
    r"\b(since|after|before|from) (his|her|my|the|their|mums|dads|a|an|this|that|our) (\w+ )?"
    r"(stroke|heart attack|fall|seizure|op|operation|accident)\b",
    r"\bnot (a |another )?(stroke|heart attack|seizure)\b",
    r"\b(stroke|heart attack|seizure) (before|years ago|last year|in the past)\b",
    r"\b(do|does|will|would|should|could|can) (they|you|staff|i|we|the staff)( \w+){0,2} (call|ring"
    r"|phone|get) (an|the) ambulance\b",
    r"\bshot glass(es)?\b",
    r"\b(seagulls?|gulls?|pigeons?|geese|goose|swans?|squirrels?|ducks?|crows?|magpies?)\b"
    r"[^|]{0,25}\b(attack\w*|mugged|went for|nicked|stole|snatched|robbed|chased|chasing|jumped"
    r"|pecked|bit)\b|\b(attack\w*|mugged|robbed|chased|jumped|pecked) by (a |an |some |the )?"
    r"(seagull|gull|pigeon|goose|swan|squirrel|duck|crow"
    r"|magpie)s?\b",
    r"\b(battered|hammered|destroyed|thrashed|smashed)\b(?=[^|]*\b(game|match|ranked|fifa"
    r"|fortnite|score|league|cup|football|derby|quiz)\b)|\b(game|match|ranked|fifa|fortnite"
    r"|score|league|cup|football|derby|quiz)\b[^|]*\b(battered|hammered|destroyed|thrashed)\b",
    r"\bmugg?(ed|ing|s)? (me|him|her|them|us|you) off\b",
    r"\bon fire (today|tonight|this (week|month|morning|season|year)|at the moment|lately"
    r"|recently)\b|\b(mouth|tongue|curry|chilli|chillies|spicy|hot sauce|wings)\b[^|]*\bon fire\b"
    r"|\bon fire\b[^|]*\b(curry|chilli|chillies|spicy|hot sauce|wings)\b",
    r"\bshot (down|so many|loads of|a few|some) ?(photos|pics|pictures|video|footage|hoops)?\b",
    r"\bchoking (for|on) (a|some|my) (drink|brew|cuppa|pint|water|tea|coffee|fag|smoke)\b",
    r"\b(think|thinks|thought|gonna think|will think)( that)? (i|ive|im|i have|hes|shes|he|she)"
    r"( \w+){0,2} (kidnapped|murdered|dead|died|been taken)\b",
    r"\b(the|after|since|about|from|last|sort out the) break ?ins?\b|\bbroke into my own (house"
    r"|flat|home|car)\b",
    r"\bsos\b(?=[^|]*\b(phone|battery|charge|charger|wifi|loo|toilet|wee|lost)\b)",
    r"\bfound (him|her|them|my \w+)( \w+)? hiding\b",
    r"\b(trapped|caught|shut|jammed) (his|her|my|their|your) (hand|hands|finger|fingers|foot"
    r"|thumb|toe|arm|leg) in\b",
    r"\b(not|never|wasnt|werent|havent been|hasnt been|didnt get|not been)( \w+)? spiked\b",
    # Seizures as a condition or a subject: "my seizures", "seizure first aid".
    r"\bseizure (first aid|aware\w*|awareness|training|trained|response|action plan|plan"
    r"|history|clinic|free|diary|meds|medication)\b|\b(trained|training|know|knows|learn"
    r"|taught)( \w+){0,4} (seizures?|fits|epi ?pens?|auto ?injectors?|defib\w*|cpr)\b"
    r"|\b(my|his|her|their|of|about|with) seizures?\b"
    r"(?![^|]*\b(again|another|keeps?|wont stop|back to back|come round|now|still|lasting"
    r"|minutes|mins)\b)",
    r"\b(not|isnt|is not|hasnt been|wasnt|no longer) bleeding( (much|a lot|loads|badly|heavily"
    r"|anymore|any more|now))?\b",
    r"\b(phones?|mine|keys|bag|purse|wallet|stuff|things|bike|charger)( is| s| are| got| has"
    r" been| was| were)? locked in\b",
    r"\b(wont|doesnt|never|dont) let (me|her|him|us) (go out|see (my|her|his|our) (friends"
    r"|family|mum|mates)|wear|work|drive)\b",
    r"\b(have to|need to|got to|must) be in danger\b",
    r"\bnothing (is )?happening( right)? now\b",
    r"\b(fell|fallen|falling|fall) asleep\b",
    r"\b(knees|back|nerves|legs|hips?|feet) (are|is|s) shot\b|\bshot (myself|yourself|himself"
    r"|herself|ourselves) in the foot\b",
    r"\bshots? of \w+|\b(doing|did|had|do|few|some) shots\b",
    r"\bpush\w* (my |a |the |her |his |our |\w+s )?(\w+ )?(buggy|pram|pushchair|wheelchair"
    r"|trolley|bike|stroller|button|door|chair)\b",
    r"\b(threw|thrown|kicked|kick|kicks|kicking|chucked|chuck|chucking|throw|throwing) (me|us"
    r"|them|him|her) out\b",
    r"\bcan of petrol\b(?=.*\bpetrol station\b)",
    r"\blike (im|i am|hes|shes|were) (drowning|dying)\b|\bdrowning in\b",
    # A joke says so: "he'd kill me if I ate his cake lol".
    r"\b(kill|murder|dying|dead|killing|die|blood|killed|stabbed|shot|attacked|fire|choking"
    r"|kidnapped|explosion|exploded|send help|heart attack)\b[^|]*\b(lol|lmao"
    r"|haha|hahaha|jk"
    r"|joking)\b",
    r"\b(lol|lmao|haha|hahaha|rofl)\b[^|]*\b(kill|murder|dying|dead|killing|die|killed"
    r"|attacked|ambulance|fire|choking|kidnapped|send help)\b",
    r"\b(nobody|no one|noone|nobodys|no ones|not being|isnt|not|nothing) (is |s |has )?(following"
    r"|chasing|after me|watching|hurting|threatening|happening|collapsed|hurt|injured|bleeding"
    r"|unconscious)\b",
    r"\b(never|didnt|hasnt|havent|doesnt|hadnt|wasnt|not)( ever| yet| actually| been)? (hit|punched"
    r"|follow|followed me|touch|grab|attack|chase|kill myself|hurt myself|end it"
    r"|kicked|hurt|touched|attacked|threatened|followed|strangled|pushed|grabbed|violent|fainted"
    r"|passed out|collapsed|injured)\b",
    r"\b(will|would|do|does|did|can|could|should|might) (the )?(staff|they|shops?|you|anyone"
    r"|someone|i|people) (call|ring|phone|get) (the )?police\b",
    # A question about what staff of a safe space do: "are staff expected to call the police?"
    r"(^|\| )(do|does|are|is|will|would|should|could|can|have|has|must|what if)( \w+){0,3}"
    r" (staff|safe spaces?|shops?|venues?|volunteers|businesses|pharmacists?|members of staff"
    r"|they)\b( \w+){0,5} (call|ring|phone|contact) (an |the )?(ambulance|police|999|cops)\b",
    r"\b(not|no longer|never|wasnt|arent|isnt|im not|not really) (in )?(any )?(danger|trouble)\b",
    # What would happen if: a question about the future, not danger now (after the joke rule,
    # which reads "...if I eat his cake lol" whole).
    r"\b(if|in case|incase|what if|whether)\b(?![^|]*\bkill (himself|herself|themselves) and\b)"
    r"[^|]*",
)

# "Help" or "save me" in other scripts (Ukrainian, Russian, Chinese, Korean, Japanese, Arabic,
# Urdu, Hindi, Punjabi, Bengali, Greek, Persian, Tamil): read as "help" (see engine.analyse).
OTHER_SCRIPT_CRIES = (
    r"допоможіть|допомога|рятуйте|помогите|помощь|спасите|救命|救救我|帮帮我|幫幫我|帮助|幫助"
    r"|도와주세요|살려주세요|助けて|たすけて|النجدة|ساعدوني|ساعدني|مساعدة|مدد|بچاؤ|मदद|बचाओ"
    r"|ਮਦਦ|ਬਚਾਓ|সাহায্য|বাঁচাও|βοήθεια|کمک|உதவி|🆘"
)

# Words of a bare cry for help; a message made only of these could be danger, so 999 leads.
CRY_WORDS = (
    r"(help|sos|please|me|us|someone|somebody|anyone|urgent|now|quick|quickly|asap|i"
    r"|need|im|in|trouble|hurry|pls|plz|mayday|question|mark|exclamation"
    # The same cry in the languages most spoken in the UK after English.
    r"|ayuda|socorro|auxilio|aidez|aide|moi|hilfe|aiuto|pomoc|pomocy|ajutor|tolong|yardim|ajuda"
    r"|secours|tulong|msaada|gargaar"
    r"|bachao|madad|por|favor|bitte|prosze|sil|vous|plait|can|could|you|assistance|assist"
    r"|require|urgently|immediately|somebody)"
)

# Danger now. Rules marked in PAST_ONLY_RULES are set aside when the message tells them as
# over ("last week", "earlier", "he's gone now") with nothing saying it is happening again.
EMERGENCY = (
    (
        "cry_for_help",
        rf"^[ |]*(?=[^|]*\b(help|sos|mayday|ayuda|socorro|aidez|hilfe|aiuto|pomoc|pomocy|ajutor"
        rf"|tolong|yardim|bachao|madad|ajuda|secours|tulong|msaada|gargaar)\b|please[ |]*$)"
        rf"({CRY_WORDS}[ |]*)+$",
    ),
    (
        "followed",
        r"\b(being|been|getting|am|im|is|was|were|are|keeps?) (followed|chased|stalked|pursued"
        r"|watched|hunted|cornered|surrounded)\b|\b(followed|chased|stalked|cornered) by\b"
        r"|\b(is|are|hes|shes|theyre) after (me|us)\b|\bhiding from\b"
        r"|\b(walk|walks|walking|walked|come|coming|run|running) after (me|us)\b"
        r"|\b(been|gone|driven|drove|come|came|going) (round|around|past) (the block|me"
        r"|us)( \w+){0,2}"
        r" (\d+|two|three|four|five|few|several) times\b|\b(follow\w*|chas\w*|stalk\w*"
        r"|hunting|surround\w*|cornered|circling) (me|us|mine|my car)\b"
        r"|\b(wont|not|doesnt|dont|refuses? to) (leave|let) (me|us) (alone|go|past|leave|out"
        r"|get)\b(?! (back|to|out with|home to|see))"
        r"|\b(he|she|they|man|guy) (keep |keeps |still )?follows?\b(?! (the|my|your|his|her|their"
        r"|signs|instructions|on|up|through|suit|advice|rules|orders|football|team|me on))"
        r"|\bblocking (my|our|the) way\b|\b(says|said|saying|shouting|shouts|tells me to|telling me"
        r" to) get in\b|\b(car|van)\b[^|]{0,20}\b(slowing down|slowing|crawling|pulling up"
        r"|following) (next to|beside|alongside|behind) (me|us)\b|\bshouting get in\b"
        r"|\bgot (me|us) (cornered|surrounded|trapped|pinned)\b|\bcircling (round |around )?(me"
        r"|us)\b"
        r"|^(?=.*\b(im|i am|shes|hes) (only )?([5-9]|1[0-5])\b)(?=.*\b(man|men|guy|bloke|stranger"
        r"|someone)\b)(?=.*\b(a lift|get in (his|the|a) (car|van)|come with (him|them))\b)"
        r"|\b(round|around) (me|us)\b[^"
        r"|]*\bwant (my|our) \w+\b"
        r"|\bgot (hold|a hold) of (my|her|his) (wrist|arm|hand|hair|neck)\b"
        r"|\b(guy|man|bloke|someone|he)\b[^|]{0,30}\bfollowing (a|the|this) \w+"
        r"|\bwont let go\b|\b(coming|walking|running|heading) (towards|at|after|for) (me|us)\b"
        r"|\bknows (im|i am|were|shes|hes|she is|he is|theyre) (in )?(here|there)\b"
        r"|\b(said|says|saying|told me|telling me)\b[^|]{0,40}\bto get in\b"
        r"|\b(keeps|keep|kept|is|are|been|car|van) (\w+ )?circling\b"
        r"|\b(making|forcing|made|forced) (me|us|her|him) (to )?(get in|go with|come with|get"
        r" into)\b|\b(driving|drove|drives|came|coming|swerv\w*) (the car |the van )?(at|into"
        r"|towards) (me|us)\b|\b(tried|trying) to run (me|us) (over|down)\b"
        r"|\b(crawling|driving|creeping|kerb crawling) (slowly )?(behind|after|alongside|next to)"
        r" (me|us)\b|\b<THREAT>\b[^|]{0,40}\b(following|chasing)\b"
        r"|\b(<THREAT>|man|woman|guy|bloke)\b[^|]{0,20}\b(wont|will not|refuses to|doesnt) (leave"
        r"|go away|get out)\b(?! (him|her|them"
        r"|it|his|the|my|their))"
        r"|\b<THREAT>\b[^|]{0,60}?\b<CLOSE>|\b(hes|shes|theyre) (still )?in (my|the|our) (house"
        r"|flat|garden|room|bedroom|kitchen|hallway|car park|stairwell|lift)\b",
    ),
    (
        "threatened",
        r"\b(threats?|threat(en|ening|ened|ens)|menacing)\b|\b(said|says|saying) (id|i would|ill"
        r"|youll|you would|youd|i will|you will) regret\b"
        r"|^(?=.*\b(staring|glaring) (right )?at (me|us)\b)(?=.*\b(help|scared|frightened"
        r"|terrified|getting off at my|following)\b)",
    ),
    (
        # Someone not seen for days, with a sign they are inside and cannot come to the door.
        "welfare_concern",
        r"^(?=.*\b(curtains|milk|post|papers|letters|not seen|havent seen|hasnt been seen)\b)"
        r"(?=.*\b(\d+|two|three|few|couple of) days\b)(?=.*\b(knocking|calling|crying|moaning"
        r"|shouting|lying|on the floor|no answer|cant get (an )?answer|tapping)\b)",
    ),
    (
        # Waking on the ground: a collapse, even now it is over.
        "came_round_on_the_ground",
        r"\b(just )?(come|came|woke|woken) (round|up) (on|in) the (pavement|floor|ground|road"
        r"|street"
        r"|gutter)\b",
    ),
    (
        "fire_or_flood",
        r"^(?=.*\b(smell\w*|stinks?|stinking|reeks?) (strongly )?(of )?gas\b|.*\b(carbon monoxide"
        r"|co alarm)\b)(?=.*\b(dizzy|headaches?|sick|faint|drowsy|sleepy|strong|really bad"
        r"|everywhere|cant breathe)\b)"
        r"|\bon the roof of (the|our|my|a) (caravan|car|van|house|shed)\b"
        r"|\bwater (is )?still rising\b"
        r"|\b(chip pan|house|kitchen|flat|building|electrical|grease|bedroom|garage)( \w+)? fire\b"
        r"|\bfire (in|at|on) (the |my |our |a |his |her )?(house|kitchen|flat|building|stairs|hall"
        r"|room|block|landing|upstairs|downstairs)\b|\b(flames|smoke) (is |are )?(coming|pouring"
        r"|filling|everywhere|in the|from|under)\b|\bsmoke\b[^|]*\b(sparks|burning|flames|fire)\b"
        r"|\b(sparks|burning smell)\b[^|]*\bsmoke\b"
        r"|\b(sockets?|plugs?|wires?|wiring|meter|fuse ?box|cables?|charger|extension lead)\b[^|]*"
        r"\b(sparking|smoking|crackling|melting|melted|on fire|gone black)\b|\b(sparking|smoking"
        r"|crackling|smell (of )?burning)\b[^|]*\b(sockets?|plugs?|wires?|wiring|meter|fuse ?box"
        r"|cables?|charger|extension lead)\b|\bfire\b[^|]*\b(spreading|upstairs|trapped"
        r"|cant get out)\b|\b(flood\w*|water (is )?(coming|pouring|rising|gushing) (in|through|up"
        r"|under))\b[^|]*(\|[^|]*)?\b(knees|waist|chest|cant (walk|get out|move)|trapped|rising"
        r"|stuck)\b",
    ),
    (
        "stranded_outdoors",
        r"^(?=.*\b(moor|moors|hills?|mountain|woods|forest|fells?|beach|sands|cliffs?|footpath"
        r"|trail|coast path|heath|marsh)\b)(?=.*\b(cant walk|cant go (on|any further)|cant move"
        r"|injured|twisted|broken|lost the (path|way|track)|(going|getting) dark|very cold)\b)"
        r"(?=.*\b(lost|dark|cold|freezing|alone|on my own|stuck|\d+ hours)\b)"
        r"|^(?=.*\b(moor|moors|hills?|mountain|woods|forest|fells?|cliffs?"
        r"|coast path)\b)(?=.*\b(went"
        r" ahead|not come back|hasnt come back|phone (is )?off|(\d+|two|three) hours)\b)"
        r"|^(?=.*\b(lost|stuck|stranded)\b)(?=.*\b(fog|mist|snow|blizzard|whiteout)\b)"
        r"(?=.*\b<COLD>\b)",
    ),
    (
        "in_water",
        r"\bswept (out|away|under|off|into)\b|\bcut off by the tide\b|\b(caught|stuck|pulled) in a"
        r" rip( current)?\b",
    ),
    (
        "in_traffic",
        r"\b(in the middle of|standing in|wandering (on|along|in)|walking (on|along|down) the"
        r" middle of) (the )?(road|dual carriageway|motorway|carriageway|a\d+|m\d+|tracks"
        r"|traffic)\b|\b(run|ran|running|gone|went|walked|wandered|jumped|climbed) (down |out )?"
        r"(into|onto|on to|in to) (the )?(\w+ )?(road|traffic|tracks|railway|line|motorway)\b"
        r"|\bwith the traffic\b",
    ),
    (
        # Messages that say they are coming: not set aside as only online.
        "coming_for_me",
        r"\b(see you soon|coming for (you|me)|coming to get (you|me)|tonights the night"
        r"|(hes|shes|theyve|they have|he has|she has) found (me|us|where (im|i am|were) staying)"
        r"|(i|he|she"
        r"|they) know(s)? where (you|i) live)\b",
    ),
    (
        "will_hurt",
        r"\b(going to|gonna|will|wants? to|trying to|tried to|wanna|hell|shell|theyll|is gonna"
        r"|is going to|says hell|said hed|threatening to) (hurt|kill|stab|hit|rape|attack|beat"
        r"|shoot|batter|strangle|glass|knife|smash|burn|snatch|grab|drag|run|follow|cut|slash"
        r"|punch|kick) (<VICTIM>|mum|mom|mam|dad|nan|gran|mummy|daddy)\b"
        r"|\b(break|smash) (my|your|his|her|their) (legs|arms|knees|neck|face|jaw)\b"
        r"|\b(kick|kicking|smash|smashing|break|breaking) (it|the door|my door|the window"
        r"|the doors) (in|down)\b"
        r"|\bkill (himself|herself|themselves) and (her|him|them|me|us|the (kids|baby|children)"
        r"|my \w+)\b"
        r"|\b(going to|gonna|will|wants? to|trying to|tried to|is gonna|is going to|theyll|hell"
        r"|shell"
        r"|theyre going to|theyre gonna) get (me|us)"
        r"\b(?! (home|a|some|out|in|to|there|back|sat|seen|checked))"
        r"|\b(he|she|they|hes|shes|theyre|hell|shell|theyll|hed|shed|theyd)( will| ll| gonna"
        r"| going to| is going to| wants? to| say| says| said)? (kill|stab|shoot|rape|strangle"
        r"|murder|finish) (me|us|the job)\b|\band (kill|stab|shoot|rape|murder|hurt) (me|us)\b"
        r"|\b(do|doing) (me|her|him|us|them) in\b|\b(saying|says|said) (im|i am|youre|you are)"
        r" next\b"
        r"|\b(going to|gonna|will|threatening to|says hell|said hed) (burn|torch|petrol bomb)"
        r" (the|my|our) (house|flat|car|place)\b",
    ),
    (
        "weapon",
        r"\b(knife\w*|knives|gun|guns|gunpoint|weapon|machete|blade|acid|pistol|firearm|crossbow"
        r"|axe"
        r"|hammer|broken bottle|shot|shooting|gunshots?|crowbar|screwdriver|baseball bat|bleach"
        r"|(has|got|holding|with) (the |a |some )?scissors"
        r"|(can of|poured|pouring|covered in) petrol)\b"
        r"|\bpour\w*\b[^|]{0,40}\b(petrol|fuel|lighter fluid|paraffin|diesel)\b"
        r"|\b(got|has|have|holding|waving|wielding|swinging|carrying) (a |an |some )?(bottle"
        r"|bottles|brick|bricks|bat|metal bar|iron bar|chain)\b(?! of)"
        r"|\b(waving|swinging|brandishing|wielding) (a|an|his|her|their) (\w+ ){0,2}(at|around"
        r"|about)\b|\bjust (pulled|pointed|held|waved) a (knife|gun|blade)\b",
    ),
    (
        "violence",
        r"\b(raped|sexually assaulted)\b[^|]*\b(tonight|just now|an hour ago|minutes ago|this"
        r" evening)\b|\bjust (been )?(raped|sexually assaulted)\b"
        r"|\b<SOMEONE> (is |are |keeps |just |has just |have just |)(<HURT_NOW>|<HURT_DONE>)\b"
        r"(?! (a|the|his|her|my) (\w+ )?(window|door|wall|bin|ball|chair|table|sign|fence|can))"
        r"|\b<THREAT>( \w+){0,4} <HURT> <VICTIM>\b|\b<HURT> (me|us)\b"
        r"|\b<THREAT>( is| s| has| just| keeps| now)* <CLOSE>"
        # A robbery told as done is for 101; force, a weapon or someone still near is not.
        r"|\b<HURT_NOW> <VICTIM>\b|\b(just|been|got|was|were|get|getting|being) (?!robbed\b)"
        r"<HURT_DONE>\b"
        r"|\b<HURT_DONE> (me|us|my (arm|hand|hair|bag|wrist|neck|throat|phone|kid|son|daughter"
        r"|child|baby|friend|mate|girlfriend|boyfriend))\b|\bwaving (a|his|her) \w+ at (me|us)\b"
        r"|\bfight(ing)? (outside|on|in|at|near|has|is|broke)\b"
        r"|\b(throwing|threw|thrown|chucking|chucked|lobbed|lobbing|hurled|hurling|launched)"
        r"( \w+){1,2} (at|in|over) <VICTIM>|\b(being|been|getting|got)\b[^|]{0,25}\band"
        r" <HURT_DONE>\b"
        r"|\bhands? (up|down|inside|on) my (skirt|dress|top|shirt|trousers|jeans|leg|thigh|knee"
        r"|bum|arse|chest|breasts?|boobs|waist|crotch)\b"
        r"|\b(trying|tried|try|tries)( to)? (get (in|into|at|me|us|her|him|my|hold of)|break|force"
        r"|come (in|into|at|for|after)|climb|pull|drag|grab|snatch|take (me|us|my|her|him|our)"
        r"|open|push|touch|kiss)\b|\bpeople fighting\b"
        # A partner's violence said with "now", however few the words: "husband hit. now. hurt".
        r"|^(?=.*\b<PARTNER>\b[^|]*(\|[^|]*)?\b<HURT>\b)(?=.*\b(now|rn)\b)"
        r"|\b(kicked|punched|hit|stamped on|kneed) (my|her) (bump|pregnant (belly|stomach))\b"
        r"|\b(boxed|hemmed|penned) (me|us) in\b"
        r"|\b<HURT_DONE> (her|his|my|their) (wheel ?chair|chair|pram|buggy|walking frame|zimmer"
        r"|stick)\b|^(?=.*\b(ran|run|got|escaped) out (of )?(the|our|my) (house|flat|home)\b)"
        r"(?=.*\b<HURT_NOW>\b)"
        r"|\b(hear|hearing|heard|can hear)( \w+){0,4} (screaming|smashing|being hit|crying for"
        r" help|fighting|shouting for help)\b|\b<HURT_DONE> (my|the|his|her) (dog|guide dog|pet"
        r"|wheelchair|stick|cane)\b|\bset (fire|light) to (me|my|him|her|them|us)\b"
        r"|\bstanding on (him|her|me|them|people)\b|\bsquar(ing|ed|es) up to (me|us|my|him|her"
        r"|them|a|an|the|some)\b|\b(crowd )?crush\b[^|]*\b(falling|cant"
        r" breathe|trampl\w*|on the (ground|floor))\b",
    ),
    (
        "getting_in",
        r"\b(someone|somebody|some1|a man|a stranger|an intruder|intruders?)( is| s)? in (my|the"
        r"|our) (house|flat|home|room|garden|bedroom)\b|\bi (can )?hear (someone|somebody|them|him"
        r"|footsteps|voices) (downstairs|upstairs|in the|outside)\b"
        r"|^(?=.*\b(hear|heard|can hear)( \w+)? (someone|somebody|footsteps|people|a man|voices)\b)"
        r"(?=.*\b(only one|alone|on my own|nobody else|no one else|empty|by myself)\b)"
        r"|\b(break|breaking|broke|broken|forcing|forced) (in|into|the door)\b"
        r"|\b(break|breaking|kicking|kick|smashing|forcing) (my|our|the) (front |back )?(door"
        r"|window)\b"
        r"|\b(throw|throwing|threw|thrown) (stones?|bricks?|rocks?|things)\b[^|]{0,20}\bwindows?\b"
        r"|\bwalking up (my|our|the) (drive|path|stairs)\b|\bbang(ing)? on (the|my|our) (\w+ )?"
        r"(door|window)\b|\bbang(ing)? on"
        r" (the|my|our) (door|window|car)\b|\b<THREAT>\b[^|]{0,30}\b(?<!from )(outside|at) (my|the"
        r"|our) (\w+ )?(door|house|flat|window|room|car)\b|\b<THREAT> (is |s |has |just |keeps "
        r"|been |has been |now |still |back |parked |sat |stood )*<CLOSE>"
        r"|\b(my |the )?(ex|stalker|abuser)( is| s)? (outside|here|back)\b"
        r"|\b(forcibly )?(entering|barging into|forcing (their|his|her) way into) (my|our"
        r"|the) (room"
        r"|flat|house|home)\b"
        r"|^(?=.*\b(left (him|her)|my ex|<PARTNER>|stalker|scared|afraid|terrified|frightened"
        r"|found (me|where)|threat\w*|burn|gang|kill|hurt|beat|knife|weapon|tracker|air ?tag"
        r"|find my|how (has|did) (he|she|they) (find|found|know))\b)(?=.*\b((hes|shes"
        r"|theyre|he is|she is|they are|they) (now |still |just )?(outside|downstairs|at the door"
        r"|at reception|at the (front )?desk|waiting outside|leaning on my \w+)( now)?|(his|her"
        r"|their)"
        r" (car|van|motor) is (parked|sat|waiting|outside))\b)"
        r"|\b(is|are|s|hes|shes|theyre|someone is|someones) (trying|knocking|banging|rattling"
        r"|pulling)"
        r"( at| on)? (my|the|our) (\w+ )?(door|gate|window|handle|latch|room)\b"
        r"|\b(he|she|someone|somebody|a man|a stranger|they|hes|shes|theyre|someones)( is| s| are)?"
        r" (sat|sitting|getting|got) in (my|the) (passenger seat|cab|back seat)\b"
        r"|\b<THREAT>\b[^|]{0,40}\bstaring (in )?at (me|us)\b"
        r"|\bkeeps (banging|knocking|hammering)\b|\b(come|get"
        r"|climb) (back )?in through the window\b"
        r"|\b(break|breaking|kick|kicking|smash|smashing) (it|the door) (down|in)\b"
        r"|\b(pulling|rattling|trying|tried|banging|kicking|pushing|forcing|shoving) (at )?(the|my"
        r"|our) (\w+ )?(door|latch|lock|handle"
        r"|window|letterbox)\b",
    ),
    (
        "trapped",
        r"\b(wont|will not|refuses to|refusing to) (take|drive|let) (me|us) (home|back)\b"
        r"|\b(trapped|being held|held against|kidnap\w*|abduct\w*|(im|i am|were|we are|been|got|get"
        r"|getting|is|are|hes|shes|theyre) locked in|locked (me|us|her|him|them) in|cant get out"
        r"|stuck in (a|the) (lift|stairwell|car|room|toilet)|(wont|not|doesnt|dont|refuses? to)"
        r" let (me|us) (leave|go|out|past)(?! (back|to|out with|home to|see))"
        r"|lock(ed|s)? (in|inside) (a|the|his|her|my) (room|car"
        r"|house|flat|toilet|boot|van)|doors? (is |are )?lock(ed)?"
        r"|locked the door with (me|us)|locked (herself|himself|themselves) in"
        r"|(stuck|trapped|stranded) (on|in|under) (a |the )?(sandbank|mud|rocks|ledge|cliff|rubble"
        r"|water|trench)|pulling (my|her|his) \w+ (by the arm )?towards (his|a|their) (car|van)"
        r"|keeps (taking|grabbing|holding) my (arm|hand)|telling me to (come|go|get) (with|in)"
        r"|(driving|taking) me to the bank|(im|i am|were) in (their|his|a strangers) (van|car)"
        r"|(pulled|dragged|pulling|dragging) (me|her|him|us) (into|in to|towards) (a|an|the|his"
        r"|their) (alley|car|van|house|flat|bushes)"
        r"|coming to (collect|pick up) (my|the) (card|cash|money|bank card)"
        r"|lock(ed)? (me|us|them|her|him) (in|inside)|(hiding|locked|barricaded)( \w+)? in"
        r" (the |my |a )?(bathroom|toilet|loo|bedroom|cupboard|wardrobe|room)"
        r"|child locks?|(isnt|not|wont|hes not|shes not) taking (me|us) (home|back|where)"
        r"|(wont|will not|refuses to|refusing to|not) (pull over|unlock|stop the (car|van|cab|taxi"
        r"|motor))|(driver|cabbie|cab|taxi|uber) (\w+ )?(wont|will not|isnt|is not|not) stop(ping)?"
        r"|(cant|cannot) get (him|her|them|the driver) to (stop|pull over)"
        r"|(woke|wake|waking) up in (a|an|his"
        r"|her|their|some|someones|a strangers) (\w+ )?(car|van|house|flat|room|bed)"
        r"|(put|pushed|forced|bundled|dragged) (me|us|her|him) in(to)? (the|a|their|his) (van|car"
        r"|boot)"
        r"|(man|woman|someone|somebody|stranger|lady|guy)( \w+){0,2} (said|sed|says|told me"
        r"|asked me"
        r"|wants me|keeps asking me) (to )?(come|go|get) (with (him|her|them)|in (his|her"
        r"|the) (car|van))"
        r"|locked in (the|a) (\w+ )?(shed|room|cellar|basement|garage|cupboard|bathroom|toilet|car"
        r"|boot"
        r"|van|caravan|flat|house) by (him|her|them)|^locked in"
        r"|(took|taken|brought) (me|us) to (a|some|their|his) (flat|house)( \w+)*? (i|we) (dont"
        r"|do not)"
        r" know|(left|locked) (the |my |a |our )?(baby|toddler|child|kid|dog|little one) in (the|a"
        r"|my"
        r"|our) (car|van))"
        r"\b|\b(on fire|theres a fire|smoke (is )?(coming|everywhere|pouring))\b",
    ),
    (
        "spiked",
        r"\b(spiked|spiking|drugged|roofied|injected (me|her|him|us)|something in (my|her|his|our"
        r"|the) drinks?"
        r"|(put|putting|slipped|slip) (something|sth|stuff|drugs?|pills?)( \w+){0,2} in( \w+){0,2}"
        r" drinks?|(something|sth|stuff) (was |been )?(put|slipped) in (my|her"
        r"|his|our|the) drinks?)\b"
        # A drink from someone, or one that tasted wrong, and what a spiked drink does.
        r"|^(?=.*\b(bought|got|gave|handed) (it|one|this|that) (for|to) (me|us)\b"
        r"|.*\b(gave me|give me|gave us|bought me|handed me|got me|off a|from a) (\w+ ){0,2}"
        r"(drink|can|shot"
        r"|bottle|pint|glass)|.*\b(drink|can|shot|pint|bottle|glass) (off|from) (a|some|this|the)"
        r" \w+|.*\b(drink|it|pint|can) tasted (funny|weird|odd|strange|off|salty"
        r"|bitter))(?=.*\b(spinning|cant (walk|stand|see|feel|move)|barely (stand|walk)"
        r"|legs (are )?(going|gone)|cant walk straight|passing out|blacking out)\b)",
    ),
    (
        "missing_child",
        # A child, out late or gone, unreachable: "15 yr old not in bed at 3am".
        r"^(?=.*(\b<CHILD>\b|\b(shes|hes|she is|he is|aged|is|im|i am) (1[0-7]|[1-9])\b|\b(1[0-7]"
        r"|[1-9])"
        r" ?(yr|year|yo)s?( old)?\b))(?=.*\b(not (come )?home|hasnt come (home|back)|not back"
        r"|(phone|mobile)\b[^|]{0,20}\b(off|voicemail|dead)|not answering|not picking up|missing"
        r"|not in (his|her|their) (bed|room)|(meet|meeting) (a|an|this|some) (\w+ )?man|met online"
        r"|grown man|not there|looked everywhere|nowhere to be (seen|found)|gone from)\b)"
        r"(?=.*\b(\d+ ?(am|pm)|midnight|tonight|hours|since|gone \d+|its now|late|ago|minutes"
        r"|mins|secs|seconds"
        r"|snow\w*|dark|never (ever )?does this|not like (her|him))\b)"
        r"|\b(lost|cant find|cannot find|can not find|lost sight of) (my|our|a|the)( \w+){0,3} ?"
        r"<CHILD>\b"
        r"|\b<CHILD>\b[^|]{0,30}\b(been gone since|gone since|missing since|not come home|not came"
        r" home|hasnt come home|has not come home|not home from school|not back from school)\b"
        r"|^(?=.*\b(cant find|lost|not seen)\b[^|]*\b(brother|sister|cousin|nephew|niece)\b)"
        r"(?=.*\b(hes|shes|he is|she is|aged) ([1-9]|1[0-5])\b)"
        r"|\b<CHILD> (is |has |has gone |gone |)(missing|lost|wandered off|run off|ran off|vanished"
        r"|disappeared)\b|\b(missing|lost) (child|toddler|kid)\b"
        r"|\bmy (mother|father|mum|mom|dad|husband|wife|nan|nana|gran|grandad|grandma|grandpa"
        r"|grandfather|grandmother|partner|brother|sister|uncle|aunt|friend)\b[^|]*\b(gone missing"
        r"|is missing|wandered off|not come (back|home)|hasnt come (back|home)|not been seen"
        r"|disappeared)\b"
        r"|^(?=.*\b(dementia|alzheimers|memory (problems|loss)|confused|vulnerable|learning"
        r" (disabilit\w*|difficult\w*)|lewy body|parkinsons|autis\w*"
        r"|non verbal)\b)(?=.*\b(wandered|missing|gone off|lost (him|her|them|my \w+)|cant find"
        r"|disappeared|not come (back|home)|hasnt come (back|home)|havent seen|left the house"
        r"|walked off|slipped out|slipped away|ran off|run off|runs off|bolted|got out|lost sight"
        r"|cant see (him|her|them)|been gone|gone (since"
        r"|for|about|over|an hour)|not in (his|her|their) (bed|room|seat|chair)|walked out|left"
        r" the|wasnt (on|in|at|there)|isnt (on|in|at|there)|nowhere to be (seen|found)|heading)\b)"
        r"|^(?=.*\b(got out|wandered|gone off|slipped (out|away)|walked out|missing|cant see (him"
        r"|her)"
        r"|ran off|run off|runs off|bolted|never came out|hasnt come out|doesnt know where (he|she"
        r"|they) (lives?|live))\b)(?=.*\b(dressing gown"
        r"|slippers"
        r"|nightie|pyjamas|one shoe|(shes|hes|she is|he is|aged) ((7|8|9)\d|[1-6])|(7|8|9)\d years"
        r"|doesnt know"
        r" (the|where)|autis\w*|dementia|learning disabilit\w*|runs into roads?)\b)"
        r"|\b(never|hasnt|not|havent) (came|come) (back )?out\b[^|]*(\|[^|]*)?\b(toilet|gents"
        r"|ladies"
        r"|loo|cubicle)\b|\b(toilet|gents|ladies|loo|wee|cubicle)\b[^|]*(\|[^|]*)?\b(never|hasnt"
        r"|not"
        r"|havent) (came|come) (back )?out\b"
        r"|\blast seen\b[^|]*\b(with (a|some) (man|stranger|guy|group|men|bloke)|getting into|in a"
        r" (car|van)|(mins|minutes|hours|an hour) ago)\b"
        r"|\b(lost|cant find|lost sight of) (the|my|our) (twins|kids|children|grandkids"
        r"|grandchildren|grandson|granddaughter|son|daughter)\b|\b<CHILD> (has )?gone( *\||$)"
        r"|\blet go of my hand\b|\blost (him|her) in the crowd\b"
        r"|^(?=.*\b<KIN>s?\b)(?=.*\b(is missing|s missing|gone missing|missing from|reported"
        r" missing|wandered off|vanished|disappeared)\b)"
        r"|\b(toddler|child|kid|baby|little one)\b[^|]*\b(on (his|her|its|their) own|alone|no"
        r" adult)\b[^|]*\b(road|carriageway|car|water|river|traffic)\b"
        r"|\b(baby|child|toddler|dog|kid)\b[^|]{0,20}\bleft (in|inside) (a|the) (hot )?car\b"
        # Someone who has not come back, with their phone off or for hours.
        r"|^(?=.*\b(hasnt|has not|not|never) (come|came) back\b)(?=.*\b(phone (is |s )?off|\d+"
        r" hours|violent|dangerous)\b)"
        # A small child with no grown-up, or one their family cannot find.
        r"|^(?=.*\b(little (girl|boy|one|kid|lad)|toddler|child|kid|boy|girl)\b)(?=.*\b(about"
        r" |aged |only |hes |shes )?[1-7]\b|.*\b(toddler|little)\b)(?=.*\b(on (his|her|their)"
        r" own|alone|no (adult|parent|parents|grown up|mum|dad)|cant see (him|her))\b)"
        r"|^(?=.*\b<CHILD>\b)(?=.*\b(cant|cannot) find (her|him|them)\b)",
    ),
    (
        "in_danger",
        r"\b(in danger|scared for my life|fear for my life|(?<!wont )(?<!dont )(?<!not )(?<!didnt )"
        r"(?<!cant )(?<!to )(call the police|call police)"
        r"|help me now|need help now|help help|sos|save me|mayday|(please )?send (someone|help"
        r"|an ambulance)(?! (who|that|to (a|the|another) (shop|toilet|store|place)))|(call|ring"
        r"|get|phone|need|want) (me |us )?(an|the) ambulance|need"
        r" (the )?paramedics|ambulance (now|please|quick\w*|asap)|(its|it is|this is|theres|there"
        r" is|having|got) an emergency|emergency( please| help| now)?$)\b"
        r"|\bhiding (in )?(the |my )?(bathroom|toilet|bedroom|wardrobe|cupboard|loft|attic)\b"
        r"|\bcode red\b|\b(get|send) (someone|somebody|help|the police|police|an ambulance)"
        r" (here|now|quick\w*|to me)\b|^(?=.*\b(dont|do not) feel safe\b)(?=.*\b(in (a|the|his"
        r"|this) (taxi|cab|car"
        r"|uber|van)|with (him|her|them|this (man|guy))|cant (talk|speak) (out loud|freely))\b)"
        r"|\b(help|hurry|please|quick|scared)\b[^|]*\b(hes|shes|theyre|he is|she is|they are)"
        r" (still )?(here|outside|back|coming)\b|\bhiding (in|from|under|behind)\b",
    ),
    (
        "not_breathing",
        r"\b(strange|funny|weird|noisy|snoring|gasping|rattl\w*) (snoring )?breaths?\b"
        r"|\bbreathing (is )?(really |very |so )?(slow|slowly|shallow|weird|funny|strange|noisy)\b"
        r"|\binhaler (is )?(doing nothing|not working|isnt working|not helping|isnt helping)\b"
        r"|\blips (are |is )?(going|turning) (a funny colou?r|blue|grey|gray|purple)\b"
        r"|\b(cant|cannot|can not|struggling to|hard to) breath\b"
        r"|\b(not|isnt|is not|stopped|cant|cannot|can not|struggling to|hard to|trouble|difficulty"
        r"|isn t|barely|wont|struggling|difficulty in|trouble with) breath(e|ing)\b"
        r"|\bcant (catch|get) (my|his|her|their) breath\b"
        r"|\b(gasping|wheez\w*|choking|choked on|chokin|turning blue|gone blue|turned blue|went"
        r" blue|short of breath"
        r"|cant get (any )?air|lips (are |have |have gone |gone |look |turned )?(blue|purple"
        r"|grey|gray|a funny colou?r)|no pulse|cant find a pulse|(doing|giving|started|start) cpr"
        r"|chest compressions)\b|\bbreath(ing)? (is )?(very |really |so )?(difficult|hard)\b"
        r"|\bcant (cough|speak|talk) or (speak|breathe|cough)\b"
        r"|\b(lips (are |have |have gone )?blue"
        r"|no pulse|no heartbeat|drowning)\b|\bbreath\w* (strange|funny|weird|wrong|noisy|odd)\b"
        r"|\b(food|something|bone) (is )?stuck\b|\bstuck in (his|her|my|their) throat\b"
        r"|\bcant (talk|speak) or breathe\b|\bcant (talk|speak|finish)( \w+){0,2} (full |whole )?"
        r"sentences\b|\b(one|a) word at a time\b|\b(grunting|grunts) when (he|she|they|it)"
        r" breathes?\b|^(?=.*\b(baby|newborn|infant|toddler)\b)(?=.*\bbreath\w* (is )?(really"
        r" |very |so )?(fast|quick|rapid)\b)|\b(cant|couldnt) swim\b|\b(fell|fallen|in) (in )?"
        r"(the|a) (river|canal|sea|lake|water)\b[^|]*\b(cant|help|drown\w*|under)\b"
        r"|\b(gone|went|fell|fallen|walked|jumped|slipped) (in|into|in to) (the|a) (river|canal"
        r"|sea|lake|water|dock|harbour)\b|\b(hasnt|not) come (back )?up\b"
        r"|\b(fell|fallen|gone|went|jumped|slipped|dropped)( in| into| in to| off| over)+"
        r" (the |a )?(\w+ ){0,2}(river|canal|sea|lake|water|dock|harbour( wall)?|loch|reservoir"
        r"|quarry|weir|barrage|pier)\b|\b(hes|shes|theyre|someones|somebodys|someone is|childs"
        r"|kids) (still )?in the (water|river|sea|canal|loch|harbour|lake)\b"
        r"|\btide (is )?(coming|came) in\b|\bup to (his|her|my|their) (waist|chest|neck"
        r"|shoulders)\b",
    ),
    (
        "unconscious",
        r"\b(keep|keeps|keeping) (blacking|passing) out\b|\b(feel|feeling) (myself )?(going under"
        r"|slipping away)\b"
        r"|\b(unconscious|unresponsive|not responding|not answering me|not talking|not waking"
        r"|wont wake|cant wake|wont stay awake|cant stay awake|knocked out|passed out|collapsed"
        r"|fainted|blacked out|not moving|gone floppy|floppy|out cold|no answer)\b"
        r"|^(?=.*\b(not answering|wont answer|isnt answering|no answer)\b)(?=.*\b(diabetic|poorly"
        r"|unwell|ill|epilep\w*|heart|fallen|fell|elderly|on (her|his) own)\b)(?=.*\b(door|inside"
        r"|in there|locked)\b)"
        r"|\b<NEG> (wake|waking|move|moving|moved(?! (as|much|around|in|out|house|away|on|to))"
        r"|respond\w*|rous\w*|open (his|her|their)"
        r" eyes|get(ting)? up\b(?! (the|those|these|a|any|to|there|stairs|steps|hill|kerb)))\b"
        r"|\b<NEG> answer\w* (me|us|anyone|at all)\b"
        r"|\bcant get (any )?(sense|an answer|a word|a response) (out of|from)\b|\bcant get (him"
        r"|her"
        r"|them) to (open|wake|respond|talk|answer|move)\b"
        r"|^(?=.*\beyes (are |is |still )?(shut|closed|close)\b)(?=.*\b<NEG> (talk\w*|respond\w*"
        r"|answer\w*|mov\w*|speak\w*|wake|waking)\b)|\bbarely (rous\w*|wake|conscious)\b"
        r"|\b(hasnt|not|havent|hasn t) (come|came) round\b|\b(slumped|keeled over|dropped like a"
        r" stone|gone down|went down|just went down|gone (very )?(quiet|silent) and|eyes (are )?"
        r"(rolling|rolled)|cant (rouse|keep (him|her|them) awake)|(gone|turned|going"
        r"|went) (a )?((funny|grey|gray"
        r"|white|blue|purple|pale|odd|strange|weird|horrible) ){1,2}colou?r|lying (face down"
        r"|still))\b"
        r"|\b(just )?(went|gone|turned|has gone|has turned) (grey|gray|ashen)\b"
        r"|\b(lying|laid|laying|collapsed) (in|on) (the|his|her|their) (hall|hallway|kitchen"
        r"|bathroom|landing|stairs|floor)\b",
    ),
    (
        "seizure",
        r"\beyes( have| are| keep| keeps)? (go|going|gone|went|rolled|rolling|roll) (up|back)\b"
        r"|\b(going to|gonna|about to) have (a|another) (seizure|fit)\b(?! (if|when|about|over))"
        r"|\b(another|a) (one|fit|seizure) coming( on)?\b|\b(\d+|two|three|four) (fits|seizures)"
        r" (today|tonight|this morning)\b"
        r"|\b(fit|fits|seizure|seizures|fitting)\b[^|]*(\|[^|]*)?\b(longer than usual|(\d+|five|six"
        r"|seven|eight|nine|ten) minutes|(isnt|not) coming round)\b"
        r"|\b(having a fit|had a fit|fitting|seizure|seizing|convuls\w*|epileptic fit|shaking and"
        r" jerking|like (a )?fit|shaking on (the )?(floor|ground)|(foaming|frothing) at the mouth"
        r"|jerking|twitching (all over|on the)|(fit|fits|seizure|seizures)\b[^|]*\b(another|again"
        r"|second|keeps|wont stop|back to back|hasnt come round|not come round)|gone (stiff|rigid)"
        r"|went (stiff|rigid)|shaking all"
        r" over|shake shake|bit (his|her|their) tongue|bite tongue)\b",
    ),
    (
        "heart_or_stroke",
        r"\b(chest pains?|pains? (in|on|at) (\w+ )?chest|tightness (in|across) (\w+ )?chest"
        r"|chest (is |feels |really |so |very )*(tight|hurts"
        r"|heavy|crushing)|tight chest|heart attack|cardiac|stroke|slurr(ed|ing)"
        r"|speech (is )?slur\w*"
        r"|face (has )?(gone )?(all |a bit |kind of |sort of )?"
        r"(dropp\w*|droop\w*|fallen)|one side of (his|her|my|their) face|cant (lift|raise|move)"
        r" (\w+ ){0,2}arms?|cant (talk|speak) properly|numb on one side|(numb|weak|dead) down"
        r" (one|the left|the right|my left|my right|his left|his right|her left|her right)"
        r" side)\b"
        r"|\bface\b[^|]{0,20}\b(go|goes|gone|went|is) down\b|\b(speak|speech|talk|talking|speaking"
        r"|words?)\w* (strange|funny|weird|wrong|slur\w*|jumbled)\b|\b(left|right|one) side of"
        r" (my|his|her|their) (face|body)\b|\barm (has |is |feels |has gone |gone |went )?(weak"
        r"|numb|dead|floppy)\b"
        r"|\bwords\b[^|]{0,20}\b(wrong|funny|jumbled|slurred|muddled)\b"
        r"|\bchest\b[^|]{0,30}\b(pain|crush\w*|heavy|pressure|squeez\w*)\b"
        r"|^(?=.*\bchest\b[^|]{0,30}\btight)(?=.*\b(arm|jaw|sweat\w*|clammy|crushing)\b)"
        r"|^(?=.*\barm (is )?(going|gone|gone all) (dead|numb)\b)(?=.*\bpain\b)"
        r"|\bheart\b[^|]{0,30}\b(racing|pounding|beating (really |so |very )?fast)\b[^|]*\b(pass"
        r" out|faint|black out|collapse|chest)\b|\bheart\b[^|]{0,30}\b(going to|gonna|about to)"
        r" (burst|explode|come out)\b"
        r"|\b(pain|crush\w*|pressure|heavy|squeez\w*)\b[^|]{0,30}\bchest\b"
        r"|\b(elephant|weight) (is )?(sat|sitting) on (me|him|her|(my|his|her) chest)\b"
        r"|\b(clutch\w*|grabbed|grabbing)"
        r" (his|her|my|their) chest\b|\b(pain|ache)\b[^|]{0,30}\b(jaw|left arm)\b"
        r"|\b(half|one side of) (his|her|my|their) (face|mouth)\b|\b(faces?|mouths?|smiles?)\b[^"
        r"|]{0,20}"
        r"\b(lopsided|drooping|dropped|isnt moving|not moving|is down|gone down)\b"
        r"|\b(gibberish|gobbledegook|gobbledygook|double dutch)\b|\b(left|right|one) side (of (my"
        r"|his"
        r"|her|their) body )?(doesnt|wont|isnt|will not|does not|cant) (want to )?(work|move)\b"
        r"|^(?=.*\bdribbl\w*)(?=.*\b(staring|went quiet|gone quiet|not making sense|cant talk|face"
        r"|words)\b)|\bkeeps missing (her|his|the) (cup|glass|mouth|plate)\b"
        r"|\barms? (wont|cant|will not) (lift|move|go up)\b|\bcant get (his|her|my|their) words"
        r" out\b|\b(worst headache|thunderclap)\b|\bcant see (out of|right out of) one eye\b"
        r"|\b(suddenly|all of a sudden)\b[^|]*\b(cant see|blind|double|muddled|confus\w*|numb"
        r"|weak)\b",
    ),
    (
        "allergy",
        r"\b(allergic reaction|allerg\w* shock|anaphyla\w*|(lips|tongues?|throats?|mouths?)\b"
        r"[^|]{0,25}\bswell\w*|swollen (lips|tongue|throat)|throat (is )?(closing|tight\w*))\b"
        r"|\b(ate|eaten|swallowed|eat)\b[^|]*(\|[^|]*)?\b(tongue|mouth|throat|lips) (is |are )?"
        r"(burning|swell\w*|tingling|numb)\b"
        r"|^(?=.*\b(allerg\w*|hives|stung|sting)\b)(?=.*\b(throat|tongue|breath\w*|wheez\w*)\b"
        r"[^|]{0,20}\b(tight|closing|swell\w*|scratchy|itchy|hard|thick))"
        r"|^(?=.*\b(face|eyes|lips|tongue|throat)\b[^|]{0,25}\bswell\w*)(?=.*\b(allerg\w*|sting"
        r"|stung|bee|wasp|nuts?|peanuts?|ate|eaten|reaction|breath\w*|wheez\w*)\b)"
        # An adrenaline pen used, needed or failing, or beside a reaction; not one merely named.
        r"|\b(used|using|use|give|gave|given|giving|need|needs|needed|jabbed|inject\w*"
        r"|administer\w*)( \w+){0,3} <PEN>|<PEN>( \w+){0,3} (used|not working|didnt work"
        r"|hasnt worked|isnt working|done nothing|out of date)\b"
        r"|^(?=.*<PEN>)(?=.*\b(reaction|reacting|swell\w*|swollen|breath\w*|wheez\w*|throat|tongue"
        r"|lips|hives|stung|sting|ate|eaten)\b)",
    ),
    (
        "bleeding",
        r"\bbleed\w*( \w+){0,4} (a lot|badly|bad|heavily|heavy|loads|everywhere|much|lots)\b"
        r"|\b(haemorrhag\w*|hemorrhag\w*)\b"
        r"|\bbleed\w* from (the |his |her |my |their )?head\b"
        r"|\b(nose|face|head|arm|leg|hand|mouth) (is )?(pouring|gushing|pumping|spurting)\b"
        r"|\b(?<!not )(?<!no )(much|lots of|loads of) blood\b"
        r"|\b(stab|knife|gunshot|bullet) (wound|wounds)\b"
        r"|\b(pressing|pressure) on (it|the wound|the cut)\b"
        r"|\bpregnant\b[^|]*\bbleed\w*|\bbleed\w*\b[^|]*\bpregnant\b"
        r"|\b(blood|bleeding)\b[^|]{0,30}\b(wont|cant|not|doesnt|isnt) stop"
        r"|\b(wont|cant|not|isnt|doesnt) stop(ping)? (the )?bleeding\b"
        # Soaked through is rain, unless blood or a wound is spoken of.
        r"|^(?=.*\b(blood|bleed\w*|wound|cut|bandage|dressing|towel)\b)(?=.*\bsoaked (through"
        r"|right))"
        r"|\bblood (is )?(coming )?(out of|out|from) <THEIR> (ear|ears)\b"
        r"|\bblood (is )?(pouring|spurting|gushing|pumping)\b|\bpouring (with )?blood\b"
        # "It's pouring" is rain and "it's pumping" music, unless a wound is spoken of.
        r"|^(?=.*\b(cut|cuts|wound|gash|bleed\w*|blood|glass|stab\w*|nose|head|arm|leg|wrist)\b)"
        r"(?=.*\b(it|its) (is )?(pouring|spurting|gushing|pumping)\b)"
        r"|\b(?<!not )(?<!no )((lots|loads|a lot|pool|puddle) of|so much|covered in) blood\b"
        r"|\bblood everywhere\b"
        r"|\b(vomit\w*|coughing up|sick|throwing up|bringing up) (up )?(with )?blood\b"
        r"|\b(sick|vomit) with blood\b|\b(sick|vomit\w*)\b[^|]*\bblood in (it|the)\b"
        r"|\b(pumping|spurting|gushing|pouring) (out )?blood\b",
    ),
    (
        "serious_injury",
        r"\bbones?\b( \w+){0,3} (poking|sticking) (out|through)\b|\b(arm|leg|wrist|ankle)s? (is "
        r"|are )?"
        r"hanging (funny|wrong|off|loose)\b|\b(tractor|quad|car|van|lorry|machine|trailer|horse)\b"
        r"[^|]*\b(under it|underneath|trapped under|pinned under|on top of (him|her|them|me))\b"
        r"|\b(upside down|overturned|rolled over|flipped over|capsized)\b[^|]*(\|[^|]*)?\b(cant get"
        r" out|trapped|stuck|smell (of )?(petrol|diesel|fuel)|in the water|cant see)\b"
        r"|\b(pulled|knocked|spilled|spilt|tipped)\b[^|]{0,30}\b(kettle|boiling water|pan of|hot"
        r" water|hot drink|hot tea|hot coffee)\b"
        r"|\b(burn\w*|scald\w*)\b[^|]*\b((gone|going|turned) white|peeling|charred|whole (hand|palm"
        r"|arm|leg|face|back|chest)|really bad\w*|badly)\b|\bsee (the )?bone\b"
        r"|\b(hit|knocked (down|over)|run over|ran over|hit and run|clipped|struck) by (a |the "
        r"|an )?"
        r"<VEHICLE>\b"
        r"|\b(got|been|was|just) (hit|knocked down|run over)\b|\b<VEHICLE> (hit|ran over|knocked"
        r" (down|over)) <VICTIM>\b|\b(broken|broke|snapped|shattered|fractured) <THEIR> (leg|legs"
        r"|hip|neck|back|skull|pelvis|thigh)\b"
        r"|\b(fell|fallen|fall|had a fall|taken a tumble)\b[^|]*\b(cant (get up|move)|not (moving"
        r"|responding|answering)|hit (his|her|my|their) head|bleeding|broken)\b"
        r"|\b<LIMB> (is |looks )?(bent|sticking out|twisted|pointing|facing) (the )?wrong\b"
        r"|\bbone (is )?sticking"
        r" out\b|\b(seriously|badly|really badly|very badly) (hurt|injured|burnt|burned)\b"
        r"|\bcant (move|feel) <THEIR> <LIMB>\b|\b(fell|fallen|fall) (down|off|from)\b[^|]*\b(cant"
        r" (get up|move)|not (move|moving|talk|talking|answer|answering|speak)|hit (his|her|my)"
        r" head)\b|\b(lie|lies|lying|laying) (in|on) (the )?(road|floor|ground|street|pavement)\b"
        r"|\bhit (his|her|my|their) head\b[^|]*\b(blood|sleepy|not (talking|answering|making"
        r" sense)|sick|vomit\w*|confused)\b|\b(bad|huge|serious|severe|big) burns?\b"
        r"|\bskins? (is )?(coming|peeling) off\b|\belectrocuted\b|\bstabbed\b"
        r"|\b(hand|arm|leg|wrist|finger|cut|wound|skin)\b[^|]{0,20}\b(hanging (open|off)|gaping)\b"
        r"|\b(burnt|burned|burns?) (bad|badly|really bad)\b"
        r"|\bcant get up\b(?! (the|those|these|a|any|to|there|stairs|steps|hill|kerb))"
        r"|\b<HEAD_HIT>\b[^|]*(\|[^|]*){0,2}\b<HEAD_SIGNS>\b|\b<HEAD_SIGNS>\b[^|]*\b<HEAD_HIT>\b"
        r"|\bbone (is )?(showing|sticking out|poking out)\b|\b<LIMB>\b[^|]{0,30}\b(weird|funny"
        r"|wrong|odd) angle\b|\btwisted (right )?round\b|\b(went|gone|fallen|fell) under (a|the)"
        r" <VEHICLE>\b|\b(knocked|thrown) off (by|his|her|their|my)\b"
        r"|\bpeople under (a|the|it|them)\b"
        r"|\b(fall|fell)\b[^|]{0,30}(\|[^|]{0,30})?\b(head blood|not speak|not talk|not move"
        r"|not wake)\b"
        r"|\b(hanging|dangling) (off|from|onto) (the |a )?(\w+ )?(roof|ledge|edge|balcony|cliff"
        r"|bridge"
        r"|window|wall|scaffold\w*|gutter)\b|\b(hes|shes|theyre) (hanging|dangling) (off|from)"
        r"( it| there)?( *\||$)|\bmounted the pavement\b|\bstuck under\b|\bcant (climb|get) (out"
        r"|back up)\b(?! (the"
        r"|those|these|a|any|to|there|stairs|steps|hill))"
        r"|\b(on|off) the kerb\b[^|]*\b(hit|head|landed|cant)\b",
    ),
    (
        "poisoned",
        r"\b(swallowed|ate|eaten|drank|drunk) (a |some |the |loads of |lots of |(some of )?(my|the"
        r"|his"
        r"|her|their|mums|dads|nans|grans) )?(\w+ )?(button )?"
        r"(battery|batteries|bleach|pills|tablets|magnets?|poison|chemicals|detergent|hand"
        r" sanitiser|sanitiser|antifreeze|screenwash|white spirit|weed ?killer|dettol|washing"
        r" (pod|capsule)|medicine)\b|\b(took|taken) too many\b|\bhad too many (pills|tablets|meds"
        r"|of (my|his|her|the) \w+)\b|\boverdose(d)?\b|\bpoison(ed"
        r"|ing)\b|\b(swallowed|ate|eaten|drank|drunk|took|taken)\b[^|]{0,40}\b(button batter\w*"
        r"|berries|mushrooms|tablets|pills|bleach|medicine)\b[^|]*(\|[^|]*){0,2}\b(sleepy|drowsy"
        r"|being"
        r" sick|vomit\w*|wont wake|floppy|confus\w*|not making sense|dont know how many)\b"
        r"|\bswallowed (a |one of (those |my |the )?)?button batter\w*\b"
        r"|\b(swallowed|drank|drunk|necked)\b[^|]{0,30}\b(sheep dip|weed ?killer|slug pellets"
        r"|pesticide|rat poison|paraffin|petrol|lighter fluid|(little |small |those )?button"
        r" batter\w*)\b|\bswallowed( \w+){0,5} batter(y|ies)\b"
        # An overdose told by what is done for it: naloxone, rescue breaths, a heart stopped.
        r"|\b(gave|given|giving|used|using|sprayed|spraying|injected|injecting)( \w+){0,3}"
        r" (naloxone|nalaxone|narcan|nyxoid|prenoxad)\b(?=[^|]*(\|[^|]*)?\b(nothing\w*|not (working"
        r"|waking|breathing)|still|what now|help|wont)\b)|\b(naloxone|nalaxone|narcan|nyxoid"
        r"|prenoxad)( \w+)?( box| kit| spray| pen)? (wont|isnt|not|doesnt) (open|work\w*)\b"
        r"|\brescue breaths\b(?=[^|]*\b(quick|now|hes|shes|stopped)\b)|\bheart (might |may )?"
        r"(have |of )?stopped\b|^(?=.*\b(used|using|took|taken|shot up|injected)\b)(?=.*\b(really"
        r" |very |so )?(sleepy|drowsy|cant stay awake|nodding|gouching)\b)(?=.*\b(stronger|strong"
        r"|heroin|gear|smack|fent\w*|first time in|relaps\w*)\b)"
        r"|\b(empty|open|opened) (\w+ )?(paracetamol|pill|tablet|medicine|meds)\w* (packets?|packs?"
        r"|boxes|box|bottles?|blister\w*)\b",
    ),
    (
        "choking_on_vomit",
        r"\b(being sick|vomit\w*|throwing up)\b[^|]*\blying (flat )?on (his|her|their) back\b"
        r"|\blying (flat )?on (his|her|their) back\b[^|]*\b(being sick|vomit\w*|throwing up)\b",
    ),
    (
        "child_very_ill",
        r"\bmeningitis\b|\brash\b[^|]*\b(doesnt|does not|wont|isnt|not) (go|fade|going|fading)"
        r"|\b(waters|water) (have |has )?(broken|broke|gone)\b|\bcontractions\b|\bbaby (is )?"
        r"coming\b|\bin labour\b|\bgiving birth\b"
        r"|^(?=.*\bpregnant\b)(?=.*\b((bad|severe|terrible|awful|big) pain|(much|lots of"
        r"|loads of) blood|pain\b[^|]*\b(wont|not)"
        r" stop\w*|(?<!no )(?<!not )bleed\w*|fainted|passed out|waters)\b)"
        # A baby who will not wake properly, or breathes with a grunt.
        r"|^(?=.*\b(baby|newborn|infant)\b)(?=.*\b(very sleepy|floppy|not crying properly|wont"
        r" feed|not feeding|hard to wake|grunting)\b)",
    ),
    (
        "confused",
        r"^(?=.*\b(seeing|see|seen) (spiders|bugs|insects|things|snakes|people)|.*\bhearing"
        r" (voices|things)|.*\bhallucinat\w*|.*\bshaking all over)(?=.*\b(stop\w* (drinking|the"
        r" booze|the drink)|no drink|havent had a drink|not had a drink|off the (booze|drink)"
        r"|withdraw\w*)\b)"
        r"|^(?=.*\b(temperature|temp|fever)\b[^|]*\b(really high|very high|sky high|burning up)\b)"
        r"(?=.*\b(talking rubbish|confused|not making sense|fitting|floppy|wont wake)\b)|"
        r"\bsuddenly (very |really |so )?confus\w*|\bconfus\w*\b[^|]*\b(insulin|diabet\w*"
        r"|sugar|hypo|not making sense|cold|shivering)\b|\bhypotherm\w*"
        r"|^(?=.*\b(diabet\w*|sugars?|hypo|insulin|type (1|one))\b)(?=.*\b(not making (any )?sense"
        r"|muddled|cant"
        r" think|shaking|sweaty|drowsy|wont wake|not coming up|through the floor)\b)"
        r"|^(?=.*\b<COLD>\b)(?=.*\b<COLD_SIGNS>\b)"
        r"|^(?!.*\b(unreal|dissociat\w*|dereal\w*|depersonal\w*|watching myself)\b)"
        r".*\b(dont|doesnt) know (how (i|he|she) got (here|there)|(his|her|my) (own )?name"
        r"|what day)"
        r"|\bmy name is \w+ i think\b|\b(insulin|diabet\w*"
        r"|hypo)\b[^|]*\bconfus\w*|\bdoesnt know (who|where)"
        r" (he|she|they) (is|are)\b|\b(vomit\w*|being sick)\b[^|]*\bconfus\w*",
    ),
    (
        # Strangling leaves injuries that can kill later, however calm it seems now.
        "strangled",
        r"\b(strangl\w*|chok(ed|ing) me|(hands|arm|rope) (round|around) (my|her|his) (neck"
        r"|throat)|cant swallow)\b",
    ),
    (
        "self_harm_now",
        r"\bcutting\b[^|]*\b(deep|gaping)\b|\b(cut|cuts|wound)\b[^|]*\b(gaping|see (something|the)"
        r" (white|fat|bone))\b|"
        # An intention with a means, a place or a time: "the rope is ready", "on the bridge".
        r"^(?=.*\b(going to|gonna|about to|want to|wanna|will|ready to|cant stop myself|thinking"
        r" of|im|voices)\b[^|]*\b(jump|throw myself|step off|hang|cut|slash|hurt myself|kill"
        r" myself|end it|overdose|do it|die)\b)(?=.*\b(rope|razor|blade|pills|tablets|bridge"
        r"|edge|ledge|platform|roof|top of|barrier|train|tracks|cliff|tonight|right now|now"
        r"|today|ready|send (someone|help|an ambulance))\b)"
        r"|^(?=.*\b(bridge|edge|ledge|roof|platform|cliff|barrier|tracks)\b)(?=.*\b(dont trust"
        r" myself|jump|end it|cant do this|want to die|kill myself)\b)"
        r"|\b(climbed|climbing|standing|stood|sat|sitting) (over|on|at) (the )?(barrier|edge|ledge"
        r"|railings?|bridge|roof|platform edge|wrong side)\b|\bwrong side of the (railings?|barrier"
        r"|fence)\b|\b(walk|step|run) (into|in front of) (the )?(traffic|train|road|bus)\b"
        r"|^(?=.*\b(dont want to (be here|live|go on)|want to die|end it|kill myself|no point"
        r"|(in a )?(bad|dark) place"
        r"|cant go on|done something stupid)\b)(?=.*\b(top of|at the top|the edge|beachy head"
        r"|cliffs?"
        r"|tablets|pills|paracetamol|rope|razor|blade"
        r"|bridge|tonight|right now|lined up|box of|bottle of)\b)|\b(goodbye|suicide) (text"
        r"|message|note|letter)\b"
        r"|\b(slashed|slit|cut) (my|his|her) (wrists?|throat)\b|\bcut (my|his|her) \w+ too deep\b"
        r"|\b(tied|wrapped|put|tying) (something|a \w+|rope|a rope|belt|cord|a belt) (round|around)"
        r" (my|his|her|their) neck\b|^(?=.*\b(going to|gonna|about to|wants? to|will)"
        r" (kill|hurt|harm) (herself|himself|themselves)\b)(?=.*\b(tonight|now|today|pills"
        r"|tablets|rope|bridge|knife|blade)\b)|^(?=.*\bsaying goodbye\b)(?=.*\b(rope|pills"
        r"|tablets|bridge|knife|blade|gun)\b)",
    ),
    (
        "self_poisoned",
        r"\b(took|taken|take|swallow\w*|had|necked|downed|ate|eaten|drink|drank|drunk) (like |about"
        r" |around |maybe |over )?(all"
        r"|all of|a whole|whole|the whole|loads of|lots of|a lot of|many|too many|so many|a box of"
        r"|a bottle of|a packet of|a pack of|\d+|a load of|loads|lots)( of)?( my| the| his| her"
        r"| our)?\b"
        r"[^|]{0,20}\b<DRUGS>\b|\b(took|taken|swallowed|necked|downed) (some |the )?<DRUGS>\b"
        r"|\b(took|taken|had|swallowed) (more|double|twice|extra)( of)?( my| the| his| her)?"
        r"( \w+)? <DRUGS>\b[^|]*\bthan\b",
    ),
    (
        "dying",
        r"^(?!.*\bpanic)(?=.*\b(i am|im|i think im|i think i am|i feel like im|hes|shes|he is"
        r"|she is|theyre) dying\b)",
    ),
    (
        "suicide_now",
        r"^(?=.*\b(rope|noose|ligature|hose ?pipe|<DRUGS>|razor|blade|engine running"
        r"|charcoal)\b)(?=.*\b(notes?|letters? (are |is )?(written|done)|wrote|written|im done|done"
        r" with (it|everything|life)|goodbye|be with (him|her|them)|lined up|take (it|them) all"
        r"|cant go on|no point|end it|want to die)\b)"
        r"|^(?=.*\bengine (is |still )?running\b)(?=.*\b(taped|hose ?pipe|garage|exhaust)\b)"
        r"|\b(taped|hose ?pipe)\b[^|]*\b(engine|exhaust)\b|\bhose ?pipe\b[^|]*\b(boot|car"
        r"|exhaust)\b|\b(car|boot)\b[^|]*\bhose( ?pipe)?\b|\blast message (to|for) (anyone|everyone"
        r"|you all|whoever)\b"
        r"|\b(dont|do not) feel safe (in|with) (my own head|myself|my mind|my own mind|my head)\b"
        r"|\bvoices?\b[^|]*\b(say|says|tell|telling|told|want)( me)?( i have to| to)? (hurt|kill"
        r"|harm|attack|stab|jump)\b"
        r"|\b<DRUGS>\b[^|]*\b(going to|gonna|about to) take (it|them) all\b"
        r"|^(?=.*\b<KIN>\b[^|]*\b(missing|not come home|hasnt come home|cant find)\b)(?=.*\b(bridge"
        r"|cliffs?|beachy head|railway|tracks|gun|shotgun|rifle|rope|said goodbye)\b)"
        r"|^(?=.*\bsorry for everything\b)(?=.*\b(not (picking up|answering)|phone (is )?off"
        r"|cant (find|reach|get hold of))\b)"
        r"|^(?=.*\b(want|wants|wanna) (to )?die\b)(?=.*\b(too many|took|taken|take|swallow\w*)"
        r"\b[^|]*\b<DRUGS>)|\b(about to|going to|gonna|will|ready to|decided to|have decided to)"
        r" (jump|kill myself|(end|finish) (it|my"
        r" life)|take (all )?"
        r"(my|the) (pills|tablets)|overdose)\b|\b(took|taken|swallowed)\b[^|]{0,20}\b(pills"
        r"|tablets|paracetamol)\b[^|]*\b(purpose|to die|to end|myself)\b"
        # Someone on a bridge or a ledge, not graffiti on one.
        r"|\b(im|i am|hes|shes|theyre|were|we are|he is|she is|they are|standing|stood|sat|sitting"
        r"|been|still|now|currently|here|alone|me|man|woman|someone|somebody|girl|boy|lad|guy)"
        r" on (the|a) (bridge"
        r"|ledge|edge(?! of (a|the|my|our) (\w+ )?(bin|table|desk|bed|seat|chair|counter|kerb"
        r"|sofa|door|step|box|tray|shelf|sink|bath))|railway line|tracks)\b"
        # On a platform or a height and thinking of stepping off: not "jump on the next train".
        r"|^(?=.*\b(platform|bridge|ledge|roof|edge|tracks|railway|cliffs?)\b)(?=.*\b(step\w*"
        r" (off|out in front)|jump\w*(?! (on|in|into|onto|off the bus|the queue))|throw myself)\b)"
        # At a height or by water, with words of leaving ("top level of the car park, want to
        # go over").
        r"|^(?=.*\b(roof|rooftop|top (level|floor|deck|storey)|multi ?stor(e)?y|balcony|viaduct"
        r"|pier|bridge|ledge|cliffs?|railway|tracks|platform|river|canal|harbour|high (part|floor"
        r"|level)|top of (the|a|this) (building|car park|tower|flats)|(at|on) the top of|footbridge"
        r"|flyover|overpass)\b)(?=.*\b(go over|going over|cant (do|take) (it|this) any ?more"
        r"|cant go on"
        r"|cant go home again|(not|dont think im) (walking|going|coming) (back|down|home)"
        r"|can fly|let go|(go|walk|get|jump) (in|into) the (water|river|sea|canal)|be with (him|her"
        r"|them)|sorry to (whoever|anyone|everyone)|easier if|better off without|neither of us"
        r"|(finish|end) (it|my life)|dont want to be here|want to die)\b)"
        r"|\b(pills|tablets)\b[^|]*\b(going to|gonna"
        r"|about to) (take|swallow)\b|\b(cut|cutting) (myself|my wrists?)\b[^|]*\b(deep|wont"
        r" stop|bleeding)\b|\b(pills|tablets)\b[^|]*\b(thinking (about|of)|keep thinking about)"
        r" (taking|swallowing) (all|them|the lot)\b|\b(goodbye|suicide) (post|message|note|letter"
        r"|text|video)\b",
    ),
    (
        # Abuse, assault or hate that is still going on is an emergency, not a helpline call.
        "still_happening",
        r"\b(rap(e|ed|ing)|assault\w*|abus\w*|hit(s|ting)? me|beat(s|ing)? me|touch(ed|ing) me"
        r"|racis\w*|homophob\w*)\b[^|]*\|?[^|]*\b(still (here|there|outside|around|with me"
        r"|in the|following)|right now|happening now|(he|she|they|hes|shes|theyre) (is "
        r"|are )?coming"
        r" back|at the door|is outside"
        r"|is here)\b",
    ),
    (
        "scared_of_someone",
        r"\b(scared|afraid|frightened|terrified)\b[^|]*\b<SOMEONE>\b[^|]*\b(outside|behind me"
        r"|watching|waiting|near me|coming|is here|following|staring)\b",
    ),
)
# Rules that describe events, which can be over; the others (breathing, bleeding, an overdose)
# stay an emergency however they are told.
PAST_ONLY_RULES = frozenset(
    {
        "followed",
        "threatened",
        "will_hurt",
        "weapon",
        "violence",
        "getting_in",
        "scared_of_someone",
        "coming_for_me",
        "still_happening",
        "serious_injury",
        "seizure",
        "unconscious",
        "trapped",
        "spiked",
        "fire_or_flood",
        "in_danger",
    }
)

# Facilities, in vocabulary order, with what people say when they need them.
FACILITIES = (
    (
        "phone_charging",
        r"\b(charg(e|er|ers|ing)|(phone|phones|mobile|mobiles|fone|(?<!chair )(?<!scooter )battery"
        r"|batterys)( is| s| has"
        r"| just| will| ll| nearly| about)?( to| going to| gonna)? (dead|dying|died|die|flat|low"
        r"|off|run out|gone|going)|dead (phone|mobile)|(phone|mobile) batter(y|ies)|my battery"
        r"|power ?bank|plug (my|it) in|no (battery|charge|power)|low battery|flat battery"
        r"|out of (battery|charge)|phone died|plug|socket|phones? (is |s )?on \d{1,2})\b"
        # A battery level: "on 3%", "2 percent", "three per cent".
        r"|\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten) ?(%|percent\b"
        r"|per cent\b)",
    ),
    (
        "phone_use",
        r"\b(use (a|your|the|someones|somebodys) (phone|telephone|landline|mobile)"
        r"|make a (call|phone call)|(ring|phone) (my|someone|a friend|home|a taxi)|call (my|a"
        r" taxi|home|mum|mom|dad|family|a friend|someone|somebody|her|him|them)|lost my (phone"
        r"|mobile)|no (phone|mobile)|(phone|mobile) (was |has been |got )?(stolen|broken|smashed"
        r"|nicked)|(dont|do not|havent) (have|got) (a|my) (phone|mobile)|borrow a (phone|mobile)"
        r"|phone (has )?no signal|no signal|need (a )?phone|(call|ring|phone|contact) (the|a) \w+"
        r" (company|office|hotel|school|hostel))\b",
    ),
    (
        "wifi",
        r"\b(wi ?fi|wifi|internet|wireless|hotspot|data (has |s |is )?(run out|gone|finished)"
        r"|no data|out of data|maps? (wont|not|doesnt) load)\b",
    ),
    (
        "first_aid",
        r"\b(first aid|plasters?|bandages?|cut (my|myself|his|her)|graz\w*|scrap\w*|blisters?"
        r"|twist\w* (my |his |her )?(ankle|wrist|knee)"
        r"|sprain\w*|twisted my|burn(t|ed)? (my|myself)|bleeding|injur\w*|hurt my|(finger|hand"
        r"|knee|arm|leg|head|foot) (is )?(bleeding|cut|hurt)|antiseptic|wound|nosebleed|tissues"
        r"|stabbed|pouring blood|blood pouring)\b",
    ),
    ("defibrillator", r"\b(defibrillator|defib|aed)\b"),
    (
        "step_free",
        r"\b(wheel ?chair|pram|buggy|push ?chair|stroller|mobility scooter|(cant|cannot|can not"
        r"|unable to|struggle with"
        r"|cant face) (do|use|manage|climb|walk up|get up|face)? ?(all )?(the |these |those )?"
        r"(stairs|steps|hill)|chair cant (get|go) (up|down)"
        r"|step free|no (stairs|steps)|ramp|walking frame|zimmer|crutches|disabled access"
        r"|level access|lifts? (is |are )?(broken|out|not working))\b",
    ),
    (
        "accessible_toilet",
        r"\b((accessible|disabled|wheelchair|radar|changing places)"
        r" (toilet|loo|bathroom|wc|loos|toilets)|toilet for (disabled|wheelchair))\b",
    ),
    (
        "toilet",
        # Baby changing is in the toilets.
        # "wee" as the Scots "small" ("a wee cup", "my wee shop") is not a need.
        r"\b(toilets?|loos?|bathroom|wc|restroom|lavatory|pee|need to go|the gents"
        r"|wee(?! (bit|cup|shop|one|ones|while|drink|dram|lad|lass|boy|girl|bairn|place|store"
        r"|newsagents?|cafe|pharmacy|chemist|town|village|thing|man|woman|business|sit|seat))"
        r"|the ladies|portaloo|bog|baby change|changing (table|room|mat|facilities)|nappy)\b",
    ),
    (
        "private_room",
        r"\b(somewhere (quiet|private|calm|dark)|quiet (place|room|space|spot|corner|one)"
        r"|private (room|space|place|spot)|(away from|out of|get away from) (people|the crowds?"
        r"|sight|everyone|the noise)|calm down|overwhelmed|overload\w*|overstimulat\w*"
        r"|too (loud|noisy|much)|(need|want) (quiet|dark)|dark room|breastfeed\w*|(feed|feeding)"
        r" (the |my )?baby|baby needs feeding|hide|chill spot|stim break|shutting down"
        r"|sensory|meltdown|noise|crowds|quiet(er)?)\b",
    ),
    (
        "seating",
        r"\b(sit( down)?|seat|chair|bench|rest my legs|need to rest|feel faint"
        r"|take the weight off|legs (have )?(gone|like jelly)|cant (stand|feel my legs))\b",
    ),
    (
        "drinking_water",
        r"\b(water|thirst\w*|dehydrated|drink of water|glass of water|something"
        r" to drink)\b(?! (broke|broken|gone|has broken|have broken))",
    ),
)

# A facility named as where the person is ("in the toilets at Leeds station", "in the seat")
# is not a need.
LOCATIVE = (
    r"\b(in|at|of|into|from|down|outside|on|inside|im in|locked in|hiding in|sat on|sitting"
    r" on|out of|by|near) (the |a |my |this |our )?(disabled |accessible |bus |car |quiet )?$"
)
# Words that ask for a facility outright ("need a plaster", "somewhere to sit", "can I charge").
ASKING = (
    r"\b(need|needs|want|wants|get|got any|looking for|find|somewhere|anywhere|any|where|can i"
    r"|can we|could i|is there|use|borrow|please|pls|plz|have you got|a)\b|^\W*\w+\W*$"
)
# The same, strictly: in danger only a facility asked for in these words narrows the places.
ASKING_IN_DANGER = (
    r"\b(need|needs|want|wants|looking for|find|somewhere|anywhere|where|can i|can we|could i"
    r"|is there|are there|borrow|have you got|got any)\b"
)
# Without a phone at all, a charge is no help: "phone stolen", "no phone".
NO_PHONE = (
    r"\b(lost my (phone|mobile)|no (phone|mobile)|(phone|mobile) (was |has been |got )?(stolen"
    r"|broken|smashed|nicked|snatched)|(dont|havent) (have|got) (a|my) (phone|mobile))\b"
)
# Someone who uses wheels to get about needs the accessible toilet, not any toilet.
WHEELS = r"\b(wheel ?chair|chair user|mobility scooter|power ?chair|zimmer|walking frame)\b"
# Asking for someone else's phone, which a charge does not replace.
BORROW_PHONE = r"\b(use|borrow) (a|your|the|someones|somebodys) (phone|telephone|landline)\b"
# Collapsed as well as not breathing: a defibrillator may save them.
COLLAPSE = (
    r"\b(collapsed|fell|fall|fallen|unconscious|not moving|no pulse|heart (stopped|attack)"
    r"|cardiac|passed out|on the (floor|ground)|dropped)\b"
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
# Events told as over are for a helpline, not 999 (unless something says it is happening now).
PAST = (
    r"\b((hes|shes|theyre|he is|she is|they are) (out|away|at work|not in|not here) (right )?now"
    r"|last (night|week|weekend|month|year|summer|winter|time|monday|tuesday|wednesday|thursday"
    r"|friday|saturday|sunday)|(days|weeks|months|years|hours|an hour|a week|a month|a year)"
    r" ago|when i was (a |younger|little|at school)|in the past|a while ago|as a (kid|child)"
    r"|yesterday|earlier|this morning|the other (day|night)|never reported|for (weeks|months"
    r"|years)|used to|lost (him|her|them)|on (monday|tuesday|wednesday|thursday|friday|saturday"
    r"|sunday)( night)?|in (19|20)\d\d|\d+ (days?|weeks?|months?) (after|ago|since)|since (the"
    r"|a) (fire|flood|attack|assault|accident|fight|crash|mugging)|not an"
    r" emergency|not urgent|no rush|next (week|month|year|time)|when i (tell|leave|go back)"
    r"|if i (leave|tell|go|dont)|tomorrow|at the weekend|this weekend|since (he|she|they)"
    r"|this (afternoon|evening)|(im|i am|got|were|we are|i got) (back )?home(?! alone)"
    r"|(hes|shes|theyre|theyve|he has|she has|they have|he|she|they) (driven|drove|walked|ran"
    r"|run|gone) off|(then |and )?(he|she|they) (got off|walked away|ran away"
    r"|drove away)(?! (the same|at the same"
    r"|when (i|we)|after (me|us)))"
    r"|(ive|i have|weve|we have) (left|got out|escaped|got away)|ran away after"
    r"|in morning|earlier today|there was a (fight"
    r"|fire)|(i|we) got off|for (\w+ )?(weeks|months|years)|nothing serious|not serious"
    r"|(hes|shes|theyre|he has|she has) (gone|went) to (the pub|work|bed|sleep|the shop|his|her"
    r"|their)"
    # Asking how to report or whom to tell is about something over...
    r"|report\w*|who (do|can|should) (i|we) (even )?(tell|ring|call|report|talk to|speak to)"
    r"|who to tell|which helpline"
    r"|what (is )?the helpline|is there anyone|anyone i can talk to|what can i do|cant tell"
    r" anyone|dont know who to tell|who help\w*|what number|embarrass\w*"
    # ...and so is what happens again and again.
    r"|sometimes?|always|often|usually|normally|most (days|nights)|every (time|day|night|week)"
    r"|a few times|kept|used to|many times"
    r"|lots of times|all the time|not today|not tonight"
    r"|when (hes|shes|he is|she is|he|she|theyre|they) (\w+ )?(drunk|angry|drinks?|drinking"
    r"|has a drink|has had a drink|loses it|kicks off)"
    r"|for (about |over |nearly |almost |around |the (last|past) )?(a|one|two|three|four|five|six"
    r"|\d+|a few|many) (years?|months?|weeks?)|not the first time|happened before"
    r"|since (christmas|pride|easter|the summer|new year|we (met|moved|married|got married))"
    r"|(a )?fortnight ago|last term|some (nights|days|evenings|mornings)"
    r"|(no one|nobody) (will )?believes? me|(i|we) felt (\w+ )?(trapped|scared|unsafe|threatened"
    r"|frightened)|(im|i am|were|we are) (now |safe )?(at|in) (work|school|college|uni|the office)"
    r"|who (can|could) help|is there (any )?help for|is there a helpline|helpline for|not deep"
    r"|(isnt|is not|not) (there|here|about|around)( tonight| today"
    r"| now)?|(hes|shes|theyre|theyve|they have|he has|she has|he is|she is|they are)"
    r" (gone|left|asleep|at work|not here|away|out)(?! (in|into|to|inside|back|for|a|very|really"
    r"|round|around|past|by"
    r"|so|all|grey"
    r"|gray|blue|white|pale|floppy|cold|stiff|purple"
    r"|quiet|silent|funny|down|under|rigid)\b)"
    r"|not (in danger|here|there|happening|with me|near (me|her|him|us|them))"
    r"( right)? (now|anymore|any more)|(its|it is) over|got away|(im|i am|were|we are|i feel)"
    r" (ok|okay|fine|alright|safe) now|(can|could) happen again"
    # An attack told as ended: unhurt or shaken, the attacker gone, the person home or seen to.
    r"|(im|i am|were|we are|hes|shes|he is|she is)( \w+)? (not hurt|unhurt|not injured"
    r"|shaken up|just shaken)|(just|a bit|bit|very|really|quite|still) shaken|no harm done"
    r"|nothing dangerous|not dangerous|not bad|only (a )?small|just a scratch|only a scratch"
    r"|(just|only) a (nip|cut|graze|scratch)|when (no one|nobody|noone) (else )?(is|s) (there"
    r"|around|about|looking)|not (outside|around|here|near)( or anything)?( right)? now"
    r"|(hes|shes|theyre|he is|she is|they are) (safe )?(at|in) (mine|ours|my (place|house|flat))"
    r"|(hes|shes|theyre|he is|she is|they are) at (her|his|their) (mums|dads"
    r"|mates|friends|sisters|brothers|parents|work)"
    r"|not hurt|unhurt|(where|how) (can )?(he|she|i|we|they) (can )?get help"
    r"|(and|then|so) (then )?(he|she|they)? ?(ran (off|away)|legged it|took off|made off|got off"
    r"|scarpered|cleared off)|fought (him|her|them|it) off|(hes|shes|theyre|he is|she is|they are)"
    r" (back )?(home|safe)( now)?|so (i|we) (left|went)|(getting|got|been|being) (stitched"
    r"|patched|checked) up)\b"
)
# What has been put right: the missing found, the collapsed come round.
RESOLVED = (
    r"\b((fine|ok|okay|alright|better) now|post ?(seizure|ictal)|(during|after) (a|the|my|his|her)"
    r" (seizure|fit)|seizurey|(keep|keeps) having (seizures|fits)|(seizures|fits) in (my|his|her"
    r"|their) sleep"
    r"|back to (her|his|their) ?(self|selves|normal)|back to normal|(already |just )?found (him"
    r"|her|them|my \w+)|(been|is|are|was|were) found|(?<!hasnt )"
    r"(?<!havent )(?<!not )(has |have )?(come|came) round|(hes|shes|theyre|is|are) (awake|chatting"
    r"|talking|fine) (now|again)|(i|ive|i have) (just )?(had|have had) a (seizure|fit)"
    r"|(im|i am|i feel) (ok|okay|fine|alright)( now| physically)?"
    r"|(i think |i know )?(hes|shes|theyre|he is|she is|they are) (safe|ok|okay|fine|home))\b"
)
RESOLVED_RULES = frozenset({"missing_child", "unconscious", "seizure"})
# Intentions told as not acted on, not today: for Samaritans, not 999.
NOT_ACTING = (
    r"\b(not (today|tonight|now|right now)|one day|(havent|have not|wont|will not|not going to"
    r"|im not going to|i wont|not gonna) (do|done|taken|take|act|acted|try|hurt|harm|kill)"
    r"( anything| any| on| myself"
    r" (it|them)| it)?|havent done anything|not planning)\b"
)
NOT_ACTING_RULES = frozenset({"self_harm_now", "suicide_now", "self_poisoned"})
# Threats from afar (online, by message) are for 101 unless someone is close now.
REMOTE = (
    r"\b(online|on (insta|instagram|twitter|x|facebook|snapchat|tiktok|whatsapp|xbox( live)?"
    r"|social media|the phone)|(sent|sends|sending|messag\w*|texted|texts|emailed|dmed|posted"
    r"|posting|ringing) me|(to|on) my phone|messages|troll\w*|accounts?|voicemails?|withheld"
    r"|strava|nudes"
    r"|post (my|your|the|our) \w+|pictures of me|photos of me|pics of me|send (my |your )?(pics"
    r"|pictures|photos|nudes))\b"
)
REMOTE_RULES = frozenset({"threatened", "will_hurt", "followed", "weapon", "violence"})
# Rules that read being kept in or kept from leaving, which control can tell as a way of life.
CONFINED_RULES = frozenset({"followed", "trapped"})
# Long past: even an overdose or strangling told this way is for a helpline, not 999.
LONG_PAST = (
    r"\b(last (week|month|year|summer|winter)|(weeks|months|years) ago|a (week|month|year) ago"
    r"|when i was (a |younger|little|at school)|in the past|as a (kid|child)|was in hospital"
    r"|used to(?! (work|live|go|be|have|come|drive|run|walk|play|visit|stay|do"
    r"|like|love|know|say|tell|call))|in (january|february|march|april|may|june|july|august"
    r"|september"
    r"|october|november|december))\b"
)
LONG_PAST_ONLY_RULES = frozenset(
    {
        "strangled",
        "self_poisoned",
        "poisoned",
        "self_harm_now",
        "missing_child",
        "heart_or_stroke",
        "allergy",
    }
)
# ...and what says it is happening now after all (read with the words above set aside).
NOW = (
    r"\b(im|i am|were|we are) (still )?being (followed|chased)\b|"
    r"\b((hes|shes|theyre) )?(still |just )?(round|around) the corner\b|\b(i can|can) (still )?see"
    r" (him|her|them|his|their)\b|\bhas (just )?collapsed\b|\bcant get (the door|it|in)( open)?\b|"
    r"\b(im|i am|were|we are|been) (lock|locked|trapped|shut) (in|inside)\b|"
    r"\bgoing now\b|\b(its|it is|is) (starting|coming on)\b|"
    r"\b(is|hes|shes|theyre|are) back( again)? (and|now|outside|here)\b"
    r"|(?<!was )(?<!were )\bstaring"
    r" (in )?at (me|us)\b|"
    r"\bto get (something|a knife|a weapon|a bat|the knife|his (knife|gun|bat)|her (knife|gun))\b|"
    r"\b(please |pls )?(send|get) (someone|somebody|help|an ambulance|the police)( here| now)?$|"
    r"\bplease send (someone|somebody|help|an ambulance)\b|\bcant get up\b|"
    r"\b(ive|i have|hes|shes|he has|she has|theyve|they have) just (taken|swallowed|had|drunk|drank"
    r"|cut|necked)\b|"
    r"\b(hes|shes|theyre) back (at the (window|door)|outside|in (the|my|our) (house|flat|garden"
    r"|room|shop|hallway))\b|\b(gone|went) (out )?(to|into) the \w+ to get\b|"
    r"\b(keep|keeps) (forgetting|being sick|throwing up|passing out|blacking out)\b|"
    r"\b(i can|can) see you (in|on|at|from|now|right now)\b|\bstill in my face\b|"
    r"\bwhile (im|i am|were|we are|i was) (sat |sitting |still |asleep )?in (it|the car|the cab|bed"
    r"|here)\b|\b(i can|can) hear (it|them|him|her|someone)( \w+)? (rattling|banging|trying"
    r"|knocking|walking)\b|\bcan see (me|us)\b|"
    r"\b(is|are|s|hes|shes|keeps?) (shaking|fitting|twitching|seizing|jerking|convulsing)\b|"
    # Something being done, and "now" ("hes trying to get in through the gate now"), though not
    # "for months now".
    r"\b(trying|coming|banging|kicking|hitting|following|chasing|breaking|climbing|entering"
    r"|forcing)\b[^|]{0,40}"
    r"(?<!weeks )(?<!months )(?<!years )(?<!days )\bnow\b|"
    r"\b(right now|happening now|still (here|there|outside|around|with me|following|behind)"
    r"|again now|(hes|shes|theyre|they are|he is|she is|he|she|they) coming back"
    r"|at (the|my|our) (front |back )?door(?![^|]*\b(most days|every (day|night)|sometimes|often"
    r"|usually|always)\b)"
    r"|now (he|she|they|hes|shes|theyre)\b[^|]*\b(following|after me|behind me|outside)"
    r"|is outside|scream\w* now|still (here|there|outside|around|about|nearby|following|watching"
    r"|waiting (outside|for me|for us|at|by|near|there|round|across|in)|behind|chasing|driving"
    r"|coming|sat behind)|(running|walking|driving|coming) (now"
    r"|towards|over)|circling|getting out|started walking|hes seen me|seen me"
    r"|is here|behind me|(hes|shes|theyre|he is|she is|they are) (still |now |just )?(outside"
    r"|on the platform|waiting|behind|nearby|following|chasing|after (me|us)|lying)"
    r"|(following|chasing|watching) (me|us) again|(driving|walking|coming|going) (round|around"
    r"|back) again|getting closer|coming closer|in the back|in my (cab|taxi|car) (with|and)"
    r"|(is|are) (still )?lying|(might|could|will|may) come back|(hes|shes|theyre) on (his|her"
    r"|their) way|still (parked|sat|sitting|standing|out there)|right now|now (hes|shes|theyre)"
    r" walking|now (says|saying|hes saying|he says|she says)|just (pulled|pointed|held|waved) a"
    r" (knife|gun|blade))\b"
    r"|\b(wont|cant|isnt|not|doesnt) (wake|waking|breathe|breathing|move|moving|respond\w*"
    r"|answering)\b|\bnow (they|he|she|hes|shes|theyre) (try|trying|tries)\b|\b(im|i am|were|we are"
    r"|i|we) (hide|hiding) (upstairs?|in|under|behind)\b"
    r"|\b(hes|shes|is|has) (gone|going|turned) (a )?(funny|grey|gray|blue|white|pale|floppy|cold"
    r"|stiff|purple|rigid)\b"
)
# Someone near or at it again: now, unless the message also says they are not here now.
NEAR_NOW = r"\bkeeps (following|coming)\b|\b<THREAT>\b[^|]{0,40}?\b<CLOSE>"
# Control told as a way of life (money, friends, clothes): ongoing abuse, for the domestic
# abuse lines; the danger score must be surer to speak over it (see engine), and
# being kept in ("won't let me leave the house or have money") is that life, unless near now.
CONTROL = (
    r"\b(takes?|took|keeps?|controls?|has taken|have taken) (all )?(my|our|her|his|the)"
    r" (bank ?cards?|money|wages|benefits|pension|pay|passport)\b|\b(wont|doesnt|never|dont"
    r"|not) let (me"
    r"|her|him|us) (see|leave the house|go out|have|wear|work|drive|spend)\b|\bcoercive control\b"
    r"|\bcontrolling\b"
    r"|\bcontrols (my|her|his|our|all|who|what|where)\b|\bchecks (my|her|his) (phone|messages)\b"
)
ABSENT = (
    r"\b((hes|shes|theyre|he is|she is|they are|he|she|they) (not|isnt|arent|is not|are not)"
    r" (here|there|around|about|near me|with me)|not (today|tonight)|(hes|shes|theyre) gone"
    r"|happened (again )?(\d+ times|a few times|before|this (afternoon|morning|evening)|earlier"
    r"|yesterday|last night)|(\d+|two|three|four|five|a few|several) times (this|last|in the"
    r" past) (week|month|year)|this past (week|month|few days)|last night|yesterday"
    r"|not (outside |here |around )?(or anything )?right now|not right now"
    r"|not happening (right )?now|tomorrow)\b"
)

TOPICS = (
    (
        "domestic_abuse",
        r"\b(domestic (abuse|violence)|abusive (partner|relationship|boyfriend"
        r"|girlfriend|husband|wife|ex)|coercive control|(womens )?refuge|controlling (partner"
        r"|relationship|boyfriend|girlfriend|husband|wife|ex))\b"
        r"|\b<PARTNER>\b( \w+){0,4} <ABUSE>"
        # A partner or ex in the message with harm, fear, control or leaving anywhere in it.
        r"|^(?=.*\b(?<!and my )(?<!with my )<PARTNER>\b)(?=.*\b(<ABUSE>|<HURT>|left (him|her)"
        r"|walked out|escap\w*|got away"
        r"|cant go back|go back to (him|her)|refuge|stalk\w*|follow\w*|harass\w*|threat\w*"
        r"|trapped|locked|wont let|blocking|kill\w*|scared|afraid|frightened|abus\w*|control\w*"
        r"|tracker|tracks?|restraining order|non molestation|clares law|hiding|violent|stabbed"
        r"|knife|weapon|smash\w*|chasing|dragged|pinned|gun\w*|shotgun|argue\w*|row)\b)"
        # An ex, or leaving someone, in a message to a safety service is almost always about abuse.
        r"|\b(my|her|his) ex\b|\bex (husband|wife|boyfriend|girlfriend|partner)\b"
        r"|\b(left|leaving|walked out on|got away from|escaped from|escaping) (him|her)\b"
        r"|\bsince (he|she) left\b|\bive left (him|her)\b"
        r"|\b(domestic abuse helpline|national domestic abuse|mens advice line|cant go back to (him"
        r"|her)|left (my )?"
        r"<PARTNER>|the way (he|she) talks to me)\b"
        # "he hit me", with no stranger in the message: most often a partner or family member.
        r"|^(?!.*\b((?<!im a )(?<!i am a )man|men|guy|guys|bloke|lad|lads|stranger|someone|somebody"
        r"|someones|somebodys|boys|group|gang"
        r"|woman|girl|teenagers|driver|security|bouncer|police|boss|teacher"
        r"|neighbour)\b)(?=.*(\b(he"
        r"|she|hes|shes|hed|shed|hell|shell)\b( \w+){0,3} (<HURT> me|<ABUSE>|(wont|doesnt|dont)"
        r" let me|(took|takes|take|has|hid|hidden|hides) my|kill me|go (mental|mad|crazy|spare)"
        r"|(got )?me trapped|locked me|lock me|threw|throws|smashed|sat on me|sitting on (me|my)"
        r"|(hands?|arms?) (round|around) my|thinks im|cant overhear|finds out)\b"
        # ...or someone they hide from, flee, fear or must go home to.
        r"|\b(away from|hiding from|hide from|scared of|afraid of|frightened of|terrified of"
        r"|escape from|home with|house with|back to|at home with|got out from) (him|her)\b"
        r"|\beverything (hes|shes|he has|she has) done\b))"
        r"|\bmy (mum|mom|dad|stepdad|stepmum) (hits|beats|hurts|hit|beat|punched|strangled)"
        r" my (mum|mom|dad|stepdad|stepmum)\b|\baway from (him|her) tonight\b",
    ),
    (
        "suicidal",
        r"\b(suicid\w*|kill myself|end (it all|my life|things)|ending (it all|my life|things)"
        r"|(dont|do not) want to (be here|live|be alive|wake up|go on)|want to die|better off"
        r" (dead|without me)|no reason to live|self harm\w*|hurt myself|hurting myself|cutting"
        r" myself|jump off|take my (own )?life|(going to|gonna|about to) jump|(pills|tablets)\b"
        r"[^|]*\b(going to|gonna|about to) (take|swallow)|(end|ending|take|taking) (his|her|their)"
        r" (own )?life|dark thoughts|cant (go on|do this anymore|cope anymore)|been cutting"
        r"|samaritans|ending it|urges? to (cut|self harm|hurt myself)|thinking about (pills"
        r"|ending|dying|killing myself|jumping)|written (letters|notes|goodbye)|wants? to die"
        r"|(nobody|no one|noone) would (even )?(care|notice|miss me)|(if|when) i (wasnt|was not"
        r"|werent) (here|around|alive)|wants? die|wants? to disappear|just disappear\w*"
        r"|(everything|life|it all) is pointless|(dont|cant) (really )?see the point|no point (in"
        r"|living)"
        r"|dont want (to )?live|think(ing)? about (die|dying|death)|tired of (trying|living|it all"
        r"|everything)|worthless|hopeless|wish i (was|were) dead|better off without me"
        r"|overdos\w*|(cutting|cut|hurt|hurting|harm\w*|kill|killing) (himself|herself|themselves)"
        r"|left a (note|letter)|on purpose|wants? to kill (himself|herself|themselves)"
        r"|(dont|cant|cannot|do not) see (a|any) way out|tired of (this|my) life)\b",
    ),
    (
        "sexual_assault",
        r"\b(rap(e|ed|ist|ing)|sexual(ly)? (assault\w*|abuse\w*|attack\w*|harass\w*)"
        r"|touched me|groped|grop(es|ing) me|without (my )?consent|molest\w*|forced me to"
        r"|(touch|touching|touches|rubb\w*) me|felt me up|feeling me up|(touch|touching|touches"
        r"|grabb\w*|grab|rubb\w*) (my (leg|legs|bum|bottom|breasts?|chest|boobs|thigh|crotch"
        r"|backside)"
        r"|between my legs)|keeps touching|(did stuff|had sex|slept with|sex)\b[^|]*\b(didnt"
        r" want|not want|without)|made me (do|have)"
        r"|exposed himself|upskirt\w*|(tried|trying|try) to kiss me|kissed me|forced (himself|a"
        r" kiss))\b",
    ),
    (
        "homeless",
        r"\b(homeless|nowhere to (sleep|stay|live|go tonight)|(dont|do not) have anywhere to"
        r" (stay|sleep|go)|sleeping (rough|outside|on the streets?|in (my|the|our) car)"
        r"|(kicked|thrown|chucked) (me |us )?out|evicted|no home|got no home|lost my home"
        r"|no where to (sleep|stay)|shelter (number|helpline|charity)|(ran|run) away|no bed"
        r"|nowhere (for|to go) tonight|sleep\w* on (the )?(night bus|street|streets|bench)"
        r"|(no money|nowhere) (for|to) (anywhere to )?stay|any shelter|cant go home|nowhere to go"
        r"|sleeping in (my|the|our) car|evicted|no house|where (i|we) (sleep|stay) tonight"
        r"|landlord (make|made|makes|is making|kicked|kicking|threw|told) (me|us)"
        r"|evict\w*|arrears|behind (on|with) (the |my |our |her |his )?rent|bailiffs|housing list"
        r"|(lose|losing|lost) (my|our|her|his|the) (flat|house|home|room|tenancy|accommodation)"
        r"|(get|getting|trying to get|kick|throw) (me|us|her|him) out of (the|my|our|her|his) (flat"
        r"|house|room|home)|(flung|turfed|booted) (me |us )?out|on the streets? (in|by|from|next)"
        r"|(will|gonna|going to|ll) be on the streets?)\b",
    ),
    (
        "child",
        # A young person (Childline takes calls up to 19) with something to talk about.
        r"^(?=.*\b((im|i am|were|we are|both|aged|is|hes|shes) (only )?([5-9]|1[0-8])\b(?! ?"
        r"(min|mins|minutes|km|miles|m\b|metres|percent|%|pm|am|hours|hrs|quid|pounds))|(im|i"
        r" am) (in year ([5-9]|1[0-3]))|my ([5-9]|1[0-8]) ?(year|yr)"
        r" old))(?=.*\b(talk|tell|bully\w*|pregnant|ran away|run away|hits?|hitting|hurts?|shout\w*"
        r"|scared|self harm\w*|cutting|abus\w*|touch\w*|push\w*|nowhere|kicked me out"
        r"|suicid\w*|die|treats me|grab\w*|calls me)\b)"
        r"|\bchildline\b|\b(im|i am) (only )?(a kid|a child|just a kid)\b"
        r"|\bmy (mum|mom|dad|parents|step ?(mum|mom|dad)|stepdad|stepmum)\b[^|]*\b(hits?|hurts?"
        r"|beats?|scares?|shouts?) (me|us)\b"
        # School trouble, a secret about an adult, a child caring for a family: Childline.
        r"|^(?=.*\b(school|teachers?|year ([5-9]|1[0-3])s|mocks|gcses?|dinner money|detention)\b)"
        r"(?=.*\b(bull\w*|horrible|scared|stressed|take my|took my|hit|dont (want|wanna) (to )?go"
        r"|picking on|messages|nobody likes)\b)|\b(does|did|doing) (stuff|things) to (me|her|him)\b"
        # Someone met on a children's game, or mum's boyfriend at home.
        r"|^(?=.*\b(roblox|fortnite|minecraft|discord|among us)\b)(?=.*\b(met|meet|meeting|guy"
        r"|man|older|grown|person|someone)\b)|\bmy (mums|moms|mams) (boyfriend|new boyfriend"
        r"|partner|fella)\b"
        r"|\bmade me promise not to tell\b|\bi have to (look after|sort|care for) my (little )?"
        r"(brothers?|sisters?|mum|dad)\b",
    ),
    (
        "hate_crime",
        r"\b(racis\w*|homophob\w*|transphob\w*|hate crime|because (im|i am) (gay"
        r"|black|muslim|jewish|trans|disabled|asian|lesbian|autistic)|(called|shouted|yelled)"
        r" (at )?me (a |names|slurs?)|spat at me|(racial|homophobic) (abuse|slurs?)|(a|racist"
        r"|racial|homophobic|transphobic) slurs?"
        r"|(shouts?|shouting|shouted) abuse|abuse about my)\b",
    ),
    (
        "medical",
        # Worries for a doctor, not 999: a symptom and a question, or a service asked for.
        r"\b(asthma|inhaler|diabet\w*|epilep\w*|migraines?|condition)\b[^|]*\b(worse|getting worse"
        r"|more often|using it loads)\b|\b(need (a|to see a)"
        r" (doctor|gp|nurse)|(really|very|so) (ill|unwell)|(bad|high) (fever|temperature)"
        r"|(my )?(head|stomach|tooth|ear) (really )?(hurts|aches|ache)|medication|prescription"
        r"|meds|crisis team|self refer|therapy|postnatal|bipolar|ptsd|a ?and ?e|a e|nhs|111"
        r"|bad trip|been feeling (really |very |so )?(dizzy|sick|ill|unwell|weird|faint)"
        r"|vomit\w*|diarrhoea|food poison\w*|cant keep (water|food|anything) down|feel really weak"
        r"|(son|daughter|baby|toddler|child|kid|little one) (has|has got|got) (a )?(bit of a )?"
        r"(fever|rash|temperature|cough|sickness|diarrhoea|ear infection))\b"
        r"|^(?=.*\b(fever|temperature|rash|cough\w*|diarrhoea|sick|vomit\w*|infect\w*"
        r"|nosebleeds?|cold|bump\w*|banged|bruised?|swollen|sore|blister|burn(ed|t)?|lump"
        r"|asthma|anxiety|depress\w*|panic attacks?|seizure|fit|chest|fall|fell|slept|voices"
        r"|tablets|pills?|by mistake|stomach|tooth\w*|head|headache|dizzy|food poison\w*"
        r"|piercing|ribs|sprain\w*|wrist|ankle|blood pressure|medicine|trip|ecstasy|drugs"
        r"|drinking|heart|pain|hurts?|bleeding a bit|hip)\b)(?=.*\b(should i|do i need|who do i"
        r" (ask|ring|call|see)|who (can|should) i (ask|ring|call)|who i call|advice|what should i"
        r"|what (do|can) i (do|look)|what i do|what do|is (that|it|this) (something|normal|serious"
        r"|bad|dangerous|ok)|get it (checked|looked at)|see someone|take (him|her|them) (in"
        r"|somewhere)|someone to ask|should i be worried|worth (getting|going)|need hospital|go"
        r" hospital|what number|is there a number|doctor|gp|dentist|a ?and ?e|a e|hospital)\b)",
    ),
    (
        "talk",
        r"\b(someone|somebody|anyone|a person) to talk to\b|\btalk to (someone|somebody"
        r"|anyone|a person)\b|\b(need|want) to talk\b|\b(so|really|very|feel|feeling) (lonely"
        r"|alone)\b|\b(someone|anyone|somebody) (i can|to) (ring|call|talk to|speak to|tell)\b"
        r"|\bwho (can|do|should|could) (i|we) (talk|speak) to\b|\bwho helps\b|\b(speak|talk) to"
        r" someone\b|\btell someone\b|\bspiral\w*|\bmy head (gets|is) (bad|dark)\b"
        r"|\bnot safe in my head\b|\bdark place\b|\bsomeone to listen\b|\bcant cope\b|\bend of"
        r" my tether\b|\b(feel|feeling) (really |so |very )?low\b|\bnobody to talk to\b"
        r"|\bnot coping\b"
        r"|\b(anyone|someone) i can (just )?talk to\b|\bcant stop thinking about\b",
    ),
    (
        "police",
        r"\b(report(ed|ing)?|police thing|who do (i|we) (tell|call|ring|report to)( about)?"
        r"|what number do i|(phone|bag|purse|wallet|bike|car|mobile) (was |has been |got |been )?"
        r"(stolen|nicked|taken|broken into|keyed)|(stole|nicked|took|snatched|keyed|rob|robbed)"
        r" (of )?my\b|gave (them|him|her) my (pin|bank|card|details)|scam\w*|used my (card|bank)"
        r"|police"
        r" (number|non emergency)|non emergency|101|dealing drugs|filmed me|harass\w*|stalk\w*"
        r"|tracker|restraining order|non molestation|breach|fake (\w+ )?(account|profile)s?"
        r"|posting my (address|pics|photos)|threats? on|flashed|keeps (sending|messaging"
        r"|following|turning up|liking|posting)|(another|new|fake) accounts?|uploaded"
        r"|without my consent|clares law"
        r"|(get|have) (him|her) removed|convicted|prison|scam\w*|burglar\w*|graffiti|steal|stole"
        r"|stolen|nicked|showing himself|exposed himself|up my skirt|spiked (on|last)|crime"
        r"|fraud\w*|con ?man|conned|ripped off|taken for a ride|taking money|takes my (pension"
        r"|money|benefits)|(card|bank) details|using my (bank )?card|sent (him|her|them) (\w+ )?\d+"
        r"|exploit\w*|shoplift\w*|(keeps?|kept|took|takes|take|has) my passport|not pay(ing)? me"
        r"|ringing my (door ?bell)|knock\w* and run\w*)\b",
    ),
)

MALE_VICTIM = (
    r"\b(im|i am) (a |an )?(\w+ )?(man|guy|bloke|lad|male|fella|dad|husband)\b|\bas a (man|guy"
    r"|bloke|dad)\b|\b(blokes|for men|both men|men get|men dont|male \d+|men go|mens advice)\b"
)
# A man abused by a man: both lines (the National Domestic Abuse Helpline takes anyone's call).
MALE_PARTNER = r"\b(boyfriend|husband|male partner|bf)\b"
FEMALE_VICTIM = r"\b(im|i am) (a |an )?(\w+ )?(woman|girl|female|lesbian|mum)\b|\bfemale\b"
PARTNER_IS_WOMAN = r"\bmy (wife|girlfriend|gf|missus|fiancee)\b"

INTENTS = (
    (
        "register",
        # A business of theirs and a way of joining, in either order.
        r"\b(update|change|edit) (our|my) (opening )?hours\b|\b(businesses|shops|companies|venues)"
        r" (to )?(join|sign up|register|become|take part)\b|\b(could|can|would|should) (we|my \w+"
        r"|our \w+) (be|become) (a |one of the )?safe (space|place)s?\b|\bbecome (a )?safe (space"
        r"|place)\b[^|]*\bbusiness\b"
        r"|^(?=.*\b(my|our|we|were|weve|i (own|run|manage|have|open|am opening|work (at|in))|im"
        r" the (manager|owner)"
        r" of|we (own|run|manage|are))\b[^|]*\b<BUSINESS>)(?=.*\b<JOINING>)"
        r"|^(?=.*\b(a|an|the|my|our)( \w+)? <BUSINESS>)(?=.*\b(sign( \w+)? up|join|register|enrol"
        r"|be listed|get listed|become a safe (space|place))\b)"
        r"|\b(register|sign up|join|enrol) (my|our|as a)\b|\bbecome a safe (space|place)\b"
        r"|\b(add|list) (my|our) <BUSINESS>|\bhow (do|can) (we|businesses|shops) (join|sign up"
        r"|register)\b",
    ),
    (
        "about",
        r"\bwhat (is|are|s) (a |the )?safe (space|place)s?\b|\bhow (does|do) (this|it"
        r"|safe spaces)( \w+)? work\b|\b(is it|does it|is this) (free|cost)\b"
        r"|\b(need|bring|show|have)"
        r" (any |an |my )?(id|identification|passport)\b|\bwho (runs|made|owns) (this|it|the"
        r" scheme)\b|\bwhat (will|do|can|would) (the )?staff (do|help)\b|\bwhat is this\b"
        r"|\boperation portum\b|\bportum\b|\bwhat (can|do) you do\b|\bhow do i use (this|it)\b"
        r"|\b(do|does|will|would|can) (you|this|it|the (site|chat|app|service|map))( \w+)? (store"
        r"|keep|record|save|track|cover|log|share|see|know)\b|\b(real person|a bot|a human|a robot"
        r"|an ai)\b|\bis (this|it|the) (chat |site |app |service )?(recorded|saved|private"
        r"|anonymous|confidential|free|real|a bot|the same)\b|\ban app for this\b|\b(what i type"
        r"|anyone read|app version|(does|will|would|can) (this|it|the \w+) tell my (parents|mum"
        r"|dad))\b|\buse this (if"
        r"|when|with|on)\b|\bherbert protocol\b|\bwhat (does|do) (that|it|this|they)"
        r" (actually |even )?mean\b|\bis (this|it) (a )?real( thing)?\b|\b(a )?(trick|trap"
        r"|scam) to\b|\b(do|does|will|can|would) (you|they|safe spaces?|the shops?|staff) (give"
        r"|hand) out\b"
        # A question about how the scheme treats people, not where to go.
        r"|\b(staff|they) (is |are )?trained\b|\bcan (i|we|my \w+|kids|children) (still )?(use"
        r"|go in|come in|go to|bring|stay)\b[^|]*\bsafe spaces?\b|\bsafe spaces? mean\b"
        r"|\bwhat happens (when|if)\b|\bask for angela\b|\bhow do i know (which|if|a|the)\b"
        r"|^(?!.*\b(where (can|do|is|are|should|could|shall|would|to)|nearest|closest|near me"
        r"|nearby"
        r"|near|find (one|a|me|somewhere)|(is there|are there|any) (a |any )?(\w+ )?(safe )?(space"
        r"|spaces|place|places) ?(in|at|near|around|by|on)|safe spaces? (in|at|near)|anywhere"
        r"|somewhere|im in|i am in|were in|we are in|open (now|late|24|all night|after|till|until"
        r"|tonight))\b)(?=.*(^|\| )(can|could|do|does|will"
        r"|would|is|are|am|what|whats|how|hows|who|why|should|must|if)\b).*\b(safe spaces?|staff"
        r"|the shops?|the shop|this (app|site|website|service|scheme|thing)|scheme|dogs?|pets?"
        r"|under \d+|women|men|children|kids|on their own|my own|questions|ask me|they|them|go in"
        r"|come in|stay|time (do )?they open|speak|language|english|foreign|british|lgbt\w*|mate"
        r"|solicitor"
        r"|ambulance|know (which|if)|mean|trained|training|find out|only (in|for)|all uk|scotland"
        r"|wales|one|these places|time limit"
        r"|allowed|have to|got to|time limit|free|cost|pay|buy|data|details|records?|police"
        r"|sticker|sign|only for|turn (me|people|us) away)\b",
    ),
    (
        # The message names the service itself: a question then is about it, even beside a topic.
        "scheme",
        r"\b(safe (space|place)s?|this (app|site|website|service|scheme|chat|thing)|the scheme"
        r"|operation portum|portum|staff|sticker|location (stored|kept|saved)|store my \w+"
        r"|use this|you (store|keep|record|save|track)|real person|a bot|what i type|anyone read"
        r"|app version|this chat"
        r"|(need|bring|show) (any |an |my )?(id|identification))\b",
    ),
    (
        # A place to be, asked for in any words: this outweighs an off-topic word ("rain").
        "somewhere",
        r"\b(wait|sit|shelter|somewhere|anywhere|safe|inside|indoors|stranded|unsafe|help)\b",
    ),
    (
        # Things a safe-space helper cannot help with.
        "off_topic",
        r"\b(weather|forecast|pizza|fish and chips|recipe|football|score|candy crush|level \d+"
        r"|essay|homework|siri|alexa|hey google|recommend|best (\w+ ){0,2}(in|for|near)|password"
        r"|changing (of the )?guard|film|movie|cinema|lottery|horoscope|rain|snow|sunny|bus times"
        r"|train times|timetable|what bus|which bus|what train|which train|how much (is|are|does"
        r"|do)|price of|(where|can) (can )?i buy|complain\w*|parking|jump start|doctors surgery"
        r"|fix it|what time (does|do|is) (the|\w+ (in|on|at))|best pub|curry house|sunday dinner"
        r"|daylight robbery)\b",
    ),
    (
        # Asking what to do about something: a helpline's job (when no place is asked for).
        "advice",
        r"\b(what (do|should|can) (i|we) do|what i do|what (should|do) i do now|should i (worry"
        r"|be worried|go|call|ring|report|tell)|is (that|it|this) (normal|bad|serious|dangerous|a"
        r" crime|abuse|allowed|legal|stalking)|do i (need|ring|call|report)|who (do|can|should)"
        r" (i|we) (call|ring|tell|talk to|report to)|how (do|can) i (report"
        r"|get(?! to (the|a|one))|keep|plan|stop|cope"
        r"|support|help)|what number|is there a number|any advice|need (some )?advice|want advice"
        r"|what can i do|what are my options|who help\w*|(whats|what is|need|give me|got) (the )?"
        r"(\w+ ){0,3}number|who (do|can|should) (i|we) (tell|ask)|who can help|reportable"
        r"|(how|where) (do|can|should) (we|i) complain|what now|what (should|can) (we"
        r"|i) (actually )?"
        r"do|see a doctor|get advice|what to do|who to (tell|ask|talk to)|(dont|do not) know who"
        r"|(whats|what is|need|give me|got) (the )?"
        r"(\w+ ){0,3}number|number (for|please|pls)|advice|get (it )?(checked|looked at)|worth"
        r" going|what should i look for|is (that|it) something to worry|tips (for|on|about)"
        r"|how (can|do|would) (you|i|we|one) tell (if|whether)|is there a way to check)\b",
    ),
    (
        "find_space",
        r"\bwhere (can|do|should|could|shall|would) (i|we) (go|wait|charge|sit"
        r"|get|find|use|stay|hide)\b|\b(somewhere|some where|anywhere|any where|place|places)"
        r" (safe|to (go|wait|sit|stay|charge|hide|rest)|open|quiet|near)\b|\bsafe (space|place"
        r"|spot)s?\b|\b(nearest|closest|near me|nearby|near by|around here|close by|close to me)"
        r"\b|\bneed (somewhere|a place|help)\b|\b(open|opened) (now|near|nearby|late|tonight)\b"
        r"|\b(lost|stranded|cant get home|missed (my|the) (last )?(train|bus))\b|\bwhere (is|are)"
        r" (the|a)\b|\bwhere (can|do) i\b|\bgo now\b"
        r"|\b(dont|do not) know where (i am|im|we are)\b|\bmissed my stop\b|\b(anywhere"
        r"|somewhere)\b|\b(can|could|may) (i|we) (just )?(wait|stay|sit|go|come) (in|at|inside)"
        r" (a|the|your|one of the|any) (\w+ )?(shops?|stores?|safe spaces?|cafes?|pharmacy)\b"
        r"|\bhow (do|can) (i|we) get to (the|a|one|your) (\w+ )?(safe space|shop|store)\b"
        r"|\b(cant find|lost|separated from|seperated from|lost sight of) my (mum|mam|mom|dad"
        r"|grandad|grandma|nan|gran|parents|family|carer|teacher|class|group|support worker)\b",
    ),
    (
        # Feeling unsafe with nothing else said: a place to wait is the answer.
        "feeling_unsafe",
        r"\b(im|i am|i feel|feeling|so) (scared|frightened|afraid|worried|panicking|anxious"
        r"|vulnerable|alone)\b",
    ),
    (
        # Asking for something: thanks with a request is the request.
        "request",
        r"\b(need|needs|where|can|could|is there|are there|any|anywhere|somewhere|please|help|want"
        r"|wanna|looking for|find|how|what|who|which|should)\b",
    ),
    (
        "thanks",
        r"\b(thanks|thank you|thank u|thankyou|cheers|ta|thx|ty|much appreciated"
        r"|appreciate it|bye|goodbye|bye bye|see you|see ya|ttyl|night night|danke|gracias|merci"
        r"|shukran|obrigad[oa]|grazie|dziekuje|dzieki|dhanyavad|spasibo|tesekkur\w*|diolch"
        r"|mahadsanid|shukriya|shukria|multumesc|mersi|jazakallah|cam on|xie xie|xiexie|arigato\w*"
        r"|kamsahamnida|gomawo|salamat|asante|dank ?je( wel)?|takk|kiitos|efharisto|koszonom"
        r"|hvala|faleminderit|dhanyavaad|dhanyawad|nandri|terima kasih|spasiba"
        r"|lifesaver|life saver|that (really )?help(ed|s)|good ?night|tapadh (leat|leibh))\b",
    ),
    (
        "greeting",
        r"^\W*(hi+|hello+|hiya|hey+|heya|yo|hallo|howdy|alright|evening|morning"
        r"|afternoon|good (morning|afternoon|evening|day)|hola|bonjour|ciao|salam|salaam|salaam"
        r" alaikum|assalam\w*|namaste|guten tag|czesc|ola|merhaba|shalom|is anyone there|bore da"
        r"|dzien dobry|dzie dobry|dobry den"
        r"|prynhawn da|noswaith dda|shwmae|sut mae|helo|fit like|sat sri akal|sat shri akal|halo"
        # Hello in the languages people new to Britain write it in Latin letters.
        r"|xin chao|ni hao|nihao|konnichiwa|annyeong\w*|sawasdee|jambo|habari|hej|hei|ahoj|szia"
        r"|marhaba|ahlan|namaskar|vanakkam|selamat \w+|mabuhay|kumusta|buna( ziua)?|privet"
        r"|zdravo|bok|mirdita|salut|dzien dobry|kem cho|adaab|aadab"
        r"|(is )?(anyone|anybody|someone|somebody) (there|here|around|about|online))\b",
    ),
    (
        # "hello? is this a real person": someone checking that anyone is there, a greeting.
        "checking_in",
        r"^[\W|]*((hi+|hello+|hiya|hey+|heya)[\W|]+)?(is )?(this|there|anyone|anybody|someone"
        r"|somebody)( a)?( real)? (person|human|there|here|around|about|online)[\W|]*$",
    ),
)

# Common text-speak and misspellings, replaced word for word before the rules run.
SLANG = {
    "u": "you",
    "n": "and",
    "wats": "whats",
    "wots": "whats",
    "tysm": "thanks",
    "skl": "school",
    "msgs": "messages",
    "tmrw": "tomorrow",
    "m8": "mate",
    "m8s": "mates",
    "rollin": "rolling",
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
    "somthing": "something",
    "sumthing": "something",
    "smth": "something",
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
    "jus": "just",
    "sumthin": "something",
    "somethin": "something",
    "sumfin": "something",
    "summat": "something",
    "fink": "think",
    "onywhere": "anywhere",
    "wumman": "woman",
    "watter": "water",
    # Scots: "bleedin fae her heid", "a sit doon", "dinnae".
    "heid": "head",
    "fae": "from",
    "doon": "down",
    "greetin": "crying",
    "dinnae": "dont",
    "disnae": "doesnt",
    "isnae": "isnt",
    "wasnae": "wasnt",
    "wouldnae": "wouldnt",
    "ahm": "im",
    "yer": "your",
    # Spelt as they sound: "polece", "blud", "hed", "carnt".
    "wil": "will",
    "kil": "kill",
    "fel": "fell",
    "blud": "blood",
    "confuzed": "confused",
    "spikt": "spiked",
    "carnt": "cant",
    "scerd": "scared",
    "partna": "partner",
    "nite": "night",
    "yeer": "year",
    "sumwun": "someone",
    "sumwon": "someone",
    "tork": "talk",
    "dor": "door",
    "sweting": "sweating",
    "polece": "police",
    "pleese": "please",
    "sumwere": "somewhere",
    "sumwhere": "somewhere",
    "hospitle": "hospital",
    "ambulence": "ambulance",
    "keap": "keep",
    "detales": "details",
    "cafay": "cafe",
    "reeport": "report",
    "wallit": "wallet",
    "emergancy": "emergency",
    # More Scots and northern spellings: "wullnae let me oot", "cannit swim", "a fortnicht ago".
    "cannit": "cant",
    "canna": "cant",
    "wullnae": "wont",
    "willnae": "wont",
    "winnae": "wont",
    "didnae": "didnt",
    "couldnae": "couldnt",
    "dinna": "dont",
    "disna": "doesnt",
    "oot": "out",
    "aff": "off",
    "hoose": "house",
    "noo": "now",
    "nicht": "night",
    "nichts": "nights",
    "fortnicht": "fortnight",
    "neebor": "neighbour",
    "bairn": "child",
    "wean": "child",
    "yem": "home",
    "lockd": "locked",
}
