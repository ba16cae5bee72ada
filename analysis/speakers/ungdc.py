"""The speaker of a UN General Debate speech given as the UN General Debate Corpus distributes it: a
file named <ISO3>_<session>_<year>.txt ("CHN_79_2024.txt") whose text opens with the speech itself, no
heading. The text never says whose speech it is; the corpus's own speaker list does
(analysis/data/speakers/ungdc_speakers.tsv, from its Speakers_by_session.xlsx)."""
from __future__ import annotations

import re
from functools import lru_cache

from analysis.speakers.authors import MIDDLE_INITIAL, registered_within
from analysis.speakers.common import HONORIFIC, speaker_rows, usual_case
from analysis.speakers.registry import Registry

# the corpus's file names: country code, session, year; the session is the year's (the 1st in 1946)
FILE_NAME = re.compile(r"^(?P<iso>[A-Z]{2,3})_(?P<session>\d{1,2})_(?P<year>\d{4})(?:\.txt)?$")
# the sides of the states Tenor compares; every other state's speaker is "other", and so is China's seat
# before the People's Republic took it (the 26th session, 1971, still heard the Republic of China)
ISO_SIDES = {"CHN": "CN", "USA": "US"}
PRC_SEAT_FROM = 1972


@lru_cache(maxsize=1)
def speakers() -> dict[tuple[str, str], str]:
    """{(year, ISO3): the speaker the corpus names}, leaving out the country-years it names two for."""
    seen: dict[tuple[str, str], list[str]] = {}
    for row in speaker_rows("ungdc_speakers.tsv"):
        seen.setdefault((row["year"], row["iso3"]), []).append(row["speaker"])
    return {key: names[0] for key, names in seen.items() if len(names) == 1}


# honorifics of the UN's list that Tenor's list of honorifics lacks ("The Honourable Ralph E. Gonsalves")
UN_HONORIFIC = re.compile(r"^(?:(?:The\s+)?(?:Right\s+|Rt\.?\s+)?(?:Hon(?:ou?rable)?\.?)|Prince|Princess)\s+", re.I)


def _clean(name: str) -> str:
    """The name without honorifics or a trailing comma, a surname the UN printed in capitals in its usual
    case ("Mr. CHALMERS" -> "Chalmers", "MR. PUJA" -> "Puja")."""
    return HONORIFIC.sub("", UN_HONORIFIC.sub("", usual_case(name.strip()))).strip(" ,;")


def ungdc_author(doc_id: str, registry: Registry) -> tuple[str, str] | None:
    """(speaker, side) of the speech a UNGDC file name stands for, the speaker under the registry's
    name where it knows them ("Joseph R. Biden" -> "Joe Biden"); None for any other file name, a
    session that is not its year's, or a country-year the list does not name one speaker for."""
    m = FILE_NAME.match(doc_id.rsplit("/", 1)[-1])
    if not m or int(m.group("session")) != int(m.group("year")) - 1945:
        return None
    raw = speakers().get((m.group("year"), m.group("iso")))
    if not raw:
        return None
    name = _clean(raw)
    # the registry's name for a full name, also where the UN wrote a middle initial ("Vladimir V. Putin");
    # a surname alone ("Vance" in 1978, "Abe" in 1983) may be anyone of that name
    known = (registry.lookup(name) or registry.lookup(MIDDLE_INITIAL.sub(" ", name))) if " " in name else []
    if not known and " " in name and (within := registered_within(name.split(), registry)):
        known = [within]            # "Mohammad Ashraf Ghani Ahmadzai": the registry's "Ashraf Ghani"
    if known:
        return known[0], registry.side(known[0])
    iso, year = m.group("iso"), int(m.group("year"))
    return name, ISO_SIDES.get(iso, "other") if iso != "CHN" or year >= PRC_SEAT_FROM else "other"
