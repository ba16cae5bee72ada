"""Assemble the gold corpus from the sampling pools and the annotators' label files.

    python scripts/gold/build_gold.py            # writes analysis/data/gold/tenor_gold.jsonl

Primary labels come from annotator A; the double-annotated items also have annotator B's labels;
where A and B disagree (stance or sentiment) the adjudicator's decision is final. Agreement
(Cohen's kappa: unweighted on three classes, quadratic-weighted on the 5-point stance) is computed
on the double-annotated items, before adjudication, and written to agreement.json.
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from analysis.evaluation.metrics import cohen_kappa, three_way  # noqa: E402
from analysis.speakers.registry import BOTH, NARRATOR, Registry  # noqa: E402

GOLD = ROOT / "analysis" / "data" / "gold"
LABELS = GOLD / "labels"
GUIDELINES = ROOT.parent / "shared" / "annotation-guidelines.md"
STANCES = [-2, -1, 0, 1, 2]
CLASSES = ["cooperative", "neutral", "confrontational"]


def load_pool(name: str) -> dict:
    return {d["id"]: d for d in map(json.loads, (GOLD / name).read_text("utf-8").splitlines())}


def labels(*names: str) -> pd.DataFrame:
    frames = [pd.read_csv(LABELS / n, dtype={"id": str}, keep_default_na=False) for n in names]
    df = pd.concat(frames).set_index("id")
    if not df.index.is_unique:
        raise SystemExit(f"duplicate ids in {names}")
    return df


def agreement(a: pd.DataFrame, b: pd.DataFrame, pool: dict) -> dict:
    j = a.join(b, how="inner", lsuffix="_a", rsuffix="_b")
    out = {}
    for lang in ("all", "en", "zh"):
        jj = j if lang == "all" else j[[pool[i]["lang"] == lang for i in j.index]]
        if not len(jj):
            continue
        out[lang] = {
            "n": int(len(jj)),
            "stance_kappa_quadratic_5pt": round(cohen_kappa(jj.stance_a, jj.stance_b, STANCES, "quadratic"), 4),
            "stance_kappa_3class": round(cohen_kappa(jj.stance_a.map(three_way), jj.stance_b.map(three_way), CLASSES), 4),
            "stance_exact_agreement_5pt": round(float((jj.stance_a == jj.stance_b).mean()), 4),
            "stance_agreement_3class": round(float((jj.stance_a.map(three_way) == jj.stance_b.map(three_way)).mean()), 4),
            "sentiment_kappa": round(cohen_kappa(jj.sentiment_a, jj.sentiment_b, [-1, 0, 1]), 4),
            "speaker_agreement": round(float((jj.speaker_a == jj.speaker_b).mean()), 4),
        }
    return out


def main() -> None:
    registry = Registry.load()
    sha = hashlib.sha256(GUIDELINES.read_bytes()).hexdigest()[:12] if GUIDELINES.exists() else "unknown"
    sets = [
        ("pool.jsonl", ["annotator_a_en1.csv", "annotator_a_en2.csv", "annotator_a_zh1.csv",
                        "annotator_a_zh2.csv"], ["annotator_b_double.csv"], ["adjudication_pool.csv"]),
        ("seeds_pool.jsonl", ["annotator_a_seeds.csv"], ["annotator_b_seeds.csv"], ["adjudication_seeds.csv"]),
        ("pool_extra.jsonl", ["annotator_a_x_en1.csv", "annotator_a_x_en2.csv", "annotator_a_x_zh1.csv",
                              "annotator_a_x_zh2.csv"], ["annotator_b_x_double.csv", "annotator_b_x_double2.csv"],
         ["adjudication_extra.csv", "adjudication_extra2.csv"]),
        ("pool_extra3.jsonl", ["annotator_a_x3_en1.csv", "annotator_a_x3_en2.csv"], ["annotator_b_x3_double.csv"],
         ["adjudication_extra3.csv"]),
    ]
    records, report = [], {}
    rounds = {"pool.jsonl": 1, "seeds_pool.jsonl": 1, "pool_extra.jsonl": 2, "pool_extra3.jsonl": 3}
    for pool_name, a_files, b_files, adj_files in sets:
        pool = load_pool(pool_name)
        a = labels(*a_files)
        b = labels(*[f for f in b_files if (LABELS / f).exists()])
        missing = set(pool) - set(a.index)
        if missing:
            raise SystemExit(f"{pool_name}: {len(missing)} items have no primary label")
        report[pool_name] = agreement(a, b, pool)
        present = [f for f in adj_files if (LABELS / f).exists()]
        adj = labels(*present) if present else pd.DataFrame()
        j = a.join(b, how="left", rsuffix="_b")
        disagree = j[j.stance_b.notna() & ((j.stance != j.stance_b) | (j.sentiment != j.sentiment_b))]
        not_adjudicated = sorted(set(disagree.index) - set(adj.index))
        if not_adjudicated:
            raise SystemExit(f"{pool_name}: {len(not_adjudicated)} disagreements without adjudication")
        for i, item in pool.items():
            row = a.loc[i]
            annot = "A"
            if i in b.index:
                annot = "A+B"
            if i in adj.index:
                # adjudicated (A and B differed), or a consistency review of A's label alone
                row, annot = adj.loc[i], ("A+B, adjudicated" if i in b.index else "A, reviewed")
            speaker = str(row.speaker).strip() or NARRATOR
            if speaker in (NARRATOR, BOTH):
                side = "none"
            elif speaker in registry.speakers:
                side = registry.side(speaker)
            else:
                side = item.get("side") or "other"
            stance, sentiment = int(row.stance), int(row.sentiment)
            records.append({
                "id": i, "text": item["text"], "lang": item["lang"], "speaker": speaker, "side": side,
                "date": item.get("date", ""), "source": item["source"], "doc_id": item["doc_id"],
                "split": item["split"], "stance": stance, "label": three_way(stance),
                "sentiment": sentiment, "annotators": annot, "stratum": item.get("stratum", ""),
                "licence": item.get("licence", ""), "guidelines_sha256": sha, "round": rounds[pool_name],
            })
    df = pd.DataFrame(records)
    # no document in two splits
    per_doc = df.groupby("doc_id").split.nunique()
    assert (per_doc == 1).all(), per_doc[per_doc > 1]
    out = GOLD / "tenor_gold.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    report["counts"] = {
        "statements": len(df),
        "by_lang": df.lang.value_counts().to_dict(),
        "by_split_lang": {f"{s}/{l}": int(n) for (s, l), n in df.groupby(["split", "lang"]).size().items()},
        "by_label_lang": {f"{l}/{c}": int(n) for (l, c), n in df.groupby(["lang", "label"]).size().items()},
        "by_stance": {str(k): int(v) for k, v in df.stance.value_counts().sort_index().items()},
        "by_sentiment": {str(k): int(v) for k, v in df.sentiment.value_counts().sort_index().items()},
        "by_source": df.source.value_counts().to_dict(),
        "by_annotators": df.annotators.value_counts().to_dict(),
        "documents": int(df.doc_id.nunique()),
    }
    (GOLD / "agreement.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(json.dumps(report, indent=2, ensure_ascii=False))
    print(f"wrote {out.relative_to(ROOT)} ({len(df)} statements)")


if __name__ == "__main__":
    main()
