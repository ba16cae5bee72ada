"""The `tenor` command line (also `python -m analysis`)."""
from __future__ import annotations

import argparse
import sys

from . import __version__


def _score(args) -> int:
    from . import scorers
    from .errors import TenorError
    from .output import write_csv_atomic
    from .pipeline import statements
    from .registry import Registry

    names = _scorer_names(args.scorers)
    if names is None:
        names = scorers.available()
    unknown = [n for n in names if n not in scorers.available()]
    if unknown:
        print(f"E401 --scorers: unknown scorer(s) {', '.join(unknown)}; available: "
              f"{', '.join(scorers.available()) or '(none yet)'}", file=sys.stderr)
        return 2
    registry = Registry.load(args.registry) if args.registry else None
    result = statements(args.inputs, registry=registry, text_col=args.text_col,
                        speaker_col=args.speaker_col, date_col=args.date_col,
                        lang_col=args.lang_col, id_col=args.id_col)
    for p in result.problems:
        print(p, file=sys.stderr)
    if not result.read_anything:
        print("E001 nothing could be read from the inputs given; no output written", file=sys.stderr)
        return 1
    params = {"transformer": {"model": args.model, "head": args.head}}
    try:
        df, warnings = scorers.apply(result.statements, names, params, strict=args.scorers not in (None, "all"))
    except (TenorError, ImportError) as e:
        print(e.problem if isinstance(e, TenorError) else f"E501 {e}", file=sys.stderr)
        return 2
    for w in warnings:
        print(w, file=sys.stderr)
    write_csv_atomic(df, args.out)
    n_err = sum(p.is_error for p in result.problems)
    print(f"wrote {len(df)} statements from {len(result.documents)} input(s) to {args.out}"
          + (f"; {n_err} input problem(s) reported above" if n_err else ""), file=sys.stderr)
    return 0


def _evaluate_speakers(args) -> int:
    from .evaluate import speakers
    report = speakers(args.gold, args.docs)
    for p in report.problems:
        print(p, file=sys.stderr)
    print(report.summary())
    return 0


def _scorer_names(arg: str | None) -> list[str] | None:
    """--scorers: None for 'all' (every registered scorer), else the names given ('none': none)."""
    if arg in (None, "all"):
        return None
    return [n.strip() for n in arg.split(",") if n.strip() and n.strip() != "none"]


def _evaluate_stance(args) -> int:
    from .evaluate import stance
    report = stance(args.gold, split=args.split, scorer_names=_scorer_names(args.scorers))
    print(report.summary())
    return 0


def _train(args) -> int:
    import json
    if args.scorer == "lexicon":
        from .scorers.lexicon import train
        report = train(args.gold, split=args.split, out=args.out)
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return 0
    if args.scorer == "transformer":
        from .errors import TenorError
        from .scorers.transformer import train
        try:
            report = train(args.gold, model=args.model, out=args.out, C=args.C, split=args.split)
        except TenorError as e:
            print(e.problem, file=sys.stderr)
            return 2
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return 0
    print(f"E402 tenor train: unknown scorer {args.scorer!r}", file=sys.stderr)
    return 2


def _report(args) -> int:
    from .report import build
    out = build(args.inputs, args.out, title=args.title,
                params={"transformer": {"model": args.model, "head": args.head}})
    for w in out["warnings"]:
        print(w, file=sys.stderr)
    if out["pdf"] is None:
        print("E001 nothing could be read from the inputs given; no report written", file=sys.stderr)
        return 1
    print(f"wrote {out['pdf']} and {len(out['pngs'])} PNG charts", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="tenor", description="Diplomatic-language stance and sentiment "
                                 "analyzer: documents -> attributed statements -> scores.")
    ap.add_argument("--version", action="version", version=f"tenor {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)

    sc = sub.add_parser("score", help="split documents into attributed statements (and score them)")
    sc.add_argument("inputs", nargs="+", help=".txt/.md documents, folders of them (with an optional "
                    "manifest.csv), or tables (.csv, .tsv, .jsonl, .jsonl.gz) of statements")
    sc.add_argument("--out", required=True, help="output CSV, one row per statement")
    sc.add_argument("--scorers", default="all", help="comma-separated scorer names, 'all' (default) "
                    "or 'none'")
    sc.add_argument("--registry", help="speaker registry TSV (default: the one shipped with Tenor)")
    sc.add_argument("--model", help="transformer encoder: all-MiniLM-L6-v2, multilingual-e5-small "
                    "(default) or the path of a local Hugging Face model folder")
    sc.add_argument("--head", help="transformer head JSON (default: the one trained for --model)")
    sc.add_argument("--text-col", default="text", help="text column of input tables (default: text)")
    sc.add_argument("--speaker-col", default="speaker")
    sc.add_argument("--date-col", default="date")
    sc.add_argument("--lang-col", default="lang")
    sc.add_argument("--id-col", default="id")
    sc.set_defaults(func=_score)

    ev = sub.add_parser("evaluate", help="measure Tenor against gold labels")
    evs = ev.add_subparsers(dest="what", required=True)
    sp = evs.add_parser("speakers", help="attribution accuracy against a gold TSV of sentences")
    sp.add_argument("gold", help="gold TSV/CSV: doc_id, n, section, speaker, text")
    sp.add_argument("--docs", nargs="+", default=None,
                    help="the documents the gold file describes (default: the gold file's folder)")
    sp.set_defaults(func=_evaluate_speakers)
    st = evs.add_parser("stance", help="stance accuracy, macro-F1, per-class F1, confusion and "
                        "Spearman per scorer and language, beside VADER and the majority class")
    st.add_argument("gold", nargs="?", default=None,
                    help="gold JSONL/CSV with text, lang, stance, split (default: Tenor's gold corpus)")
    st.add_argument("--split", default="test", choices=["train", "dev", "test", "all"],
                    help="which split to report (default: test, the held-out one)")
    st.add_argument("--scorers", default="all", help="comma-separated scorer names (default: all)")
    st.set_defaults(func=_evaluate_stance)
    rp = sub.add_parser("report", help="a PDF report and PNG charts comparing speakers, sides and dates")
    rp.add_argument("inputs", nargs="+", help="documents, folders or tables, as for tenor score")
    rp.add_argument("--out", default="reports", help="output folder (default: reports)")
    rp.add_argument("--title", default="Tenor report: how China and the US frame their relations")
    rp.add_argument("--model", help="transformer encoder (as for tenor score)")
    rp.add_argument("--head", help="transformer head JSON (as for tenor score)")
    rp.set_defaults(func=_report)

    tr = sub.add_parser("train", help="fit a scorer's parameters on the gold corpus's training split")
    tr.add_argument("scorer", choices=["lexicon", "transformer"], help="which scorer to fit")
    tr.add_argument("--model", default=None, help="transformer: encoder name or local model folder")
    tr.add_argument("--C", type=float, default=10.0, help="transformer: inverse regularisation of the heads")
    tr.add_argument("--gold", default=None, help="gold JSONL/CSV (default: Tenor's gold corpus)")
    tr.add_argument("--split", default="train", help="split to fit on (default: train)")
    tr.add_argument("--out", default=None, help="where to write the fitted parameters "
                    "(default: the scorer's data folder)")
    tr.set_defaults(func=_train)
    return ap


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    if getattr(args, "what", None) == "speakers" and args.docs is None:
        from pathlib import Path
        args.docs = [str(Path(args.gold).parent)]
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
