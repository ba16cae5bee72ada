"""Speaker accuracy of a checkout on blind sets, per source type, printing figures only: never a
sentence, never an error, so that scoring a blind set does not teach its errors to whoever runs it.

Each SET folder holds `gold_speakers.tsv` (doc_id, n, section, speaker, text [, question]) and the
documents in `docs/` (no manifest: as a user gives them).

    .venv/bin/python scripts/attribution/blind_eval.py ROOT SET...      # ROOT: the checkout to measure

Per set: body accuracy, accuracy without the reporters' questions, questions kept apart (speaker
narrator), front matter agreement, sentences, documents.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(sys.argv[1]).resolve()))
try:
    from analysis.evaluation.speakers import speakers  # noqa: E402  (the checkout's own evaluator)
except ImportError:                                    # a checkout before the stage packages
    from analysis.evaluate import speakers  # noqa: E402


def main(sets) -> None:
    print(f"{'set':<14} {'docs':>4} {'body':>5} {'acc':>6} {'no-Q acc':>8} {'Q->narr':>8} {'front':>6}")
    total = [0, 0]
    for folder in map(Path, sets):
        rep = speakers(folder / "gold_speakers.tsv", [str(folder / "docs")])
        b = rep.body
        ok = b.speaker == b.predicted
        q = b["question"].eq("yes") if "question" in b.columns else ok & False
        noq = ok[~q]
        qn = (b.predicted[q] == "narrator").mean() if q.any() else float("nan")
        front = (rep.rows.section == rep.rows.predicted_section).mean()
        total[0] += int(ok.sum())
        total[1] += len(b)
        print(f"{folder.name:<14} {b.doc_id.nunique():>4} {len(b):>5} {ok.mean():>6.3f} {noq.mean():>8.3f} "
              f"{qn:>8.3f} {front:>6.3f}")
    print(f"{'all':<14} {'':>4} {total[1]:>5} {total[0] / max(1, total[1]):>6.3f}")


if __name__ == "__main__":
    main(sys.argv[2:])
