"""Stance gold files read as they come (Tenor's gold corpus, a user's CSV/TSV/JSONL, PLOVER and
CAMEO records), checked row by row (E702 names the line), and the training rows of a split."""
from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from analysis.config import GOLD, LABELS
from analysis.errors import TenorError

STANCE_CLASSES = list(LABELS)
DEFAULT_GOLD = GOLD


PLOVER_COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
PLOVER_CONFRONTATIONAL = {"DEMAND", "REJECT", "THREATEN", "PROTEST", "COERCE", "FIGHT", "DISAPPROVE",
                          "ASSAULT", "SANCTION", "MOBILIZE", "INVESTIGATE"}


def _halves(texts) -> list[str]:
    """External labelled sets are split in two by a hash of the text: 'dev' (may be read while
    developing) and 'test' (only for reporting)."""
    import hashlib
    return ["dev" if int(hashlib.sha1(t.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "test" for t in texts]


def _read_plover(path: Path) -> pd.DataFrame:
    """PLOVER gold records (../shared/labeled/plover_gsr/PLOVER_GSR_CAMEO.json), halved into dev and
    test by a hash of the text; the event's quad class gives the label (no neutral class)."""
    import json
    rows = []
    for r in json.loads(path.read_text("utf-8")):
        ev = r.get("event")
        if ev in PLOVER_COOPERATIVE or ev in PLOVER_CONFRONTATIONAL:
            rows.append({"id": r["id"], "text": r["text"], "lang": "en", "event": ev,
                         "stance": 1 if ev in PLOVER_COOPERATIVE else -1})
    df = pd.DataFrame(rows)
    df["split"] = _halves(df.text)
    return df


def _read_cameo(path: Path) -> pd.DataFrame:
    """CAMEO five-class news sentences (../shared/labeled/cameo_pentaclass): 0 statement -> neutral,
    1-2 verbal/material cooperation -> cooperative, 3-4 verbal/material conflict -> confrontational;
    halved into dev and test by a hash of the text."""
    df = pd.read_csv(path, sep="\t", header=None, names=["text", "cls"], quoting=csv.QUOTE_NONE,
                     dtype={"text": str}, keep_default_na=False)
    df["stance"] = df.cls.astype(int).map({0: 0, 1: 1, 2: 1, 3: -1, 4: -1})
    df["lang"] = "en"
    df["split"] = _halves(df.text)
    df["id"] = [f"cameo-{i}" for i in range(len(df))]
    return df


def training_rows(gold, split: str = "train", rounds=None, source=None):
    """The gold statements of one split to fit on; with rounds, only those annotation rounds (the
    gold's `round` field): E505 when the file has none."""
    tr = gold[gold.split == split]
    if rounds:
        if "round" not in tr.columns:
            raise TenorError("E505", source or "gold", detail="--rounds needs a gold file with a 'round' field")
        tr = tr[tr["round"].astype(int).isin([int(r) for r in rounds])]
    return tr


# names a gold file may use for the three classes (the guidelines' words first)
LABEL_NAMES = {
    "cooperative": 1, "cooperation": 1, "coop": 1, "cooperate": 1, "positive": 1, "pos": 1,
    "neutral": 0, "none": 0, "neu": 0,
    "confrontational": -1, "confrontation": -1, "conflict": -1, "confr": -1, "hostile": -1,
    "negative": -1, "neg": -1,
}
COLUMN_ALIASES = {"text": ("text", "sentence", "statement"), "lang": ("lang", "language"),
                  "stance": ("stance",), "label": ("label", "stance_label", "class")}


def _missing(v) -> bool:
    return v is None or (isinstance(v, float) and v != v) or (isinstance(v, str) and not v.strip())


def _stance_value(value, path, line: int) -> int:
    """-2..+2 from a whole number (-1/0/+1 files too) or a class name."""
    if _missing(value):
        raise TenorError("E702", path, row=line, detail="no stance or label")
    v = str(value).strip()
    try:
        x = float(v)
    except ValueError:
        if v.lower() in LABEL_NAMES:
            return LABEL_NAMES[v.lower()]
        raise TenorError("E702", path, row=line, detail=f"stance/label {v!r} is neither a whole number from -2 "
                         "to 2 nor one of cooperative, neutral, confrontational") from None
    if x != x or not -2 <= x <= 2 or x != int(x):
        raise TenorError("E702", path, row=line, detail=f"stance {v!r} is not a whole number from -2 to 2")
    return int(x)


def _lang_value(value, text: str, path, line: int) -> str:
    """en or zh from a language column (en, EN-us, english, zh-CN, chinese, 中文 ...); detected from
    the text where empty; E702 for a language Tenor does not read."""
    from analysis.ingest.discover import LANGS
    from analysis.extract.lang import detect
    v = "" if _missing(value) else str(value).strip().lower()
    if not v:
        return detect(text, "en")
    code = LANGS.get(v) or ("zh" if v.startswith("zh") else "en" if v.startswith("en") else None)
    if code:
        return code
    raise TenorError("E702", path, row=line, detail=f"language {value!r}: Tenor reads English (en) and Chinese (zh)")


def _normalise_gold(gold: pd.DataFrame, path, lines: list[int]) -> pd.DataFrame:
    """Column aliases, stance from a label column when there is no number, language detected where
    missing; every row is checked (E701/E702 name the file, the line and the problem)."""
    from analysis.evaluation.metrics import three_way
    lower = {str(c).strip().lower(): c for c in gold.columns}
    for want, names in COLUMN_ALIASES.items():
        if want not in gold.columns:
            for n in names:
                if n in lower:
                    gold = gold.rename(columns={lower[n]: want})
                    break
    if "text" not in gold.columns:
        raise TenorError("E701", path, detail=f"no text column (looked for {', '.join(COLUMN_ALIASES['text'])}); "
                         f"columns: {list(gold.columns)}")
    if "stance" not in gold.columns and "label" not in gold.columns:
        raise TenorError("E701", path, detail="no stance column (-2..+2) nor label column (cooperative / neutral / "
                         f"confrontational); columns: {list(gold.columns)}")
    stances = gold["stance"] if "stance" in gold.columns else [None] * len(gold)
    labels = gold["label"] if "label" in gold.columns else [None] * len(gold)
    values = []
    for st, lab, ln in zip(stances, labels, lines):
        if _missing(st):           # a label alone (a name or a number) gives the stance
            values.append(_stance_value(lab, path, ln))
            continue
        v = _stance_value(st, path, ln)
        if not _missing(lab):
            lv = _stance_value(lab, path, ln)
            if three_way(lv) != three_way(v):
                raise TenorError("E702", path, row=ln, detail=f"label {lab!r} disagrees with stance {st}")
        values.append(v)
    gold["stance"] = values
    gold["label"] = gold.stance.map(three_way)
    texts = ["" if _missing(t) else str(t) for t in gold["text"]]
    for t, ln in zip(texts, lines):
        if not t.strip():
            raise TenorError("E702", path, row=ln, detail="empty text")
    gold["text"] = texts
    langs = gold["lang"] if "lang" in gold.columns else [""] * len(gold)
    gold["lang"] = [_lang_value(l, t, path, ln) for l, t, ln in zip(langs, texts, lines)]
    if "split" in gold.columns:
        for v, ln in zip(gold["split"], lines):
            if _missing(v):
                raise TenorError("E702", path, row=ln, detail="empty split (the file has a split column: give "
                                 "every row train, dev or test)")
        gold["split"] = [str(v).strip().lower() for v in gold["split"]]
    else:
        gold["split"] = "test"
    if "sentiment" in gold.columns:
        gold["sentiment"] = pd.to_numeric(gold["sentiment"], errors="coerce")
    return gold


def _record_lines(path: Path, sep: str) -> list[int]:
    """The line each record of a CSV/TSV starts on (the header is line 1; blank lines skipped, as pandas
    does); E702 for a record whose number of fields differs from the header's (pandas would shift
    or drop fields silently)."""
    csv.field_size_limit(max(csv.field_size_limit(), 1 << 28))
    with path.open(newline="", encoding="utf-8-sig") as fh:
        # strict: a field that opens with a quote must be quoted whole ('"No," he said.' would lose its
        # quotation marks), so such a line is refused, not altered
        rdr = csv.reader(fh, delimiter=sep, strict=True)
        out, prev = [], 0
        try:
            header = next(rdr, [])
            prev = rdr.line_num
            for rec in rdr:
                if rec and not (len(rec) == 1 and not rec[0].strip()):   # pandas skips blank lines
                    if len(rec) != len(header):
                        raise TenorError("E702", path, row=prev + 1, detail=f"{len(rec)} fields where the header "
                                         f"has {len(header)} (quote a field that holds the separator)")
                    out.append(prev + 1)
                prev = rdr.line_num
        except csv.Error as e:
            raise TenorError("E702", path, row=prev + 1, detail=f"{e}: a field that starts with a quotation mark "
                             "must be quoted whole, with inner quotes doubled (\"\"\"No,\"\" he said.\")") from None
    return out


def read_stance_gold(path: str | Path | None = None) -> pd.DataFrame:
    """A stance gold file (JSONL, CSV or TSV) of statements: text and a stance (-2..+2, or -1/0/+1) or
    a label (cooperative / neutral / confrontational); lang (en / zh) and split are optional (the
    language is detected, the split is 'test'). Also reads the PLOVER gold records (.json) and the
    CAMEO five-class sentences (cameo_class_*.tsv). Errors name the file's line (CSV: the header is
    line 1)."""
    path = Path(path) if path else DEFAULT_GOLD
    if not path.is_file():
        raise TenorError("E104", path)
    try:
        if path.name.startswith("cameo_class"):
            gold = _read_cameo(path)
            lines = list(range(1, len(gold) + 1))
        elif path.suffix.lower() == ".json":
            gold = _read_plover(path)
            lines = list(range(1, len(gold) + 1))
        elif path.suffix.lower() == ".jsonl":
            import json
            rows, lines = [], []
            for n, ln in enumerate(path.read_text("utf-8").splitlines(), 1):
                if ln.strip():
                    try:
                        obj = json.loads(ln)
                    except ValueError as e:
                        raise TenorError("E702", path, row=n, detail=f"not a JSON object ({e})") from None
                    if not isinstance(obj, dict):
                        raise TenorError("E702", path, row=n, detail=f"not a JSON object but {type(obj).__name__}")
                    rows.append(obj)
                    lines.append(n)
            gold = pd.DataFrame(rows)
        else:
            sep = "\t" if path.suffix.lower() == ".tsv" else ","
            lines = _record_lines(path, sep)
            gold = pd.read_csv(path, sep=sep, dtype={"id": str}, keep_default_na=False)
            if len(lines) != len(gold):   # cannot happen for a well-formed file; never misnumber
                lines = list(range(2, len(gold) + 2))
    except TenorError:
        raise
    except (ValueError, KeyError, UnicodeDecodeError, pd.errors.ParserError) as e:
        raise TenorError("E701", path, detail=f"cannot be read as a gold table ({e})") from None
    if gold.empty:
        raise TenorError("E701", path, detail="no rows")
    return _normalise_gold(gold, path, lines).reset_index(drop=True)
