#!/usr/bin/env python3
"""Derive Tenor's broad English EVENT-VERB LAYER from the whole CAMEO verb dictionary.

AN EXPERIMENT, NOT PART OF THE SCORER: measured as a low-precedence layer (read only for English
statements in which the curated files find no stance term) by harness.py beside this file; every
version that helped on the PLOVER dev half lowered gold train/dev (docs/evaluation.md), so no
layer ships. Writes a lexicon file in the format of analysis/data/lexicon/FORMAT.md.

Unlike scripts/lexicon/derive_en.py (a hand-made selection of about 180 verbs), this takes every
verb form and every verb phrase pattern of CAMEO.2.0.txt (PETRARCH2) that can be written in the
lexicon's pattern format, with no hand selection:

  * verb forms: each verb of a `--- NAME [code] ---` block with its own code or the block's
    default code (blocks with the null code `---` give phrase patterns only); regular forms
    (-s/-es/-ies, -d/-ed/-ied, -ing) are generated as PETRARCH does, irregular forms are those
    listed in `{...}`; multiword verbs (`+CALL_OFF`) inflect their `+` word;
  * phrase patterns `- * OBJECT (PREP NOUN) [code]`: every form of the verbs the pattern was
    found with (named in its comment; the whole block when none is named), a gap (`...`,
    0-4 words), then the words after the verb slot, a gap between the parts (`{...}` words stay
    together), synonym sets (`&WEAPON`) expanded to their members (with plurals, as PETRARCH
    makes them); `A/B` alternatives expanded. Patterns with words before the verb slot (subject
    conditions such as `&MILITARY *`) and patterns with abbreviations (`U.N.`) cannot be written
    in the format and are skipped.
  * weight: the Goldstein value of the code (the code itself or its nearest listed parent),
    times one global factor (--scale); codes with Goldstein 0 (010 make statement, 014, 015 ...)
    give no entry. Code pairs `[a:b]` use a; `[:b]` (no event of the verb itself) is skipped.
  * category: from the CAMEO root code (01-05 verbal_cooperation, 06-08 material_cooperation,
    09-13 verbal_conflict, 14-20 material_conflict; root 01 with a negative value verbal_conflict).
  * one entry per pattern: the first occurrence in the dictionary's order wins.
  * --exclude-roots: CAMEO root codes left out (chosen by measurement, see the file header).

Stdlib only, deterministic. Usage (from the project root):
    python3 scripts/lexicon/experiments/derive_en_cameo_verbs.py [--shared ../shared] --out PATH [--scale 0.5]
"""
import argparse
import csv
import itertools
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from derive_en import fmt, quad, read_goldstein, write_rows  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

DEFAULT_SCALE = 0.5
DEFAULT_EXCLUDE_ROOTS = ""
MAX_VARIANTS = 64           # synonym-set expansions of one pattern (per verb form) at most

HEADER_RE = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
CODE_RE = re.compile(r"\[([0-9:\-]*)\]")




def read_cameo_names(path):
    with open(path, encoding="utf-8", errors="replace", newline="") as f:
        return {r["code"].strip(): r["name"].strip() for r in csv.DictReader(f)}


def goldstein_of(code, gold):
    """The Goldstein value of a code, or of its nearest parent listed (0356 -> 035 -> 03)."""
    c = code
    while c:
        if c in gold:
            return gold[c], c
        c = c[:-1]
    return None, None




def plural(word):
    """PETRARCH's regular plural, on the last word of a phrase."""
    w = word.lower()
    if w.endswith(("s", "x", "z", "ch", "sh")):
        return w + "es"
    if w.endswith("y") and len(w) > 1 and w[-2] not in "aeiou":
        return w[:-1] + "ies"
    return w + "s"


def verb_forms(root):
    """Regular forms of an English verb (lower case): base, -s, -ed, -ing."""
    v = root.lower()
    if v.endswith(("s", "x", "z", "ch", "sh")):
        s = v + "es"
    elif v.endswith("y") and len(v) > 1 and v[-2] not in "aeiou":
        s = v[:-1] + "ies"
    else:
        s = v + "s"
    if v.endswith("e"):
        ed = v + "d"
        ing = v + "ing" if v.endswith(("ee", "ye", "oe")) else v[:-1] + "ing"
    elif v.endswith("y") and len(v) > 1 and v[-2] not in "aeiou":
        ed, ing = v[:-1] + "ied", v + "ing"
    else:
        ed, ing = v + "ed", v + "ing"
    return [v, s, ed, ing]


def words_of(token):
    """A dictionary word (FOO_BAR, SIT-IN, CASH_) as lexicon tokens ("foo bar", "sit in", "cash")."""
    t = token.strip("_").replace("_", " ").replace("-", " ").lower()
    return " ".join(t.split())


def read_synsets(lines):
    """&NAME -> list of phrases (lower-case lexicon tokens), with regular plurals unless the
    member or the set's name ends with '_'."""
    sets, cur, noplural = {}, None, False
    for line in lines:
        s = line.split("#", 1)[0].rstrip()
        if s.startswith("####### VERB PATTERNS"):
            break
        if s.startswith("&"):
            name = s.split()[0]
            cur = sets.setdefault(name.rstrip("_"), [])
            noplural = name.endswith("_")
            continue
        if not s.strip():
            cur = None
            continue
        if cur is not None and s.startswith("+"):
            for m in s[1:].split():
                if m.startswith("{") or m.startswith("["):
                    break
                ph = words_of(m)
                if not ph or "." in ph:
                    continue
                cur.append(ph)
                if not (noplural or m.endswith("_") or ph.endswith("s")):
                    ws = ph.split()
                    cur.append(" ".join(ws[:-1] + [plural(ws[-1])]))
    return {k: list(dict.fromkeys(v)) for k, v in sets.items()}


def form_list(body):
    """A verb line ('PUT {PUTS PUTTING}', '+CALL_OFF', 'WIRE_+TAP {...}') -> its forms as lexicon
    token strings."""
    m = re.match(r"^\s*([A-Z+][A-Z_+\-]*)\s*(\{([^}]*)\})?", body)
    if not m:
        return []
    head, irregular = m.group(1), m.group(3)
    if irregular is not None:
        forms = [head] + irregular.split()
        return list(dict.fromkeys(words_of(f.replace("+", "")) for f in forms if f.replace("+", "")))
    parts = head.split("_")
    k = next((i for i, p in enumerate(parts) if p.startswith("+")), 0)
    parts = [p.lstrip("+") for p in parts]
    out = []
    for f in verb_forms(parts[k]):
        out.append(words_of("_".join(parts[:k] + [f.upper()] + parts[k + 1:])))
    return list(dict.fromkeys(out))


def read_blocks(path):
    """[(block name, default code or None, [(forms, code or None)], [(pre, post, code, line)])]."""
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = f.read().splitlines()
    synsets = read_synsets(lines)
    blocks, cur = [], None
    for line in lines:
        m = HEADER_RE.match(line)
        if m:
            code = m.group(2).strip()
            cur = (m.group(1), code if re.fullmatch(r"\d{2,4}", code) else None, [], [])
            blocks.append(cur)
            continue
        if cur is None or not line.strip() or line.startswith(("#", "~", "&")):
            continue
        body = line.split("#", 1)[0]
        cm = CODE_RE.search(body)
        code = None
        if cm:
            c = cm.group(1).split(":")[0]
            code = c if re.fullmatch(r"\d{2,4}", c) else ""      # "" : the null code or [:b]
        if line.startswith("- "):
            pat = CODE_RE.sub(" ", body)[2:].strip()
            if "*" not in pat or not code:
                continue
            pre, post = pat.split("*", 1)
            origin = {verb_key(t) for t in re.split(r"[\s,]+", line.split("#", 1)[1]) if t} if "#" in line else set()
            cur[3].append((pre.strip(), post.strip(), code, line.strip(), origin))
        elif re.match(r"^[A-Z+]", line):
            forms = form_list(CODE_RE.sub(" ", body))
            if forms:
                cur[2].append((verb_key(body.split()[0]), forms, code))
    return blocks, synsets


def form_kind(form, base):
    """base, s (third person), past (past tense or participle) or ing, of a verb form."""
    last, b = form.split()[-1], base.split()[-1] if base else ""
    if form == base:
        return "base"
    if last.endswith("ing") and not b.endswith("ing"):
        return "ing"
    if last in (b + "s", b + "es", b[:-1] + "ies"):
        return "s"
    return "past"


def verb_key(token):
    """A verb's name as the dictionary writes it in pattern comments ('+SET_UP' -> 'SET_UP')."""
    return token.replace("+", "").strip()


POST_TOKEN = re.compile(r"\{[^}]*\}|\([^)]*\)|[^\s{}()]+")


def post_variants(post, synsets):
    """The phrase after the verb slot as lexicon pattern tails ('... sanctions', '... to ... border'),
    or None when it cannot be written in the format."""
    parts = []          # each: list of alternative token strings; joined by ' ... '
    for tok in POST_TOKEN.findall(post):
        if tok in ("$", "+", "^", "%"):
            continue
        inner = tok[1:-1] if tok[0] in "({" else tok
        together = tok[0] == "{"
        pieces = []
        for w in inner.split():
            if w in ("$", "+", "^", "%"):
                continue
            if "." in w or w.startswith("&") and w.rstrip("_") not in synsets:
                return None
            if w.startswith("&"):
                pieces.append(synsets[w.rstrip("_")])
            else:
                alts = [words_of(a) for a in w.split("/") if words_of(a)]
                if not alts:
                    continue
                pieces.append(alts)
        if not pieces:
            continue
        sep = " " if together else " ... "
        alts = [sep.join(c) for c in itertools.product(*pieces)]
        parts.append(alts)
    if not parts:
        return None
    n = 1
    for p in parts:
        n *= len(p)
    if n > MAX_VARIANTS:
        return None
    return [" ... ".join(c) for c in itertools.product(*parts)]




def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--out", required=True)
    ap.add_argument("--scale", type=float, default=DEFAULT_SCALE,
                    help="weight = Goldstein value x scale (default %(default)s)")
    ap.add_argument("--exclude-roots", default=DEFAULT_EXCLUDE_ROOTS,
                    help="comma-separated CAMEO root codes to leave out (default %(default)r)")
    ap.add_argument("--no-phrases", action="store_true", help="verb forms only, no phrase patterns")
    a = ap.parse_args(argv)
    src = os.path.join(a.shared, "lexicon-sources")
    exclude = {r.strip().zfill(2) for r in a.exclude_roots.split(",") if r.strip()}

    gold = read_goldstein(os.path.join(src, "goldstein_gdelt", "CAMEO.goldsteinscale.txt"))
    names = read_cameo_names(os.path.join(src, "cameo_codes_icews", "cameo-codes.csv"))
    blocks, synsets = read_blocks(os.path.join(src, "cameo_petrarch2", "CAMEO.2.0.txt"))

    rows, seen = [], set()
    counts = {"verb": 0, "phrase": 0, "dup_skipped": 0, "zero_skipped": 0, "excluded": 0, "unwritable": 0}

    def add(pattern, code, block, what):
        g, used = goldstein_of(code, gold)
        if pattern in seen:
            counts["dup_skipped"] += 1
            return
        if g is None or g == 0.0:
            counts["zero_skipped"] += 1
            return
        if code[:2] in exclude:
            counts["excluded"] += 1
            return
        seen.add(pattern)
        w = g * a.scale
        rows.append((pattern, "term", fmt(w), quad(code, g), "CAMEO:%s" % code,
                     "CAMEO %s %s = %s %s; Goldstein %s" % (block, what, code, names.get(code, names.get(used, "?")),
                                                         fmt(g))))
        counts["verb" if what.startswith("verb") else "phrase"] += 1

    for name, bcode, verbs, patterns in blocks:
        # phrase patterns first (they are longer; the order of rows does not matter to the engine,
        # but the first occurrence of a pattern wins)
        if not a.no_phrases:
            for pre, post, code, line, origin in patterns:
                # the verbs the pattern was found with (its comment), else the whole block
                own = [(f, form_kind(f, forms[0])) for key, forms, _ in verbs if key in origin for f in forms]
                all_forms = own or [(f, form_kind(f, forms[0])) for _, forms, _ in verbs for f in forms]
                if pre:
                    counts["unwritable"] += 1
                    continue
                tails = post_variants(post, synsets)
                if not tails:
                    counts["unwritable"] += 1
                    continue
                for f, kind in all_forms:
                    for t in tails:
                        add("%s ... %s" % (f, t), code, name, "pattern '%s' (%s)" % (
                            re.sub(r"\s+", " ", line.split("[")[0][2:].strip()), kind))
        for _, forms, code in verbs:
            c = code if code else (bcode if code is None else None)
            if not c:
                continue
            for f in forms:
                add(f, c, name, "verb %s (%s)" % (forms[0], form_kind(f, forms[0])))

    header = """# en_cameo_verbs.tsv - an EXPERIMENT (not read by Tenor's scorer): an English event-verb layer derived
# automatically from the WHOLE CAMEO verb dictionary. Do not edit by hand.
# Built with: python3 scripts/lexicon/experiments/derive_en_cameo_verbs.py --shared ../shared --scale %(scale)s%(excl)s
# Measured by scripts/lexicon/experiments/harness.py as a low-precedence layer: read only for an English
# statement in which the curated files find no stance term (docs/evaluation.md).
# Entries: every verb form of a CAMEO verb block with a code (regular forms generated, irregular forms from
# {...}), and every phrase pattern '- * OBJECT (PREP NOUN) [code]' as 'verb ... object ... prep ... noun'
# (synonym sets expanded; patterns with a subject condition before the verb slot are left out).
# Weight: Goldstein value of the code (or of its nearest listed parent) x %(scale)s (one global factor); codes
# with Goldstein 0 give no entry. Category: CAMEO root 01-05 verbal_cooperation, 06-08 material_cooperation,
# 09-13 verbal_conflict, 14-20 material_conflict (root 01 with a negative value: verbal_conflict).
# Sources and licences:
#  - CAMEO verb dictionary CAMEO.2.0.txt, github.com/openeventdata/petrarch2 commit 676801cd9cb2924bbbad09f86d15c9323e7097bf,
#    MIT licence, Copyright (c) 2015 Open Event Data Alliance.
#  - Goldstein scale CAMEO.goldsteinscale.txt (GDELT lookup; copy at github.com/mpiccirilli/UNDP-BCPR-Project
#    commit 08d29bb45bd64d999e6212382fb7cf145f9eb37d); GDELT data "100%% free and open"; cite GDELT and
#    Goldstein, J. (1992) "A Conflict-Cooperation Scale for WEIS Events Data", J. Conflict Resolution 36(2).
#  - CAMEO code names (notes only): cameo-codes.csv, github.com/andybega/icews commit
#    3746c729551f5fcb5a49f643f82638011a5fcfec, MIT (Andreas Beger 2022); content from the CAMEO codebook.
# Counts: %(counts)s
""" % {"scale": fmt(a.scale), "excl": (" --exclude-roots %s" % a.exclude_roots) if exclude else "",
       "counts": ", ".join("%s=%d" % kv for kv in sorted(counts.items()))}

    write_rows(a.out, header, rows, counts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
