"""Rule tables for extraction, kept as data so they can be read and extended without
touching the logic that uses them. Written for this project from general knowledge of
English news style; nothing here is derived from any annotated corpus.
"""

from __future__ import annotations


def words(text: str, *, lower: bool = False) -> frozenset[str]:
    """A word list written as text, one or more words a line (lower-cased on request)."""
    return frozenset(w.lower() for w in text.split()) if lower else frozenset(text.split())


# --- reporting cues -----------------------------------------------------------------------

#: Verb lemmas that introduce what a source says (speech acts and written statements).
SPEECH_VERBS: frozenset[str] = words(
    """
    say tell add write argue insist warn claim note explain tweet post announce
    acknowledge concede suggest predict urge accuse deny state declare assert maintain
    contend stress emphasize emphasise reiterate repeat recall reply respond answer ask
    question counter complain charge allege admit confirm reveal disclose report
    describe testify estimate caution promise pledge vow vowed threaten boast joke quip
    observe remark comment mention point recount speculate propose recommend demand call
    conclude find show document verify publish indicate signal hint insist retort lament
    criticize criticise praise blame dismiss reject rebut refute dispute contradict
    brush shrug tout brag declare
    """
)

#: Verbs whose noun-phrase object is what the source says or stands for ("Clinton blasted
#: Trump", "Sanders endorsed the plan", "announced his resignation").
OBJECT_CUE_VERBS: frozenset[str] = words(
    """
    announce endorse back oppose criticize criticise blast slam attack mock ridicule
    praise defend propose seek demand urge question dispute describe cite predict
    promise pledge vow welcome condemn applaud hail fault blame tout acknowledge admit
    confirm reveal disclose recommend request prefer call characterize characterise
    label dub brand rule decline refuse name order offer express discuss talk touch
    decry retweet post tweet refer point agree disagree threaten intend
    decide recall remind learn concede recognize reaffirm campaign laud belittle embrace
    doubt distrust respect admire credit thank congratulate regret accept advocate
    champion promote pitch lament celebrate taunt insult rip bash lambaste denounce
    implore plead appeal challenge anticipate speculate wonder inquire push press
    lobby email aim support plan vote favor apologize highlight encourage focus
    ignore share
    """
)

#: Nouns that "make" turns into an act of saying ("made the case that", "made no secret of").
LIGHT_VERB_NOUNS: frozenset[str] = words(
    """
    case point argument claim promise pledge vow accusation allegation announcement
    statement prediction suggestion remark comment admission secret plea appeal threat
    commitment call mention defense defence apology warning assurance note pitch
    """
)

#: Verbs that make an act of saying with one of those nouns ("made the case that",
#: "issued a warning about", "sounded a note of caution", "delivered a plea for").
LIGHT_VERBS: frozenset[str] = words("make issue deliver sound voice")

#: Verbs that give a verdict as a noun ("had praise for", "heaped scorn on", "offered kind
#: words for", "cast the blame on"), with the nouns they give (:data:`VERDICT_NOUNS`).
VERDICT_VERBS: frozenset[str] = words(
    "have offer heap lavish shower reserve cast lay put pin place"
)

#: What :data:`VERDICT_VERBS` give: praise or blame of whom the for- or on-phrase names.
VERDICT_NOUNS: frozenset[str] = words("praise criticism scorn contempt word compliment kudos blame")

#: What is recalled in the sense of called back, not remembered aloud: an envoy, or goods
#: ("recalled its ambassador", "recalled the affected vehicles", "Automaker Recalls Cars").
CALLED_BACK: frozenset[str] = words(
    """ambassador envoy diplomat product vehicle car truck batch lot unit model device drug
    medicine packet bottle carton can jar cars vehicles trucks products units devices
    batches lots drugs medicines tablet tablets pill pills capsules vaccine vaccines
    inhaler inhalers formula toys laptops phones batteries"""
)

#: Verbs of reacting that a quotation in the next sentence fills in ("Smith disagreed.
#: “...”", "The mayor put it bluntly."): with no object or clause of their own.
REACTION_VERBS: frozenset[str] = words(
    """
    agree disagree concur differ object elaborate continue echo chime weigh put sum
    summarize summarise recall reflect marvel scoff sigh laugh
    """
)

#: Verbs of uttering words aloud or on display that a quotation next to them fills in
#: ("Protesters chanted “No more cuts!”", "“Stay there!” a man shouted", "a sign read
#: “Hands off our port”"): they say how the words were delivered, not that a claim is
#: made, so only quotations take them as cues.
UTTERANCE_VERBS: frozenset[str] = words(
    """
    shout yell chant scream shriek holler bellow roar boom exclaim cry cheer whisper
    mutter murmur mumble sing read
    """
)

#: Verbs that take a clause without attributing it ("make sure that", "be that"): being,
#: causing, letting and needing ("allows states to", "it turns out", "ensure that").
NOT_CUES: frozenset[str] = words(
    """
    be have do make let get seem appear mean go come happen help see watch hear feel
    allow enable cause force require need ensure guarantee turn become remain take keep
    win
    """
)

#: Passive verbs that attribute a clause to nobody in particular ("is expected to pass").
UNSOURCED_PASSIVES: frozenset[str] = words(
    "say expect believe report think allege rumor rumour ask"
)

#: Adjectives of attitude: with a named subject and a complement they attribute a view or a
#: feeling ("Cruz is confident that ...", "voters are skeptical of ...").
ATTITUDE_ADJECTIVES: frozenset[str] = words(
    """
    confident sure certain convinced skeptical sceptical doubtful optimistic pessimistic
    hopeful worried concerned afraid fearful anxious nervous wary eager keen willing
    reluctant determined adamant angry furious upset frustrated disappointed unhappy
    glad happy pleased proud thrilled excited shocked surprised critical supportive
    opposed aware unaware interested inclined open receptive hostile sympathetic
    """
)

#: Words that lead a line with a colon without naming a speaker ("Note: ...", "UPDATE: ...").
NOT_SPEAKERS: frozenset[str] = words(
    """
    note editor editors update updated correction related watch photo photos video read
    source sources credit disclosure warning
    """
)

#: Verbs whose subject is also the subject of the infinitive they take ("went on to say").
ONWARD_VERBS: frozenset[str] = words(
    "go continue begin start proceed decide rush move refuse seem appear try"
)

#: Nouns for polls: "In a CNN poll, Clinton led ..." makes the poll the source.
POLL_NOUNS: frozenset[str] = words("poll polls survey surveys polling")

#: Verbs of impression: "the plan seems doomed", "he appeared to concede" attribute a view
#: to no one in particular (the writer's or the general impression).
IMPRESSION_VERBS: frozenset[str] = words("seem appear")

#: Adverbs that mark a clause as hearsay without a source ("he reportedly met ...").
HEARSAY_ADVERBS: frozenset[str] = words("reportedly allegedly purportedly supposedly")

#: Prepositions that, right after a cue verb, introduce its content ("called for X",
#: "pointed to X", "talked about X", "agreed with X", "voted against X").
CONTENT_PREPOSITIONS: frozenset[str] = words("for to on about with against of")

#: Verbs of belief and intention: attributed only when the source is named or resolved.
BELIEF_VERBS: frozenset[str] = words(
    """
    believe think want hope fear expect feel doubt worry intend wish consider regard
    view suspect assume figure like love hate trust hop
    """
)

#: Cues whose statements are findings (reported results) rather than plain statements.
FINDING_VERBS: frozenset[str] = words(
    """
    find document verify reveal conclude show uncover publish estimate identify
    """
)
#: Nouns that, inside a cue phrase ("said in its report"), mark a finding.
FINDING_NOUNS: frozenset[str] = words(
    """
    report study survey investigation analysis review audit inquiry findings poll
    """
)

#: Nouns of saying or believing that take a that-clause as what is said or held ("her
#: claim that ...", "the minister's warning that ..."), with a possessive as the source.
#: Nouns of urging or promising whose to-infinitive (or, for the first four, for-phrase)
#: is what is urged or promised: "the mayor's call to reopen the mine", "her pledge to
#: cut fees", "the union's calls for a strike" (rule claim-noun). Not "proposal" or
#: "request", which name a plan or a filing as often as words.
URGING_NOUNS: frozenset[str] = words("call demand appeal plea pledge promise vow threat")
URGING_FOR_NOUNS: frozenset[str] = words("call demand appeal plea")

CLAIM_NOUNS: frozenset[str] = words(
    """
    claim assertion warning insistence argument suggestion statement remark accusation
    allegation contention prediction admission denial promise pledge vow belief view
    charge complaint concession boast threat assurance declaration announcement
    acknowledgment acknowledgement observation conviction fear hope worry concern
    """
)

#: Cues whose statements are denials.
DENIAL_VERBS: frozenset[str] = words(
    """
    deny reject dismiss rebut refute dispute contradict
    """
)

#: Nouns of communication channels that may extend a cue: "said in a statement"; what
#: their issuer says ("issued a statement saying", "fired back a response saying", "filed
#: a lawsuit alleging").
CHANNEL_NOUNS: frozenset[str] = words(
    """
    statement report interview post tweet letter speech briefing email e-mail video
    message op-ed editorial column blog release conference call note memo filing
    testimony radio television broadcast podcast press ad ads advertisement commercial
    petition response reply lawsuit suit complaint
    """
)

#: Words whose full stop does not end a sentence ("said Ms. Leon", "the U.S. Senate").
ABBREVIATIONS: frozenset[str] = words(
    """mr mrs ms dr sen gov rep st jr sr lt gen col sgt capt adm cmdr gov. prof rev hon
    inc co corp ltd no vs etc jan feb mar apr aug sept sep oct nov dec a.m p.m u.s u.k u.n
    d.c e.g i.e ft mt"""
)

# --- people ---------------------------------------------------------------------------------

#: Head words of role titles that may stand before a name ("Foreign Minister Lavrov").
TITLE_HEADS: frozenset[str] = words(
    """
    president minister chancellor secretary senator sen. governor gov. mayor spokesman
    spokeswoman spokesperson director chairman chairwoman chair ambassador general judge
    justice representative rep. congressman congresswoman leader diplomat king queen
    prince princess pope commissioner officer executive ceo founder editor correspondent
    prosecutor attorney premier envoy adviser advisor chief head superintendent sheriff
    councillor councilor councilman councilwoman lawmaker mp speaker candidate nominee
    professor dr. dr economist analyst researcher lawyer activist colonel captain
    lieutenant sergeant admiral commander inspector manager president-elect vice-
    president coach midfielder striker goalkeeper defender winger referee quarterback
    pitcher skipper novelist journalist photographer surgeon physician engineer scientist
    historian astronaut sheikh sheikha sultan emir cllr cllr.
    """
)

#: Words that may precede a title head inside the title ("Deputy Foreign Minister").
TITLE_MODIFIERS: frozenset[str] = words(
    """
    deputy vice foreign prime finance interior defense defence health justice education
    energy environment trade economy economic home state chief executive first former
    acting assistant associate senior managing general attorney majority minority house
    senate supreme lead principal press communications campaign national regional
    district county city federal top crown grand rookie veteran
    """
)

#: Honorifics that are not part of a name and carry gender where they can.
HONORIFICS: dict[str, str | None] = {
    "mr": "male",
    "mr.": "male",
    "mrs": "female",
    "mrs.": "female",
    "ms": "female",
    "ms.": "female",
    "miss": "female",
    "dr": None,
    "dr.": None,
    "sir": "male",
    "dame": "female",
    "lord": "male",
    "lady": "female",
}

#: Object and possessive pronouns and the subject form they resolve as ("his claim" is
#: his: found as "he" would be).
PRONOUN_SUBJECT: dict[str, str] = {
    "him": "he",
    "his": "he",
    "her": "she",
    "hers": "she",
    "them": "they",
    "their": "they",
    "theirs": "they",
    "its": "it",
}

PRONOUN_GENDER: dict[str, str | None] = {
    "he": "male",
    "him": "male",
    "his": "male",
    "she": "female",
    "her": "female",
    "hers": "female",
    "they": None,
    "them": None,
}

#: Nouns that make a subject a person the text may not name ("a senior official").
PERSON_NOUNS: frozenset[str] = words(
    """
    man woman men women person people official officials source sources spokesman
    spokeswoman spokesperson resident residents witness witnesses aide aides adviser
    advisers advisor advisors analyst analysts expert experts observer observers
    diplomat diplomats officer officers worker workers employee employees member members
    activist activists critic critics supporter supporters voter voters farmer farmers
    fisherman fishermen father mother son daughter brother sister boy girl student
    students teacher teachers doctor doctors nurse nurses lawyer lawyers victim victims
    survivor survivors neighbour neighbor neighbours neighbors friend friends insider
    insiders executive executives staffer staffers lawmaker lawmakers legislator
    legislators representative representatives researcher researchers scientist
    scientists economist economists investigator investigators prosecutor prosecutors
    strategist strategists operative operatives donor donors organizer organizers
    organiser organisers relative relatives owner owners manager managers director
    directors leader leaders protester protesters protestor protestors demonstrator
    demonstrators refugee refugees migrant migrants soldier soldiers police policeman
    policewoman guard guards driver drivers passenger passengers customer customers
    parent parents mom dad husband wife herder herders trader traders vendor vendors
    shopkeeper shopkeepers miner miners villager villagers pensioner pensioners
    patient patients pilot pilots fan fans shopper shoppers commuter commuters
    """
)

#: Heads of poll-style groups that act as sources ("56 percent said", "a majority want").
QUANTITY_NOUNS: frozenset[str] = words(
    "percent percentage majority minority half third quarter most many some few both all others"
)

#: Nouns that make an unnamed subject an organisation-like source ("the ministry said").
GROUP_NOUNS: frozenset[str] = words(
    """
    ministry department agency government administration office campaign committee
    company firm group organization organisation court police military army council
    commission authority authorities newspaper paper daily outlet network agency
    institute foundation party union embassy cabinet panel board team study report
    survey poll investigation review audit analysis
    """
)

# --- places -----------------------------------------------------------------------------

#: Nationality adjectives -> country name, for "Russian Foreign Minister" -> Russia.
DEMONYMS: dict[str, str] = {
    "afghan": "Afghanistan",
    "albanian": "Albania",
    "algerian": "Algeria",
    "american": "United States",
    "argentine": "Argentina",
    "argentinian": "Argentina",
    "armenian": "Armenia",
    "australian": "Australia",
    "austrian": "Austria",
    "azerbaijani": "Azerbaijan",
    "bangladeshi": "Bangladesh",
    "belarusian": "Belarus",
    "belgian": "Belgium",
    "bolivian": "Bolivia",
    "bosnian": "Bosnia and Herzegovina",
    "brazilian": "Brazil",
    "british": "United Kingdom",
    "bulgarian": "Bulgaria",
    "cambodian": "Cambodia",
    "cameroonian": "Cameroon",
    "canadian": "Canada",
    "chechen": "Chechnya",
    "chilean": "Chile",
    "chinese": "China",
    "colombian": "Colombia",
    "congolese": "Congo",
    "croatian": "Croatia",
    "cuban": "Cuba",
    "cypriot": "Cyprus",
    "czech": "Czech Republic",
    "danish": "Denmark",
    "dutch": "Netherlands",
    "ecuadorian": "Ecuador",
    "egyptian": "Egypt",
    "emirati": "United Arab Emirates",
    "english": "England",
    "eritrean": "Eritrea",
    "estonian": "Estonia",
    "ethiopian": "Ethiopia",
    "filipino": "Philippines",
    "finnish": "Finland",
    "french": "France",
    "georgian": "Georgia",
    "german": "Germany",
    "ghanaian": "Ghana",
    "greek": "Greece",
    "guatemalan": "Guatemala",
    "haitian": "Haiti",
    "honduran": "Honduras",
    "hungarian": "Hungary",
    "icelandic": "Iceland",
    "indian": "India",
    "indonesian": "Indonesia",
    "iranian": "Iran",
    "iraqi": "Iraq",
    "irish": "Ireland",
    "israeli": "Israel",
    "italian": "Italy",
    "ivorian": "Ivory Coast",
    "jamaican": "Jamaica",
    "japanese": "Japan",
    "jordanian": "Jordan",
    "kazakh": "Kazakhstan",
    "kenyan": "Kenya",
    "korean": "Korea",
    "kosovar": "Kosovo",
    "kurdish": "Kurdistan",
    "kuwaiti": "Kuwait",
    "kyrgyz": "Kyrgyzstan",
    "latvian": "Latvia",
    "lebanese": "Lebanon",
    "libyan": "Libya",
    "lithuanian": "Lithuania",
    "malaysian": "Malaysia",
    "malian": "Mali",
    "maltese": "Malta",
    "mexican": "Mexico",
    "moldovan": "Moldova",
    "mongolian": "Mongolia",
    "moroccan": "Morocco",
    "nepalese": "Nepal",
    "nicaraguan": "Nicaragua",
    "nigerian": "Nigeria",
    "nigerien": "Niger",
    "norwegian": "Norway",
    "omani": "Oman",
    "pakistani": "Pakistan",
    "palestinian": "Palestine",
    "panamanian": "Panama",
    "paraguayan": "Paraguay",
    "peruvian": "Peru",
    "polish": "Poland",
    "portuguese": "Portugal",
    "qatari": "Qatar",
    "romanian": "Romania",
    "russian": "Russia",
    "rwandan": "Rwanda",
    "saudi": "Saudi Arabia",
    "scottish": "Scotland",
    "senegalese": "Senegal",
    "serbian": "Serbia",
    "singaporean": "Singapore",
    "slovak": "Slovakia",
    "slovenian": "Slovenia",
    "somali": "Somalia",
    "african": "Africa",
    "spanish": "Spain",
    "sudanese": "Sudan",
    "swedish": "Sweden",
    "swiss": "Switzerland",
    "syrian": "Syria",
    "taiwanese": "Taiwan",
    "tajik": "Tajikistan",
    "tanzanian": "Tanzania",
    "thai": "Thailand",
    "tunisian": "Tunisia",
    "turkish": "Turkey",
    "turkmen": "Turkmenistan",
    "ugandan": "Uganda",
    "ukrainian": "Ukraine",
    "uruguayan": "Uruguay",
    "uzbek": "Uzbekistan",
    "venezuelan": "Venezuela",
    "vietnamese": "Vietnam",
    "welsh": "Wales",
    "yemeni": "Yemen",
    "zambian": "Zambia",
    "zimbabwean": "Zimbabwe",
    "european": "European Union",
    "angolan": "Angola",
    "bahamian": "Bahamas",
    "bahraini": "Bahrain",
    "barbadian": "Barbados",
    "belizean": "Belize",
    "beninese": "Benin",
    "bhutanese": "Bhutan",
    "botswanan": "Botswana",
    "bruneian": "Brunei",
    "burkinabe": "Burkina Faso",
    "burundian": "Burundi",
    "chadian": "Chad",
    "comoran": "Comoros",
    "djiboutian": "Djibouti",
    "dominican": "Dominican Republic",
    "fijian": "Fiji",
    "gabonese": "Gabon",
    "gambian": "Gambia",
    "guinean": "Guinea",
    "guyanese": "Guyana",
    "laotian": "Laos",
    "liberian": "Liberia",
    "luxembourgish": "Luxembourg",
    "malagasy": "Madagascar",
    "malawian": "Malawi",
    "maldivian": "Maldives",
    "mauritanian": "Mauritania",
    "mauritian": "Mauritius",
    "monegasque": "Monaco",
    "montenegrin": "Montenegro",
    "mozambican": "Mozambique",
    "burmese": "Myanmar",
    "namibian": "Namibia",
    "salvadoran": "El Salvador",
    "samoan": "Samoa",
    "seychellois": "Seychelles",
    "surinamese": "Suriname",
    "swazi": "Eswatini",
    "togolese": "Togo",
    "tongan": "Tonga",
    "macedonian": "North Macedonia",
    "vanuatuan": "Vanuatu",
}

#: Adjectives of regions, which news uses as it uses a nationality's ("a Kashmiri
#: journalist"): no organisation, and no country either (a Catalan court is Spain's).
REGIONAL_DEMONYMS: dict[str, str] = {
    "kashmiri": "Kashmir",
    "punjabi": "Punjab",
    "sindhi": "Sindh",
    "catalan": "Catalonia",
    "basque": "Basque Country",
    "tibetan": "Tibet",
    "bavarian": "Bavaria",
    "sicilian": "Sicily",
    "flemish": "Flanders",
    "andalusian": "Andalusia",
    "crimean": "Crimea",
    # adjectives of mountains, seas and other regions, which modify nouns in every beat
    # ("most Alpine glaciers", "Andean farmers", "Saharan dust")
    "alpine": "Alps",
    "andean": "Andes",
    "himalayan": "Himalayas",
    "amazonian": "Amazon",
    "saharan": "Sahara",
    "balkan": "Balkans",
    "scandinavian": "Scandinavia",
    "siberian": "Siberia",
    "patagonian": "Patagonia",
    "caucasian": "Caucasus",
}

# --- organisations --------------------------------------------------------------------

#: Nouns that, as "the company", may stand for the last organisation named.
GENERIC_ORG_NOUNS: frozenset[str] = words(
    "company firm group organization organisation operator union association agency club"
)

#: Words only sports clubs' names end with ("Dunmore Athletic", "Bolton Wanderers FC")
#: or begin with ("Dynamo Kyiv"): a club is found by them where NER sees no name
#: (:mod:`kg.extract.entities.candidates`).
CLUB_NAME_ENDS: frozenset[str] = frozenset(
    ["Athletic", "Rovers", "United", "Wanderers", "Hotspur", "Albion", "FC", "AFC"]
)
CLUB_NAME_STARTS: frozenset[str] = frozenset(
    ["Olympique", "Borussia", "Dynamo", "Dinamo", "Spartak", "Lokomotiv", "Deportivo", "Atlético"]
)

#: Words of sports clubs' names that no person's name has ("Sporting Braga", "Dynamo
#: Kyiv", "Olympique Lyonnais", "Bolton Wanderers"): NER takes two-word clubs for people.
#: Beside the ends and starts above, words that also begin other names ("Real Estate",
#: "Sporting Goods") and so find no club on their own.
CLUB_NAME_WORDS: frozenset[str] = (
    CLUB_NAME_ENDS
    | CLUB_NAME_STARTS
    | frozenset(
        [
            "CF",
            "SC",
            "SV",
            "VfB",
            "VfL",
            "Sporting",
            "Olympiakos",
            "Athletico",
            "Racing",
            "Real",
            "Sparta",
            "Galatasaray",
            "Fenerbahçe",
            "Besiktas",
            "Beşiktaş",
            "Juventus",
            "Benfica",
        ]
    )
)

#: Nouns that, in "the newspaper said" or "told the X newspaper", mark a news outlet.
OUTLET_NOUNS: frozenset[str] = words(
    """
    newspaper paper daily weekly tabloid broadcaster network outlet magazine agency
    """
)

#: Upper-case tokens that NER tags as organisations but that name none.
NOT_ORGANIZATIONS: frozenset[str] = words(
    """
    LGBT LGBTQ LGBTQI CEO CFO COO GDP PDF TV FAQ CC AM PM OK COVID COVID-19 HIV AIDS AI
    """
)

#: First words of companies' names that name no company on their own ("General Motors",
#: "National Grid", "Royal Dutch Shell", "Deutsche Bank"): never a company's short form.
NOT_COMPANY_SHORT_FORMS: frozenset[str] = words(
    """
    The General National International United American British Royal New First Bank Air
    Deutsche China Japan Korea India Global Standard Central Southern Northern Eastern
    Western North South East West Great Grand Pacific Atlantic Continental Universal
    Imperial Federal State City Metro Capital Premier Pan Trans Inter
    """
)

# --- places ---------------------------------------------------------------------------------

#: Words that end the names of streets, buildings and natural features ("Hope Street",
#: "St Mary's Hospital", "Lake Victoria"): a run of name words holding one names a place,
#: however personal its first word ("Grace Church", "Victoria Station"). Words that are
#: also common surnames (Park, Hall, Hill, Lane, Way, Marsh) are left out: "Grace Park said".
FACILITY_WORDS: frozenset[str] = words(
    """
    Street St Road Rd Avenue Ave Drive Boulevard Square Plaza Gardens Church Chapel
    Cathedral Mosque Temple Synagogue Shrine Hospital Clinic Infirmary Stadium Arena
    Airport Station Terminal Bridge Harbour Harbor Pier Dock Tower Centre Center Market
    School College Academy Library Museum Gallery Theatre Theater Hotel Prison Jail Lake
    River Valley Beach Bay Island Islands Mountain Mount Hills Forest Falls Creek Canal
    Coast Cape Desert Estate Ranch Quay Quays Wharf Embankment Promenade Esplanade
    """
)
