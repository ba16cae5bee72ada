#!/usr/bin/env python3
"""Build the UNLABELLED sampling pool for the Tenor gold corpus.

Reads the read-only corpora in ../shared/corpora, splits them into sentences,
and draws a stratified, deterministic sample of about 1,400 statements
(>= 780 English, >= 560 Chinese) to be annotated with the project's
annotation guidelines (shared/annotation-guidelines.md).

Nothing here labels anything. Keyword lists are used only to decide which
stratum a sentence is drawn from (sampling), never as a stance score.

Usage (from the project root):
    python scripts/gold/sample_pool.py [--shared ../shared] [--out analysis/data/gold/pool.jsonl]

Extra training pool (more statements from NEW documents, all split "train"):
    python scripts/gold/sample_pool.py --extra N_EN N_ZH --exclude analysis/data/gold/tenor_gold.jsonl \
        --seed 20261122 --out analysis/data/gold/pool_extra.jsonl
  Quotas are the default per-source quotas scaled to N_EN / N_ZH (largest remainder), with the same strata
  and caps. Every document group (MFA press-conference page, readout, briefing, UNGDC speech, Xi speech)
  that holds a doc_id of an --exclude file, or whose text contains the text of an excluded item, is left
  out; no text may duplicate an excluded item; ids get the prefix "x-". Without --extra the output is
  exactly the default pool.

Stdlib only. Deterministic: random.Random(20261121); the output does not
depend on dict/set iteration order or on PYTHONHASHSEED.
"""
import argparse
import collections
import csv
import gzip
import hashlib
import json
import os
import random
import re
import sys

SEED = 20261121
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# --------------------------------------------------------------------------
# quotas (items per source) and stratum shares
# --------------------------------------------------------------------------
QUOTA = {
    "mfa_en": 320,   # mfa_presscon_en_zh_2016_2020, lang=en
    "mfa_zh": 420,   # mfa_presscon_en_zh_2016_2020, lang=zh
    "wh_readouts": 210,
    "wh_briefings": 140,
    "ungdc": 160,
    "xi": 170,
}
# share of each source's quota per stratum; shortfalls flow down the list
STRATA = [("foreign_confront", 0.30), ("foreign", 0.22), ("random", 0.48)]

LICENCE = {
    "mfa_presscon_en_zh_2016_2020":
        "official PRC MFA transcript (fmprc.gov.cn); no licence stated; research/testing use, do not redistribute in bulk",
    "white_house_briefing_room_2021_2026":
        "US federal government work, public domain (17 U.S.C. 105); repo brian14708/wh-briefings CC0 1.0",
    "ungdc_1994_2024":
        "CC0 1.0 (UN General Debate Corpus, Harvard Dataverse doi:10.7910/DVN/0TJX8Y; cite Jankin, Baturo & Dasandi)",
    "xi_speeches_zh":
        "official PRC publication (People's Daily / Xinhua); no licence stated; development only",
}

MFA_NAMES = {"耿爽": "Geng Shuang", "华春莹": "Hua Chunying", "陆慷": "Lu Kang", "赵立坚": "Zhao Lijian"}

WH_SPEAKERS = {
    "MS. PSAKI": "Jen Psaki", "MS. JEAN-PIERRE": "Karine Jean-Pierre", "MR. KIRBY": "John Kirby",
    "MR. SULLIVAN": "Jake Sullivan", "MR. SULLIAN": "Jake Sullivan", "MR. FINER": "Jon Finer",
    "MS. BEDINGFIELD": "Kate Bedingfield", "MR. BATES": "Andrew Bates", "MS. DALTON": "Olivia Dalton",
    "MS. SLOAT": "Amanda Sloat", "MS. NEUBERGER": "Anne Neuberger", "MR. SINGH": "Daleep Singh",
    "SECRETARY BLINKEN": "Antony Blinken", "SECRETARY AUSTIN": "Lloyd Austin", "SECRETARY KERRY": "John Kerry",
    "SECRETARY YELLEN": "Janet Yellen", "SECRETARY RAIMONDO": "Gina Raimondo", "AMBASSADOR TAI": "Katherine Tai",
    "AMBASSADOR RICE": "Susan Rice", "AMBASSADOR JACOBSON": "Roberta Jacobson",
    "SENIOR ADMINISTRATION OFFICIAL": "Senior Administration Official",
    "MR. DEESE": "Brian Deese", "MR. ZIENTS": "Jeff Zients",
}
WH_SKIP_SPEAKERS = {"Q", "(header)", "MODERATOR", "OPERATOR", "AIDE", "PARTICIPANT", "PARTICIPANTS"}

# --------------------------------------------------------------------------
# keyword cues (SAMPLING ONLY)
# --------------------------------------------------------------------------
_COUNTRIES_EN = (
    r"China|Chinese|Beijing|PRC|Taiwan\w*|Hong Kong|Xinjiang|Tibet\w*|United States|U\.S\.|US|USA|America|American|"
    r"Americans|Washington|Russia\w*|Moscow|Kremlin|Putin|Ukrain\w*|Kyiv|Japan\w*|Tokyo|Korea\w*|DPRK|Pyongyang|"
    r"India\w*|Pakistan\w*|Iran\w*|Tehran|Israel\w*|Palestin\w*|Gaza|Hamas|Hezbollah|Houthis?|Lebanon|Syria\w*|Iraq\w*|"
    r"Afghan\w*|Taliban|Saudi\w*|Qatar\w*|Yemen\w*|Turkey|Türkiye|Turkish|Egypt\w*|Jordan\w*|Germany|German|France|"
    r"French|Britain|British|UK|Italy|Italian|Poland|Polish|EU|European|Europe|NATO|Canad\w*|Australia\w*|"
    r"Mexic\w*|Brazil\w*|Venezuela\w*|Cuba\w*|Colombia\w*|Argentin\w*|Africa\w*|Nigeria\w*|Kenya\w*|Ethiopia\w*|"
    r"Sudan\w*|Somalia\w*|ASEAN|Philippine\w*|Filipino|Vietnam\w*|Viet Nam|Indonesia\w*|Malaysia\w*|Singapore\w*|"
    r"Thailand|Myanmar|Burma|Cambodia\w*|Laos|Mongolia\w*|Kazakhstan|Serbia\w*|Belarus\w*|Georgia|Armenia\w*|"
    r"Azerbaijan\w*|G7|G-7|G20|G-20|Quad|AUKUS|BRICS|SCO|APEC|WHO|WTO|IAEA|United Nations|Security Council"
)
FOREIGN_EN = re.compile(
    r"\b(?:" + _COUNTRIES_EN + r")\b|\b(?:allies|ally|allied|alliance\w*|partner\w*|bilateral\w*|multilateral\w*|"
    r"diplomat\w*|sovereign\w*|territorial|foreign|cooperat\w*|oppos(?:e|es|ed|ing)|sanction\w*|interfer\w*|"
    r"counterpart\w*|international|nations|countries|summit\w*|embass\w*|ambassador\w*|treaty|treaties|"
    r"Minister|President Xi|Premier|Chancellor)\b")
CONFRONT_EN = re.compile(
    r"\b(?:oppos(?:e|es|ed|ing)|urg(?:e|es|ed|ing)|condemn\w*|accus\w*|interfer\w*|sanction\w*|smear\w*|lies|liars?|"
    r"lying|firmly|slander\w*|groundless|baseless|irresponsible|provocat\w*|provok\w*|aggress\w*|coerc\w*|bully\w*|"
    r"hegemon\w*|countermeasure\w*|retaliat\w*|threat\w*|deplor\w*|reject\w*|violat\w*|unacceptable|concerns?|"
    r"concerned|warn\w*|hypocri\w*|double standards?|Cold War|meddl\w*|so-called|strongly|disinformation|"
    r"invasion|invade\w*|atroci\w*|brutal\w*|illegal\w*|unjust\w*|blame\w*|hold .{0,20}accountable)\b",
    re.IGNORECASE)
FOREIGN_ZH = re.compile(
    r"美方|美国|中美|日方|日本|中日|英方|英国|欧盟|欧洲|俄罗斯|俄方|中俄|印度|印方|中印|朝鲜|朝方|半岛|韩国|韩方|"
    r"台湾|台独|香港|新疆|西藏|达赖|南海|澳大利亚|澳方|加拿大|加方|德国|法国|伊朗|以色列|巴勒斯坦|巴基斯坦|巴方|"
    r"阿富汗|叙利亚|东盟|非洲|拉美|联合国|安理会|世卫|北约|国际|各国|外国|外部势力|双边|多边|两国|两岸|伙伴|外交|"
    r"主权|领土|合作|反对|干涉|干预|制裁|一带一路|全球|霸权|单边|[美日英俄印朝韩澳加德法欧菲越巴以伊缅蒙]方")
CONFRONT_ZH = re.compile(
    r"坚决|敦促|抹黑|干涉|干预|反对|谎言|制裁|谴责|不满|污蔑|诬蔑|造谣|挑衅|霸权|霸凌|损害|停止|错误|无端|指责|"
    r"交涉|威胁|反制|施压|炒作|别有用心|冷战思维|零和|奉劝|警告|所谓|关切|双重标准|插手|说三道四|操弄|甩锅|"
    r"强烈|无理|打压|遏制|抗议|妄加|恶意|捏造|虚假|不负责任|后果")

# --------------------------------------------------------------------------
# text cleaning and sentence splitting
# --------------------------------------------------------------------------
ABBREV = {
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Sr", "Jr", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Adm", "Gov",
    "Sen", "Rep", "Reps", "Amb", "Hon", "Rev", "Messrs", "Mt", "Jan", "Feb", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec", "No", "Nos", "Art", "Arts", "Vol", "vs", "Inc", "Ltd", "Co", "Corp", "Ave",
    "Fig", "Pres", "Excellency", "H.E", "cf", "approx",
}
_EN_BOUND = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
_INITIALS = re.compile(r"(?:\b[A-Za-z]\.){1,}[A-Za-z]?$|\b[A-Z]$")
# after "U.S." / "D.C." a new sentence is assumed only before these words
_STARTERS = {"The", "They", "He", "She", "We", "It", "This", "That", "These", "Those", "In", "On", "At", "But",
             "And", "I", "Our", "His", "Her", "Their", "Both", "As", "During", "After", "Before", "While", "A",
             "There", "You", "So", "Yet", "Today", "Since", "For", "With", "Such"}


def clean_ws(s):
    s = s.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
    return re.sub(r"[ \t\r\f\v]+", " ", s).strip()


def split_en_par(par):
    """Split one English paragraph into sentences."""
    par = clean_ws(par.replace("\n", " "))
    out, start = [], 0
    for m in _EN_BOUND.finditer(par):
        end = m.end()
        left = par[start:m.start() + 1]
        # last token before the punctuation mark
        tok = re.search(r"(\S+)$", left[:-1])
        tok = tok.group(1) if tok else ""
        tok_core = tok.lstrip("(\"'“‘")
        if par[m.start()] == ".":
            if tok_core in ABBREV or tok_core.rstrip(".") in ABBREV:
                continue
            if re.fullmatch(r"(?:[A-Z]\.)+[A-Z]", tok_core):
                # U.S. / D.C. / U.N.: split only if a typical sentence opener follows
                nxt = re.match(r"[\"“‘(\[]?([A-Za-z]+)", par[end:])
                if not (nxt and nxt.group(1) in _STARTERS):
                    continue
            elif _INITIALS.search(tok_core):
                # initials / a.m. / e.g. / Joseph R. -- do not split
                continue
        out.append(par[start:end].strip())
        start = end
    tail = par[start:].strip()
    if tail:
        out.append(tail)
    return [s for s in out if s]


_ZH_END = set("。！？!?")
_ZH_CLOSE = set("”’」』）)》")


def split_zh_par(par):
    """Split one Chinese paragraph on 。！？ (plus closing quotes), not inside “...” quotes."""
    par = clean_ws(par)
    out, buf, depth, i = [], [], 0, 0
    n = len(par)
    while i < n:
        ch = par[i]
        buf.append(ch)
        if ch in "“「『":
            depth += 1
        elif ch in "”」』":
            depth = max(0, depth - 1)
        if ch in _ZH_END or (ch == "…" and i + 1 < n and par[i + 1] == "…"):
            j = i + 1
            while j < n and (par[j] in _ZH_END or par[j] == "…"):
                buf.append(par[j]); j += 1
            while j < n and par[j] in _ZH_CLOSE:
                if par[j] in "”」』":
                    depth = max(0, depth - 1)
                buf.append(par[j]); j += 1
            if depth == 0:
                out.append("".join(buf).strip()); buf = []
            i = j
            continue
        i += 1
    if "".join(buf).strip():
        out.append("".join(buf).strip())
    return [s for s in out if s]


def sentences(text, lang):
    """Paragraphs are split on newlines; each paragraph into sentences."""
    out = []
    for par in text.split("\n"):
        if not par.strip():
            continue
        out.extend(split_zh_par(par) if lang == "zh" else split_en_par(par))
    return out


def n_units(s, lang):
    if lang == "zh":
        return len(re.sub(r"\s", "", s))
    return len(s.split())


def eligible(s, lang):
    n = n_units(s, lang)
    if lang == "zh":
        if not (8 <= n <= 150):
            return False
        if not re.search(r"[\u4e00-\u9fff]", s):
            return False
    else:
        if not (6 <= n <= 80):
            return False
        if not re.match(r"[\"“‘(\[]?[A-Z0-9]", s):   # fragment starting lower-case
            return False
        if not re.search(r"[.!?…][\"'”’)\]]*$", s):  # must end like a sentence
            return False
    return True


def norm_key(s):
    s = re.sub(r"^习近平(?:在[^，。]{0,12})?(?:指出|强调|表示|说)[，：:]", "", s)
    return re.sub(r"[\W_]+", "", s.lower())


# --------------------------------------------------------------------------
# per-source loaders: yield docs {doc_id, group_key, lang, speaker, side, date, source, text|sents, meta}
# --------------------------------------------------------------------------
_ZH_Q_LINE = re.compile(r"^\s*[^：:\n]{0,16}(?:追问|提问|问及|有记者问|记者问|问|记者|记者解释|记者澄清|记者回答|记者追问)[：:]")


_ZH_Q_FORMULA = re.compile(r"(?:有何评论|有何回应|有何看法|有何反应|作何回应|能否证实|能否介绍|能否透露|能否具体|请问)[^。！]*？\s*$")


def clean_mfa_answer(ans, lang, spokesperson):
    keep = []
    for line in ans.split("\n"):
        line = line.strip()
        if not line or re.fullmatch(r"[*＊\-—=_ ]+", line):
            continue
        if lang == "zh":
            if _ZH_Q_LINE.match(line) or _ZH_Q_FORMULA.search(line):
                continue  # journalist question (incl. numbered after-briefing questions "二、据报道…有何回应？")
            line = re.sub(r"（[^（）]{0,6}记者[^（）]*）", "", line)
            line = re.sub(r"^(?:答|" + "|".join(MFA_NAMES) + r")[：:]", "", line).strip()
        else:
            # inline "Q: ... A: ..." (a few rows): drop the question part
            line = re.sub(r"\bQ\s*:.*?(?:\bA\s*:|$)", "", line).strip()
            line = re.sub(r"^(?:A|" + "|".join(MFA_NAMES.values()) + r")\s*:\s*", "", line)
        if line:
            keep.append(line)
    return "\n".join(keep)


def load_mfa(shared):
    path = os.path.join(shared, "corpora", "mfa_presscon_en_zh_2016_2020", "mfa_presscon_qa_en_zh.csv")
    csv.field_size_limit(1 << 30)
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            lang = row["lang"]
            sp = MFA_NAMES.get(row["spokesperson"], row["spokesperson"])
            text = clean_mfa_answer(row["answer"], lang, sp)
            if not text:
                continue
            yield {
                "key": "mfa_" + lang, "lang": lang, "source": "mfa_presscon_en_zh_2016_2020",
                "doc_id": "%s#qa%s" % (row["doc_url"], row["qa_index"]), "group": row["doc_url"],
                "id_prefix": "mfa-%s-%s" % (lang, row["row_id"]), "speaker": sp, "side": "CN",
                "date": row["date"], "cell": (sp,), "weight": 1,
                "question": clean_ws(row["question"])[:600], "text": text, "cap_doc": 1,
            }


_FOREIGN_TITLE = re.compile(
    r"Prime Minister|Chancellor|King |His Majesty|Her Majesty|Emir|Crown Prince|Sultan|Secretary[- ]General|"
    r"Foreign Minister|Premier|Taoiseach|President(?:-Elect)? [^,]* of |President Xi|People’s Republic|"
    r"Wang Yi|NATO|G7|G20|Quad|AUKUS|Allies|Partners|Ukrain|Israel|Japan|Korea|India|Mexic|Canad|"
    r"Counterpart|National Security Advisor [A-Z][a-z]+ [A-Z][a-z]+ of|Minister|Summit|Leaders’")
_DOMESTIC_TITLE = re.compile(r"Governor|Senator|Mayor|Legislat|Congress|CEO|Union|Tribal|Roundtable|Caucus|"
                             r"Listening Session|Stakeholder|Community|Faith Leaders|Task Force|Convening")
_CHINA_TITLE = re.compile(r"China|Chinese|Xi Jinping|Wang Yi|People’s Republic|PRC|Li Qiang|He Lifeng|Zhang Youxia")


def clean_md(t):
    t = re.sub(r"<[^>]+>", "", t)
    t = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", t)
    t = t.replace("\\###", "").replace("###", "").replace("\\", "")
    t = t.replace("&nbsp;", " ").replace("&amp;", "&")
    t = re.sub(r"\*+", "", t)
    return t


def load_wh_readouts(shared):
    path = os.path.join(shared, "corpora", "white_house_briefing_room_2021_2026", "wh_readouts.jsonl")
    with open(path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            title = d["title"]
            if not _FOREIGN_TITLE.search(title) or _DOMESTIC_TITLE.search(title):
                continue
            china = bool(_CHINA_TITLE.search(title))
            slug = os.path.splitext(os.path.basename(d["path"]))[0]
            yield {
                "key": "wh_readouts", "lang": "en", "source": "white_house_briefing_room_2021_2026",
                "doc_id": d["path"], "group": d["path"], "id_prefix": "whr-" + slug,
                "speaker": None, "side": "US", "date": d["date"],
                "cell": ("CN" if china else "other", d["date"][:4]), "weight": 1 if china else 3,
                "question": "", "text": clean_md(d["text"]), "cap_doc": 2, "title": title,
            }


def readout_speaker(sent, date):
    sp = _readout_subject(sent, date)
    if sp and re.match(r"(?:The President|President|The Vice President|Vice President|National Security Advisor|"
                        r"Principal Deputy National Security Advisor|Mr\.)?[^,]*?\b(?:Biden|Trump|Harris|Sullivan|"
                        r"Finer|President)(?:,? Jr\.)?\s+and\b", sent.lstrip("\"“ ")):
        return ""  # joint subject ("President Biden and Prime Minister X ...") -> annotators decide
    return sp


def _readout_subject(sent, date):
    s = sent.lstrip("\"“ ")
    if re.match(r"(?:The President|President (?:Joe |Joseph R\. )?Biden|President Biden’s|Biden)\b", s):
        return "Joe Biden"
    if re.match(r"President (?:Donald J\. )?Trump\b", s) or (date >= "2025-01-20" and s.startswith("The President")):
        return "Donald Trump"
    if re.match(r"(?:The Vice President|Vice President (?:Kamala )?Harris)\b", s):
        return "Kamala Harris"
    if re.match(r"(?:National Security Advisor |Mr\. )?(?:Jake )?Sullivan\b", s):
        return "Jake Sullivan"
    if re.match(r"(?:Principal Deputy National Security Advisor )?(?:Jon )?Finer\b", s):
        return "Jon Finer"
    return ""


FP_TURN = re.compile(
    r"\b(?:China|Chinese|PRC|Beijing|Xi|Taiwan|Russia\w*|Putin|Kremlin|Ukrain\w*|Zelenskyy|Iran\w*|North Korea\w*|DPRK|"
    r"Israel\w*|Gaza|Hamas|Hezbollah|Houthis?|NATO|allies|Afghanistan|Taliban|Japan\w*|South Korea|India\w*|Saudi\w*|"
    r"Venezuela\w*|Cuba\w*|sanctions?|G7|G20|Quad|AUKUS|foreign policy|Middle East|Europe\w*|Syria\w*|Iraq\w*|Yemen)\b")


def load_wh_briefings(shared):
    path = os.path.join(shared, "corpora", "white_house_briefing_room_2021_2026", "wh_press_briefings_turns.jsonl.gz")
    prev_q = {}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            label = re.sub(r"\s+", " ", d["speaker"]).strip()
            if label == "Q":
                prev_q[d["path"]] = d["text"]
                continue
            if label in WH_SKIP_SPEAKERS or label.startswith("(") or len(FP_TURN.findall(d["text"])) < 2:
                continue
            if label in WH_SPEAKERS:
                sp = WH_SPEAKERS[label]
            elif label == "THE PRESIDENT":
                sp = "Donald Trump" if d["date"] >= "2025-01-20" else "Joe Biden"
            else:
                sp = " ".join(w.capitalize() for w in re.sub(r"^(MR|MS|MRS|DR)\. ", "", label).split())
            grp = sp if sp in ("Jen Psaki", "Karine Jean-Pierre", "John Kirby", "Jake Sullivan",
                               "Senior Administration Official") else "other"
            slug = os.path.splitext(os.path.basename(d["path"]))[0]
            yield {
                "key": "wh_briefings", "lang": "en", "source": "white_house_briefing_room_2021_2026",
                "doc_id": "%s#turn%s" % (d["path"], d["turn"]), "group": d["path"],
                "id_prefix": "whb-%s-t%s" % (slug, d["turn"]), "speaker": sp, "side": "US", "date": d["date"],
                "cell": (grp, d["date"][:4]), "weight": 2 if grp == "other" else 1,
                "question": clean_ws(prev_q.get(d["path"], ""))[:600], "text": clean_md(d["text"]), "cap_doc": 1,
                "cap_group": 3,
            }


_MOJIBAKE = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6"
                       "\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{1,3}")


def fix_mojibake(t):
    """Repair UTF-8 text that was decoded as cp1252 ('â€”' -> '—'), as found in a few UNGDC files."""
    def rep(m):
        try:
            return m.group(0).encode("cp1252").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return m.group(0)
    return _MOJIBAKE.sub(rep, t) if ("â€" in t or "Ã" in t) else t


def clean_ungdc(t):
    t = fix_mojibake(t.replace("\ufeff", "").replace("\r", ""))
    lines = []
    for ln in t.split("\n"):
        s = ln.strip()
        if re.fullmatch(r"\d{1,3}", s) or re.fullmatch(r"A/\d+/PV\.\d+.*|\d{2}-\d{5}.*", s):
            continue  # page numbers, document symbols, job numbers
        lines.append(s)
    t = "\n".join(lines)
    words = set(re.findall(r"\b[a-z]+\b", t))

    def dehyph(m):
        a, b = m.group(1), m.group(2)
        return a + b if (a + b).lower() in words and b[:1].islower() else a + "-" + b
    t = re.sub(r"(\w+)-\s*\n\s*(\w+)", dehyph, t)
    # UN transcripts wrap lines inside sentences and sometimes insert blank lines: join everything
    return clean_ws(re.sub(r"\s*\n\s*", " ", t))


def load_ungdc(shared, rng, exclude=None):
    path = os.path.join(shared, "corpora", "ungdc_1994_2024", "ungdc_speeches_1994_2024.jsonl.gz")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        speeches = [json.loads(l) for l in f]
    if exclude:  # extra mode: drop already-used speeches before the pre-selection
        speeches = [d for d in speeches if d["source_path"] not in exclude]
    speeches.sort(key=lambda d: d["source_path"])
    big = [d for d in speeches if d["country_iso"] in ("CHN", "USA", "RUS")]
    others = [d for d in speeches if d["country_iso"] not in ("CHN", "USA", "RUS")]
    others = rng.sample(others, 450)  # pre-select to keep memory small; one sentence per speech is used at most
    for d in sorted(big + others, key=lambda d: d["source_path"]):
        iso = d["country_iso"]
        grp = iso if iso in ("CHN", "USA", "RUS") else "other"
        y = int(d["year"])
        ybin = "1994-1999" if y < 2000 else "%d-%d" % (y - y % 5, y - y % 5 + 4)
        sp = re.sub(r"^(?:Mr|Mrs|Ms|Dr|H\.E|Sir)\.?\s+", "", (d.get("speaker") or "").strip()).strip(" ,;.")
        yield {
            "key": "ungdc", "lang": "en", "source": "ungdc_1994_2024",
            "doc_id": d["source_path"], "group": d["source_path"],
            "id_prefix": "ungdc-%s-%s" % (iso, d["year"]), "speaker": sp,
            "side": {"CHN": "CN", "USA": "US"}.get(iso, "other"), "date": str(d["year"]),
            "cell": (grp, ybin), "weight": 6 if grp == "other" else 1,
            "question": "", "text_sents": sentences(clean_ungdc(d["text"]), "en"), "cap_doc": 1,
            "country": d["country"],
        }


def clean_xi(t):
    t = t.replace("\ufeff", "")
    t = re.sub(r"新华社记者[^。！？\n]{1,20}?摄", "\n", t)
    t = re.sub(r"[（(]新华社[^）)]{0,20}[）)]", "\n", t)
    t = re.sub(r"[\u3000\u2003]{2,}|\r|\n+", "\n", t)
    return t


_XI_REPORT = re.compile(r"习近平(?:主席)?(?:在[^，。]{0,20})?(?:指出|强调|表示|说|宣布|提出|希望|呼吁|寄语|勉励)")


def xi_speaker(s):
    if re.search(r"(?:他|她|[\u4e00-\u9fff]{1,3}同志)[^，。“”]{0,15}(?:说|指出|强调|表示|认为|提出)[：:，]?“", s):
        return ""  # quoting someone else (e.g. a commemorated leader): annotators decide
    if "习近平" not in s:
        return "Xi Jinping"
    if _XI_REPORT.search(s) or re.search(r"我|我们", s):
        return "Xi Jinping"
    return ""  # Xinhua narration about Xi: annotators decide (narrator)


def load_xi(shared):
    base = os.path.join(shared, "corpora", "xi_speeches_zh")
    with open(os.path.join(base, "xi_speeches_2020_jhsjk.csv"), encoding="utf-8-sig", newline="") as f:
        for i, row in enumerate(csv.DictReader(f)):
            h = hashlib.sha1(row["Text"].encode("utf-8")).hexdigest()[:8]
            doc = "xi_speeches_2020_jhsjk.csv#%s-%s" % (row["Date"], h)
            yield {
                "key": "xi", "lang": "zh", "source": "xi_speeches_zh", "doc_id": doc, "group": doc,
                "id_prefix": "xi-jhsjk-%s-%s" % (row["Date"], h), "speaker": None, "side": "CN",
                "date": row["Date"], "cell": (row["Date"][:4],), "weight": 1, "question": "",
                "text": clean_xi(row["Text"]), "cap_doc": 3,
            }
    with open(os.path.join(base, "xi_speeches_2022_2025_xinhua.csv"), encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            h = hashlib.sha1(row["url"].encode("utf-8")).hexdigest()[:8]
            date = row["publication"][:10]
            yield {
                "key": "xi", "lang": "zh", "source": "xi_speeches_zh", "doc_id": row["url"], "group": row["url"],
                "id_prefix": "xi-xinhua-%s-%s" % (date, h), "speaker": None, "side": "CN",
                "date": date, "cell": (date[:4],), "weight": 1, "question": "",
                "text": clean_xi(row["text"]), "cap_doc": 3,
            }


# --------------------------------------------------------------------------
# candidates and sampling
# --------------------------------------------------------------------------
_XI_SKIP = re.compile(r"新华社|记者|摄$|电讯|责任编辑|【|】|^(?:这是|图为)")


def candidates(doc):
    lang = doc["lang"]
    sents = doc.get("text_sents") or sentences(doc["text"], lang)
    out = []
    for i, s in enumerate(sents):
        if not eligible(s, lang):
            continue
        if doc["key"] == "xi" and _XI_SKIP.search(s):
            continue
        if lang == "en":
            foreign = bool(FOREIGN_EN.search(s))
            confront = foreign and bool(CONFRONT_EN.search(s))
        else:
            foreign = bool(FOREIGN_ZH.search(s))
            confront = foreign and bool(CONFRONT_ZH.search(s))
        ctx = sents[max(0, i - 2):i]
        out.append({"i": i, "text": s, "context": ("" if lang == "zh" else " ").join(ctx),
                    "foreign": foreign, "confront": confront})
    return out


def split_of(group_key):
    h = int(hashlib.sha1(group_key.encode("utf-8")).hexdigest()[:8], 16) % 100
    return "train" if h < 60 else ("dev" if h < 80 else "test")


def in_stratum(cands, stratum):
    """The candidates of one sampling stratum."""
    if stratum == "foreign_confront":
        return [c for c in cands if c["confront"]]
    if stratum == "foreign":
        return [c for c in cands if c["foreign"] and not c["confront"]]
    return cands


def make_item(c, stratum, key, id_prefix, split):
    """One pool item from a drawn candidate sentence."""
    d = c["doc"]
    if d["key"] == "wh_readouts":
        sp = readout_speaker(c["text"], d["date"])
    elif d["key"] == "xi":
        sp = xi_speaker(c["text"])
    else:
        sp = d["speaker"]
    return {
        "id": "%s%s-s%d" % (id_prefix, d["id_prefix"], c["i"]),
        "text": c["text"], "context": c["context"], "lang": d["lang"], "speaker": sp,
        "side": d["side"], "date": d["date"], "source": d["source"], "doc_id": d["doc_id"],
        "licence": LICENCE[d["source"]], "split": split, "stratum": stratum,
        "question": d.get("question", ""), "_key": key,
    }


def draw(pool, n, rng, seen_text, doc_count, group_count):
    """Weighted round-robin over cells; respects per-doc / per-group caps and global dedupe."""
    cells = collections.OrderedDict()
    for c in sorted(pool, key=lambda c: (repr(c["doc"]["cell"]), c["doc"]["doc_id"], c["i"])):
        cells.setdefault(c["doc"]["cell"], []).append(c)
    order = sorted(cells, key=repr)
    rng.shuffle(order)
    for k in order:
        rng.shuffle(cells[k])
    ptr = {k: 0 for k in order}
    got = []
    while len(got) < n:
        progressed = False
        for k in order:
            w = cells[k][0]["doc"]["weight"]
            taken = 0
            while taken < w and ptr[k] < len(cells[k]) and len(got) < n:
                c = cells[k][ptr[k]]
                ptr[k] += 1
                d = c["doc"]
                key = norm_key(c["text"])
                if key in seen_text or doc_count[d["doc_id"]] >= d["cap_doc"] \
                        or group_count[d["group"]] >= d.get("cap_group", 2 if d["key"].startswith("mfa") else 99):
                    continue
                seen_text.add(key)
                doc_count[d["doc_id"]] += 1
                group_count[d["group"]] += 1
                got.append(c)
                taken += 1
                progressed = True
            if len(got) >= n:
                break
        if not progressed:
            break
    return got


def print_report(items, out):
    def table(title, keyf):
        c = collections.Counter(keyf(it) for it in items)
        print("\n%s" % title)
        for k in sorted(c):
            print("  %-55s %5d" % (" / ".join(k) if isinstance(k, tuple) else k, c[k]))
    print("wrote %d items to %s" % (len(items), out))
    table("by lang", lambda it: it["lang"])
    table("by source / lang", lambda it: (it["source"], it["lang"]))
    table("by sub-source (readouts vs briefing turns)", lambda it: it["_key"])
    table("by sub-source / stratum", lambda it: (it["_key"], it["stratum"]))
    table("by split", lambda it: it["split"])
    table("by stratum", lambda it: it["stratum"])
    table("by source / stratum", lambda it: (it["source"], it["stratum"]))
    table("by side", lambda it: it["side"])
    table("by year", lambda it: it["date"][:4])
    table("by speaker (MFA, briefings, Xi)", lambda it: (it["source"][:12], it["speaker"] or "''")
          if it["source"] != "ungdc_1994_2024" else ("ungdc", "(%s)" % it["side"]))
    nc = len({it["doc_id"] for it in items if it["source"] == "ungdc_1994_2024"})
    print("\nUNGDC speeches used: %d" % nc)
    dup = len(items) - len({norm_key(it["text"]) for it in items})
    print("duplicate texts: %d" % dup)


# --------------------------------------------------------------------------
# extra training pool (--extra N_EN N_ZH): new documents only, all split "train"
# --------------------------------------------------------------------------
EXTRA_ORDER = ["mfa_en", "mfa_zh", "wh_readouts", "wh_briefings", "ungdc", "xi"]
KEY_LANG = {"mfa_en": "en", "mfa_zh": "zh", "wh_readouts": "en", "wh_briefings": "en", "ungdc": "en", "xi": "zh"}


def scaled_quotas(n_en, n_zh):
    """Default quotas scaled to n_en / n_zh per language (largest remainder, ties in EXTRA_ORDER)."""
    out = {}
    for lang, n in (("en", n_en), ("zh", n_zh)):
        keys = [k for k in EXTRA_ORDER if KEY_LANG[k] == lang]
        base = sum(QUOTA[k] for k in keys)
        exact = {k: QUOTA[k] * n / base for k in keys}
        q = {k: int(exact[k]) for k in keys}
        rest = n - sum(q.values())
        for k in sorted(keys, key=lambda k: (-(exact[k] - q[k]), EXTRA_ORDER.index(k)))[:rest]:
            q[k] += 1
        out.update(q)
    return out


def _flat(s):
    """Text normalised for containment tests (no punctuation, spaces or case)."""
    return re.sub(r"[\W_]+", "", s.lower())


def main_extra(args):
    n_en, n_zh = args.extra
    seed = SEED + 1 if args.seed is None else args.seed
    if args.out is None:
        args.out = os.path.join(ROOT, "analysis", "data", "gold", "pool_extra.jsonl")
    log = lambda *a: print(*a, file=sys.stderr)

    excl = []
    for path in args.exclude:
        with open(path, encoding="utf-8") as f:
            excl.extend(json.loads(l) for l in f if l.strip())
    excl_doc_ids = {it["doc_id"] for it in excl}
    excl_ids = {it["id"] for it in excl}
    excl_keys = {norm_key(it["text"]) for it in excl}
    needles = sorted(excl_keys - {""})  # for the containment test (flattened like _flat)
    log("exclude: %d items from %s (%d doc_ids, %d distinct texts)" % (
        len(excl), ", ".join(args.exclude), len(excl_doc_ids), len(needles)))

    rng = random.Random(seed)
    loaders = [load_mfa(args.shared), load_wh_readouts(args.shared), load_wh_briefings(args.shared),
               load_ungdc(args.shared, rng, exclude=excl_doc_ids), load_xi(args.shared)]
    by_key = collections.defaultdict(list)
    ndocs = collections.Counter()
    groups_all = collections.defaultdict(set)
    excl_groups_id = set()
    flat_parts, flat_groups, flat_starts, pos = [], [], [], 0
    for docs in loaders:
        for doc in docs:
            ndocs[doc["key"]] += 1
            groups_all[doc["key"]].add(doc["group"])
            if doc["doc_id"] in excl_doc_ids:
                excl_groups_id.add(doc["group"])
            raw = " ".join(doc["text_sents"]) if doc.get("text_sents") else doc["text"]
            ft = _flat(raw)
            flat_parts.append(ft); flat_groups.append(doc["group"]); flat_starts.append(pos)
            pos += len(ft) + 1
            for c in candidates(doc):
                c["doc"] = doc
                by_key[doc["key"]].append(c)
            doc.pop("text", None)
            doc.pop("text_sents", None)
    # containment: any document whose text contains the text of an excluded item
    import bisect
    big = "\n".join(flat_parts)
    del flat_parts
    excl_groups_text = set()
    for nd in needles:
        i = big.find(nd)
        while i >= 0:
            excl_groups_text.add(flat_groups[bisect.bisect_right(flat_starts, i) - 1])
            i = big.find(nd, i + 1)
    del big
    excl_groups = excl_groups_id | excl_groups_text

    seen_text = set(excl_keys)
    doc_count, group_count = collections.Counter(), collections.Counter()
    quota = scaled_quotas(n_en, n_zh)
    for key in EXTRA_ORDER:
        n_before = len(by_key[key])
        by_key[key] = [c for c in by_key[key] if c["doc"]["group"] not in excl_groups]
        cands = by_key[key]
        g_all = groups_all[key]
        log("%-13s docs=%6d groups=%5d excluded groups=%4d (doc_id %d, text only %d) eligible sentences=%7d "
            "-> %7d (foreign %d, confront-cue %d) quota=%d" % (
                key, ndocs[key], len(g_all), len(g_all & excl_groups), len(g_all & excl_groups_id),
                len((g_all & excl_groups_text) - excl_groups_id), n_before, len(cands),
                sum(c["foreign"] for c in cands), sum(c["confront"] for c in cands), quota[key]))

    items = []

    def run_strata(key, total):
        """Draw `total` items of one source over the strata (shortfalls flow down); returns the number drawn."""
        cands = by_key[key]
        carry, n_got = 0, 0
        for stratum, share in STRATA:
            want = (total - n_got) if stratum == "random" else int(round(total * share)) + carry
            got = draw(in_stratum(cands, stratum), want, rng, seen_text, doc_count, group_count)
            carry = want - len(got)
            n_got += len(got)
            items.extend(make_item(c, stratum, key, "x-", "train") for c in got)
        return n_got

    short = collections.Counter()
    for key in EXTRA_ORDER:
        got = run_strata(key, quota[key])
        if got < quota[key]:
            short[KEY_LANG[key]] += quota[key] - got
            log("shortfall: %s drew %d of %d" % (key, got, quota[key]))
    # a source that runs dry is topped up from the other sources of the same language (in order)
    for lang in ("en", "zh"):
        for key in [k for k in EXTRA_ORDER if KEY_LANG[k] == lang]:
            if short[lang] <= 0:
                break
            got = run_strata(key, short[lang])
            if got:
                log("top-up: %d %s items from %s" % (got, lang, key))
            short[lang] -= got
        if short[lang] > 0:
            log("WARNING: %d %s items could not be drawn" % (short[lang], lang))

    ids = [it["id"] for it in items]
    assert len(set(ids)) == len(ids), "duplicate ids"
    assert not set(ids) & excl_ids, "id collision with excluded items"
    assert not {it["doc_id"] for it in items} & excl_doc_ids
    assert not {norm_key(it["text"]) for it in items} & excl_keys

    rng.shuffle(items)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        for it in items:
            f.write(json.dumps({k: v for k, v in it.items() if k != "_key"}, ensure_ascii=False) + "\n")
    print("extra mode: seed %d, quotas %s" % (seed, " ".join("%s=%d" % (k, quota[k]) for k in EXTRA_ORDER)))
    print("excluded document groups: %d (holding an excluded doc_id %d, containing an excluded text only %d)" % (
        len(excl_groups), len(excl_groups_id), len(excl_groups_text - excl_groups_id)))
    print_report(items, args.out)
    print("doc_id overlap with excluded items: %d; texts duplicating excluded items: %d" % (
        len({it["doc_id"] for it in items} & excl_doc_ids),
        len({norm_key(it["text"]) for it in items} & excl_keys)))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=os.path.normpath(os.path.join(ROOT, "..", "shared")))
    ap.add_argument("--out", default=None,
                    help="default analysis/data/gold/pool.jsonl (pool_extra.jsonl with --extra)")
    ap.add_argument("--extra", nargs=2, type=int, metavar=("N_EN", "N_ZH"),
                    help="draw an extra training pool of N_EN English and N_ZH Chinese statements")
    ap.add_argument("--exclude", action="append", default=[], metavar="JSONL",
                    help="(with --extra) items whose documents and texts must not be reused; repeatable")
    ap.add_argument("--seed", type=int, default=None, help="RNG seed (default %d)" % SEED)
    args = ap.parse_args(argv)
    if args.extra:
        return main_extra(args)
    if args.exclude:
        ap.error("--exclude only works with --extra")
    if args.out is None:
        args.out = os.path.join(ROOT, "analysis", "data", "gold", "pool.jsonl")
    rng = random.Random(SEED if args.seed is None else args.seed)

    loaders = [("mfa", load_mfa(args.shared)), ("wh_readouts", load_wh_readouts(args.shared)),
               ("wh_briefings", load_wh_briefings(args.shared)), ("ungdc", load_ungdc(args.shared, rng)),
               ("xi", load_xi(args.shared))]
    by_key = collections.defaultdict(list)
    ndocs = collections.Counter()
    for _, docs in loaders:
        for doc in docs:
            ndocs[doc["key"]] += 1
            for c in candidates(doc):
                c["doc"] = doc
                by_key[doc["key"]].append(c)
            doc.pop("text", None)
            doc.pop("text_sents", None)

    seen_text, doc_count, group_count = set(), collections.Counter(), collections.Counter()
    items = []
    for key in ["mfa_en", "mfa_zh", "wh_readouts", "wh_briefings", "ungdc", "xi"]:
        cands = by_key[key]
        print("%-13s docs=%6d eligible sentences=%7d (foreign %d, confront-cue %d)" % (
            key, ndocs[key], len(cands), sum(c["foreign"] for c in cands), sum(c["confront"] for c in cands)),
            file=sys.stderr)
        total, carry = QUOTA[key], 0
        for stratum, share in STRATA:
            want = (total - sum(1 for it in items if it["_key"] == key)) if stratum == "random" \
                else int(round(total * share)) + carry
            got = draw(in_stratum(cands, stratum), want, rng, seen_text, doc_count, group_count)
            carry = want - len(got)
            items.extend(make_item(c, stratum, key, "", split_of(c["doc"]["group"])) for c in got)

    rng.shuffle(items)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        for it in items:
            f.write(json.dumps({k: v for k, v in it.items() if k != "_key"}, ensure_ascii=False) + "\n")

    print_report(items, args.out)

if __name__ == "__main__":
    main()
