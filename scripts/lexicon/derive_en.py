#!/usr/bin/env python3
"""Derive candidate ENGLISH stance entries for Tenor's lexicon scorer from the shared sources.

Writes analysis/data/lexicon/en_derived.tsv (format: analysis/data/lexicon/FORMAT.md).

Sources (all under --shared/lexicon-sources):
  * cameo_petrarch2/CAMEO.2.0.txt     CAMEO verb blocks `---  VERB   [code]  ---` with their verb forms
  * goldstein_gdelt/CAMEO.goldsteinscale.txt   Goldstein value of each CAMEO code (the weight)
  * cameo_codes_icews/cameo-codes.csv  CAMEO code names (for the note)
  * plover/plover_scores.tsv           PLOVER expert scores for a few category anchor nouns
  * general_inquirer_power/gi_categories.tsv   General Inquirer PowCoop (+1.5) / PowCon (-1.5)

What is kept is a hand-made selection (the tables below): only verbs and lemmas that carry
stance in diplomatic speech. Every kept form must exist in its source, or the script stops.
The weight always comes from the source (Goldstein value of the code, PLOVER score, GI
category constant); the curated file en_diplomatic.tsv overrides any pattern it also lists.

Stdlib only, deterministic. Usage (from the project root):
    python3 scripts/lexicon/derive_en.py [--shared ../shared] [--out analysis/data/lexicon/en_derived.tsv]
"""
import argparse
import csv
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# ---------------------------------------------------------------------------------------------
# CAMEO verb selection: block name -> {verb form as printed in the block (upper case): pattern}.
# The pattern is a lower-case prefix pattern (`condemn*`) unless a prefix would catch unrelated
# words, then explicit word forms are listed (one entry per pattern). Blocks not listed are
# skipped: the 010 "make statement" family (say, emphasize, explain ...), root-01 verbs with
# Goldstein 0, the 04 consult family (meet, visit, host, arrive: neutral in diplomacy), and
# verbs whose CAMEO reading differs from their diplomatic one (INTERVENE/interfere is coded
# +7 'provide aid' but is an accusation in diplomatic speech; RETREAT/withdraw ('withdraw from
# the treaty'); BOOST/intensify, escalate; DEFEND; physical violence verbs such as kill, fight,
# attack, which in statements mostly describe events or the shared 'fight against' terrorism
# and disease).
# ---------------------------------------------------------------------------------------------
CAMEO_KEEP = {
    # root 01 (statements with a stance)
    "WORRY": {"WORRIED": "worried", "WORRY": "worry"},
    "REFUTE": {"REFUTE": "refut*"},
    # 02 appeal: appeal, offer, assure, promise skipped after corpus checks (court appeals, 'offer
    # services', 'I can assure you', 'as they promised' are mostly not stance)
    # 03 express intent to cooperate
    "PLEDGE": {"PLEDGE": "pledg*"},
    # 05 diplomatic cooperation
    "AGREE": {"AGREE": "agre*"},
    "COLLABORATE": {"COLLABORATE": "collaborat*", "COOPERATE": "cooperat*", "+SIDE_WITH": "side with"},
    "COORDINATE": {"COORDINATE": "coordinat*"},
    "SUPPORT": {"SUPPORT": "support*", "ENDORSE": "endors*"},
    "ACCLAIM": {"APPLAUD": "applaud*", "COMMEND": "commend*", "COMPLIMENT": "compliment*",
                "CONGRATULATE": "congratulat*", "EXTOL": "extol*", "FELICITATE": "felicitat*",
                "HAIL": "hailed", "PRAISE": "prais*", "SALUTE": "salut*", "WELCOME": "welcom*",
                "ADMIRE": ("admire", "admired", "admiration")},
    "APPRECIATE": {"APPRECIATE": "appreciat*"},
    "ENCOURAGE": {"ENCOURAGE": "encourag*", "REASSURE": "reassur*"},
    "LAUD": {"LAUD": "laud*"},
    "RESPECT": {"RESPECT": ("respect", "respects", "respected", "respecting")},  # not respect*: respective(ly)
    "THANK": {"THANK": "thank*"},
    "APOLOGIZE": {"APOLOGISE": "apologis*", "APOLOGIZE": "apologiz*"},
    # 06 material cooperation
    "AID": {"AID": "aid"},  # aid* would catch aide(s)
    # 08 yield
    "COMPROMISE": {"MEDIATE": "mediat*", "NEGOTIATE": "negotiat*", "CONCILIATE": "conciliat*"},
    "YIELD": {"CONCEDE": "conced*"},
    "ALLOW": {"RATIFY": "ratif*"},
    # 10 demand ('demand*' itself skipped: economic demand in UN/WH text)
    "DEMAND": {"EXHORT": "exhort*"},
    "INSIST": {"INSIST": "insist*"},
    # 11 disapprove
    "DISAPPROVE": {"DECRY": ("decry", "decries", "decried"), "DISAPPROVE": "disapprov*"},
    "DISMAY": {"DISAPPOINT": "disappoint*", "DISMAY": "dismay*"},
    "DISTRUST": {"DISTRUST": "distrust*"},
    "REBUFF": {"REBUFF": "rebuff*", "SNUB": "snub*"},
    "REGRET": {"REGRET": "regret*"},
    "VERBAL_CONFLICT": {"OPPOSE": ("oppose*", "opposing"),  # not oppos*: opposite, opposition
                        "DISAGREE": "disagre*", "DISPUTE": "disput*",
                        "PROTEST": ("protest", "protested"),  # protests/protesters: demonstrations
                        "CONTRAVENE": "contraven*", "COMPLAIN": "complain*"},
    "DENIGRATE": {"BELITTLE": "belittl*", "DENIGRATE": "denigrat*", "MALIGN": "malign*",
                  "SLANDER": "slander*", "IMPUGN": "impugn*"},
    "DENOUNCE": {"ADMONISH": "admonish*", "BERATE": "berat*", "CASTIGATE": "castigat*",
                 "CENSURE": "censur*", "CHASTISE": "chastis*", "CRITICISE": "criticis*",
                 "CRITICIZE": "criticiz*", "DENOUNCE": "denounc*", "DERIDE": "derid*",
                 "DISPARAGE": "disparag*", "LAMBASTE": "lambast*", "REBUKE": "rebuk*",
                 "REPRIMAND": "reprimand*", "REPROACH": "reproach*", "RIDICULE": "ridicul*",
                 "LECTURE": "lecturing"},
    "DEPLORE": {"DEPLORE": "deplor*", "ABHOR": "abhor*", "+LASH_OUT": "lash* out"},
    "BLAME": {"ACCUSE": "accus*", "BLAME": "blam*", "CONDEMN": "condemn*"},
    # 12 reject
    "DELAY": {"OBSTRUCT": "obstruct*", "IMPEDE": "imped*"},
    # 13 threaten
    "ENDANGER": {"ENDANGER": "endanger*"},
    "THREATEN": {"THREATEN": "threaten*"},
    "WARN": {"WARN": "warn*"},
    # 14 protest, 16 reduce relations, 17 coerce
    "DISTURB": {"HARASS": "harass*"},
    "PROVOKE": {"PROVOKE": "provok*"},
    "BETRAY": {"BETRAY": "betray*"},
    "BLACKLIST": {"BLACKLIST": "blacklist*"},
    "DISRUPT": {"DISRUPT": "disrupt*"},
    "UNDERMINE": {"UNDERMINE": "undermin*", "SABOTAGE": "sabotag*"},
    "EXCLUDE": {"BLOCKADE": "blockad*", "BOYCOTT": "boycott*", "EMBARGO": "embargo*",
                "OSTRACISE": "ostracis*", "OSTRACIZE": "ostraciz*"},
    "IMPEL": {"BLACKMAIL": "blackmail*"},
    "IMPOSE": {"IMPOSE": ("impose", "imposed", "imposes", "imposing", "imposition"), "REIMPOSE": "reimpos*"},
    "PUNISH": {"PENALIZE": "penaliz*", "PUNISH": "punish*"},
    "SUPPRESS": {"+CRACK_DOWN": "crack* down", "CRACKDOWN": "crackdown*", "SUPPRESS": "suppress*",
                 "REPRESS": "repress*"},
    "TAKE_CONTROL": {"SUBVERT": "subvert*"},
    "TAKE_PROPERTY": {"ANNEX": "annex*"},
    "DEPORT": {"EXPEL": "expel*"},
    # 19 fight (kept only where the verb is itself an accusation)
    "INVADE": {"INVADE": "invad*"},
}

# PLOVER anchors: pattern -> (PLOVER category, mode, note). Weight = PLOVER expert score.
PLOVER_KEEP = [
    ("sanction*", "SANCTION", "", "sanctions: the SANCTION category's anchor noun/verb"),
    ("coerc*", "COERCE", "", "coercion, coercive: COERCE anchor"),
    ("ceasefire", "RETREAT", "Ceasefire", "ceasefire (one-word spelling)"),
    ("cease fire", "RETREAT", "Ceasefire", "cease-fire (hyphen read as a space)"),
    ("concession*", "CONCEDE", "", "concession(s): CONCEDE anchor"),
    ("reject*", "REJECT", "", "reject, rejection: REJECT anchor"),
    ("allegation*", "ACCUSE", "Allege", "allegation(s): ACCUSE/Allege"),
    ("disinformation", "COERCE", "Misinformation", "disinformation: COERCE/Misinformation; as an accusation"),
    ("expulsion*", "SANCTION", "Expel", "expulsion (of diplomats): SANCTION/Expel"),
    ("retaliat*", "THREATEN", "", "retaliate, retaliation, retaliatory: a threatened response"),
]

# General Inquirer: GI entry (sense as printed) -> pattern. Weight +1.5 (PowCoop) / -1.5 (PowCon).
# Kept only where the lemma reads as cooperation/confrontation between states; skipped e.g.
# military/war vocabulary that is descriptive (missile, military, weapon), 'peaceful' (listed under
# PowCon in GI), issue, campaign, compete/competition (US 'competition' framing is ambiguous),
# group, team, organization, share, together, join, meet, union (EU), protocol, article.
GI_KEEP = {
    "PowCoop": {
        "ACCOMMODATION": "accommodation", "ALLIANCE": "allianc*",
        "ALLIED": "allied", "ALLY#1": ("ally", "allies"), "ARBITRATION": "arbitration",
        "COEXISTENCE": "coexistence",
        "CONSENSUS": "consensus", "OVERTURES": "overture*", "PACT": ("pact", "pacts"),
        "PARTNER": ("partner", "partners"), "PARTNERSHIP": "partnership*", "RAPPROACHMENT": "rapprochement",
        "RECIPROCAL": "reciprocal", "RECONCILIATION": "reconciliation", "SOLIDARITY": "solidarity",
        "UNANIMITY": "unanimity", "HARMONIOUS": "harmonious", "JOINTLY": "jointly",
    },
    "PowCon": {
        # enemy/foe skipped: 'the virus is a common enemy' is cooperative; intervention skipped:
        # 'violence intervention programs', 'multilateral intervention'
        "ADVERSARY": "adversar*", "AGGRESSION": "aggression", "AGGRESSIVE": "aggressive*",
        "AGGRESSOR": "aggressor*", "BELLIGERENT": "belligeren*", "CONFRONT": "confront",
        "CONFRONTATION": "confrontation*", "CONSPIRACY": "conspirac*", "DEFIANCE": "defiance",
        "DEFY": "defy", "DISCORD": "discord",
        "ENCROACHMENT": "encroachment*", "ESTRANGEMENT": "estrangement",
        "HOSTILE": "hostile", "HOSTILITY": "hostility", "INFRINGEMENT": "infringement*",
        "INTERFERE": "interfer*",
        "INTRANSIGENT": "intransigen*", "INTRIGUE": "intrigue", "PROVOCATION": "provocation*",
        "REPRISAL": "reprisal*", "RIVAL#1": "rival*", "SUBVERSION": "subversion",
        "UNPROVOKED": "unprovoked", "DEADLOCK": "deadlock*", "STRIFE": "strife",
    },
}
GI_WEIGHT = {"PowCoop": 1.5, "PowCon": -1.5}
GI_CATEGORY = {"PowCoop": "verbal_cooperation", "PowCon": "verbal_conflict"}


def quad(code, weight):
    """CAMEO root code -> PLOVER quad class name used by Tenor.

    Root 01 ('make public statement') has no quad class of its own; its few kept verbs with a
    negative Goldstein value (worry 012, refute 016) are filed as verbal_conflict."""
    root = int(code[:2])
    if root == 1 and weight < 0:
        return "verbal_conflict"
    if root <= 5:
        return "verbal_cooperation"
    if root <= 8:
        return "material_cooperation"
    if root <= 13:
        return "verbal_conflict"
    return "material_conflict"


def read_goldstein(path):
    with open(path, encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter="\t"))
    return {r[0].strip(): float(r[1]) for r in rows[1:] if len(r) >= 2}


def read_cameo_names(path):
    # the file mixes encodings (some characters already mangled upstream): decode leniently
    with open(path, encoding="utf-8", errors="replace", newline="") as f:
        return {r["code"].strip(): r["name"].strip() for r in csv.DictReader(f)}


HEADER_RE = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")


def read_cameo_verbs(path):
    """block name -> (default code, {FORM: code}) for blocks whose default code is set."""
    blocks, cur = {}, None
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.rstrip("\n")
            m = HEADER_RE.match(line)
            if m:
                name, code = m.group(1), m.group(2).strip()
                cur = None
                if re.fullmatch(r"\d{2,4}", code):  # default code set ('---' or ':110' are not)
                    cur = blocks.setdefault(name, (code, {}))
                continue
            if cur is None or not line.strip() or line.startswith(("#", "-", "~", "&", "+", " ")) \
                    and not re.match(r"^\+[A-Z_]+", line):
                continue
            body = line.split("#", 1)[0]
            body = re.sub(r"\{[^}]*\}", " ", body)  # irregular forms: the prefix pattern covers them
            m2 = re.match(r"^\s*(\+?[A-Z][A-Z_\-]*)\s*(?:\[([0-9:]+)\])?", body)
            if not m2:
                continue
            form, fcode = m2.group(1), (m2.group(2) or "").split(":")[0]
            cur[1][form] = fcode if re.fullmatch(r"\d{2,4}", fcode or "") else cur[0]
    return blocks


def read_plover(path):
    with open(path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return {(r["category"], r["mode"]): (float(r["score"]), r["quad_category"]) for r in rows}


def read_gi(path):
    with open(path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return {cat: {r["entry"] for r in rows if r[cat].strip() == "1"} for cat in ("PowCoop", "PowCon")}


def fmt(w):
    return ("%.2f" % w).rstrip("0").rstrip(".")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--out", default=os.path.join(ROOT, "analysis", "data", "lexicon", "en_derived.tsv"))
    a = ap.parse_args(argv)
    src = os.path.join(a.shared, "lexicon-sources")

    gold = read_goldstein(os.path.join(src, "goldstein_gdelt", "CAMEO.goldsteinscale.txt"))
    names = read_cameo_names(os.path.join(src, "cameo_codes_icews", "cameo-codes.csv"))
    verbs = read_cameo_verbs(os.path.join(src, "cameo_petrarch2", "CAMEO.2.0.txt"))
    plover = read_plover(os.path.join(src, "plover", "plover_scores.tsv"))
    gi = read_gi(os.path.join(src, "general_inquirer_power", "gi_categories.tsv"))

    rows, seen, counts, errors = [], {}, {}, []

    def add(pattern, weight, category, source, note, key):
        if pattern in seen:
            counts["dup_skipped"] = counts.get("dup_skipped", 0) + 1
            return
        seen[pattern] = source
        rows.append((pattern, "term", fmt(weight), category, source, note))
        counts[key] = counts.get(key, 0) + 1

    for block in sorted(CAMEO_KEEP):
        if block not in verbs:
            errors.append("CAMEO block not found or without default code: " + block)
            continue
        bcode, forms = verbs[block]
        for form, pats in sorted(CAMEO_KEEP[block].items()):
            if form not in forms:
                errors.append("CAMEO form %s not in block %s" % (form, block))
                continue
            code = forms[form]
            if code.startswith("01") and code[:3] == "010" or gold.get(code, 0.0) == 0.0:
                errors.append("CAMEO %s/%s: statement code %s with weight 0" % (block, form, code))
                continue
            w = gold[code]
            for pattern in ([pats] if isinstance(pats, str) else pats):
                add(pattern, w, quad(code, w), "CAMEO:%s" % code,
                    "CAMEO verb %s (block %s) = %s %s; Goldstein %s" % (
                        form.lower().lstrip("+").replace("_", " "), block, code,
                        names.get(code, "?"), fmt(w)), "CAMEO")

    for pattern, cat, mode, note in PLOVER_KEEP:
        if (cat, mode) not in plover:
            errors.append("PLOVER %s/%s not in plover_scores.tsv" % (cat, mode))
            continue
        w, q = plover[(cat, mode)]
        add(pattern, w, q.replace(" ", "_"), "PLOVER:%s" % (cat + ("/" + mode if mode else "")),
            "%s; PLOVER expert score %s" % (note, fmt(w)), "PLOVER")

    for cat in ("PowCoop", "PowCon"):
        for entry, pats in sorted(GI_KEEP[cat].items()):
            if entry not in gi[cat]:
                errors.append("GI %s not in %s" % (entry, cat))
                continue
            for pattern in ([pats] if isinstance(pats, str) else pats):
                add(pattern, GI_WEIGHT[cat], GI_CATEGORY[cat], "GI:%s" % cat,
                    "General Inquirer %s %s (Lasswell power %s); category constant %s" % (
                        cat, entry.lower(), "cooperation" if cat == "PowCoop" else "conflict",
                        fmt(GI_WEIGHT[cat])), "GI:" + cat)

    if errors:
        for e in errors:
            print("error:", e, file=sys.stderr)
        return 1

    header = """# en_derived.tsv - Tenor English lexicon, candidate entries DERIVED from public event-data
# dictionaries by scripts/lexicon/derive_en.py (deterministic, stdlib only). Do not edit by hand:
# edit the selection tables in the script and re-run it.
# Built with: python3 scripts/lexicon/derive_en.py --shared ../shared
# Precedence: en_diplomatic.tsv (hand-curated, validated on corpus reading) wins over this file for
# any pattern listed in both; its weights follow the annotation guidelines, these follow the sources.
# Tokenisation assumed: lower case, punctuation (including hyphens and apostrophes) separates tokens.
# Weights: CAMEO = Goldstein value of the verb's CAMEO code (event impact on stability, not rhetoric
# tone); PLOVER = PLOVER expert conflict-cooperation score; GI = +1.5 PowCoop / -1.5 PowCon.
# Category: CAMEO root code 01-05 verbal_cooperation, 06-08 material_cooperation, 09-13
# verbal_conflict, 14-20 material_conflict; PLOVER quad category; GI PowCoop verbal_cooperation,
# PowCon verbal_conflict.
# Sources and licences:
#  - CAMEO verb dictionary CAMEO.2.0.txt, github.com/openeventdata/petrarch2 commit 676801cd9cb2924bbbad09f86d15c9323e7097bf,
#    MIT licence, Copyright (c) 2015 Open Event Data Alliance.
#  - Goldstein scale CAMEO.goldsteinscale.txt (GDELT lookup; copy at github.com/mpiccirilli/UNDP-BCPR-Project
#    commit 08d29bb45bd64d999e6212382fb7cf145f9eb37d); GDELT data "100%% free and open"; cite GDELT and
#    Goldstein, J. (1992) "A Conflict-Cooperation Scale for WEIS Events Data", J. Conflict Resolution 36(2).
#  - CAMEO code names: cameo-codes.csv, github.com/andybega/icews commit 3746c729551f5fcb5a49f643f82638011a5fcfec,
#    MIT (Andreas Beger 2022); content from the CAMEO codebook (Schrodt et al.) and ICEWS.
#  - PLOVER scores: github.com/openeventdata/PLOVER commit 5e0c24fba623f2d8df5ae3c7de7a94dba90d5b6f,
#    PLOVER_MANUAL.tex score table, CC BY-SA 4.0. Rows with source PLOVER:* are derived from it and stay
#    under CC BY-SA 4.0 with this attribution.
#  - General Inquirer (Stone et al. 1966; Lasswell value dictionary) PowCoop/PowCon, via quanteda.sentiment
#    sources/geninquirer/inquireraugmented.csv commit 934c1e1f0b1cdf6d9353df0a3759f869f573b6af;
#    "Open, but email the creators for commercial use."
# Counts: %s
""" % ", ".join("%s=%d" % kv for kv in sorted(counts.items()))

    write_rows(a.out, header, rows, counts)
    return 0


def write_rows(out, header, rows, counts):
    """Write a lexicon file (header, column line, rows) and print the counts."""
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write(header)
        f.write("pattern\trole\tweight\tcategory\tsource\tnote\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    for k in sorted(counts):
        print("%-14s %d" % (k, counts[k]))
    print("total rows     %d -> %s" % (len(rows), os.path.relpath(out, os.getcwd())))


if __name__ == "__main__":
    sys.exit(main())
