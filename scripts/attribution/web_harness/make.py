#!/usr/bin/env python3
"""A development harness of UN General Debate speeches saved as web pages and PDFs print them (24 heading
styles, 48 documents; built by a helper session from the guidelines, 2026-12-08), rebuilt byte for byte:

    python3 scripts/attribution/web_harness/make.py OUT_DIR [--corpus PATH]
    PYTHONPATH=. .venv/bin/python scripts/attribution/web_harness/score.py . OUT_DIR [v]

Development material only (Tenor's heading reader was tuned on it): its figure is no claim about unseen text.

Source: /work/shared/corpora/ungdc_1994_2024/ungdc_speeches_1994_2024.jsonl.gz
Only records on ODD 1-based line numbers with a non-empty speaker and post are
eligible.  They are shuffled with random.Random(4404); records are taken in
that order, skipping those whose speaker field gives a surname only (a page
would print a full name and none can be invented).  The first 48 kept records
go, two by two, to heading styles 1..24.

Outputs (in OUT_DIR): docs/, expected.tsv, styles.md, skipped.tsv.  Standard library only.
"""
import gzip
import json
import os
import random
import re
import shutil

import sys

ARGS = sys.argv[1:]
if not ARGS or ARGS[0].startswith("-"):
    sys.exit("usage: make.py OUT_DIR [--corpus PATH]")
HERE = os.path.abspath(ARGS[0])
SRC = (ARGS[ARGS.index("--corpus") + 1] if "--corpus" in ARGS else
       os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../shared/corpora/ungdc_1994_2024/"
                    "ungdc_speeches_1994_2024.jsonl.gz"))
DOCS = os.path.join(HERE, "docs")
N_STYLES = 24
PER_STYLE = 2

# --------------------------------------------------------------------------
# helpers: names, posts, dates, sessions
# --------------------------------------------------------------------------
GENDER_TITLES = {"Mr.": "m", "Mr": "m", "Ms.": "f", "Ms": "f", "Mrs.": "f", "Mrs": "f"}
DROP_TITLES = {"H.E.", "Hon.", "His", "Her", "Excellency"}
KEEP_TITLES = {"Dr.", "Archbishop", "Prince", "King", "Sheikh", "Shaikh", "Lyonpo",
               "Sir", "Dame", "Crown", "Professor", "Prof.", "General", "Cardinal"}


def parse_speaker(raw):
    """Return (display_titles, core_name, gender) or None if surname only."""
    s = " ".join(raw.replace("\u00a0", " ").split()).strip().strip(",").strip()
    s = re.sub(r",\s*(MP|M\.P\.|GCMG|KC|QC)$", "", s).strip()
    toks = s.split()
    gender = None
    titles = []
    while toks:
        t = toks[0]
        if t in GENDER_TITLES:
            gender = GENDER_TITLES[t]
        elif t in DROP_TITLES:
            pass
        elif t in KEEP_TITLES and len(toks) > 2:
            titles.append(t)
        else:
            break
        toks = toks[1:]
    if len(toks) < 2:
        return None
    return " ".join(titles), " ".join(toks), gender


ORD_UNITS = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth",
             6: "sixth", 7: "seventh", 8: "eighth", 9: "ninth"}
TENS = {4: "forty", 5: "fifty", 6: "sixty", 7: "seventy"}
TENS_ORD = {4: "fortieth", 5: "fiftieth", 6: "sixtieth", 7: "seventieth"}


def session_words(n):
    t, u = divmod(n, 10)
    return TENS_ORD[t] if u == 0 else TENS[t] + "-" + ORD_UNITS[u]


def session_num(n):
    suf = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return "%d%s" % (n, suf)


MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July",
             "August", "September", "October", "November", "December"]


def display_country(c):
    c = " ".join(str(c).split())
    if "/" in c:
        parts = [x.strip() for x in c.split("/")]
        c = next((x for x in parts if "Holy See" in x), parts[0])
    c = re.sub(r"\s*\(.*?\)", "", c)
    if ", " in c:
        a, b = c.split(", ", 1)
        if re.search(r"\b(of|of the)$", b):
            c = b + " " + a
            c = c[0].upper() + c[1:]
        else:
            c = a
    return c


def clean_post(post):
    p = " ".join(post.split())
    p = p.replace("Foregn", "Foreign")
    if p[:1].islower():
        p = p[0].upper() + p[1:]
    p = re.sub(r"^Prime minister", "Prime Minister", p)
    return p


def post_of(post, country):
    """The post as a page would print it, with the country."""
    p = clean_post(post)
    if p == "UN Representative" or p == "Permanent Representative":
        return "Permanent Representative of %s to the United Nations" % country
    if p.lower() in ("delegation", "chair of the delegation", "chair of delegation"):
        return "Chair of the Delegation of %s" % country
    if len(p) > 45 or "," in p:
        return p + " (" + country + ")"
    return "%s of %s" % (p, country)


def post_plain(post):
    p = clean_post(post)
    if p == "UN Representative":
        return "Permanent Representative to the United Nations"
    if p.lower() in ("delegation", "chair of delegation"):
        return "Chair of the Delegation"
    return p


FR_POSTS = [
    ("Deputy Prime Minister", "Vice-Premier Ministre"),
    ("Prime Minister", "Premier Ministre"),
    ("Vice-President", "Vice-Président"),
    ("Vice President", "Vice-Président"),
    ("President", "Président"),
    ("Minister for Foreign Affairs", "Ministre des affaires étrangères"),
    ("Minister of Foreign Affairs", "Ministre des affaires étrangères"),
    ("UN Representative", "Représentant permanent auprès de l'Organisation des Nations Unies"),
    ("Permanent Representative", "Représentant permanent"),
    ("King", "Roi"),
]
ES_POSTS = [
    ("Deputy Prime Minister", "Viceprimer Ministro"),
    ("Prime Minister", "Primer Ministro"),
    ("Vice-President", "Vicepresidente"),
    ("Vice President", "Vicepresidente"),
    ("President", "Presidente"),
    ("Minister for Foreign Affairs", "Ministro de Relaciones Exteriores"),
    ("Minister of Foreign Affairs", "Ministro de Relaciones Exteriores"),
    ("UN Representative", "Representante Permanente ante las Naciones Unidas"),
    ("Permanent Representative", "Representante Permanente"),
    ("King", "Rey"),
]


def translate_post(post, table):
    p = clean_post(post)
    for en, tr in table:
        if p == en:
            return tr, True
    return p, False


# --------------------------------------------------------------------------
# body extraction
# --------------------------------------------------------------------------
def split_paragraphs(text):
    """Return list of paragraphs, each a list of raw lines (verbatim)."""
    text = text.lstrip("\ufeff")
    lines = text.split("\n")
    nonempty = [l for l in lines if l.strip()]
    lens = sorted(len(l.rstrip()) for l in nonempty)
    if not lens:
        return []
    width = lens[int(len(lens) * 0.9)]
    hard = lens[len(lens) // 2] < 110
    paras, cur = [], []
    if not hard:
        for l in lines:
            if not l.strip():
                continue
            # a line starting in lower case continues the previous paragraph
            # (page break inside a paragraph in the source)
            if paras and l.strip()[:1].islower():
                paras[-1].append(l)
            else:
                paras.append([l])
        return paras
    for i, l in enumerate(lines):
        if not l.strip():
            if cur:
                paras.append(cur)
                cur = []
            continue
        if cur and l[:1] == " " and l[1:2].isupper() and not cur[-1].rstrip().endswith("-"):
            paras.append(cur)
            cur = []
        cur.append(l)
        s = l.rstrip()
        if re.fullmatch(r"\d{1,3}", s.strip()):
            continue
        # look ahead to the next non page-number line
        j = i + 1
        while j < len(lines) and re.fullmatch(r"\d{1,3}", lines[j].strip() or "x"):
            j += 1
        if j >= len(lines) or not lines[j].strip():
            continue
        nxt = lines[j].split()
        nw = len(nxt[0]) if nxt else 0
        starts_low = bool(nxt) and nxt[0][:1].islower()
        if s.endswith(('.', '?', '!', ':', '"', '\u201d', ';')) and len(s) + 1 + nw <= width and not starts_low:
            paras.append(cur)
            cur = []
    if cur:
        paras.append(cur)
    return paras


def join_para(raw_lines):
    out = ""
    for l in raw_lines:
        s = l.strip()
        if not s or re.fullmatch(r"\d{1,3}", s):
            continue  # page number
        if not out:
            out = s
        elif out.endswith("-") and len(out) > 1 and out[-2].isalpha():
            out += s
        else:
            out += " " + s
    return " ".join(out.split(" "))


def pick_body(text):
    paras = split_paragraphs(text)
    joined = [join_para(p) for p in paras]
    keep = [(p, j) for p, j in zip(paras, joined) if j]
    n, total = 0, 0
    for k in range(min(6, len(keep))):
        if n >= 1 and total + len(keep[k][1]) > 2600:
            break
        total += len(keep[k][1])
        n += 1
    while n < 4 and n < len(keep) and total + len(keep[n][1]) <= 3100:
        total += len(keep[n][1])
        n += 1
    chosen = keep[:n]
    web = "\n\n".join(j for _, j in chosen)
    raw = "\n".join(l.rstrip() for p, _ in chosen for l in p)
    return web, raw, n


# --------------------------------------------------------------------------
# invented page furniture (deterministic)
# --------------------------------------------------------------------------
REPORTERS = ["Hannah Lindqvist", "Marcus Oyelaran", "Priya Raghunathan", "Tomas Ferreira",
             "Claire Dubois-Hart", "Samuel Achterberg", "Leila Haddad", "Kenji Moriyama"]
READERS = ["Ambassador Tomasz Wielgosz", "Ambassador Adaeze Okonkwo-Bell",
           "Ambassador Rafael Quintero Lemos", "Ambassador Ingrid Solheimsen"]
PHOTOGRAPHERS = ["Cia Pak", "Loey Felipe", "Manuel Elías", "Kim Haughton",
                 "Eskinder Debebe", "Rick Bajornas", "Evan Schneider", "Mark Garten"]
STREETS = ["Second Avenue", "East 45th Street", "Third Avenue", "United Nations Plaza",
           "East 42nd Street", "Lexington Avenue"]


def furniture(rec):
    r = random.Random("%s-%d" % (rec["country_iso"], rec["year"]))
    day = r.randint(21, 30)
    return {
        "day": day,
        "date_en": "%d September %d" % (day, rec["year"]),
        "date_us": "September %d, %d" % (day, rec["year"]),
        "date_iso": "%d-09-%02d" % (rec["year"], day),
        "reporter": r.choice(REPORTERS),
        "reader": r.choice(READERS),
        "photog": r.choice(PHOTOGRAPHERS),
        "street": "%d %s" % (r.randint(100, 999), r.choice(STREETS)),
        "floor": r.randint(2, 28),
        "ga": 9300 + (rec["year"] - 1994) * 108 + r.randint(0, 60),
        "meeting": r.randint(4, 13),
        "time": "%d:%02d" % (r.choice([9, 10, 11, 3, 4, 5]), r.randint(0, 59)),
        "views": r.randint(300, 9000),
    }


# --------------------------------------------------------------------------
# the 24 heading styles
# --------------------------------------------------------------------------
STYLES = {}
STYLE_DESC = {}
PDF_STYLES = set()


def style(num, desc, pdf=False, ext=".txt"):
    def deco(fn):
        STYLES[num] = (fn, ext)
        STYLE_DESC[num] = desc
        if pdf:
            PDF_STYLES.add(num)
        return fn
    return deco


def he(v):
    """'H.E. Mr.' / 'H.E. Ms.' / 'H.E.' plus kept titles."""
    t = "H.E."
    if v["gender"] == "m":
        t += " Mr."
    elif v["gender"] == "f":
        t += " Ms."
    if v["titles"]:
        t += " " + v["titles"]
    return t


def mr(v):
    t = {"m": "Mr.", "f": "Ms."}.get(v["gender"], "")
    if v["titles"]:
        t = (t + " " + v["titles"]).strip()
    return t


def tn(v, prefix):
    return (prefix + " " + v["name"]).strip()


@style(1, "National foreign-ministry news page: breadcrumbs, date line, title 'Statement by <post> <name> ...', Print/Share line, tags.")
def s01(v):
    return (
        "Ministry of Foreign Affairs of %(country)s\n"
        "Home > Media > Speeches\n\n"
        "%(date_en)s\n\n"
        "Statement by the %(post)s, %(name)s, at the General Debate of the %(sessw_cap)s Session of the United Nations General Assembly\n\n"
        "Print | Share | Email\n\n"
        "%(body)s\n\n"
        "Tags: United Nations, UNGA%(session)d, Multilateral diplomacy\n"
        "Back to Speeches\n"
    ) % dict(v, post=post_plain(v["post"]))


@style(2, "UN Meetings Coverage press release: GA/nnnnn code, date, meeting line, summary headline, speaker named in CAPITALS with post and country, then the speech.")
def s02(v):
    return (
        "Meetings Coverage and Press Releases\n\n"
        "%(sessw_cap)s Session, %(meeting)dth & %(meeting1)dth Meetings (AM & PM)\n"
        "GA/%(ga)d\n"
        "%(date_en)s\n\n"
        "General Assembly Continues General Debate, with Leaders Calling for Renewed Multilateral Cooperation\n\n"
        "Statements\n\n"
        "%(NAME)s, %(post)s of %(country)s, said:\n\n"
        "%(body)s\n\n"
        "* *** *\n"
        "For information media. Not an official record.\n"
    ) % dict(v, NAME=v["name"].upper(), post=post_plain(v["post"]), meeting1=v["meeting"] + 1)


@style(3, "Permanent Mission PDF letterhead: mission name, New York address, 'Check against delivery', 'Statement by H.E. ...', post, session, place and date; raw PDF lines.", pdf=True)
def s03(v):
    return (
        "PERMANENT MISSION OF %(COUNTRY)s\n"
        "TO THE UNITED NATIONS\n"
        "%(street)s, %(floor)dth Floor, New York, NY 10017\n"
        "Tel. (212) 555-01%(day)02d\n\n"
        "Check against delivery\n\n"
        "Statement by\n"
        "%(he)s %(name)s\n"
        "%(postof)s\n"
        "at the General Debate of the %(sessw)s session\n"
        "of the United Nations General Assembly\n\n"
        "New York, %(date_en)s\n\n"
        "%(raw)s\n"
    ) % dict(v, COUNTRY=v["country"].upper(), he=he(v), postof=post_of(v["post"], v["country"]))


@style(4, "News-site archive 'Full text' article: headline, reporter byline with date, standfirst, 'Read in full:' before the speech.")
def s04(v):
    return (
        "WORLD | UNITED NATIONS\n\n"
        "Full text: %(country)s's %(lpost)s addresses the UN General Assembly\n\n"
        "By %(reporter)s | %(date_us)s | Updated %(time)s pm\n\n"
        "%(country)s's %(lpost)s, %(name)s, spoke on the %(sessn)s day of the general debate in New York. "
        "Read in full:\n\n"
        "%(body)s\n\n"
        "Related: More world leaders' speeches at UNGA %(session)d\n"
    ) % dict(v, lpost=post_plain(v["post"]).lower() if post_plain(v["post"]).lower().startswith(("president", "prime", "minister", "vice", "deputy")) else post_plain(v["post"]), sessn=["first", "second", "third", "fourth"][v["day"] % 4])


@style(5, "Markdown research note with a YAML front-matter block (title, speaker, country, post, date, source keys).", ext=".md")
def s05(v):
    return (
        "---\n"
        "title: \"UNGA %(session)d general debate - %(country)s\"\n"
        "speaker: %(name)s\n"
        "post: %(post)s\n"
        "country: %(country)s\n"
        "date: %(date_iso)s\n"
        "source: https://gadebate.un.org/en/%(session)d/%(iso_l)s\n"
        "tags: [unga, general-debate, %(iso_l)s]\n"
        "---\n\n"
        "# %(country)s, %(year)d\n\n"
        "%(body)s\n"
    ) % dict(v, post=post_plain(v["post"]), iso_l=v["iso"].lower())


@style(6, "Markdown note with plain bold key lines (no YAML): heading, **Country:**, **Date:**, **Speaker:**, **Source:** lines.", ext=".md")
def s06(v):
    return (
        "## General Debate %(year)d - %(country)s\n\n"
        "**Country:** %(country)s  \n"
        "**Session:** %(session)d (%(year)d)  \n"
        "**Date:** %(date_en)s  \n"
        "**Speaker:** %(name)s (%(post)s)  \n"
        "**Source:** UN General Assembly, official English text\n\n"
        "---\n\n"
        "%(body)s\n"
    ) % dict(v, post=post_plain(v["post"]))


@style(7, "Government portal in the speaker's own style: office name, 'Address by the <Post>, Hon. <name> at the ...', date/place, share line.")
def s07(v):
    return (
        "Government of %(country)s - Official Portal\n"
        "Office of the %(opost)s\n"
        "News & Events > Speeches\n\n"
        "Address by the %(post)s, Hon. %(name)s at the General Debate of the %(sessw_cap)s Session of the United Nations General Assembly\n\n"
        "United Nations Headquarters, New York - %(date_en)s\n\n"
        "%(body)s\n\n"
        "Share this: Facebook | X | WhatsApp\n"
    ) % dict(v, post=post_plain(v["post"]), opost=post_plain(v["post"]).split(",")[0].split(" and ")[0])


@style(8, "Speech-archive page naming the person only in a 'Delivered by:' line below a neutral title.")
def s08(v):
    return (
        "UNGA %(session)d General Debate - %(country)s\n\n"
        "Type: Statement\n"
        "Agenda item 8: General debate\n"
        "Language of delivery: English (official text)\n"
        "Delivered by: %(name)s, %(post)s\n"
        "Date: %(date_en)s\n\n"
        "%(body)s\n"
    ) % dict(v, post=post_plain(v["post"]))


@style(9, "PDF cover where the post comes first and the name after it ('President of the Republic, Mr. ...'); raw PDF lines.", pdf=True)
def s09(v):
    return (
        "%(sessw_cap)s session of the General Assembly\n"
        "General Debate\n\n"
        "%(postof)s, %(mr)s\n\n"
        "New York, %(date_en)s\n\n"
        "(Unofficial translation / official English text)\n\n"
        "%(raw)s\n"
    ) % dict(v, postof=post_of(v["post"], v["country"]), mr=tn(v, mr(v) or "H.E."))


@style(10, "PDF title block with the name in CAPITALS and the post on the next line; raw PDF lines.", pdf=True)
def s10(v):
    return (
        "STATEMENT\n\n"
        "BY\n\n"
        "%(HE)s %(NAME)s\n"
        "%(postof)s\n\n"
        "AT THE GENERAL DEBATE OF THE %(SESSW)s SESSION\n"
        "OF THE UNITED NATIONS GENERAL ASSEMBLY\n\n"
        "NEW YORK, %(DATE)s\n\n"
        "%(raw)s\n"
    ) % dict(v, HE=he(v).upper(), NAME=v["name"].upper(), postof=post_of(v["post"], v["country"]),
             SESSW=v["sessw"].upper(), DATE=v["date_en"].upper())


@style(11, "Country-first heading (UN General Debate site style): country name in capitals, then session, then the speaker below.")
def s11(v):
    return (
        "%(COUNTRY)s\n\n"
        "General Debate of the %(sessn)s Session (%(year)d)\n\n"
        "%(postof)s\n"
        "%(mr)s\n\n"
        "Statement Summary | Full statement | Video\n\n"
        "Full statement:\n\n"
        "%(body)s\n"
    ) % dict(v, COUNTRY=v["country"].upper(), postof=post_of(v["post"], v["country"]),
             mr=tn(v, he(v)), sessn=session_num(v["session"]))


@style(12, "'On behalf of' PDF: statement of the named person read by an (invented) ambassador; heading says who reads and whose statement it is; raw PDF lines.", pdf=True)
def s12(v):
    return (
        "Permanent Mission of %(country)s to the United Nations\n\n"
        "Please check against delivery\n\n"
        "Statement of %(he)s %(name)s,\n"
        "%(postof)s,\n"
        "read on behalf of the %(short)s by\n"
        "%(reader)s, Permanent Representative of %(country)s\n"
        "to the United Nations,\n"
        "at the General Debate of the %(sessw)s session\n"
        "of the United Nations General Assembly\n\n"
        "New York, %(date_en)s\n\n"
        "%(raw)s\n"
    ) % dict(v, he=he(v), postof=post_of(v["post"], v["country"]),
             short=post_plain(v["post"]).split(",")[0].split(" and ")[0])


@style(13, "News/UN News page with a photo and a caption/credit line naming the speaker ('Photo: UN Photo/...').")
def s13(v):
    return (
        "UN News\n"
        "Global perspective Human stories\n\n"
        "%(country)s at UNGA: 'We must act together'\n\n"
        "%(date_en)s | Peace and Security\n\n"
        "[Image] %(postof)s %(name)s addresses the general debate of the General Assembly's %(sessw)s session. "
        "UN Photo/%(photog)s\n"
        "Photo: UN Photo/%(photog)s\n\n"
        "%(body)s\n\n"
        "Download the UN News app for your iOS or Android devices.\n"
    ) % dict(v, postof=post_plain(v["post"]) + " of " + v["country"] if len(post_plain(v["post"])) < 45 else v["country"] + "'s " + post_plain(v["post"]))


@style(14, "PDF titled 'Statement of the Delegation of <country>' that names the speaker only below the title; raw PDF lines.", pdf=True)
def s14(v):
    return (
        "STATEMENT OF THE DELEGATION OF %(COUNTRY)s\n"
        "AT THE GENERAL DEBATE OF THE %(SESSW)s SESSION\n"
        "OF THE UNITED NATIONS GENERAL ASSEMBLY\n\n"
        "New York, %(date_en)s\n\n"
        "Delivered by %(mr)s, %(post)s\n\n"
        "%(raw)s\n"
    ) % dict(v, COUNTRY=v["country"].upper(), SESSW=v["sessw"].upper(), mr=tn(v, he(v)),
             post=post_plain(v["post"]))


@style(15, "All-lower-case blog / personal archive heading (name, post and country in lower case).")
def s15(v):
    return (
        ("unga %(session)d / %(year)d - %(country)s\n"
         "statement by %(name)s, %(post)s of %(country)s\n"
         "posted %(date_iso)s - general debate archive - %(views)d views\n\n") % dict(v, post=post_plain(v["post"]))
    ).lower() + v["body"] + "\n"


@style(16, "ALL-CAPS PDF heading 'STATEMENT BY HIS/HER EXCELLENCY ...' over title-cased session line; raw PDF lines.", pdf=True)
def s16(v):
    exc = {"m": "HIS EXCELLENCY", "f": "HER EXCELLENCY"}.get(v["gender"], "H.E.")
    return (
        "STATEMENT BY %(EXC)s %(NAME)s, %(POSTOF)s\n\n"
        "General Debate Of The %(Sessw)s Session Of The United Nations General Assembly\n"
        "New York, %(date_en)s\n\n"
        "%(raw)s\n"
    ) % dict(v, EXC=exc, NAME=((v["titles"] + " ") if v["titles"] else "").upper() + v["name"].upper(),
             POSTOF=post_of(v["post"], v["country"]).upper(),
             Sessw="-".join(w.capitalize() for w in v["sessw"].split("-")))


@style(17, "French-language heading for an English text: 'Discours de S.E. M./Mme ..., <poste> ..., Assemblée générale'; raw PDF lines.", pdf=True)
def s17(v):
    post_fr, ok = translate_post(v["post"], FR_POSTS)
    civ = {"m": "S.E. M.", "f": "S.E. Mme"}.get(v["gender"], "S.E.")
    if v["titles"]:
        civ += " " + v["titles"]
    pays = v["country"]
    postline = ("%s (%s)" % (post_fr, pays)) if ok else ("%s (%s)" % (post_fr, pays))
    return (
        "Mission permanente auprès des Nations Unies\n\n"
        "Seul le texte prononcé fait foi\n\n"
        "Discours de %(civ)s %(name)s,\n"
        "%(postline)s,\n"
        "devant la %(session)de session de l'Assemblée générale des Nations Unies\n"
        "Débat général\n\n"
        "New York, le %(day)d septembre %(year)d\n\n"
        "[Texte en anglais]\n\n"
        "%(raw)s\n"
    ) % dict(v, civ=civ, postline=postline)


@style(18, "Spanish-language web heading for an English text: 'Intervención del Sr./de la Sra. ..., <cargo> ...', Nueva York date, 'Cotejar con el discurso pronunciado'.")
def s18(v):
    post_es, ok = translate_post(v["post"], ES_POSTS)
    civ = {"m": "del Excmo. Sr.", "f": "de la Excma. Sra."}.get(v["gender"], "de S.E.")
    if v["titles"]:
        civ += " " + v["titles"]
    return (
        "Inicio > Prensa > Discursos\n\n"
        "Intervención %(civ)s %(name)s, %(post_es)s (%(country)s), en el Debate General del %(session)dº período de sesiones de la Asamblea General de las Naciones Unidas\n\n"
        "Nueva York, %(day)d de septiembre de %(year)d\n"
        "Cotejar con el discurso pronunciado - Texto en inglés\n\n"
        "%(body)s\n\n"
        "Imprimir | Compartir\n"
    ) % dict(v, civ=civ, post_es=post_es)


@style(19, "UN Official Records (A/nn/PV.n) verbatim-record layout: 'Address by Mr. ..., <post>', escort line, 'The Acting President:' intro, then '<Name> (Country):'; raw PDF lines.", pdf=True)
def s19(v):
    title = mr(v) or "H.E."
    surname_line = "%s (%s):" % (tn(v, title), v["country"])
    return (
        "United Nations A/%(session)d/PV.%(meeting)d\n"
        "General Assembly\n"
        "%(Sessw)s session\n"
        "Official Records\n"
        "%(meeting)dth plenary meeting\n"
        "%(date_en)s, 10 a.m.\n"
        "New York\n\n"
        "Agenda item 8 (continued)\n"
        "General debate\n\n"
        "Address by %(tn)s, %(postof)s\n\n"
        "The Acting President: The Assembly will now hear an address by the %(postof)s.\n"
        "%(tn)s, %(postof)s, was escorted to the rostrum.\n\n"
        "%(surname_line)s %(raw)s\n"
    ) % dict(v, tn=tn(v, title), postof=post_of(v["post"], v["country"]), surname_line=surname_line,
             Sessw=v["sessw"].capitalize())


@style(20, "Bilateral embassy website reposting the speech: nav menu, 'Posted on' date, title 'Speech of <post> <name> at UNGA', tags, newsletter footer.")
def s20(v):
    return (
        "Embassy of %(country)s\n"
        "Home | About the Embassy | Consular Services | News | Contact\n\n"
        "News\n\n"
        "Speech of the %(post)s %(name)s at the %(sessn)s UN General Assembly\n"
        "Posted on: %(date_us)s   Category: Foreign Policy\n\n"
        "%(body)s\n\n"
        "Tags: UNGA, %(country)s, foreign policy\n"
        "Subscribe to our newsletter\n"
    ) % dict(v, post=post_plain(v["post"]), sessn=session_num(v["session"]))


@style(21, "Digital-library catalogue record printout: Title / Corporate author (country) / Speaker / Post / Symbol / Date fields above the full text.")
def s21(v):
    return (
        "Digital Library - Record\n\n"
        "Title: Statement at the general debate of the %(sessw)s session of the General Assembly\n"
        "Corporate author: %(country)s\n"
        "Speaker: %(name)s\n"
        "Post: %(post)s\n"
        "Symbol: A/%(session)d/PV.%(meeting)d\n"
        "Date: %(date_iso)s\n"
        "Language: English\n"
        "Access: Full text below\n\n"
        "%(body)s\n"
    ) % dict(v, post=post_plain(v["post"]))


@style(22, "Live blog printout: 'LIVE' header, timestamps, entry '<Country>'s <post> <name> takes the podium', then a quoted speech.")
def s22(v):
    return (
        "LIVE: UN General Assembly %(year)d - day %(dayn)d as it happened\n"
        "Live updates by %(reporter)s\n\n"
        "%(time)s ET\n"
        "%(country)s's %(post)s %(name)s takes the podium\n\n"
        "Here is what was said, as released by the delegation:\n\n"
        "%(body)s\n\n"
        "%(time2)s ET\n"
        "The next speaker is expected shortly.\n"
    ) % dict(v, post=post_plain(v["post"]), dayn=1 + v["day"] % 5,
             time2=v["time"].split(":")[0] + ":" + "%02d" % ((int(v["time"].split(":")[1]) + 23) % 60))


@style(23, "Presidential / PM-office press release: 'PRESS RELEASE - FOR IMMEDIATE RELEASE', headline naming the post and the leader, 'Below is the full text of the speech' line.")
def s23(v):
    return (
        "PRESS RELEASE\n"
        "FOR IMMEDIATE RELEASE\n"
        "Office of Communications - %(country)s\n\n"
        "%(post)s %(name)s addresses %(sessn)s UN General Assembly\n\n"
        "New York, %(date_en)s - %(post)s %(name)s today delivered %(country)s's national statement at the general debate. "
        "Below is the full text of the speech.\n\n"
        "%(body)s\n\n"
        "- ENDS -\n"
        "Media contact: press office\n"
    ) % dict(v, post=post_plain(v["post"]), sessn=session_num(v["session"]))


@style(24, "Saved web page with cookie banner, skip-link and menu junk; page title line '<name> | <post> | Speeches' at top and a sidebar 'Other speeches' list.")
def s24(v):
    return (
        "Skip to main content\n"
        "We use cookies to improve your experience. Accept | Settings\n"
        "Menu  Search  EN | FR\n\n"
        "%(name)s | %(post)s | Speeches\n\n"
        "General Debate, %(sessn)s session - %(date_en)s\n\n"
        "%(body)s\n\n"
        "Other speeches\n"
        "- Statement to the Human Rights Council\n"
        "- Remarks at the Financing for Development forum\n"
        "- Address at the Security Council open debate\n\n"
        "(c) %(year)d %(country)s. All rights reserved.\n"
    ) % dict(v, post=post_plain(v["post"]), sessn=session_num(v["session"]))


# --------------------------------------------------------------------------
def main():
    with gzip.open(SRC, "rt", encoding="utf-8") as f:
        lines = f.read().split("\n")
    pool = []
    for i, l in enumerate(lines):
        if not l.strip():
            continue
        ln = i + 1
        if ln % 2 != 1:
            continue
        d = json.loads(l)
        if d.get("speaker") and d.get("post") and str(d["speaker"]).strip() and str(d["post"]).strip():
            pool.append((ln, d))
    rng = random.Random(4404)
    order = rng.sample(pool, len(pool))
    chosen, skipped = [], []
    for ln, d in order:
        if len(chosen) >= N_STYLES * PER_STYLE:
            break
        ps = parse_speaker(d["speaker"])
        if ps is None:
            skipped.append((ln, d, "speaker field gives a surname only"))
            continue
        web, raw, n = pick_body(d["text"])
        if n < 2:
            skipped.append((ln, d, "could not find >=2 paragraphs"))
            continue
        chosen.append((ln, d, ps, web, raw, n))

    # style 12 ('on behalf of') needs a head of state/government or minister,
    # not a permanent representative or a delegation chair: swap such a record
    # with the first later suitable record (deterministic).
    def head_ok(rec):
        p = clean_post(rec[1]["post"]).lower()
        return not ("representative" in p or "delegation" in p)
    for k in range(len(chosen)):
        if k // PER_STYLE + 1 == 12 and not head_ok(chosen[k]):
            for j in range(k + 1, len(chosen)):
                if j // PER_STYLE + 1 != 12 and head_ok(chosen[j]):
                    chosen[k], chosen[j] = chosen[j], chosen[k]
                    break

    if os.path.isdir(DOCS):
        shutil.rmtree(DOCS)
    os.makedirs(DOCS)
    exp_rows = ["doc_id\tstyle\texpected_speaker\tsource_line\tcountry_iso\tyear\trecord_speaker\trecord_post\tparagraphs"]
    for k, (ln, d, ps, web, raw, n) in enumerate(chosen):
        st = k // PER_STYLE + 1
        titles, core, gender = ps
        v = {
            "name": core, "titles": titles, "gender": gender,
            "country": display_country(d["country"]), "iso": d["country_iso"], "year": d["year"],
            "session": d["session"], "post": d["post"],
            "sessw": session_words(d["session"]),
            "sessw_cap": "-".join(w.capitalize() for w in session_words(d["session"]).split("-")),
            "body": web, "raw": raw,
        }
        v.update(furniture(d))
        fn, ext = STYLES[st]
        txt = fn(v)
        doc_id = "un_h%02d_%s_%d" % (st, d["country_iso"].lower(), d["year"])
        with open(os.path.join(DOCS, doc_id + ext), "w", encoding="utf-8", newline="\n") as f:
            f.write(txt)
        exp_rows.append("\t".join([doc_id, str(st), core, str(ln), d["country_iso"], str(d["year"]),
                                   " ".join(d["speaker"].split()), " ".join(d["post"].split()), str(n)]))
    with open(os.path.join(HERE, "expected.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(exp_rows) + "\n")
    with open(os.path.join(HERE, "styles.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# Heading styles (devun4)\n\n")
        f.write("Body: first paragraphs (up to 6, about 2,500 chars, topped up towards 4 while the total stays within 3,100) of the record text, verbatim. "
                "Web styles rejoin hard-wrapped lines into paragraphs (lone page-number lines dropped); PDF styles (marked [pdf]) keep the raw lines. "
                "Dates within the session's September, addresses, GA/ codes, reporters, photographers' credits and the reader in style 12 are illustrative/invented. "
                "Posts are printed from the record with light page-style cleanup ('Foregn' -> 'Foreign', 'UN Representative' -> 'Permanent Representative of X to the United Nations', 'Delegation' -> 'Chair of the Delegation'); "
                "country names inverted in the corpus ('Iran, Islamic Republic of', 'Vatican/Holy See') are printed in page order. "
                "expected.tsv gives the record's speaker with Mr./Ms./Mrs./H.E. and rank words (Archbishop, Prince, Lyonpo, Dr. ...) removed, in the record's own casing, whatever casing the page uses. "
                "Styles 05 and 06 are .md files, the rest .txt.\n\n")
        for st in range(1, N_STYLES + 1):
            f.write("%02d. %s%s\n" % (st, "[pdf] " if st in PDF_STYLES else "", STYLE_DESC[st]))
    with open(os.path.join(HERE, "skipped.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("source_line\tcountry_iso\tyear\trecord_speaker\treason\n")
        for ln, d, why in skipped:
            f.write("%d\t%s\t%d\t%s\t%s\n" % (ln, d["country_iso"], d["year"], " ".join(d["speaker"].split()), why))


if __name__ == "__main__":
    main()
