"""The assistant's Welsh rules as tables: danger, needs, helpline topics and intents in Welsh.

Patterns are regular expressions over Welsh text read by `welsh.normalise`: lower case, accents
dropped ("ffôn" is "ffon"), short forms spelt out ("i'n" is "i yn", "mae'r" is "mae yr"),
clause breaks as " | ", and every word the tables know put back to its radical form, so
"fy nilyn" (following me) reads "fy dilyn" and "yng Nghaerdydd" keeps its place name for the
gazetteer. Write the words here unmutated; a word written mutated ("ar goll") is read as
written. Rule ids are the English rules' where the meaning is the same.
"""

from __future__ import annotations

# Word classes, named in a rule as <NAME> like the English tables.
CLASSES = {
    # Someone who may be a danger: "rhywun" (someone), "dyn" (a man), "e/o/fe/fo" (he)... "o"
    # is "he" only after a verb: elsewhere it is "from" or "of" ("llawer o bobl").
    "THREAT": r"(rhywun|rhywrai|dyn|dynion|boi|bois|bachgen|bechgyn|llanc|llanciau|criw|gang"
    r"|grwp|dieithryn|dieithriaid|menyw|dynes|e|(?<=mae )o|(?<=roedd )o|(?<=bod )o|(?<=dydy )o"
    r"|fe|fo|hi|nhw|rhyw \w+|y (dyn|boi|dynion|bois|criw)|(fy|ei) (cyn \w+|partner|gwr|gwraig"
    r"|cariad))",
    # Possessives before a verb-noun make its object: "yn fy nharo" (hitting me).
    "POSS": r"(fy|ein|ei|eu|dy|eich)",
    # What comes before the verb-noun: "yn" (is -ing), "wedi" (has), "cael" (being).
    "ASPECT": r"(yn|wedi|newydd|dal i|dal|cael|ces|ges|cafodd|newydd|dechrau|eto yn)",
    # Hurt, in verb-nouns: hit, beat, kick, punch, push, strangle, stab, threaten, hurt...
    # Borrowed verbs too: "hitio", "pwshio", "grabio", "attacio".
    "HURT": r"(taro|curo|cicio|dyrnu|pwnio|gwthio|tagu|trywanu|stabio|bygwth|brifo|anafu"
    r"|llusgo|slapio|bwrw|colbio|waldio|lladd|poeri|saethu|ymosod|cydio|gafael|cnoi"
    r"|sathru|mygio|mugio|hitio|pwshio|pusho|grabio|attacio|atacio|punsho|punshio|cwffio"
    r"|dal)",
    # ...and in the past: "tarodd e fi" (he hit me).
    "HURT_PAST": r"(tarodd|curodd|ciciodd|dyrnodd|pwniodd|gwthiodd|tagodd|trywanodd|stabiodd"
    r"|bygythiodd|brifodd|anafodd|llusgodd|slapiodd|bwrodd|colbiodd|waldiodd|poerodd"
    r"|saethodd|ymosododd|cydiodd|gafaelodd|mygiodd|hitiodd|pwshiodd|grabiodd|attaciodd)",
    # Meaning harm to come: "mynd i fy lladd" (going to kill me).
    "WILL": r"(mynd i|am|eisiau|isio|moyn|bygwth|trio|ceisio|treio|ar fin|dweud bydd yn"
    r"|dweud ei fod am|yn dod i)",
    "PARTNER": r"(partner|gwr|gwraig|cariad|cyn \w+|bf|gf|boyfriend|girlfriend|husband"
    r"|wife)",
    "CHILD": r"(plentyn|plant|mab|merch|babi|bachgen|wyr|wyres|efeilliaid|hogyn|hogan|crwt"
    r"|croten)",
    "KIN": r"(mam|tad|taid|nain|tad cu|mam gu|mamgu|tadcu|gwr|gwraig|partner|brawd|chwaer"
    r"|ffrind|cymydog|modryb|ewythr|wncwl|anti)",
    "LIMB": r"(coes|coesau|clun|gwddf|cefn|penglog|braich|breichiau|ffer|pigwrn|arddwrn"
    r"|garddwrn|pen)",
    "VEHICLE": r"(car|fan|bws|lori|beic|beic modur|tacsi|tren|tram|cerbyd|sgwter)",
    # "Something", north and south: "rhywbeth", "rwbath", "rhwbeth".
    "SOMETHING": r"(rhywbeth|rwbath|rhwbath|rhwbeth|stwff|cyffur\w*|pils|tabled\w*)",
    # "All of it", in "dod â'r cyfan i ben" (end it all): "cyfan", "cwbl", "popeth".
    "ALL": r"(y cyfan|y cwbl|y cwbwl|popeth|bob dim|y cyfan i gyd|fy bywyd)",
    # Something taken at a party, not medicine: "wedi cymryd rhywbeth", "pils".
    "UNKNOWN_DRUG": r"(rhywbeth|rwbath|rhwbath|rhwbeth|stwff|cyffur\w*|pils|pilsen|ecstasi"
    r"|mdma|ket|ketamine|coke|cocaine)",
    # A stranger who may take someone away, not "he" or "she" who may be a friend.
    "STRANGER": r"(rhywun|rhywrai|dyn|dynion|boi|bois|dieithryn|dieithriaid|criw|gang|llanc"
    r"|llanciau|rhyw \w+)",
    # Signs of a diabetic low or a bad reaction: shaking, sweating, talking nonsense, lost.
    "UNWELL_SIGNS": r"(drysu|dryslyd|crynu|chwysu|nonsens|siarad (yn )?(od|rhyfedd|lol|dwli)"
    r"|ddim yn gwneud synnwyr|dim synnwyr|ddim yn gwybod (lle|ble) (mae|ydy|yw) (hi|e|o|fe|fo)"
    r"|llygaid yn (rholio|troi)|ddim yn ymateb|berwi|llewygu)",
    # Places that may join the scheme.
    "BUSINESS": r"(siop( \w+)?|busnes|caffi|tafarn|fferyllfa|bwyty|swyddfa|salon|llyfrgell|gwesty"
    r"|garej|eglwys|capel|canolfan|depo|derbynfa|undeb|cwmni|stondin|becws|cigydd|sinema"
    r"|theatr|amgueddfa|gorsaf|clwb|campfa|neuadd|bar)",
    # Ways of joining it: "cofrestru" (register), "ymuno" (join), "bod yn fan diogel".
    "JOINING": r"(cofrestru|ymuno|rhestru|cymryd rhan|(bod|fod|dod) yn (lle|man|fan) diogel"
    r"|dod yn rhan)",
    # The service itself, and what people ask about it: its app, its map, the sticker, data.
    "SERVICE": r"(lle diogel|lleoedd diogel|man diogel|mannau diogel|fan diogel|safe space|app|ap"
    r"|gwasanaeth|gwefan|sgwrs|cynllun|sticer|arwydd|map|chatbot|bot|data|lleoliad|hanes|gdpr"
    r"|ystadegau|cymraeg|saesneg|fersiwn)",
    "DRUGS": r"(tabledi|tabled|pils|pilsen|paracetamol|moddion|meddyginiaeth|cyffuriau|ibuprofen"
    r"|co codamol)",
}

# Everyday phrases that sound alarming, blanked before the danger rules: "my feet are killing
# me", "my phone is dying", "my mum will kill me".
EVERYDAY = (
    r"\b(traed|coesau|coes|cefn|pen|dwylo|breichiau|pengliniau|sgidiau|esgidiau|clustiau"
    r"|llygaid)( \w+){0,3} yn (fy|ei|ein) lladd\b",
    r"\b(batri|ffon|ffonau|mobeil|mobile|phone|charge|power|gliniadur|laptop)( \w+){0,3}"
    r" (wedi marw|bron a marw|bron marw|yn marw|ar fin marw|am marw|wedi fflatio"
    r"|yn fflat|yn isel|wedi mynd|wedi gorffen|yn dying|is dead|dead)\b",
    r"\bmarw (eisiau|isio|moyn|am|o chwerthin|o cywilydd|o diflastod|gan chwerthin)\b",
    r"\b(bron|jyst|bron iawn) (a |wedi )?(llewygu|marw|cwympo|syrthio|taro)\b",
    r"\blladd amser\b",
    # "Nearly had a heart attack" at a price: "bron i mi gael trawiad".
    r"\bbron (iawn )?(a |wedi |i mi |i fi |i )?(cael )?(trawiad|ffit|harten|llewygu|marw)\b",
    # A crisis team or line is a service to phone, not danger: "ffonio'r tîm argyfwng".
    r"\b(tim|llinell|gwasanaeth|uned|adran|rhif|cynllun|nyrs|gweithiwr) argyfwng\b",
    # A cut finger from a kitchen knife: first aid, not a weapon.
    r"\b(torri|torrais|torrodd|torres)( \w+){0,2} (fy|ei|eu) (bys|bawd|bysedd|llaw"
    r"|dwylo)( \w+){0,2} (efo"
    r"|gyda|hefo|ar) (y |yr |fy |ei )?(cyllell|siswrn|gwydr|tun)( \w+)?",
    # Out of breath from running "and dying": tired, not dying.
    r"\b(rhedeg|loncian|cerdded|syched|sychedig|blino|ymarfer|gwres)\b[^|]{0,40}\b(dw i|rydw i"
    r"|rwy) yn marw\b",
    r"\b(ofn|ofnus) (y tywyllwch|cwn|pryfed|uchder|nodwyddau|colli|bod yn hwyr|cerdded"
    r"|torfeydd)\b",
    r"\b(ddim yn|dim yn|nid yw yn|nid|dim) (argyfwng|perygl)\b|\bdim (angen )?(brys|rhuthr)\b",
    r"\b(mam|dad|bos|athro|athrawes|gwraig|gwr|nain|taid|mamgu|tadcu|rhieni)\b[^|]{0,25}"
    r"\b(mynd i|am|yn mynd i|yn) (fy|ei) lladd\b",
    r"\b(lladd|marw|gwaed|trywanu|saethu|ymosod)\b[^|]*\b(lol|haha|jocian|jocio|tynnu coes"
    r"|jyst jocian)\b",
    # A question about a rule or what staff would do is not danger now.
    r"\b(dylwn|ddylwn|dylen|ddylen|ydyn|ydy|fydd|fyddan|wnan|wnaiff|allan|gallan|all|ga|gaf"
    r"|alla|galla|fedra|fedran|ydych)\b[^|]{0,25}\b(ffonio|galw) (yr |y )?(heddlu|ambiwlans)\b",
    r"\b(hyfforddiant|polisi|ymwybyddiaeth|am) (ar |am )?sbeicio\b",
    r"\b(cyn|ers|ar ol) (ei|fy|eu) (strôc|stroc|trawiad|llawdriniaeth|damwain)\b",
    r"\b(gwres|ciw|aros|miwsig|swn|gwaith|tywydd|glaw|oerfel|bws|tren|taith|cerdded|ysgol|coleg"
    r"|arholiad\w*|hyn|hwn|hon|pen tost|cur pen)\b[^|]{0,15}\b(yn )?(fy |ei )?lladd( fi| i| mi)?\b",
    r"\bboddi mewn (gwaith|dyled|biliau|gwaith cartref)\b",
    r"\bcuddio rhag (y glaw|yr haul|y gwynt|y tywydd|yr oerfel)\b",
    r"\bbwrw (glaw|eira|cenllysg|hi lawr|ymlaen)\b",
    r"\bbygwth (glaw|eira|storm|stormydd|taranau)\b",
    r"\b(curo|curodd|curon)\b[^|]*\b(gem|rygbi|pel droed|cwis|ras|sgor|gol|goliau|pwyntiau)\b"
    r"|\b(gem|rygbi|pel droed|cwis|ras|sgor|gol|goliau|pwyntiau)\b[^|]*\b(curo|curodd|curon)\b",
    r"\bgwthio (fi|hi|e|o|fe|fo)\b[^|]{0,20}\b(cadair olwyn|pram|coets|bygi|troli)\b",
    r"\bdilyn (y|yr|fy|ei|eich) (arwyddion|cyfarwyddiadau|ffordd|map|llwybr|afon|ap|cwrs|tim"
    r"|cyngor|rheolau|sat nav|satnav|camau|trywydd|stori|newyddion)\b",
    r"\b(traffig|bws|tren|ciw|car|ceir|lifft)\b[^|]{0,15}\b(ddim yn symud|dim yn symud|methu"
    r" symud)\b",
    r"\b(bydd|fydd|basai|byddai|byddan|fydda|byse)\b[^|]{0,25}\bcael ffit\b",
    r"\b(tan|dan) gwyllt\b|\blle (tan|dan)\b|\b(tan|dan) agored\b",
    r"\bargyfwng (costau byw|tai|hinsawdd|ynni)\b",
    # "If...", "what if...": a question about what could happen.
    r"\b(os|beth os|rhag ofn)\b[^|]*",
)

# A cry for help and nothing else is danger: "Helpwch fi!", "Help plis".
CRY = (
    r"^[ |]*(?=[^|]*\b(help|helpwch|achub|argyfwng)\b)((help|helpwch|achub|argyfwng|fi|ni|mi"
    r"|plis|os|gwelwch|yn|dda|rhywun|nawr|rwan|brys|ar|frys|i|cyflym|glou|clou|unrhyw|un"
    r"|me|please)[ |]*)+$"
)

# Danger now, by the English rules' ids. Negation in the clause ("does neb yn fy nilyn")
# cancels the rules in NEGATABLE.
EMERGENCY = (
    ("cry_for_help", CRY),
    (
        "followed",
        r"\b<ASPECT> <POSS> (dilyn|stelcian|hela|gwylio|cwrso)\b|\b(dilyn|cwrso|stelcian) (fi|ni"
        r"|mi)\b|\bar (fy|ein) ol\b|\b<THREAT>\b[^|]{0,30}\b(yn|wedi) (dilyn|cwrso|stelcian)\b"
        r"|\b(car|fan)\b[^|]{0,20}\b(arafu|dilyn|gyrru yn araf)\b|\b(cerdded|gyrru|rhedeg"
        r"|sefyll|aros) (y )?(tu ol|ar ol) i (fi|mi|ni)\b|\bgwylio (y|fy|ein|yr) (ty|fflat"
        r"|cartref)\b"
        r"|\b(stalkio|stelcio|ffolo|folo|chasio|tsiasio|dilyn) (fi|ni|mi)\b|\bcael (fy|ein)"
        r" (stalkio|stelcio|chasio)\b",
    ),
    ("threatened", r"\b(bygwth\w*|bygythiol|bygythiad\w*|bygythiodd)\b"),
    (
        "will_hurt",
        r"\b<WILL> <POSS> (lladd|brifo|taro|trywanu|saethu|curo|treisio|llosgi|cael|tagu|stabio"
        r"|niweidio)\b|\b(lladd|trywanu|saethu|stabio) (fi|ni)\b|\b(gwybod|dweud) ble (dw i"
        r"|rydw i|rwy|ydw i) yn byw\b|\b(dod|yn dod) (i|amdana i|amdanaf|amdanon)\b[^|]{0,10}"
        r"\b(cael|lladd) (fi|ni)\b",
    ),
    (
        "weapon",
        r"\b(cyllell|cyllyll|dryll|drylliau|arf|arfau|bwyell|machete|asid|morthwyl|bat pel fas"
        r"|potel wedi torri|cyllell fara|knife|gun)\b|\bgwn\b(?! (i|nos)\b)",
    ),
    (
        "violence",
        r"\b<ASPECT> <POSS> <HURT>\b|\b<HURT> (fi|ni|mi)\b|\b<HURT_PAST>\b[^|]{0,12}\b(fi|ni"
        r"|fy|ein|arna|arnaf|arnon|ar fy)\b|\bymosod\w* (ar|arna|arnaf|arnon|arnom|arno|arni"
        r"|arnyn|arnoch)\b|\b(ymladd|cwffio|ffeitio) (tu allan|tu fas|ar y stryd|yn y stryd|yn y"
        r" dafarn|yn y clwb|ar y tren|ar y bws)\b|\bffeit\b|\b(pobl|dynion|bois|criw|gang) yn"
        r" (ymladd|cwffio|ffeitio)\b|\b<THREAT>\b[^|]{0,20}\b(yn|wedi)"
        r" <HURT> (fy|y) (\w+ )?(ffrind|plentyn|mab|merch|mam|tad|partner|cariad|brawd|chwaer)\b"
        r"|\b<THREAT> (yn|wedi) <HURT> (menyw|dynes|dyn|plentyn|rhywun|merch|bachgen|hogan|hogyn"
        r"|hi|e|fe|fo|pobl)\b|\btaflu (pethau|stwff|rhywbeth|\w+) (ata|ataf|aton|at)\b",
    ),
    (
        "getting_in",
        r"\b(trio|ceisio|treio|triodd) (dod|torri|mynd|gwthio|dringo) (i mewn|mewn)\b|\btorri (i )?"
        r"mewn\b|\b(rhywun|rhywrai|dyn|dieithryn|lleidr|lladron)\b[^|]{0,12}\b(yn|mewn) (y|fy"
        r"|ein|yr) (ty|fflat|cartref|gardd|ystafell|stafell|llofft)\b|\b(curo|cnocio|dyrnu"
        r"|cicio|bangio|waldio|pwnio) (ar )?(y|fy|ein|yr) (drws|ffenest|ffenestr)\b|\bclywed"
        r" (rhywun|rhywrai|dyn|lleisiau|traed|camau)\b[^|]{0,25}\b(lawr staer|lan staer|i fyny"
        r"|i lawr|tu allan|yn y)\b|\b<THREAT>\b[^|]{0,30}\b(tu allan|tu fas|wrth y drws|ar y"
        r" stepen drws|yn aros amdana|yn disgwyl amdana)\b"
        r"|\b(drws|ffenest|ffenestr)\b[^|]{0,20}\b(cicio|torri|malu|curo|bangio|waldio)\b"
        r"|\b<STRANGER>\b[^|]{0,10}\b(trio|ceisio|treio|triodd) (agor|torri|cicio|gwthio|malu"
        r"|datgloi|dod trwy) ((fy|ein) (drws|ffenest|ffenestr)|(y )?(drws|ffenest|ffenestr) ((fy"
        r"|ein) \w+|y (ty|fflat|car|stafell|ystafell|llofft)))\b|\b(torri"
        r"|malu|smasho) (y|fy|ein|yr) (ffenest|ffenestr|drws)\b",
    ),
    (
        "trapped",
        r"\b(wedi (fy|ein|ei) cloi|cloi (fi|ni) (i mewn|mewn|yn)|methu mynd allan o (y|yr|fy)"
        r"|methu dianc|sownd"
        r" yn (y|yr) (lifft|car|ystafell|stafell|toiled)|(gwrthod|ddim yn|dim yn) gadael (i )?(fi"
        r"|ni|mi) (mynd|gadael|allan)|herwgipio|(dal|cadw) (fi|ni) yn (gaeth|erbyn fy ewyllys)"
        r"|(llusgo|tynnu) (fi|ni) (i|tuag at) (y|ei|eu) (car|fan)|(sownd|gaeth) (mewn|yn) (car"
        r"|fan|tacsi) (gyda|efo|hefo))\b",
    ),
    (
        "spiked",
        r"\bsbeic\w*\b|\b<SOMETHING> (yn|i mewn i|yng) (fy|ei|ein) diod\b|\brhoi <SOMETHING>"
        r" (yn|i mewn i|yng) ((fy|ei|ein|y) )?diod\b|\b<SOMETHING> (yn|i mewn i) diod (fi|i|ni"
        r"|hi|fo|fe|e)\b",
    ),
    (
        "missing_child",
        r"\b(colli|methu ffeindio|methu dod o hyd i|ffaelu ffeindio|ffili ffeindio) (fy|ein)"
        r" <CHILD>\b|\b<CHILD>\b[^|]{0,20}\b(ar goll|wedi diflannu|wedi mynd ar goll|wedi"
        r" crwydro)\b|\b(fy|ein) <KIN>\b[^|]{0,25}\b(ar goll|wedi diflannu|wedi crwydro)\b"
        r"|^(?=.*\bmethu (ffeindio|dod o hyd i) (fy|ein) <KIN>\b)(?=.*\b(dementia|alzheimer\w*"
        r"|drysu|dryslyd|awtistig|awtistiaeth|anabledd|bregus)\b)",
    ),
    (
        "in_danger",
        r"\bmewn perygl\b|\b(ofn|poeni) am fy bywyd\b|\b(ffoniwch|ffonia|galwch|galw|ffonio)"
        r" (yr |y )?(heddlu|ambiwlans|999)\b|\bangen (yr |y )?(heddlu|ambiwlans)\b|\bambiwlans"
        r" (nawr|rwan|plis|ar frys|yn gyflym)\b|\bargyfwng\b|\b(achub|helpwch|help) (fi"
        r"|ni)\b(?! (i|gyda|efo|hefo))"
        r"|\bcuddio (yn|o dan|dan|tu ol|rhag|mewn)\b|\banfon\w* (help|rhywun|ambiwlans|yr heddlu"
        r"|heddlu)\b",
    ),
    (
        "not_breathing",
        r"\b(ddim|dim|methu|stopio|anodd|trafferth|ffaelu|ffili|ffeili|prin|heb) (yn )?anadlu\b"
        r"|\bmethu cael (fy|ei|eu) anadl\b|\banadlu yn (od|rhyfedd|swnllyd|araf|bas)\b"
        r"|\bgwefusau\b[^|]{0,15}\b(glas|llwyd|piws|porffor)\b|\b(mynd|troi|wedi mynd|wedi troi)"
        r" yn (glas|llwyd|piws|porffor)\b|\b(yn )?tagu\b(?! (fi|ni|mi))"
        r"|\bboddi\b|\b(syrthio|disgyn|cwympo|mynd|neidio) i (yr |y )?(afon|mor|llyn|camlas"
        r"|dwr|doc)\b|\bdim curiad\b|\bsownd yn (ei|fy|eu) gwddf\b|\bcpr\b|\b(pwmp|anadlydd"
        r"|inhaler)\b[^|]{0,20}\b(ddim"
        r"|dim) yn (gweithio|helpu)\b",
    ),
    (
        "unconscious",
        r"\b(anymwybodol|llewygu|llewygodd|colapsio|colapsiodd|llipa|gorwedd yn llonydd|ddim yn"
        r" ymateb|dim yn ymateb|ddim yn deffro|dim yn deffro|methu (ei |eu )?deffro|ddim yn"
        r" symud|dim yn symud|ddim yn ateb (fi|ni)|pasio allan|passio allan|pasio mas|passo allan"
        r"|(methu|ddim yn) dod (ato|ati) (ei|i) hun)\b",
    ),
    (
        "seizure",
        r"\b(cael|wedi cael|yn cael) (ffit|trawiad)\b(?! ar)|\bffitio\b|(?<!yn )\bffit\b(?! i\b)"
        r"|\b(confylsiwn|confylsiynau|epileptig)\b|\bysgwyd (i gyd|drosto|drosti|drostyn)\b",
    ),
    (
        "heart_or_stroke",
        r"\bbrest\b[^|]{0,25}\b(poen|tynn|brifo|gwasgu|trwm)\b|\b(poen|poenau|gwasgu|tyndra"
        r"|pwysau)\b[^|]{0,40}\bbrest\b|\bpoen\b[^|]{0,30}\b(braich chwith)\b"
        r"|\btrawiad ar (y|yr) calon\b|\bstroc\b|\bwyneb\b[^|]{0,20}"
        r"\b(disgyn|gollwng|cwympo|syrthio|cam|llipa|wedi mynd lawr)\b|\bmethu (codi|symud) (ei"
        r"|fy) braich\b|\bbraich\b[^|]{0,15}\b(gwan|diffrwyth|llipa|marw)\b|\b(siarad|lleferydd"
        r"|geiriau)\b[^|]{0,20}\b(aneglur|cymysglyd|slyrio)\b|\bslyrio\b",
    ),
    (
        "confused",
        r"\b<UNWELL_SIGNS>\b[^|]*\b(siwgr|diabetig|diabetes|diabet\w*|inswlin|hypo)\b"
        r"|\b(siwgr|diabetig|diabetes|diabet\w*|inswlin|hypo)\b[^|]*\b<UNWELL_SIGNS>\b"
        # Cold and confused is hypothermia; cold and shivering alone is not.
        r"|\b(drysu|dryslyd)\b[^|]*\b(oer|rhewi)\b|\b(oer|rhewi)\b[^|]*\b(drysu|dryslyd|dim"
        r" synnwyr|ddim yn gwneud synnwyr)\b|\bhypothermia\b",
    ),
    (
        "child_very_ill",
        r"\b(babi yn dod|dyfroedd wedi torri|dwr wedi torri|mewn esgor|cyfangiadau|llid yr"
        r" ymennydd)\b",
    ),
    (
        "allergy",
        r"\b(adwaith alergaidd|anaffylacsis|anaffylactig|epipen|epi pen)\b|^(?=.*\b(alergedd"
        r"|alergaidd|pigiad|pigo)\b)(?=.*\b(anadlu|chwyddo|gwddf|tafod)\b)|\b(gwddf|tafod"
        r"|gwefusau|wyneb)\b[^|]{0,20}\b(chwyddo|chwyddedig|cau)\b",
    ),
    (
        "bleeding",
        r"\bgwaedu\b[^|]{0,25}\b(drwg|trwm|lot|llawer|ym mhobman|ofnadwy|heb stopio|yn arw"
        r"|fel mochyn)\b|\b(llawer|lot|pwll|llond|gymaint) o gwaed\b|\bgwaed ym mhobman\b"
        r"|\bgwaed\b[^|]{0,20}\b(ddim yn stopio|dim yn stopio|methu stopio|pistyllio|pwmpio"
        r"|tasgu)\b|\b(methu|ddim yn|dim yn) stopio (y |yr )?gwaed(u)?\b|\bgwaedu o (ei|fy|eu)"
        r" (pen|clust|clustiau)\b|\b(chwydu|poeri|pesychu) gwaed\b|\bbeichiog\b[^|]*\bgwaedu\b"
        r"|\bgwaedu\b[^|]*\bbeichiog\b",
    ),
    (
        "serious_injury",
        r"\b(taro|bwrw|tarodd|bwrodd) gan (y |yr )?<VEHICLE>\b|\b<VEHICLE>\b[^|]{0,20}\b(wedi"
        r"|newydd) (taro|bwrw|mynd dros)\b|\bwedi torri (ei|fy|eu) <LIMB>\b|\basgwrn\b[^|]{0,15}"
        r"\b(allan|sticio|dangos)\b|\b(anafu|brifo|llosgi) yn (drwg|difrifol|ofnadwy)\b"
        r"|\b(cwympo|syrthio|disgyn|cwympodd|syrthiodd|disgynnodd)\b[^|]*\b(methu codi|ddim yn"
        r" symud|methu symud|taro (ei|fy) pen|bwrw (ei|fy) pen|ddim yn siarad)\b|\bgorwedd (ar"
        r"|yn) (y|yr|canol y) (ffordd|stryd|hewl|llawr)\b|\b(wedi |cael )(ei|fy|eu) trywanu\b"
        r"|\bsioc drydan\b|\bllosgiadau (drwg|difrifol)\b",
    ),
    (
        "poisoned",
        r"\b(llyncu|yfed|yfodd|llyncodd) (cannydd|bleach|batri|gwenwyn|cemegau|batri botwm)\b"
        r"|\b(gwenwyn|gwenwyno|gwenwynwyd|gwenwynodd)\b",
    ),
    (
        "self_poisoned",
        r"\bgorddos\w*\b|\b(cymryd|llyncu|cymerodd|llyncodd|cymeres|llyncais|cymrais) (llwyth"
        r"|llawer|lot|gormod|pecyn|bocs|potel|paced|pacedi|yr holl|fy holl|dwsin|\d+) (o )?(fy |y"
        r" |yr |ei )?<DRUGS>\b|\b(cymryd|llyncu) (fy|yr|y|ei) <DRUGS>( \w+)? i gyd\b|\b(wedi"
        r" cymryd|cymerodd|wedi llyncu|llyncodd) gormod\b",
    ),
    (
        "fire_or_flood",
        # "tân" (fire) is "dân" after "ar" and "mae 'na"; both read as written.
        r"\bar dan\b|\b(mae|mae na|mae yna) (tan|dan)\b|\b(tan|dan) yn (y|yr|fy) (ty|cegin|fflat"
        r"|adeilad|ystafell|stafell)\b|\b(llawn|llond) mwg\b|\bmwg\b[^|]{0,20}\b(ym mhobman"
        r"|dod|llenwi)\b",
    ),
    (
        "self_harm_now",
        r"^(?=.*\b(mynd i|(?<!meddyliau )am|eisiau|isio|moyn|ar fin|barod i|meddwl) (lladd fy hun"
        r"|neidio|dod a"
        r" <ALL> i pen|rhoi diwedd ar <ALL>|gorffen y cyfan|gorffen popeth|torri fy hun|cymryd (y"
        r"|fy|yr holl|fy"
        r" holl) (tabledi|pils)|marw)\b)(?=.*\b(heno|nawr|rwan|heddiw|pont|dibyn|clogwyn|ar y to"
        r"|ar pen y to"
        r"|rhaff|llafn|rasel|tabledi|pils|paracetamol|tren|trac|rheilffordd|ymyl|yn barod|ar"
        r" pen)\b)|\bochr anghywir (y|yr) (rheiliau|ffens|rhwystr|canllaw)\b|\bwedi torri (fy"
        r"|ei) (arddyrnau|arddwrn|garddwrn)\b|\bnodyn ffarwel\b"
        # Afraid of what one might do, or not safe with oneself: "dw i ofn be wna i".
        r"|\b(ofn|poeni|dychryn) (be|beth) (wna|wnaf|wnawn|wnai|allwn|alla|galla|fedrwn) i\b"
        r"|\b(ddim|dim) (yn )?(teimlo yn )?(saff|diogel) (efo|gyda|gydag|hefo|rhag) (fi |mi )?fy"
        r" hun\b"
        r"|^(?=.*\b(lladd fy hun|eisiau marw|isio marw|moyn marw|dod a <ALL> i pen)\b)(?=.*"
        r"\bar (y|yr|pen y|pen yr) (pont|dibyn|clogwyn|to|rheilffordd|traciau|ymyl)\b)",
    ),
    (
        "suicide_now",
        r"\b((?<!meddwl )(?<!meddyliau )(?<!siarad )am|mynd i|ar fin|barod i) (lladd fy hun|neidio"
        r"|dod a"
        r" <ALL> i pen|rhoi diwedd ar <ALL>|gorffen y cyfan|gorffen popeth|cymryd (fy|y"
        r"|yr) (tabledi|pils))\b",
    ),
    ("dying", r"\b(dw i|rydw i|rwy|mae e|mae o|mae hi|mae fe|mae fo) yn marw\b"),
    (
        "strangled",
        r"\b(fy|ei|ein) tagu\b|\btagu (fi|hi|ni|mi)\b|\bdwylo (am|rownd|o gwmpas) (fy|ei)"
        r" gwddf\b|\bmethu llyncu\b",
    ),
    (
        "scared_of_someone",
        r"\b(ofn|ofnus|dychryn|dychrynllyd|poeni|panig)\b[^|]*\b<THREAT>\b[^|]*\b(tu allan|tu fas"
        r"|tu ol|gwylio|aros|dod|yma|yn agos|wrth ymyl|dilyn|syllu)\b"
        r"|^(?=.*\b(ofn|ofnus|dychryn|poeni|panig)\b)(?=.*\b(syllu|sbio|sbecian) (arna|ar fi"
        r"|arnon)\b)",
    ),
    # More ways of saying the dangers above.
    (
        "in_danger",
        r"\bangen help (nawr|rwan|ar frys|yn gyflym)\b|\b(help|plis|ofn|ofnus|brys)\b[^|]*(\|[^"
        r"|]*)?"
        r"\bmae (e|o|hi|fe|fo|nhw) (yma|tu allan|tu fas|yn ol|yn dod|yn dod yn ol)\b|\b(gweiddi"
        r"|sgrechian) am help\b|\bclywed (\w+ ){0,3}(sgrechian|gweiddi am help|ymladd)\b",
    ),
    (
        "followed",
        r"\b<ASPECT> <POSS> (cornelu|amgylchynu)\b|\b<THREAT>\b[^|]{0,30}\bwrth (fy|y|ein) (car"
        r"|drws|ffenest|ffenestr)\b",
    ),
    (
        "violence",
        r"\b(malu|smasho|taflu) (pethau|stwff|y lle)\b|\b(gafael|cydio) (yn|yno|yna|ynof|ynddo)"
        r" (fy|fi|i|ein)\b|\bcael ymosodiad\b|\bymosodiad (arna|arnaf|arnon)\b"
        r"|\b(trio|ceisio|triodd|treio) (fy|ein) (cusanu|cyffwrdd|llusgo|tynnu)\b"
        r"|\b(yn|dal i|dal) (fy|ein) (cyffwrdd|byseddu|gropio|groopio)\b",
    ),
    (
        "trapped",
        r"\bcael (fi|ni) i mewn i (ei|eu|y|yr) (car|fan)\b|\b<STRANGER>\b[^|]{0,12}\b(trio|ceisio"
        r"|treio|triodd) (mynd a|llusgo|tynnu|gwthio|cael|cymryd) (fi|ni|hi|fy \w+|ein \w+|<KIN>"
        r"|<CHILD>|merch|dynes|menyw)( fi)? (i|i mewn i) (ei"
        r"|eu|y|yr) (car|fan|tacsi|cerbyd)\b|\b(trio|ceisio) cael (fi|ni) i (mynd"
        r"|dod) (gyda|efo|hefo) (e|o|fe|fo|nhw|fo)\b",
    ),
    (
        "violence",
        r"\b(newydd|wedi) (cipio|dwyn|dwgyd|robio|mygio|mugio) (fy|ein|ei)\b[^|]*\b(dal (o gwmpas"
        r"|yma|yna|tu allan|ar fy ol|wrth)|yn agos)\b",
    ),
    (
        "still_happening",
        r"\b(treisio|cam drin|ymosod|taro|curo|cyffwrdd|hiliol)\b[^|]*\|?[^|]*\b(dal (yma|yna|tu"
        r" allan|gyda fi|efo fi)|yn digwydd (nawr|rwan)|ar hyn o bryd)\b",
    ),
    (
        "unconscious",
        r"\b(ddim|dim) yn effro\b|\b(mae) (e|o|hi|fe|fo) yn (glas|llwyd)\b|\bcalon (\w+ )?wedi"
        r" stopio\b",
    ),
    (
        "poisoned",
        r"\b<CHILD>\b[^|]{0,25}\b(llyncu|bwyta|cnoi) (\w+ )?(rhywbeth|magned|magnedau|darn"
        r" arian|<DRUGS>|cannydd|bleach|batri)\b|^(?=.*\b(cymryd|llyncu) <UNKNOWN_DRUG>\b)"
        r"(?=.*\b<UNWELL_SIGNS>\b)",
    ),
    (
        "child_very_ill",
        r"^(?=.*\b(mynd a|gyrru|gyrrodd|cymryd)\b[^|]{0,20}\b(y|yr|fy|ein"
        r"|ei) <CHILD>\b)(?=.*\b(wedi bod yn yfed|wedi yfed|yn yfed (drwy|trwy|ers|ar hyd|lot"
        r"|gormod|cwrw|alcohol|fodca|gwin|seidr)|meddw|wedi meddwi|chwil|cyffuriau)\b)",
    ),
    ("serious_injury", r"\b<LIMB>\b[^|]{0,20}\b(wedi torri|edrych wedi torri|cam)\b"),
    (
        "in_traffic",
        r"\b(syrthio|cerdded|sefyll|neidio|crwydro|rhedeg|gorwedd)\b[^|]{0,15}\b(ar|i) (y|yr)"
        r" (trac|traciau|rheilffordd|draffordd|traffordd|lon ganol)\b|\b(canol|ganol) y"
        r" (ffordd|draffordd|traffordd|traffig)\b",
    ),
    (
        "choking_on_vomit",
        r"^(?=.*\b(chwydu|taflu i fyny|sal)\b)(?=.*\bgorwedd ar (ei|eu) cefn\b)",
    ),
    (
        "child_very_ill",
        r"\b(babi|plentyn|ci)\b[^|]{0,25}\bgadael (yn|mewn) (y|car)\b[^|]{0,10}\b(car|poeth)\b",
    ),
    (
        "self_harm_now",
        r"\b(sefyll|eistedd|dringo|ar) (ar|dros) (ymyl|pen|y|yr)( y)? (clogwyn|dibyn|pont|to"
        r"|rheiliau|rhwystr|ymyl)\b",
    ),
    (
        "missing_child",
        r"\bcolli golwg ar (fy|ein) <CHILD>\b"
        r"|^(?=.*\b(heb|ddim wedi|dim wedi) (dod|cyrraedd) (adre|adref|yn ol"
        r"|gartref)\b)(?=.*\b(ffon"
        r"|mobeil) (i ffwrdd|wedi diffodd|off)|.*\b\d+ awr|.*\boriau\b)",
    ),
)
# Rules a "not", "nobody" or "without" just before cancels: "does neb yn fy nilyn" (nobody is
# following me), "dydy e ddim wedi fy nharo" (he has not hit me).
NEGATABLE = frozenset(
    {
        "followed",
        "threatened",
        "will_hurt",
        "weapon",
        "violence",
        "getting_in",
        "trapped",
        "spiked",
        "missing_child",
        "in_danger",
        "seizure",
        "heart_or_stroke",
        "serious_injury",
        "fire_or_flood",
        "scared_of_someone",
        "bleeding",
    }
)
NEGATION = r"\b(ddim|dim|nid|nad|neb|byth|erioed|heb)\b"
# A fresh statement after a negation: "dw i ddim yn siwr, mae dyn yn fy nilyn".
FRESH = r"\b(mae|ac|a|ond|achos|felly|rwan|nawr)\b"

# Told as over or habitual ("neithiwr", last night; "weithiau", sometimes): a helpline, not 999.
PAST = (
    r"\b(neithiwr|ddoe|echdoe|wythnos diwethaf|wythnos dwetha|(wythnos|mis|blwyddyn|blynedd"
    r"|blynyddoedd|misoedd|wythnosau|diwrnod|diwrnodau|dyddiau|oriau|awr) yn ol|(dw i|dwi|rydw i"
    r"|rwy|dan ni|rydyn ni) (adre|adref|gartref)|llynedd|y llynedd|pan (on i"
    r"|oeddwn i|o n i|oedd e|oedd o)|yn gynharach|bore (ma|yma)|prynhawn (ma|yma)|arfer"
    r"|weithiau|bob (tro|nos|dydd|wythnos|penwythnos)|yn aml|drwy yr amser|trwy yr amser|ers"
    r" (misoedd|blynyddoedd|wythnosau)|pan mae (e|o|hi|fe|fo) (wedi meddwi|yn meddw|yn yfed"
    r"|yn flin|yn grac)|riportio|adrodd|rhoi gwybod|wedi (mynd|gadael) (nawr|rwan)|(dw|rydw"
    r"|rwy) (i )?(yn )?(diogel|saff) (nawr|rwan)|wedi dianc|(dydy|dyw|dydi|nid yw) (e|o|hi"
    r"|nhw) ddim (yma|yna))\b"
)
# Long ago: even an overdose or a strangling told this way is for a helpline.
LONG_PAST = (
    r"\b(llynedd|y llynedd|(blwyddyn|blynedd|blynyddoedd|misoedd|wythnosau|mis) yn ol|pan (on i"
    r"|oeddwn"
    r" i|o n i) yn (plentyn|ifanc|iau|yn yr ysgol)|yn y gorffennol|ym mis \w+)\b"
)
# ...and what says it is happening now after all (read with the words above set aside).
NOW = (
    r"\b(ar hyn o bryd|yr eiliad (hon|yma)|dal (yma|yna|tu allan|tu fas|i dilyn|i aros|i gwylio)"
    r"|(yn digwydd|eto) (nawr|rwan)|(nawr|rwan) (mae|maen) (e|o|hi|nhw|fe|fo)|yn dod yn ol|ar ei"
    r" ffordd|wrth y drws|yn agosach|(aros|disgwyl) (amdana|amdanaf|amdanon|amdanom))\b"
)
# Thoughts told as not acted on tonight ("dw i'n saff heno"): Samaritans, not 999.
NOT_ACTING = (
    r"\b((dw i|rydw i|rwy|ydw i) (yn )?(saff|diogel) (heno|nawr|rwan|am heno|am nawr)|(ddim|dim)"
    r" yn mynd i (gwneud|neud) (dim|unrhyw beth|hynny)|wna i (ddim|dim) (byd|hynny))\b"
)
# Threats from afar (online, by message) are for 101 unless someone is close now.
REMOTE = (
    r"\b(ar lein|arlein|negeseuon|neges\w*|tecst\w*|facebook|insta\w*|snapchat|whatsapp|tiktok"
    r"|twitter|e bost|ebost|cyfryngau cymdeithasol)\b"
)

# Needs, by the vocabulary's facility codes.
FACILITIES = (
    (
        "phone_charging",
        r"\b(gwefru|gwefrydd|charger|tsiarjar|jarjar|tsiarjio|jarjio|charjio|charjo|charge"
        r"|charging|(?<!llyncu )(?<!llyncodd )(fy|y|yr) batri|batri( \w+){0,3} (isel|fflat|marw"
        r"|bron a darfod|wedi darfod"
        r"|gorffen|wedi mynd)|power bank|plwg|soced|(ffon|mobeil|mobile)( \w+){0,2} (wedi marw"
        r"|bron a marw|bron marw|yn marw|ar fin marw|am marw|yn isel|yn fflat|wedi fflatio|wedi"
        r" diffodd|ar \d{1,2}))\b|\b\d{1,2} ?(%|y cant\b|canran\b)",
    ),
    (
        "phone_use",
        r"\b((defnyddio|benthyg) (y |yr |eich )?(ffon|ffon rhywun|eich ffon)|(lle|ble) (ga|gaf"
        r"|galla|alla|ca|cha|medra|fedra|gallwn|allwn) (i|ni) ffonio|(angen|eisiau|isio"
        r"|moyn) ffonio"
        r"|wedi colli fy ffon|(ffon|mobeil)( \w+){0,2} wedi (ei |cael ei )?(dwyn|dwgyd|torri"
        r"|malu)|dim ffon|heb ffon|heb\b[^|]{0,20}\bna ffon|dim signal)\b",
    ),
    (
        "wifi",
        r"\b(wifi|wi fi|rhyngrwyd|internet|data wedi (gorffen|mynd|rhedeg allan)|dim data)\b",
    ),
    (
        "first_aid",
        r"\b(cymorth cyntaf|plastr|plastar|plasteri|rhwymyn|gwaedu|anaf|anafiadau|briw|pothell"
        r"|pothellau|ysigo|troi fy (ffer|pigwrn|arddwrn)|wedi torri fy (bys|llaw|coes|pen)"
        r"|wedi llosgi fy|wedi brifo fy|wedi anafu fy)\b",
    ),
    (
        "defibrillator",
        r"\b(diffibriliwr|diffib|diffibrilio|peiriant diffib\w*|defib|defibrillator|aed)\b",
    ),
    (
        "step_free",
        r"\b(cadair olwyn|cadeiriau olwyn|pram|coets|bygi|sgwter symudedd|heb grisiau|dim"
        r" grisiau|methu (gwneud|dringo|cerdded i fyny|mynd i fyny) (y |yr )?(grisiau|stepiau"
        r"|staer)|ramp|baglau|ffyn baglau|ffram cerdded|mynediad heb grisiau|lifft (wedi"
        r" torri|ddim yn gweithio))\b",
    ),
    (
        "accessible_toilet",
        r"\b(toiled|toiledau|ty bach|tai bach) (i )?(y |yr )?(anabl|hygyrch|i bobl anabl|cadair"
        r" olwyn|radar)\b|\b(toiled|ty bach) i (bobl|pobl) anabl\b",
    ),
    (
        "toilet",
        r"\b(toiled|toiledau|ty bach|tai bach|lle chwech|pi pi|pipi|pw pw|newid cewyn|newid"
        r" clwt|cewyn|cewynnau|toilet|loo)\b",
    ),
    (
        "private_room",
        r"\b((ystafell|stafell|rhywle|lle|cornel) (tawel|preifat|llonydd)|llonydd|gormod o swn"
        r"|rhy swnllyd|bwydo (o y fron|y babi|babi|ar y fron)|llethu|wedi fy llethu|rhywle i"
        r" cuddio|synhwyraidd)\b",
    ),
    (
        "seating",
        r"\b(eistedd|ista|isda|sedd|seddi|cadair(?! olwyn)|mainc|gorffwys|penysgafn|teimlo yn (gwan"
        r"|benysgafn|llewygu)|coesau yn (gwan|jeli))\b",
    ),
    (
        "drinking_water",
        r"\b(dwr|syched|sychedig|rhywbeth i yfed|diod o dwr|gwydraid o dwr|potel o dwr)\b",
    ),
)
# A facility named as where the person is ("yn y tŷ bach", in the toilet) is not a need.
LOCATIVE = (
    r"\b(yn|mewn|ym|yng|i mewn i|tu allan i|tu fas i|ger|wrth ymyl|o|cuddio yn) (y|yr|fy|ei|eu"
    r"|ein) $|\bmewn $"
)
# Words that ask for a facility outright ("angen", need; "ble", where; "oes", is there).
ASKING = (
    r"\b(angen|eisiau|isio|moyn|ble|oes|unrhyw|rhywle|chwilio|ga i|gaf i|alla i|galla i|plis"
    r"|defnyddio|benthyg|cael|rhaid|need|where)\b|^\W*\w+( \w+)?\W*$"
)
# The same, strictly: in danger only a facility asked for in these words narrows the places.
ASKING_IN_DANGER = r"\b(angen|eisiau|isio|moyn|ble|oes|rhywle|chwilio|unrhyw|need|where)\b"
# Words that cancel a need just before it in the clause: "dim angen toiled" (no need of a toilet).
NEEDLESS = r"\b(dim|ddim|nid|heb)( \w+)? (angen|eisiau|isio|moyn)\b"
# A need asked for after a cancelled one starts afresh.
NEED = r"\b(ond|jyst|dim ond|angen|eisiau|isio|moyn)\b"

# Helpline topics, by the English topics' ids.
TOPICS = (
    (
        "domestic_abuse",
        r"\b(cam drin domestig|trais domestig|perthynas (treisgar|camdriniol)|lloches|rheolaeth"
        r" gymhellol|rheoli fi)\b|^(?=.*\b(fy|ei) <PARTNER>\b)(?=.*\b(<HURT>|<HURT_PAST>|rheoli"
        r"|gweiddi|sgrechian|ofn|treisgar|cam drin|bygwth|cloi|dianc|gadael (e|o|hi|fe|fo)|taflu"
        r"|gwylltio"
        r"|meddwi)\b)|\b(gadael|wedi gadael|dianc rhag|cuddio rhag|ofn) (fy|ei) <PARTNER>\b"
        r"|\bfy cyn\b"
        # Control of money, phone or friends, and wanting to leave: "mae e'n rheoli'r arian".
        r"|\b(rheoli|rheolu) (popeth|y arian|fy arian|yr arian|fy ffon|pwy|ble|beth|fy bywyd)\b"
        r"|\b(cymryd|dwyn|rheoli|cadw) (fy|ein) (arian|pensiwn|cyflog|cerdyn|budd daliadau)\b"
        r"|\b(eisiau|isio|moyn|am|ofn) gadael (e|o|fe|fo|hi|nhw)\b|\b<KIN>\b[^|]{0,15}\b(yn"
        r" )?(gweiddi|sgrechian|rhegi) (arna|arnaf|arnon|ar fi)\b",
    ),
    (
        "suicidal",
        r"\b(lladd fy hun|lladd ei hun|hunanladdiad|hunanladdol|(eisiau|isio|moyn|am) marw|(ddim"
        r"|dim|peidio|peidio bod) (eisiau|isio|moyn) (byw|bod yma|bod yn fyw|deffro)|dod a <ALL>"
        r" i pen|rhoi diwedd ar <ALL>|gorffen"
        r" y cyfan|hunan niweidio|niweidio fy hun|brifo fy hun|torri fy hun"
        r"|(dim|ddim) pwynt (byw|mewn dim)|dim pwynt|gwell heb fi|gwell hebdda i|samariaid"
        r"|samaritans|nodyn ffarwel|diwerth|anobeithiol)\b",
    ),
    (
        "sexual_assault",
        r"\b(treisio|treisiodd|trais rhywiol|ymosodiad rhywiol|ymosod yn rhywiol|cam drin rhywiol"
        r"|cyffwrdd (a )?fi|fy cyffwrdd|cyffyrddodd|heb fy caniatad|rhywiol)\b",
    ),
    (
        "homeless",
        r"\b(digartref|dim unman i (ni |fi |mi )?(cysgu|aros|mynd)|nunlle i (ni |fi |mi )?(cysgu"
        r"|aros|mynd)|unman i (ni |fi |mi )?(cysgu|aros) heno|(taflu|cicio|troi) (ni |fi )?allan o"
        r" (y|yr|fy|ein) (ty|fflat|cartref|llety)|cysgu (allan|ar y stryd|ar y strydoedd|yn y car"
        r"|ar y bws)|wedi (cael )?(fy"
        r"|ein) (taflu|cicio|troi) allan|dim cartref|dim to uwch fy pen|methu mynd adref|methu"
        r" mynd adre|(dw i|dwi|rydw i|rwy) wedi rhedeg i ffwrdd|rhedais i ffwrdd)\b",
    ),
    (
        "child",
        r"^(?=.*\b(dw i|dwi|rydw i|rwy|ydw i) (ond )?yn ([5-9]|1[0-7])( oed| mlwydd| blwydd)?\b(?!"
        r" (munud|awr|milltir|km|m)\b))"
        r"(?=.*\b(siarad|dweud|bwlio|beichiog|rhedeg i ffwrdd|taro|brifo|gweiddi|ofn|ofnus"
        r"|cam drin|cyffwrdd|unman|marw|gwthio|curo|gas|drwg|adre|adref|adra|gartref)\b)"
        r"|\bchildline\b|\bmeic\b|\b(dw i|dwi"
        r"|rydw i) (ond )?yn plentyn\b|\b(mam|dad|tad|rhieni|llystad|llysfam)( fi)? yn (taro"
        r"|curo|brifo|cicio|dyrnu) (\w+ a )?(fi|ni|mi)\b|\bbwlio\b",
    ),
    (
        "hate_crime",
        r"\b(hiliol|hiliaeth|homoffobig|trawsffobig|trosedd casineb|casineb|achos (fy mod|bo fi"
        r"|mod i) yn (hoyw|du|mwslim|iddew|traws|anabl))\b",
    ),
    (
        "medical",
        r"\b(111|nhs|meddyg|meddyg teulu|doctor|presgripsiwn|moddion|meddyginiaeth|sal iawn"
        r"|teimlo yn (sal|gwael|sâl)|tymheredd uchel|gwres uchel|pen tost|cur pen|bola tost"
        r"|chwydu|dolur rhydd|fferyllydd|meddygfa|poen yn fy|clust tost|dannodd|dannoedd)\b",
    ),
    (
        "talk",
        r"\b(rhywun i siarad|siarad (a|â|gyda|efo|hefo) rhywun|unig iawn|mor unig|teimlo yn unig"
        r"|teimlo yn (isel|gwag|trist|digalon|anobeithiol|ofnadwy)|methu ymdopi|anodd ymdopi"
        r"|crio bob (dydd|nos)|neb i siarad|rhywun i gwrando|rhywun i wrando)\b",
    ),
    (
        "police",
        r"\b(riportio|adrodd (am|trosedd)|rhoi gwybod i (yr )?heddlu|(ffon|bag|pwrs|waled|beic|car"
        r"|arian)( \w+){0,2} wedi (ei |cael ei )?(dwyn|dwgyd)|wedi cael (ei|eu) (dwyn|dwgyd)"
        r"|wedi dwyn fy|twyll|sgam\w*|aflonyddu|stelcian|trosedd|lladrad|bygythiol"
        r"|bygythiad\w*)\b",
    ),
)

INTENTS = (
    (
        "register",
        r"^(?=.*\b(fy|ein|mae gen i|mae gyda ni|dw i yn rhedeg|rydyn ni yn rhedeg)\b[^|]*\b(siop"
        r"|busnes|caffi|tafarn|fferyllfa|bwyty|swyddfa|salon|llyfrgell|gwesty|garej|eglwys|capel"
        r"|canolfan)\b)(?=.*\b(cofrestru|ymuno|bod yn lle diogel|dod yn lle diogel|rhestru)\b)"
        r"|\b(cofrestru|ymuno) (fy|ein|fel) (siop|busnes|caffi|tafarn|lle diogel)\b"
        # Someone who runs, owns or works at a business, and a way of joining, in either order.
        r"|^(?=.*\b(fy|ein|mae gen i|mae gyda ni|dw i yn rhedeg|rydyn ni|rydan ni|dan ni|ni yn"
        r"|rheolwr|perchen|perchennog|gweithio|yma)\b)(?=.*\b<BUSINESS>\b)(?=.*\b<JOINING>\b)"
        r"|\b<BUSINESS>\b[^|]{0,40}\b(yn )?(cofrestru|ymuno)\b|\b(fedr|gall|all|allai|gallai"
        r"|fedrai|galla|alla)\b[^|]{0,25}\b(bod|fod|dod) yn (lle|man|fan) diogel\b",
    ),
    (
        "about",
        r"\b(beth|be) (yw|ydy|ydi|di) (lle diogel|lleoedd diogel|hwn|hyn|hon)\b|\bsut (mae|ydy"
        r"|mae yr) (hyn|hwn|e|o|hon|gwasanaeth)\b[^|]*\bgweithio\b|\b(ydy e|ydy o|ydy hwn|ydi"
        r" o) am (dim|ddim)\b|\boes angen (id|prawf|pasbort)\b|\bpwy sy yn rhedeg\b|\bymgyrch"
        r" portum\b|\bportum\b|\bbeth (allwch|gallwch|wnewch) chi\b",
    ),
    (
        # A question about the service: its app, map, data, sticker, language or cost.
        "about",
        r"^(?!.*\b(ble (alla|galla|fedra|medra|mae|ga|cha|gallwn|allwn|dylwn|ddylwn)|agosaf"
        r"|gerllaw|yn agos|rhywle|unrhyw lle|ar agor)\b)(?=.*(^|\| )(ydy|ydi"
        r"|ydych|ydyn|ydan|ydach|oes|pam|pwy|sut|be|beth|fydd|fyddan|fedr|allwch|gallwch|wnewch"
        r"|wnaiff|ga i|gaf i|dach chi)\b).*\b(<SERVICE>|cadw|storio|rhannu|dileu|cyfrinachol"
        r"|preifat|am ddim|rhad ac am ddim|talu|cost|gwirio|hyfforddiant|ystyr|sticer|arwydd"
        r"|ffonio yr heddlu|egluro|gweld beth|gwybod lle|cynnwys)\b",
    ),
    (
        # The message names the service itself: a question then is about it, even beside a topic.
        "scheme",
        r"\b(lle diogel|lleoedd diogel|man diogel|mannau diogel|fan diogel|yr app|yr ap|y"
        r" gwasanaeth|y gwefan|y sgwrs|y cynllun|y sticer|y map|fy data|fy lleoliad|y staff)\b"
        r"|\b(ydych chi|fyddan nhw|wnewch chi) yn (mynd i )?(cadw|storio|rhannu|ffonio|dweud)\b",
    ),
    (
        "somewhere",
        r"\b(aros|eistedd|cysgodi|rhywle|unrhyw lle|diogel|tu mewn|help|helpu|anniogel|saff)\b",
    ),
    (
        "off_topic",
        r"\b(tywydd|pizza|sglodion|pel droed|gwaith cartref|ffilm|sinema|amserlen|faint yw"
        r"|pris|glaw|eira)\b",
    ),
    (
        "advice",
        r"\b(beth|be) (dylwn|ddylwn|alla|galla|ddylen|dylen|ddylwn i|ga i|wna i|wnaf i) (i |ni )?"
        r"(gwneud|neud)\b|\bpwy (dylwn|ddylwn|alla|galla|ga i) i (ffonio|galw|siarad|dweud)\b"
        r"|\bcyngor\b|\b(rhif ffon|pa rif|rhif i ffonio)\b",
    ),
    (
        "find_space",
        r"\bble (alla|galla|fedra|medra|gallwn|allwn|ga|cha|dylwn|ddylwn|mae modd) (i|ni)"
        r" (mynd|aros|gwefru|eistedd|cael|ffeindio|cuddio|defnyddio)\b|\brhywle (diogel|i (mynd"
        r"|aros|eistedd|cuddio|gwefru)|agored|ar agor)\b|\b(lle|lleoedd|man) diogel\b"
        r"|\b(agosaf|gerllaw|yn agos|ar agor)\b|\b(dw i|dwi|rydw i|rwy|ydw i) ar goll\b|\bwedi"
        r" colli (fy|y) (ffordd|tren|bws)\b|\bble mae (y|yr)\b|\boes (rhywle|lle|siop|unrhyw lle)\b"
        r"|\bunrhyw lle\b|\bchwilio am (lle|rhywle)\b|\b(wn i ddim|dw i ddim yn gwybod|dim"
        r" syniad) ble (dw i|ydw i|rydw i|rwy|ydan ni|ydyn ni|rydyn ni)\b",
    ),
    (
        "feeling_unsafe",
        r"\b(ofn|ofnus|poeni|pryderus|dychryn|panig|anniogel|ddim yn teimlo yn (diogel"
        r"|saff)|ar fy pen fy hun|ar pen fy hun)\b",
    ),
    (
        "request",
        r"\b(angen|eisiau|isio|moyn|ble|oes|plis|gwelwch|helpu|chwilio|unrhyw|ga i|gaf i|alla i"
        r"|allwch|gallwch|sut|beth|pwy|pa)\b",
    ),
    ("thanks", r"\b(diolch|diolch yn fawr|hwyl|hwyl fawr|ta ta|nos da|da iawn)\b"),
    (
        "greeting",
        # "Sut mae" alone is "hello"; "sut mae dileu..." (how do I delete...) is a question.
        r"^\W*(helo|shwmae|shwmai|smae|sut mae(?! (\w+ )*\w+ (yn|i|yr|y) )(?= *(\||$|hi|pethau"
        r"|pawb|chi))|sut dach chi|sut ydych chi|bore da|prynhawn da|pnawn da|noswaith dda|hylo"
        r"|haia)\b",
    ),
)

# A man telling of abuse ("dw i'n ddyn", I'm a man) by a woman ("fy ngwraig", my wife): the
# Men's Advice Line, as in English.
MALE_VICTIM = (
    r"\b(dw i|rydw i|rwy|ydw i|dwi) yn (dyn|gwr|hogyn|bachgen|boi|tad|dad|crwt)\b|\bfel (dyn"
    r"|tad|gwr)\b"
)
PARTNER_IS_WOMAN = r"\bfy (gwraig|cariad\b[^|]{0,30}\bhi\b|partner\b[^|]{0,30}\bhi\b)"

# A conversation's next message: "hefyd" (also) adds a need to the ones asked for...
ADDING = r"\b(hefyd|yn ogystal|a hefyd)\b"
# ...and the danger is over: "dw i'n saff nawr" (I'm safe now), "mae e wedi mynd" (he's gone).
SAFE_NOW = (
    r"\b(dw i|rydw i|rwy|ydw i|dan ni|rydyn ni|dyn ni) (yn )?(saff|diogel|iawn) (nawr|rwan)\b"
    r"|\b(e|o|hi|fe|fo|nhw) wedi (mynd|gadael)\b|\bgalwad ffug\b"
)
