"""Given names by the gender they are most commonly borne with, and the gender that
kinship words give the person they introduce ("his wife, Melania" -> female).

The lists exist so that pronouns and honorifics can be tied to the right one of two people
who share a surname (Bill and Hillary Clinton): a cue, not a fact about anyone. They are
written for this project from general knowledge of common English and international given
names; nothing here is derived from any corpus. A name borne by both (Jordan, Alex) is in
neither list, and a name found in both is treated as unknown.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache, partial

from kg.extract.gazetteer import COMPANY_TRADE_WORDS
from kg.extract.lexicon import words

_lower_words = partial(words, lower=True)


MALE: frozenset[str] = _lower_words(
    """
    Aaron Abdul Abdullah Abe Abraham Adam Adolfo Adrian Ahmad Ahmed Akira Al Alan Albert
    Alberto Aldo Aleksandr Aleksei Alexander Alexandre Alexei Alexey Alfonso Alfred Alfredo
    Ali Alistair Allen Alonzo Alvaro Amir Anatoly Anders Andre Andreas Andrei Andres
    Andrew Andrey Andy Angelo Angus Anthony Anton Antonio Archie Arnold Arthur Arturo Ashton
    Barack Barry Bart Ben Benjamin Benito Bernard Bernardo Bernie Bert Bill Billy Bob Bobby
    Boris Brad Bradley Brandon Brendan Brent Brett Brian Bruce Bryan Bud Buddy Burt Byron
    Calvin Carl Carlo Carlos Cecil Cedric Chad Charles Charlie Chester Chris Christian
    Christopher Chuck Clarence Claude Clay Clayton Clifford Clint Clyde Cody Colin Conrad
    Corey Cornelius Craig Curt Curtis Cyrus Dale Dan Daniel Danny Darrell Dave David Dean
    Dennis Derek Desmond Dick Diego Dimitri Dmitri Dmitry Don Donald Donnie Doug Douglas
    Duncan Dwight Earl Ed Eddie Edgar Eduardo Edward Edwin Elijah Elliot Elliott Elmer Emil
    Emmanuel Enrique Eric Erik Ernest Ernesto Ethan Eugene Evan Fabio Farid Felipe Felix
    Fernando Frank Franklin Fred Frederick Fyodor Gabriel Gary Gavin Gene Geoffrey George
    Gerald Gerard Gerhard Gilbert Giovanni Giuseppe Glen Glenn Gordon Graham Grant Greg
    Gregory Guillermo Gustavo Guy Hamid Hans Harold Harry Harvey Hassan Hector Heinrich
    Henry Herbert Herman Homer Howard Hugh Hugo Hussein Ian Igor Ibrahim Isaac Ivan Jack
    Jacob Jake James Jamal Jared Jason Javier Jay Jeb Jeff Jeffrey Jens Jeremy Jerome Jerry
    Jesse Jesus Jim Jimmy Joe Joel Johan Johann John Johnny Jon Jonathan Jorge Jose Josef
    Joseph Josh Joshua Juan Julian Julio Justin Karl Keith Ken Kenneth Kevin Khalid
    Kirk Klaus Kurt Kyle Lamar Lance Larry Lars Lawrence Len Leo Leon Leonard Leonid
    Leroy Lewis Lincoln Lloyd Lorenzo Louis Lucas Luis Luke Lyndon Malcolm Manuel
    Marco Marcus Mario Mark Marshall Martin Marvin Mateo Matt Matthew Maurice Max Maxim
    Michael Miguel Mike Mikhail Miles Milton Mitch Mitchell Mitt Mohamed Mohammad Mohammed
    Moammar Morris Moses Muammar Muhammad Murray Nathan Neil Nelson Newt Nicholas Nick
    Nicolas Nigel Nikolai Noah Norman Oleg Oliver Omar Orrin Oscar Otto Owen Pablo
    Patrick Paul Pedro Peter Phil Philip Phillip Pierre Preet Rafael Rahm Ralph Ramon Ramzan
    Rand Randall Randy Raul Ray Raymond Reggie Reince Rex Ricardo Richard Rick Ricky Rob
    Robert Roberto Rod Rodney Roger Roland Ron Ronald Ronnie Roy Rudolph Rudy Rupert Russ
    Russell Ryan Saddam Salvador Samuel Santiago Scott Sean Sebastian Sergei Sergey
    Sergio Seth Shane Sheldon Sherrod Sid Simon Stan Stanley Stefan Stephen Steve Steven
    Stuart Ted Terrence Thaddeus Theodore Thomas Tim Timothy Tobias Todd Tom Tommy
    Tony Travis Trey Tyler Valentin Victor Vince Vincent Viktor Vladimir Wade Walter Warren
    Wayne Wesley Will William Willie Wolfgang Xavier Yevgeny Yuri Zachary Zack
    """
).union(
    # each block below holds only names not in those before it
    # leaders' given names that news uses alone or with a short surname ("Bibi", "Xi")
    _lower_words(
        """
        Abbas Akbar Anwar Bashar Bibi Boutros Deval Emir Enda Evo Fidel Hosni Kofi Manmohan
        Narendra Nawaz Nouri Petro Recep Shinzo Silvio Tayyip Volodymyr Xi
        """
    ),
    # given names of many countries' news (African, Arabic, Persian, Slavic, Greek,
    # Turkish, Japanese, South Asian, Latin American, Dutch, German, Nordic, Irish), so
    # that a given name NER leaves out or takes for a place is still one; accents are
    # folded before lookup ("Rogério" is "Rogerio")
    _lower_words(
        """
        Adebayo Babajide Chidi Chinedu Emeka Femi Kwame Kwabena Kojo Sipho Thabo Themba
        Bongani Sibusiso Mandla Jomo Kamau Otieno Odhiambo Juma Tunde Olusegun Musa Moussa
        Mamadou Ousmane Amadou Cheikh Youssef Yusuf Karim Mahmoud Mustafa Tariq Faisal Reza
        Mehdi Dariusz Piotr Pawel Tomasz Krzysztof Jakub Marek Lukas Jiri Tomas Bogdan Taras
        Oleksandr Giorgos Dimitris Nikos Yannis Kostas Stavros Panagiotis Mehmet Emre Burak
        Ahmet Kemal Hiroshi Takeshi Kenji Haruto Ichiro Taro Kazuo Satoshi Shigeru Rahul
        Arjun Vikram Sanjay Rajesh Suresh Ramesh Amit Anil Sunil Arvind Vijay Ravi Rohan
        Imran Asif Sandeep Deepak Manoj Pradeep Caio Rogerio Everaldo Gregorio Jairo
        Henrique Nuno Rui Afonso Vasco Goncalo Sebastiao Bruno Marcelo Leandro Paulo Joaquim
        Joao Thiago Tiago Mateus Rodrigo Alejandro Joaquin Emilio Ignacio Gonzalo Cesar
        Hernan Pieter Willem Hendrik Jurgen Matthias Sven Nils Olaf Bjorn Magnus Henrik Mats
        Matti Juha Pekka Seamus Ciaran Cormac Declan Eoin Niall Padraig
        Luc Yves Loic Herve Benoit Thierry Didier Gilles Arnaud Olivier Mathieu Sebastien
        Francois Laurent Christophe Philippe Julien Guillaume Etienne Remi Fabien Jean
        """
    ),
)

FEMALE: frozenset[str] = _lower_words(
    """
    Abby Abigail Ada Adele Adriana Agnes Aisha Alexandra Alice Alicia Alison Allison
    Alma Amanda Amber Amelia Amy Ana Anastasia Andrea Angela Angelina Anita Ann Anna Anne
    Annette Annie Antonia Arlene Ashley Audrey Ayaan Barbara Beatrice Becky Belinda Bella
    Bernadette Beth Betsy Betty Beverly Bianca Bonnie Brenda Bridget Brittany Brooke Camila
    Candace Carla Carly Carmen Carol Caroline Carolyn Carrie Cassandra Catherine Cathy
    Cecilia Celia Charlotte Chelsea Cheryl Chloe Christina Christine Cindy Claire Clara
    Claudia Colleen Condoleezza Connie Courtney Cynthia Daisy Danielle Daphne Darlene
    Dawn Debbie Deborah Debra Denise Diana Diane Dianne Dolores Donna Doris Dorothy Edith
    Eileen Elaine Eleanor Elena Elisabeth Elise Eliza Elizabeth Ella Ellen Elsa Emily Emma
    Erica Erin Esther Ethel Eva Evelyn Faith Fatima Felicia Fiona Florence Frances Francesca
    Gabriela Gabrielle Gail Gayle Geraldine Gillian Gina Ginger Giselle Gladys Gloria Grace
    Gretchen Hannah Harriet Hazel Heather Heidi Helen Helena Hilary Hillary Holly Hope Huma
    Ida Ilhan Ingrid Irene Iris Irma Isabel Isabella Ivana Ivanka Jackie Jacqueline Jane
    Janet Janice Jasmine Jeanne Jeannie Jennifer Jenny Jessica Jill Jo Joan Joanna
    Joanne Jocelyn Jodi Josephine Joy Joyce Judith Judy Julia Julie Juliet June Karen Kate
    Katherine Kathleen Kathryn Kathy Katie Katrina Kay Kayla Kellyanne Kirsten
    Kristen Kristin Laura Lauren Laurie Leah Lena Lila Lillian Lily Linda Lisa Liz
    Lois Loretta Lori Lorraine Louise Lucia Lucy Lydia Lynn Madeleine Madeline Maggie Mara
    Margaret Margarita Maria Marianne Marie Marilyn Marina Marine Marion Marjorie Marsha
    Martha Mary Maureen Maxine Megan Meghan Melania Melanie Melissa Meredith Mia Michele
    Michelle Mildred Mira Miriam Molly Monica Nadia Nancy Naomi Natalie Natasha Nicole Nikki
    Nina Nora Norma Olga Olivia Paige Pamela Patricia Patty Paula Pauline Peggy Penelope
    Penny Phyllis Priscilla Rachel Rebecca Regina Renee Rhonda Rita Roberta Rosa
    Rosalind Rose Rosemary Roxanne Ruth Sabrina Sally Samantha Sandra Sara Sarah Sharon
    Sheila Shirley Silvia Sofia Sonia Sophia Sophie Stacey Stephanie Sue Susan Susana
    Suzanne Sylvia Tamara Tammy Tanya Tara Teresa Theresa Tiffany Tina Tracy Tulsi Ursula
    Valerie Vanessa Vera Veronica Victoria Viola Violet Virginia Vivian Wanda Wendy Whitney
    Yolanda Yvonne Zoe
    """
).union(
    # given names of many countries' news not in the list above, so that a given name NER
    # leaves out or takes for a place is still one ("Judge Lucía Arango"); accents are
    # folded before lookup
    _lower_words(
        """
        Adaeze Ngozi Chioma Funmilayo Folake Yetunde Amina Aminata Fatou Fatuma Wanjiru
        Wanjiku Akinyi Achieng Nomvula Thandiwe Thandi Nomsa Zanele Lindiwe Naledi Ama
        Akosua Abena Efua Leila Layla Yasmin Mariam Maryam Nour Noura Huda Zainab Samira
        Salma Rania Shirin Parisa Neda Agnieszka Katarzyna Magdalena Malgorzata Irina
        Svetlana Natalia Tatiana Yulia Oksana Eleni Katerina Despina Ayse Elif Zeynep Fatma
        Aiko Yuko Keiko Haruka Sakura Yumiko Naoko Hiroko Priya Anjali Sunita Kavita Pooja
        Neha Deepa Lakshmi Meera Shreya Divya Aarti Luisa Fernanda Valentina Daniela Paola
        Ximena Leonor Carolina Raquel Catalina Juliana Mariana Beatriz Leticia Renata Ines
        Astrid Sigrid Freya
        Annika Birgit Ulrike Heike Sabine Aoife Siobhan Niamh Saoirse Ciara Sinead Marisol
        Guadalupe Rocio Consuelo Amparo
        Elodie Aurelie Isabelle Nathalie Sylvie Veronique Celine Amelie Manon Jean
        """
    )
)

#: Kinship and role nouns that, after "his"/"her"/"the", give the gender of the named person
#: they introduce: "his wife, Melania" / "her brother Tony".
KIN_GENDER: dict[str, str] = {
    "wife": "female",
    "mother": "female",
    "daughter": "female",
    "sister": "female",
    "grandmother": "female",
    "granddaughter": "female",
    "aunt": "female",
    "niece": "female",
    "widow": "female",
    "girlfriend": "female",
    "stepmother": "female",
    "stepdaughter": "female",
    "husband": "male",
    "father": "male",
    "son": "male",
    "brother": "male",
    "grandfather": "male",
    "grandson": "male",
    "uncle": "male",
    "nephew": "male",
    "widower": "male",
    "boyfriend": "male",
    "stepfather": "male",
    "stepson": "male",
}


#: Short forms of given names and the formal name they stand for, so that "Bill Clinton" and
#: "William Clinton", "Bernie Sanders" and "Bernard Sanders" can be one person.
NICKNAMES: dict[str, str] = {
    "bill": "william",
    "billy": "william",
    "will": "william",
    "bob": "robert",
    "bobby": "robert",
    "rob": "robert",
    "mike": "michael",
    "jim": "james",
    "jimmy": "james",
    "joe": "joseph",
    "tom": "thomas",
    "tommy": "thomas",
    "dick": "richard",
    "rick": "richard",
    "ted": "edward",
    "ed": "edward",
    "chris": "christopher",
    "dave": "david",
    "dan": "daniel",
    "danny": "daniel",
    "steve": "steven",
    "tony": "anthony",
    "andy": "andrew",
    "matt": "matthew",
    "nick": "nicholas",
    "pat": "patrick",
    "sam": "samuel",
    "ben": "benjamin",
    "jeff": "jeffrey",
    "greg": "gregory",
    "ron": "ronald",
    "don": "donald",
    "doug": "douglas",
    "chuck": "charles",
    "charlie": "charles",
    "bernie": "bernard",
    "newt": "newton",
    "mitch": "mitchell",
    "liz": "elizabeth",
    "beth": "elizabeth",
    "betsy": "elizabeth",
    "kate": "katherine",
    "katie": "katherine",
    "kathy": "katherine",
    "debbie": "deborah",
    "sue": "susan",
    "jenny": "jennifer",
    "peggy": "margaret",
    "maggie": "margaret",
    "nancy": "ann",
}

_PARTICLES = frozenset(
    ["bin", "ibn", "van", "von", "de", "da", "di", "du", "del", "della", "der", "den", "la", "le"]
    + ["بن", "ابن", "بنت", "آل"]  # bin, ibn, bint, Al as written in Arabic script
    # Irish and Scottish Gaelic: "Siobhán Ní Bhriain", "Seán Ó Ríordáin", "Máire Nic Aoidh"
    + ["ní", "nic", "ó", "uí"]
)
#: The commonest Vietnamese family names, which open a name whose last word is what the
#: person is called by ("Nguyen Thi Lan" ... "Lan said").
_VIETNAMESE_FAMILY_NAMES = _lower_words(
    """nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly truong dinh
    lam mai trinh dao cao"""
)
#: The commonest Chinese family names in pinyin: a Chinese name in English news is written
#: family name first ("Wang Wenbin", later "Wang").
_CHINESE_FAMILY_NAMES = _lower_words(
    """wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo
    zheng liang xie song tang han feng deng cao peng zeng xiao tian dong yuan pan cai jiang
    yu du ye cheng wei su lu ding ren shen yao jin fu zhong cui tan liao fan xi qin bai kong
    mao qiu qian hou shi yan fang zou xiong meng hao gu duan lei long wan qi kang wen yin
    gong xue bi zhai geng"""
)
#: One pinyin syllable (initial, then final), for telling a Chinese given name ("Wenbin",
#: "Jinping", "Qiang") from a Western surname after a word that is both ("Lin Anderson").
_PINYIN_SYLLABLE = (
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie"
    r"|iu|ua|uo|ui|ue|er|a|o|e|i|u|v)"
)
_PINYIN_GIVEN = re.compile(rf"(?:{_PINYIN_SYLLABLE}){{1,3}}")
_SUFFIXES = {"jr": "Jr.", "sr": "Sr.", "ii": "II", "iii": "III", "iv": "IV"}
#: A suffix written right after a name: "Donald Trump Jr.", "Martin Luther King, Jr.".
SUFFIX_AFTER = re.compile(r"^,? (Jr\.?|Sr\.?|II|III|IV)(?![\w])")


@dataclass(frozen=True)
class PersonName:
    """A person's name taken apart: "Donald J. Trump Jr." -> given "Donald", middles ("J",),
    surname "Trump", suffix "jr". Middle names are kept as initials, since "Hillary Rodham
    Clinton" and "Hillary R. Clinton" agree."""

    given: str | None
    middles: tuple[str, ...]
    surname: str
    suffix: str | None

    @property
    def full(self) -> bool:
        return self.given is not None


@lru_cache(maxsize=65536)
def parse_name(form: str) -> PersonName:
    words = form.replace(",", " ").split()
    suffix = None
    if len(words) > 1 and words[-1].rstrip(".").lower() in _SUFFIXES:
        suffix = words[-1].rstrip(".").lower()
        words = words[:-1]
    if not words:
        return PersonName(None, (), form, suffix)
    # "bin Laden", "de Blasio", "van Gogh": the particle belongs to the surname; not the
    # middle name "Van" of a Vietnamese name ("Tran Van Duc" is called "Duc")
    if (
        len(words) >= 2
        and words[-2].lower() in _PARTICLES
        and not (len(words) >= 3 and fold(words[0]) in _VIETNAMESE_FAMILY_NAMES)
    ):
        words = [*words[:-2], f"{words[-2]} {words[-1]}"]
    if len(words) == 1:
        return PersonName(None, (), words[0], suffix)
    if len(words) == 2 and (_korean_given_name(words[1]) or _chinese_name(*words)):
        # "Kim Min-jun", "Wang Wenbin": the family name first, as Korean and Chinese names
        # are written
        return PersonName(words[1], (), words[0], suffix)
    middles = tuple(w[0].upper() for w in words[1:-1] if w[:1].isalpha())
    return PersonName(words[0], middles, words[-1], suffix)


def _chinese_name(first: str, second: str) -> bool:
    """Whether two words are a Chinese name, family name first: a common family name, then
    a given name of one to three pinyin syllables that is no given name of other lists
    ("Wang Wenbin", "Li Qiang"; not "Lin Anderson", "Ma Rainey")."""
    return (
        fold(first) in _CHINESE_FAMILY_NAMES
        and second[:1].isupper()
        and second[1:].islower()
        and _PINYIN_GIVEN.fullmatch(fold(second)) is not None
        and given_name_gender(second) is None
    )


def _korean_given_name(word: str) -> bool:
    """A two-syllable given name romanised with a hyphen and a lower-case second part
    ("Min-jun", "Soo-ah"); double-barrelled surnames and Western given names capitalise
    both parts ("Okonkwo-Bello", "Jean-Luc")."""
    head, _, tail = word.partition("-")
    return bool(head[:1].isupper() and head.isalpha() and tail.isalpha() and tail[:1].islower())


@lru_cache(maxsize=65536)
def name_skeleton(word: str) -> str:
    """A rough phonetic key so that transliteration variants compare equal:
    Sergei/Sergey, Aleksandr/Alexander, Muammar/Moammar."""
    w = word.lower().replace("ks", "x").replace("y", "i").replace("ph", "f")
    if not w:
        return w
    rest = re.sub(r"[aeiou]", "", w[1:])
    rest = re.sub(r"(.)\1+", r"\1", rest)
    return w[0] + rest


@lru_cache(maxsize=65536)
def compatible_first_names(a: str, b: str) -> bool:
    """Whether two given names can be the same person's: equal, an initial of the other, a
    transliteration variant (Sergei/Sergey) or a short form (Bill/William)."""
    a0, b0 = a.rstrip("."), b.rstrip(".")
    if not a0 or not b0:
        return False
    if len(a0) == 1 or len(b0) == 1:
        return a0[0].lower() == b0[0].lower()
    la, lb = a0.lower(), b0.lower()
    if la == lb or name_skeleton(a0) == name_skeleton(b0):
        return True
    return NICKNAMES.get(la, la) == NICKNAMES.get(lb, lb)


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """Lower case without accents, for comparing names: "Calderón" -> "calderon",
    "Μητσοτάκης" -> "μητσοτακης". Only the accents go: letters of other scripts stay, so
    that two Cyrillic surnames do not both fold to nothing and compare equal."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def caseless_letter(ch: str) -> bool:
    """A letter of a script without capitals (Arabic, Hebrew, Chinese, Devanagari...):
    such a name cannot be told by its capital, so tests for one must let it through."""
    return ch.isalpha() and not ch.isupper() and not ch.islower()


def name_initial(word: str) -> bool:
    """Whether a word begins as a name does: with a capital (of any script: "Путин",
    "Μητσοτάκης") or with a letter of a caseless script ("محمد")."""
    return bool(word) and (word[0].isupper() or caseless_letter(word[0]))


@lru_cache(maxsize=65536)
def compatible_names(a: PersonName, b: PersonName) -> bool:
    """Two full names of one person: same surname and suffix, compatible given names, and
    middle initials that do not contradict (George W. Bush is not George H. W. Bush)."""
    if fold(a.surname) != fold(b.surname) or a.suffix != b.suffix:
        return False
    if a.given is None or b.given is None:
        return True
    if not compatible_first_names(a.given, b.given):
        return False
    return not (a.middles and b.middles and a.middles != b.middles)


_NAME_WORD = re.compile(r"^(?:[A-Z][\w’'.-]*|Mc\w+|O’\w+|d[eai]|van|von|bin|al-\w+|la|le)$")
_ODD_CASE = re.compile(r"^[A-Z]{2,}[a-z]")
_NOT_NAMES = _lower_words(
    """
    i me my he him his she her hers it its we us our they them their you your who whom
    mr mr. mrs mrs. ms ms. miss dr dr. sir madam
    """
)


def well_formed(form: str) -> bool:
    """A person's name fit to be a canonical label: one to five name words, capitalised,
    no word twice, not a pronoun or a bare honorific."""
    words = form.split()
    if not words or form.lower() in _NOT_NAMES or len(words) > 6:
        return False
    if any(w.lower() in _NOT_NAMES for w in words):
        return False
    if len({w.lower() for w in words}) != len(words):
        return False
    for w in words:
        if w.rstrip(".").lower() in _SUFFIXES:
            continue
        if _ODD_CASE.match(w) or (len(w) > 3 and w.isupper()):
            return False  # "HIllary", "CLINTON": a typo or a shout, not the name
    return all(_NAME_WORD.match(w) or _other_script_word(w) for w in words) and any(
        c.islower() or caseless_letter(c) for c in form
    )


def _other_script_word(word: str) -> bool:
    """A name word written in a script other than Latin ("Путин", "Μητσοτάκης", "سلمان"):
    letters only (a hyphen or apostrophe inside), starting as a name does."""
    if not name_initial(word) or word.isascii():
        return False
    return all(c.isalpha() or c in "-’'" for c in word)


#: Capitalised words that stand before a name without being part of it ("Billionaire
#: Donald Trump", "Team Clinton", "Crooked Hillary").
DESCRIPTORS = _lower_words(
    """
    Billionaire Businessman Businesswoman Candidate Nominee Frontrunner Front-runner Team
    Classic Longtime Former Fascist Crooked Lyin Little Pro Anti Democrat Democratic
    Republican GOP Liberal Conservative Progressive Populist Combine Then Now Citizen
    Mogul Tycoon Star Celebrity Reality Dear Comrade Brother Sister Uncle Aunt Young Old
    """
)
_NAME_PREFIX = re.compile(r"^(?:Mc|Mac|De|Di|Du|La|Le|Van|Von|O’|O')")
#: Last words that make a "name" a place or an organisation named after someone.
_PLACE_WORDS = _lower_words(
    "Tower Towers Plaza Hotel Building Center Centre Stadium Airport Hall Park Square "
    "Street Avenue Bridge Mahal Estate Estates Resort Casino Library Memorial Station "
    "Terminal Road Boulevard Harbour Harbor Pier Lake River Valley Beach Bay Island Canal "
    "Quay Quays Wharf Embankment Promenade Esplanade"
)
_ORG_WORDS = _lower_words(
    "Foundation University Organization Organisation Institute International Shuttle "
    "Corporation Company Campaign Administration Inc. Inc Group Fund Trust Church "
    "Cathedral Mosque Temple Synagogue Hospital Clinic School College Academy Museum"
)


def is_descriptor(word: str) -> bool:
    """A capitalised word before a name that is not part of it: a word of
    :data:`DESCRIPTORS` ("Team Clinton", "Billionaire Donald Trump")."""
    return word.lower() in DESCRIPTORS and given_name_gender(word) is None


def person_form_kind(form: str) -> str | None:
    """What a name NER calls a person is: "Person", "Place" ("Trump Tower"), "Organization"
    ("Clinton Foundation"), or None when it names nobody (a handle "@HillaryClinton", a
    compound "pro-Clinton", "NeverTrump", a case name "Trump v. Trump")."""
    words = form.split()
    if not words or any(c in form for c in "@#&/") or any(ch.isdigit() for ch in form):
        return None
    if " v. " in form or " vs. " in form or " vs " in form:
        return None
    if any(re.search(r"[a-z][A-Z]", _NAME_PREFIX.sub("", w)) for w in words):
        return None  # "NeverTrump", "DonaldTrump" (but "McCain", "DeSantis")
    if any(
        "-" in w and w.split("-")[0].lower() in DESCRIPTORS | {"never", "post", "pre"}
        for w in words
    ):
        return None
    if "-" in words[0] and words[0][:1].islower():
        return None
    if (
        len(words) == 2
        and words[-1].lower() in _SURNAME_PLACE_WORDS
        and (given_name_gender(words[0]) is not None)
    ):
        return "Person"  # "Marcus Hall", "Ann Park", "Charlotte Church": a surname
    if len(words) >= 2 and words[-1].lower() in _PLACE_WORDS:
        return "Place"
    if len(words) >= 2 and words[-1].lower() in _ORG_WORDS:
        return "Organization"
    if len(words) >= 2 and words[-1] in _TRADE_PLURALS:
        return "Organization"  # "Mau Ridge Teas", "Kilimani Motors": a trade names a company
    if len(words) >= 2 and words[0] in _ORGANISATION_FIRST_WORDS:
        return "Organization"  # "Greenpeace Greece", "Oxfam Kenya": a body's national arm
    return "Person"


#: Place and building words that are common surnames too: after a known given name they
#: end a person's name ("Marcus Hall"), not a building's ("Victoria Station" is one).
_SURNAME_PLACE_WORDS = _lower_words("Hall Park Church Lake Rivers Bay Bridge Bridges Island")

#: Names of bodies that open the names of their national arms ("Greenpeace Greece",
#: "Oxfam Kenya", "Amnesty International Kenya"), never a person's first name.
_ORGANISATION_FIRST_WORDS = frozenset(
    [
        "Greenpeace",
        "Oxfam",
        "Amnesty",
        "UNICEF",
        "Unicef",
        "UNHCR",
        "Interpol",
        "Europol",
        "UNESCO",
        "Unesco",
    ]
)


#: The gazetteer's trade words in the plural, which end companies' names ("Mau Ridge
#: Teas"); plurals only: "Power", "Gold", "Glass" and "Steel" are people's surnames too.
_TRADE_PLURALS = frozenset(
    w
    for w in COMPANY_TRADE_WORDS | {w + "s" for w in COMPANY_TRADE_WORDS if not w.endswith("s")}
    if w.endswith("s") and not w.endswith("ss")
)


def initials(form: str) -> int:
    """How many words of a name are initials only ("Donald J. Trump" -> 1)."""
    return sum(1 for w in form.split() if len(w.rstrip(".")) == 1)


@lru_cache(maxsize=65536)
def given_name_gender(given: str) -> str | None:
    """ "male", "female" or None for a given name ("Hillary" -> "female"); initials and
    names borne by both give None."""
    low = fold(given.rstrip("."))  # "María", "Lucía": the lists are written without accents
    if len(low) < 2:
        return None
    if "-" in low.strip("-") and low not in MALE and low not in FEMALE:
        # "Jean-Luc", "Marie-Claire", "Hans-Peter": a double given name has its parts' gender
        parts = low.split("-")
        if not all(p in MALE or p in FEMALE for p in parts):
            return None  # "Dodd-Frank", "Okonkwo-Bello": not every part a given name
        genders = {given_name_gender(p) for p in parts} - {None}
        return genders.pop() if len(genders) == 1 else None
    male, female = low in MALE, low in FEMALE
    if male == female:
        return None
    return "male" if male else "female"


__all__ = [
    "FEMALE",
    "KIN_GENDER",
    "MALE",
    "NICKNAMES",
    "SUFFIX_AFTER",
    "PersonName",
    "caseless_letter",
    "compatible_first_names",
    "compatible_names",
    "given_name_gender",
    "fold",
    "initials",
    "is_descriptor",
    "name_initial",
    "person_form_kind",
    "name_skeleton",
    "parse_name",
    "well_formed",
]
