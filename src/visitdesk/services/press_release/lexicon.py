"""Word lists the drafting's rules of English consult (one place, kept short per line)."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


DETERMINERS = _words(
    "a an the this that these those its their our his her my your both all each every some "
    "any no several many"
)
PREPOSITIONS = _words(
    "of for in on at to with from by between among about under over during after before "
    "towards toward into through within against"
)
# Nouns that take no indefinite article (`training for officers`, `technical assistance`).
MASS_NOUNS = _words(
    "training assistance support cooperation collaboration funding equipment advice "
    "information expertise research software hardware aid access guidance capacity knowledge "
    "investment trade progress help data"
)
# Singular nouns that end in s.
SINGULAR_S = _words(
    "news series species means analysis basis crisis thesis status campus bus process address "
    "access business class glass congress consensus progress"
)
# Plural nouns without an s.
PLURAL = _words("people staff personnel children men women police")
# First words that make an organisation's name a description: `the National University of …`.
GENERIC_FIRST = _words(
    "national state federal provincial central royal united general supreme higher "
    "international ministry department office university institute embassy consulate agency "
    "authority commission council board bureau centre center organisation organization "
    "foundation chamber bank academy school college high permanent joint secretariat "
    "directorate"
)
# Verbs an officer starts an instruction with: `Consult SIPO …`, `Prepare a plan …`.
IMPERATIVES = _words(
    "consult ensure prepare work share establish develop explore hold set arrange organise "
    "organize review follow finalise finalize draft send nominate study identify strengthen "
    "promote enhance expand support provide conduct complete submit seek take make give learn "
    "coordinate exchange train visit sign invite facilitate implement initiate launch open "
    "create improve increase reduce begin start continue maintain designate appoint report "
    "brief inform contact respond reply monitor update collect compile translate circulate "
    "host plan schedule prioritise prioritize expedite extend offer consider examine assess "
    "evaluate propose recommend approve adopt engage focus use apply introduce build design "
    "resolve address streamline digitise digitize upgrade frame formulate"
)
# Words that begin a recorded phrase but are no proper noun: lower-cased when the phrase is
# set inside a sentence (`said that the visit…`). Anything else (`Pakistan`, `IPO-Pakistan`,
# `SIPO`) keeps its capital, since a wrong small letter on a name is worse than a capital.
COMMON_WORDS = _words(
    "a an the this that these those there here it its our their his her we they both all each "
    "every some any no one two three four five six seven eight nine ten several many most "
    "during in on at for to with from by of after before under over between among about as "
    "and but or so if when while since because although high higher new further formal "
    "formally joint mutual bilateral technical closer close full future early next first "
    "second third last recent major consult ensure prepare work share establish develop "
    "explore hold set arrange organise organize review follow finalise finalize draft send "
    "nominate study identify strengthen promote enhance expand support provide conduct "
    "complete submit seek take make give cooperation collaboration training exchange "
    "programme program visit visits meeting talks discussion discussions agreement memorandum "
    "offer decision action steps step is are was were will would should could can may might "
    "must has have had"
)
# Words too common to show that a position already names its organisation.
POSITION_GENERIC = _words(
    "ministry office organisation organization department division of the for and government "
    "national state federal international university institute authority commission council "
    "board agency bureau centre center"
)
# Offices held by one person, by which a second mention may name them: `the Minister`.
OFFICES = _words("minister ambassador governor mayor premier vice-chancellor rector")
# Words of a meal's title that name the meal: `the dinner`, `a luncheon hosted by …`.
MEAL_WORDS = _words("dinner lunch luncheon breakfast reception banquet tea iftar supper brunch")
