"""Known names: news outlets, organisations with their usual short forms, and places.

Why a gazetteer at all: the same organisation appears as "the DNC", "the Democratic National
Committee" and "the committee"; a name list is the only way to know that "DNC" in an article
that never spells it out is the committee, and that "the State Department" is "the Department
of State". Every entry is written for this project from general knowledge of (mostly US and
international) news; nothing here is derived from any annotated corpus. Users extend or
correct it for their own material with ``kg build --aliases``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.lexicon import DEMONYMS, words

#: Known news outlets: canonical name -> surface forms (regular expressions, matched
#: case-sensitively on word boundaries).
NEWS_OUTLETS: dict[str, tuple[str, ...]] = {
    # not "The Independent National Electoral Commission" nor "the independent panel"
    "The Independent": (
        r"(?<=[’']s\s)Independent(?! [A-Za-z])",
        r"[Tt]he Independent(?! [A-Za-z])",
    ),
    "Novaya Gazeta": (r"Novaya Gazeta",),
    "The New York Times": (r"(?:[Tt]he )?New York Times", r"NYT"),
    "The Washington Post": (r"(?:[Tt]he )?Washington Post",),
    "The Washington Times": (r"(?:[Tt]he )?Washington Times",),
    "The Wall Street Journal": (r"(?:[Tt]he )?Wall Street Journal", r"WSJ"),
    "The Guardian": (
        r"(?:[Tt]he )?Guardian(?= (?:reported|said|wrote|newspaper))",
        r"[Tt]he Guardian\b",
    ),
    "The Times": (r"[Tt]he Times of London",),
    "Financial Times": (r"(?:[Tt]he )?Financial Times",),
    "The Economist": (r"[Tt]he Economist",),
    "Los Angeles Times": (r"(?:[Tt]he )?Los Angeles Times", r"(?:[Tt]he )?LA Times"),
    "Chicago Tribune": (r"(?:[Tt]he )?Chicago Tribune",),
    "The Boston Globe": (r"(?:[Tt]he )?Boston Globe",),
    "New York Post": (r"(?:[Tt]he )?New York Post",),
    "New York Daily News": (r"(?:[Tt]he )?(?:New York )?Daily News",),
    "USA Today": (r"USA Today", r"USA TODAY"),
    "Associated Press": (r"(?:[Tt]he )?Associated Press", r"\bAP\b"),
    "Reuters": (r"Reuters",),
    "Agence France-Presse": (r"Agence France-Presse", r"\bAFP\b"),
    "Bloomberg News": (r"Bloomberg News", r"Bloomberg Politics"),
    "BBC": (r"(?:[Tt]he )?BBC",),
    "CNN": (r"CNN",),
    "CNBC": (r"CNBC",),
    "Fox News": (r"Fox News(?: Channel)?",),
    "MSNBC": (r"MSNBC",),
    "NBC News": (r"NBC(?: News)?",),
    "CBS News": (r"CBS(?: News)?",),
    "ABC News": (r"ABC News", r"ABC(?=’s|'s| News| reported|\b)(?! [A-Z])"),
    "NPR": (r"NPR", r"National Public Radio"),
    "PBS": (r"PBS",),
    "C-SPAN": (r"C-SPAN",),
    "Univision": (r"Univision",),
    "Telemundo": (r"Telemundo",),
    "Politico": (r"Politico", r"POLITICO"),
    "Axios": (r"Axios",),
    "The Hill": (r"[Tt]he Hill(?= (?:reported|said|wrote|newspaper))",),
    "Breitbart News": (r"Breitbart(?: News)?",),
    "The Daily Beast": (r"(?:[Tt]he )?Daily Beast",),
    "The Daily Caller": (r"(?:[Tt]he )?Daily Caller",),
    "The Huffington Post": (r"HuffPost", r"(?:[Tt]he )?Huffington Post"),
    "BuzzFeed News": (r"BuzzFeed(?: News)?",),
    "Vox": (r"Vox(?=\.com| reported| wrote)",),
    "Slate": (r"Slate(?= magazine| reported| wrote)",),
    "Salon": (r"Salon(?=\.com| reported| wrote)",),
    "The New Yorker": (r"(?:[Tt]he )?New Yorker(?! [A-Z])",),
    "Time": (r"Time magazine", r"TIME magazine"),
    "Newsweek": (r"Newsweek",),
    "National Review": (r"(?:[Tt]he )?National Review",),
    "The Weekly Standard": (r"(?:[Tt]he )?Weekly Standard",),
    "Mother Jones": (r"Mother Jones",),
    "The Nation": (r"[Tt]he Nation(?= magazine| reported| wrote)",),
    "The Atlantic": (r"[Tt]he Atlantic(?= (?:reported|magazine|wrote))",),
    "The Intercept": (r"[Tt]he Intercept",),
    "ProPublica": (r"ProPublica",),
    "Talking Points Memo": (r"Talking Points Memo",),
    "Washington Examiner": (r"(?:[Tt]he )?Washington Examiner",),
    "Yahoo News": (r"Yahoo News", r"Yahoo! News"),
    "The Des Moines Register": (r"(?:[Tt]he )?Des Moines Register",),
    "Miami Herald": (r"(?:[Tt]he )?Miami Herald",),
    "San Francisco Chronicle": (r"(?:[Tt]he )?San Francisco Chronicle",),
    "Houston Chronicle": (r"(?:[Tt]he )?Houston Chronicle",),
    "The Dallas Morning News": (r"(?:[Tt]he )?Dallas Morning News",),
    "PolitiFact": (r"PolitiFact", r"Politifact"),
    "FactCheck.org": (r"FactCheck\.org",),
    "The Daily Telegraph": (r"(?:[Tt]he )?(?:Daily )?Telegraph(?= reported| newspaper)",),
    "Daily Mail": (r"(?:[Tt]he )?Daily Mail",),
    "Sky News": (r"Sky News",),
    "Al Jazeera": (r"Al Jazeera",),
    "Al Arabiya": (r"Al Arabiya",),
    "RT": (r"Russia Today", r"RT(?= reported| television| network)"),
    "Sputnik": (r"Sputnik(?= news| reported| agency)",),
    "TASS": (r"TASS", r"Tass"),
    "RIA Novosti": (r"RIA Novosti",),
    "Interfax": (r"Interfax",),
    "Xinhua": (r"Xinhua",),
    "Kyodo News": (r"Kyodo(?: News)?",),
    "Yonhap": (r"Yonhap",),
    "Deutsche Welle": (r"Deutsche Welle",),
    "Der Spiegel": (r"(?:Der )?Spiegel",),
    "Le Monde": (r"Le Monde",),
    "Haaretz": (r"Haaretz",),
    "NCRM": (r"NCRM",),
}

#: Words that, ending an organisation's name, make it a news outlet ("the Tampa Bay Times").
OUTLET_NAME_WORDS: frozenset[str] = words(
    """
    Times Post Journal Herald Tribune Gazette Chronicle Globe Examiner Observer Telegraph
    Inquirer Register Courier Dispatch Bulletin Sentinel Enquirer Star-Ledger Star-Tribune
    Mercury Magazine Newsweek Radio Television TV Broadcasting Newspaper
    """
)

#: Words beside an organisation's name that say it is an outlet ("the Tribune newspaper",
#: "the news site Vox", "in an interview with X").
OUTLET_CUE_BEFORE = re.compile(
    r"(?:\b(?:newspaper|magazine|broadcaster|news (?:site|agency|network|outlet|channel)|"
    r"wire service|network|tabloid|website|(?:[Rr]adio|[Tt]elevision|TV) (?:station|channel))"
    r"\s+(?:the\s+)?|\b(?:told|interview with|"
    r"speaking (?:to|with)|appearance on|appeared on)\s+(?:the\s+)?)$"
)
OUTLET_CUE_AFTER = re.compile(
    r"^(?:’s|'s)?\s+(?:newspaper|magazine|news agency|wire service|network|tabloid|"
    r"editorial board|reporters?|correspondents?|anchor|columnist|poll|interview)\b"
)

#: Organisations by canonical name, with the other names they go by (compared after
#: :func:`org_key` normalisation: case, a leading "the", "U.S." and possessives dropped).
ORGANIZATIONS: dict[str, tuple[str, ...]] = {
    "Democratic National Committee": ("DNC",),
    "Republican National Committee": ("RNC",),
    "Republican Party": ("GOP", "Grand Old Party", "Republican party"),
    "Democratic Party": ("Democratic party",),
    "Department of State": ("State Department", "State Dept.", "State Dept"),
    "Department of Justice": ("Justice Department", "DOJ", "Justice Dept."),
    "Department of Homeland Security": ("Homeland Security Department", "DHS"),
    "Department of Defense": ("Defense Department", "DOD", "DoD", "Pentagon"),
    "Department of the Treasury": ("Treasury Department", "Treasury"),
    "Department of Veterans Affairs": ("Veterans Affairs Department",),
    "Department of Labor": ("Labor Department",),
    "Department of Education": ("Education Department",),
    "Department of Energy": ("Energy Department",),
    "Department of Health and Human Services": ("Health and Human Services Department", "HHS"),
    "Federal Bureau of Investigation": ("FBI", "F.B.I."),
    "Central Intelligence Agency": ("CIA", "C.I.A."),
    "National Security Agency": ("NSA", "N.S.A."),
    "Internal Revenue Service": ("IRS", "I.R.S."),
    "Environmental Protection Agency": ("EPA", "E.P.A."),
    "Federal Election Commission": ("FEC", "F.E.C."),
    "Securities and Exchange Commission": ("SEC", "S.E.C."),
    "Congressional Budget Office": ("CBO",),
    "Government Accountability Office": ("GAO",),
    "Centers for Disease Control and Prevention": ("CDC", "Centers for Disease Control"),
    "Immigration and Customs Enforcement": ("ICE",),
    "Transportation Security Administration": ("TSA",),
    "Drug Enforcement Administration": ("DEA",),
    "Secret Service": ("Secret Service",),
    "Federal Reserve": ("Fed", "Federal Reserve Board", "Federal Reserve System"),
    "Supreme Court": ("Supreme Court",),
    "Congress": ("Congress",),
    "White House": ("White House",),
    "United Nations": ("UN", "U.N."),
    "United Nations Security Council": (
        "UN Security Council",
        "U.N. Security Council",
        "Security Council",
    ),
    "United Nations General Assembly": ("UN General Assembly", "U.N. General Assembly"),
    "United Nations Human Rights Council": ("UN Human Rights Council", "Human Rights Council"),
    "North Atlantic Treaty Organization": ("NATO", "Nato"),
    "International Monetary Fund": ("IMF",),
    "World Bank": ("World Bank",),
    "World Trade Organization": ("WTO",),
    "Islamic State": (
        "ISIS",
        "ISIL",
        "Daesh",
        "Islamic State group",
        "Islamic State of Iraq and Syria",
        "Islamic State of Iraq and the Levant",
    ),
    "National Rifle Association": ("NRA",),
    "American Civil Liberties Union": ("ACLU",),
    "Planned Parenthood": ("Planned Parenthood Federation of America",),
    "Human Rights Watch": ("HRW",),
    "Amnesty International": ("Amnesty International",),
    "World Health Organization": ("WHO", "World Health Organisation"),
    "UNICEF": ("United Nations Children's Fund", "Unicef"),
    "UNHCR": ("United Nations High Commissioner for Refugees", "UN refugee agency"),
    "World Food Programme": ("WFP", "World Food Program"),
    "International Committee of the Red Cross": ("ICRC",),
    "Doctors Without Borders": ("Médecins Sans Frontières", "MSF"),
    "Reporters Without Borders": ("Reporters Sans Frontières", "RSF"),
    "Committee to Protect Journalists": ("CPJ",),
    "Transparency International": ("Transparency International",),
    "Save the Children": ("Save the Children",),
    "European Union": ("EU", "E.U."),
    "European Commission": ("European Commission",),
    "European Central Bank": ("ECB",),
    "African Union": ("AU",),
    "International Criminal Court": ("ICC",),
    "International Atomic Energy Agency": ("IAEA",),
    "International Energy Agency": ("IEA",),
    "Organization of the Petroleum Exporting Countries": ("OPEC",),
    "Southern Poverty Law Center": ("SPLC",),
    "Clinton Foundation": ("Bill, Hillary and Chelsea Clinton Foundation",),
    "Trump Organization": ("Trump Organization",),
    "Donald J. Trump Foundation": ("Trump Foundation",),
    "Black Lives Matter": ("BLM",),
    "Congressional Black Caucus": ("Congressional Black Caucus",),
    "National Association for the Advancement of Colored People": ("NAACP",),
    "AFL-CIO": ("AFL-CIO",),
    "Kremlin": ("Kremlin",),
    "Downing Street": ("Downing Street",),
    "Garda Síochána": ("Garda", "Gardaí", "An Garda Síochána", "Garda Siochana"),
    "Twitter": ("Twitter",),
    "Facebook": ("Facebook",),
    "Google": ("Google",),
    "YouTube": ("YouTube", "Youtube"),
    "Instagram": ("Instagram",),
    "Apple": ("Apple Inc.",),
    "Microsoft": ("Microsoft",),
    "Amazon": ("Amazon.com",),
    "Goldman Sachs": ("Goldman Sachs",),
    "Quinnipiac University": ("Quinnipiac",),
    "Gallup": ("Gallup",),
}

#: Words of the trades companies are named for. Two of them joined by "and" belong to one
#: name ("Calder Bay Pulp and Paper", "Nairobi Tea and Coffee"), not to two organisations.
COMPANY_TRADE_WORDS: frozenset[str] = words(
    """
    Pulp Paper Oil Gas Mining Metals Steel Wire Iron Coal Power Light Water Electric Tea
    Coffee Sugar Food Foods Drink Drinks Beverages Tobacco Timber Lumber Cement Chemical
    Chemicals Rubber Plastics Textiles Cotton Wool Leather Shipping Shipbuilding Rail Bus
    Air Aviation Marine Port Ports Telecom Telegraph Telephone Cable Wireless Energy
    Resources Minerals Fisheries Seafood Dairy Farms Cattle Grain Milling Engineering
    Construction Development Trading Savings Loan Loans Insurance Assurance Finance
    Investment Investments Securities Land Property Properties Hotels Resorts Leisure Media
    Publishing Printing Pharmaceuticals Medical Motor Motors Transport Logistics Freight
    Cargo Storage Glass Paint Paints Soap Spirits Wine Brewing Gold Silver Copper Diamond
    Diamonds Platinum Nickel Zinc Tin Uranium Hardware Software Electronics Supply Supplies
    Tool Tools Machinery Equipment Technology Technologies Agriculture Forestry Packaging
    Pharma Biotech Therapeutics Biosciences Laboratories Labs Airlines Airways Semiconductor
    Semiconductors Systems Solutions Telecoms
    """
)

#: Words that end a company's name ("Marks and Spencer Group", "Tata Sons").
COMPANY_SUFFIXES: frozenset[str] = words(
    """
    Ltd Ltd. Limited Co Co. Company Corp Corp. Corporation Inc Inc. Incorporated PLC plc
    LLC LLP AG SA S.A. NV N.V. GmbH Group Holdings Partners Associates Sons Brothers
    Bros. Industries Enterprises Growers Mills Works
    """
)

#: Last words of a company's name that no person's name ends with: a name NER took for a
#: person ("Halvorsen Pharma", "Kestrel Logistics") is the company's. Trade words that are
#: also family names ("Gold", "Power", "Glass", "Diamond") are not among them.
COMPANY_ENDINGS: frozenset[str] = (COMPANY_SUFFIXES - {"Mills"}) | words(
    """
    Pharma Pharmaceuticals Biotech Therapeutics Biosciences Laboratories Labs Technologies
    Logistics Telecom Airlines Airways Motors Shipping Insurance Investments Energy
    Electronics Software Chemicals Mining Foods Beverages Textiles Minerals Semiconductor
    Semiconductors Systems Solutions
    """
)

#: Place names a person is never called by (bare): US states, and the countries of the
#: nationality table, kept here so that NER's "Georgia" or "Jordan" tagged PERSON becomes a
#: place.
US_STATES: frozenset[str] = words(
    """
    Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia
    Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland
    Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio
    Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont Virginia Washington Wisconsin
    Wyoming
    """
) | frozenset(
    [
        "New Hampshire",
        "New Jersey",
        "New Mexico",
        "New York",
        "North Carolina",
        "North Dakota",
        "Rhode Island",
        "South Carolina",
        "South Dakota",
        "West Virginia",
    ]
)

#: The country of cities that open datelines and stand for their country in news ("NAIROBI
#: —", "officials in Canberra"): capitals and the largest cities, written from general
#: knowledge. What a bare "the Supreme Court" or "the Treasury" means depends on it.
CITY_COUNTRIES: dict[str, str] = {
    city.strip(): country.strip()
    for line in """
    United States: Washington, New York, Los Angeles, Chicago, Houston, Philadelphia, Boston,
        San Francisco, Miami, Atlanta, Dallas, Seattle, Detroit, Denver, Phoenix
    United Kingdom: London, Manchester, Birmingham, Glasgow, Edinburgh, Cardiff, Belfast,
        Liverpool, Leeds, Bristol
    Ireland: Dublin, Cork
    Canada: Ottawa, Toronto, Montreal, Vancouver, Calgary, Edmonton, Winnipeg, Halifax
    Australia: Canberra, Sydney, Melbourne, Brisbane, Perth, Adelaide, Hobart, Darwin
    New Zealand: Wellington, Auckland, Christchurch
    India: New Delhi, Delhi, Mumbai, Kolkata, Chennai, Bengaluru, Bangalore, Hyderabad
    Pakistan: Islamabad, Karachi, Lahore, Peshawar
    Bangladesh: Dhaka
    Sri Lanka: Colombo
    Nepal: Kathmandu
    Afghanistan: Kabul, Kandahar
    China: Beijing, Shanghai, Guangzhou, Shenzhen, Wuhan
    Hong Kong: Hong Kong
    Taiwan: Taipei
    Japan: Tokyo, Osaka, Kyoto, Yokohama
    South Korea: Seoul, Busan
    North Korea: Pyongyang
    Philippines: Manila, Quezon City, Cebu, Davao
    Indonesia: Jakarta, Surabaya
    Malaysia: Kuala Lumpur
    Singapore: Singapore
    Thailand: Bangkok
    Vietnam: Hanoi, Ho Chi Minh City
    Myanmar: Yangon, Naypyitaw
    Cambodia: Phnom Penh
    Kenya: Nairobi, Mombasa, Kisumu
    Nigeria: Abuja, Lagos, Kano
    South Africa: Johannesburg, Pretoria, Cape Town, Durban
    Ethiopia: Addis Ababa
    Uganda: Kampala
    Tanzania: Dodoma, Dar es Salaam
    Ghana: Accra
    Senegal: Dakar
    Zimbabwe: Harare
    Zambia: Lusaka
    Egypt: Cairo, Alexandria
    Morocco: Rabat, Casablanca
    Algeria: Algiers
    Tunisia: Tunis
    Libya: Tripoli, Benghazi
    Sudan: Khartoum
    Israel: Jerusalem, Tel Aviv
    Lebanon: Beirut
    Syria: Damascus, Aleppo
    Jordan: Amman
    Iraq: Baghdad, Basra, Mosul, Erbil
    Iran: Tehran
    Saudi Arabia: Riyadh, Jeddah
    United Arab Emirates: Abu Dhabi, Dubai
    Qatar: Doha
    Turkey: Ankara, Istanbul
    Russia: Moscow, St. Petersburg, Saint Petersburg
    Ukraine: Kyiv, Kiev, Kharkiv, Odesa, Odessa, Lviv
    Belarus: Minsk
    Poland: Warsaw, Krakow
    Germany: Berlin, Munich, Frankfurt, Hamburg, Cologne
    France: Paris, Marseille, Lyon
    Belgium: Brussels, Antwerp
    Netherlands: Amsterdam, The Hague, Rotterdam
    Spain: Madrid, Barcelona, Seville, Valencia
    Portugal: Lisbon, Porto
    Italy: Rome, Milan, Naples, Turin
    Switzerland: Geneva, Zurich, Bern
    Austria: Vienna
    Greece: Athens, Thessaloniki
    Sweden: Stockholm
    Norway: Oslo
    Denmark: Copenhagen
    Finland: Helsinki
    Iceland: Reykjavik
    Czech Republic: Prague
    Hungary: Budapest
    Romania: Bucharest
    Bulgaria: Sofia
    Serbia: Belgrade
    Croatia: Zagreb
    Mexico: Mexico City, Guadalajara, Monterrey, Tijuana
    Guatemala: Guatemala City
    Cuba: Havana
    Haiti: Port-au-Prince
    Colombia: Bogota, Bogotá, Medellin, Medellín, Cali
    Venezuela: Caracas
    Peru: Lima
    Ecuador: Quito
    Bolivia: La Paz
    Chile: Santiago
    Argentina: Buenos Aires
    Brazil: Brasilia, Brasília, Sao Paulo, São Paulo, Rio de Janeiro, Belo Horizonte,
        Porto Alegre, Recife, Salvador
    """.replace(",\n", ", ")
    .strip()
    .split("\n")
    for country, cities in [line.split(":", 1)]
    for city in cities.split(",")
    if city.strip()
}

#: The countries of the nationality table.
#: Countries whose people have no one-word adjective the table of demonyms could hold.
_COUNTRIES_WITHOUT_DEMONYM = frozenset(
    [
        "South Africa",
        "New Zealand",
        "Sri Lanka",
        "North Korea",
        "South Korea",
        "South Sudan",
        "Costa Rica",
        "Sierra Leone",
        "Papua New Guinea",
        "Central African Republic",
        "Equatorial Guinea",
        "Guinea-Bissau",
        "Cabo Verde",
        "Trinidad and Tobago",
        "Antigua and Barbuda",
        "San Marino",
        "Dominica",
        "Andorra",
        "Liechtenstein",
        "Lesotho",
        "Kiribati",
        "Micronesia",
        "Nauru",
        "Palau",
        "Tuvalu",
        "Saint Lucia",
        "Grenada",
        "Timor-Leste",
    ]
)
COUNTRIES: frozenset[str] = frozenset(DEMONYMS.values()) | _COUNTRIES_WITHOUT_DEMONYM

#: Other names of countries, to the name :data:`CITY_COUNTRIES` and the nationality table
#: use.
COUNTRY_NAMES: dict[str, str] = {
    "U.S.": "United States",
    "US": "United States",
    "USA": "United States",
    "U.S.A.": "United States",
    "America": "United States",
    "United States of America": "United States",
    "UK": "United Kingdom",
    "U.K.": "United Kingdom",
    "Britain": "United Kingdom",
    "Great Britain": "United Kingdom",
    "England": "United Kingdom",
    "Scotland": "United Kingdom",
    "Wales": "United Kingdom",
    "Northern Ireland": "United Kingdom",
    "Holland": "Netherlands",
    "the Netherlands": "Netherlands",
    "the Philippines": "Philippines",
    "UAE": "United Arab Emirates",
    "South Korea": "South Korea",
    "Korea": "South Korea",
    "Republic of Korea": "South Korea",
    "Russian Federation": "Russia",
    "People's Republic of China": "China",
    "Czechia": "Czech Republic",
    "Ivory Coast": "Côte d'Ivoire",
}

#: Names of bodies that many countries have, by the canonical name of the US body they
#: mean in US news ("the Supreme Court", "the Treasury", "Congress"): in news from
#: elsewhere they are that country's own (see :func:`kg.extract.entities.national`).
#: Only these word forms: an acronym ("DOJ") or "the Pentagon" is the US body anywhere.
GENERIC_BODY_FORMS: frozenset[str] = frozenset(
    form.lower()
    for form in [
        "Supreme Court",
        "Congress",
        "Treasury",
        "Treasury Department",
        "Department of the Treasury",
        "Justice Department",
        "Department of Justice",
        "Defense Department",
        "Department of Defense",
        "Labor Department",
        "Department of Labor",
        "Education Department",
        "Department of Education",
        "Energy Department",
        "Department of Energy",
        "Democratic Party",
        "Republican Party",
        "Secret Service",
    ]
)


def country_name(place: str) -> str | None:
    """The country a place name stands for: a country (by any of its names) or one of
    :data:`CITY_COUNTRIES`; None for other places."""
    place = place.strip()
    if place in US_STATES:
        return "United States"  # "Georgia voters" are the state's
    if place in COUNTRIES:
        return place
    return (
        COUNTRY_NAMES.get(place)
        or CITY_COUNTRIES.get(place)
        or ("United States" if place in US_STATES else None)
    )


#: Words of the names of state bodies that every country has under the same English name
#: ("the Senate", "the Ministry of Health", "the Constitutional Court", "the National
#: Electoral Commission"): a name made of these words alone says no country.
GENERIC_BODY_WORDS: frozenset[str] = words(
    """
    ministry department office bureau agency authority commission council committee
    court tribunal senate parliament assembly congress house chamber cabinet government
    presidency police army navy force forces guard service services bank treasury
    supreme constitutional high appeals appeal federal national central state public
    electoral election health interior home foreign affairs defence defense justice
    finance economy economic education labour labor employment environment agriculture
    trade industry energy transport transportation security internal intelligence
    revenue customs immigration tax taxation statistics audit prosecutor prosecution
    attorney general ombudsman fire emergency emergencies meteorological civil
    aviation maritime coast railways railway infrastructure works housing water
    culture sport sports tourism communications information social welfare women
    youth family development planning budget mines mining energy oil petroleum
    of for the and on in to 's
    """,
    lower=True,
)


def is_generic_body(form: str) -> bool:
    """Whether ``form`` is a name many countries' bodies go by ("the Supreme Court", "the
    Ministry of Health", "the Senate"), with nothing saying whose ("U.S. Supreme Court" is
    the US one, "Central Bank of Kenya" Kenya's)."""
    base = _basic(form)
    if base in GENERIC_BODY_FORMS:
        return True
    if known_organization(form) is not None:
        return False  # a body the gazetteer knows by this name ("Security Council")
    parts = re.findall(r"[\w']+", base.replace("’", "'"))
    return bool(_BODY_HEADS & set(parts)) and all(p in GENERIC_BODY_WORDS for p in parts)


#: The words of :data:`GENERIC_BODY_WORDS` that name a body ("Labour" alone is a party).
_BODY_HEADS = words(
    """
    ministry department office bureau agency authority commission council committee court
    tribunal senate parliament assembly congress house chamber cabinet government
    presidency police army navy force forces guard service services bank treasury
    """
)


_US_PREFIX = re.compile(r"^(?:u\.s\.|us|united states|america’s|america's|american)\s+")
_LEADING_THE = re.compile(r"^the\s+")
_POSSESSIVE = re.compile(r"(?:’s|'s|’|')$")


def _basic(form: str) -> str:
    low = re.sub(r"\s+", " ", form).strip().lower()
    low = _LEADING_THE.sub("", low)
    low = _POSSESSIVE.sub("", low)
    return low


_ALIAS_TO_CANONICAL: dict[str, str] = {}
for _canonical, _aliases in ORGANIZATIONS.items():
    for _form in (_canonical, *_aliases):
        _ALIAS_TO_CANONICAL[_basic(_form)] = _canonical
        _ALIAS_TO_CANONICAL[_US_PREFIX.sub("", _basic(_form))] = _canonical


@lru_cache(maxsize=65536)
def known_organization(form: str) -> str | None:
    """The canonical name of a well-known organisation written as ``form`` ("the DNC",
    "U.S. State Department" -> "Department of State"), else None.

    Acronyms must be written in capitals to count ("Fed" and "VA" are the exception that
    shows why: lower-case "fed" is a verb)."""
    base = _basic(form)
    hit = _ALIAS_TO_CANONICAL.get(base) or _ALIAS_TO_CANONICAL.get(_US_PREFIX.sub("", base))
    if hit is None:
        return None
    stripped = re.sub(r"^(?:[Tt]he|U\.S\.|US)\s+", "", form.strip())
    if not stripped[:1].isupper():
        return None
    return hit


def canonical_organization(form: str) -> str | None:
    """The canonical name of a well-known organisation or outlet written as ``form``."""
    return known_organization(form) or outlet_canonical(form)


def org_key(form: str) -> str:
    """The key two names of one organisation share: the canonical name for a known one,
    else the name lower-cased without a leading "the", a "U.S." or a possessive."""
    known = canonical_organization(form)
    return _basic(known) if known else _US_PREFIX.sub("", _basic(form)) or _basic(form)


@lru_cache(maxsize=1)
def _outlet_patterns() -> list[tuple[str, re.Pattern[str]]]:
    # one compiled alternation per outlet: there are more patterns than the re module's
    # own cache holds, and recompiling them dominated extraction time
    return [
        (canonical, re.compile("|".join(f"(?:{p})" for p in patterns) or re.escape(canonical)))
        for canonical, patterns in NEWS_OUTLETS.items()
    ]


@lru_cache(maxsize=65536)
def outlet_canonical(form: str) -> str | None:
    """The canonical name of a known outlet written as ``form``, else None."""
    for canonical, pattern in _outlet_patterns():
        if form == canonical or pattern.fullmatch(form):
            return canonical
    return None


def looks_like_outlet(form: str) -> bool:
    """A name shaped like a newspaper or broadcaster's ("Tampa Bay Times", "WNYC Radio")."""
    words = form.split()
    return len(words) >= 2 and words[-1] in OUTLET_NAME_WORDS and known_organization(form) is None


def is_place_name(form: str, countries: frozenset[str] | set[str] = frozenset()) -> bool:
    """Whether ``form`` is the bare name of a US state or a known country."""
    return form in US_STATES or form in countries


__all__ = [
    "CITY_COUNTRIES",
    "COMPANY_ENDINGS",
    "COMPANY_SUFFIXES",
    "COMPANY_TRADE_WORDS",
    "COUNTRIES",
    "COUNTRY_NAMES",
    "GENERIC_BODY_FORMS",
    "NEWS_OUTLETS",
    "ORGANIZATIONS",
    "OUTLET_CUE_AFTER",
    "OUTLET_CUE_BEFORE",
    "US_STATES",
    "canonical_organization",
    "country_name",
    "is_generic_body",
    "is_place_name",
    "known_organization",
    "looks_like_outlet",
    "org_key",
    "outlet_canonical",
]
