"""The `tenor` command line (also `python -m analysis`)."""
from __future__ import annotations

import argparse
import sys

from analysis import __version__
from analysis.config import COLUMN_DEFAULTS, RunConfig


def _table_columns(args) -> list:
    """Fill the column options' defaults in args; return the names the user gave explicitly."""
    given = [getattr(args, k) for k in COLUMN_DEFAULTS if getattr(args, k) is not None]
    for k, default in COLUMN_DEFAULTS.items():
        if getattr(args, k) is None:
            setattr(args, k, default)
    return given


def _strict(args):
    """Scorers whose failure to load stops the run: every one the user named with --scorers, and
    each one configured by its own options (--model, --head: a misspelt model is an error, not a
    warning)."""
    from analysis import scorers
    if getattr(args, "scorers", None) not in (None, "all"):     # tenor report has no --scorers
        return True
    return scorers.configured(vars(args)) or False


def _run_config(args) -> RunConfig:
    """The run's configuration, assembled once from the command line (tenor score and report)."""
    from analysis import scorers
    required = _table_columns(args) if hasattr(args, "text_col") else []
    return RunConfig(inputs=list(getattr(args, "inputs", []) or []),
                     scorers=_scorer_names(getattr(args, "scorers", None)),
                     scorer_params=scorers.params_from(vars(args)), strict=_strict(args),
                     registry=getattr(args, "registry", None),
                     **{k: getattr(args, k) for k in ("text_col", *COLUMN_DEFAULTS, "rows") if hasattr(args, k)},
                     required=required)


def _score(args) -> int:
    from analysis import scorers
    from analysis.output import write_csv_atomic
    from analysis.extract.build import statements
    from analysis.speakers.registry import Registry

    cfg = _run_config(args)
    names = cfg.scorers if cfg.scorers is not None else scorers.available()
    scorers.require(names)
    registry = Registry.load(cfg.registry) if cfg.registry else None   # a bad file: E104/E204, now
    if args.store:
        return _score_corpus(args, cfg, names)
    if not args.out:
        print("E403 tenor score: give --out FILE.csv (or --store DIR for a corpus table)", file=sys.stderr)
        return 2
    if args.engine != "local":
        print("E403 tenor score: --engine dask needs --store DIR (a corpus table streamed into a store)",
              file=sys.stderr)
        return 2
    result = statements(cfg.inputs, registry=registry, **cfg.table_options())
    for p in result.problems:
        print(p, file=sys.stderr)
    if not result.read_anything:
        print("E001 nothing could be read from the inputs given; no output written", file=sys.stderr)
        return 1
    from analysis import checkpoint
    try:        # scored in chunks: a run stopped part-way keeps the chunks it finished (analysis.checkpoint)
        df, warnings = checkpoint.score(result.statements, names, cfg.scorer_params, strict=cfg.strict)
    except ImportError as e:
        print(f"E501 {e}", file=sys.stderr)
        return 2
    except checkpoint.Interrupted as e:
        print(f"\n{e}", file=sys.stderr)
        return 130
    for w in warnings:
        print(w, file=sys.stderr)
    write_csv_atomic(df, args.out, bom=args.bom)
    n_err = sum(p.is_error for p in result.problems)
    n_warn = len(result.problems) - n_err
    said = [f"{n} {what}{'s' if n != 1 else ''}" for n, what in ((n_err, "error"), (n_warn, "warning")) if n]
    print(f"wrote {len(df)} statements from {len(result.documents)} input(s) to {args.out}"
          + (f"; {' and '.join(said)} about the inputs reported above" if said else ""), file=sys.stderr)
    return 0


def _score_corpus(args, cfg: RunConfig, names) -> int:
    """A corpus table streamed in chunks into a store: resumable, local or on Dask."""
    from analysis.corpus import runner as corpus
    if len(args.inputs) != 1:
        print("E603 tenor score --store: give one table (CSV, TSV, JSONL, JSONL.gz or Parquet)", file=sys.stderr)
        return 2
    try:
        summary = corpus.run(cfg.inputs[0], args.store, cfg.text_col, cfg.speaker_col, cfg.date_col,
                             cfg.lang_col, cfg.id_col, cfg.rows, args.chunk_rows, names,
                             cfg.scorer_params, cfg.registry,
                             strict=cfg.strict, engine=args.engine, required=cfg.required,
                             scheduler=args.scheduler, workers=args.workers, threads=args.threads,
                             overwrite=args.overwrite, progress=not args.quiet)
    except corpus.Interrupted as e:
        print(f"\n{e}", file=sys.stderr)
        return 130
    except ImportError as e:
        print(f"E501 {e}", file=sys.stderr)
        return 2
    for p in summary["problems"][:20]:
        print(p, file=sys.stderr)
    if len(summary["problems"]) > 20:
        print(f"... and {len(summary['problems']) - 20} more problems (see the store's parts/*.json)",
              file=sys.stderr)
    for w in summary["warnings"]:
        print(w, file=sys.stderr)
    if args.out:
        corpus.export_csv(args.store, args.out)
    print(f"{summary['statements']} statements from {summary['rows']} rows in {args.store} "
          f"({summary['chunks_run_now']} chunks run now, {summary['chunks_resumed']} already done; "
          f"{summary['seconds']} s, engine {summary['engine']})"
          + (f"; also written to {args.out}" if args.out else ""), file=sys.stderr)
    return 0


def _query(args) -> int:
    from analysis.errors import TenorError
    from analysis.corpus.store import Store
    try:
        df = Store(args.store).query(args.sql)
    except TenorError as e:
        print(e.problem, file=sys.stderr)
        return 2
    except Exception as e:  # a SQL error: DuckDB's message says what is wrong
        print(f"E604 query: {e}", file=sys.stderr)
        return 2
    if args.out:
        from analysis.output import write_csv_atomic
        write_csv_atomic(df, args.out, bom=args.bom)
    else:
        import pandas as pd
        with pd.option_context("display.max_rows", args.max_rows, "display.width", 200,
                               "display.max_colwidth", 80):
            print(df.to_string(index=False) if len(df) <= args.max_rows else df)
    return 0


def _evaluate_speakers(args) -> int:
    from analysis.evaluation.speakers import speakers
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
    from analysis.evaluation.stance import stance
    try:
        report = stance(args.gold, split=args.split, scorer_names=_scorer_names(args.scorers))
    except ImportError as e:
        print(f"E501 {e}", file=sys.stderr)
        return 2
    print(report.summary())
    return 0


def _rounds(arg: str | None) -> list | None:
    return [r.strip() for r in (arg or "").split(",") if r.strip()] or None


def _train(args) -> int:
    import json
    from analysis import scorers
    report = scorers.scorer_class(args.scorer).train(args.gold, split=args.split, out=args.out,
                                                     rounds=_rounds(args.rounds), model=args.model, C=args.C,
                                                     encoders=args.encoders, calibrate=args.calibrate,
                                                     extra=args.extra)
    print(json.dumps(report, indent=2, ensure_ascii=False))
    return 0


def _report(args) -> int:
    if args.store:
        from analysis.report.corpus import build_corpus
        if args.inputs:
            print("E403 tenor report: give inputs or --store, not both", file=sys.stderr)
            return 2
        if args.about:
            print("E403 tenor report: --about applies to a report of documents or tables; the corpus report "
                  "(--store) compares the spokespersons' answers", file=sys.stderr)
            return 2
        out = build_corpus(args.store, args.out, title=args.title if args.title != DEFAULT_TITLE
                           else "Tenor corpus report")
        print(f"wrote {out['pdf']} and {len(out['pngs'])} PNG charts", file=sys.stderr)
        return 0
    if not args.inputs:
        print("E403 tenor report: give documents, folders or tables (or --store DIR)", file=sys.stderr)
        return 2
    from analysis.report.documents import build
    cfg = _run_config(args)
    from analysis.checkpoint import Interrupted
    try:
        out = build(cfg.inputs, args.out, title=args.title, params=cfg.scorer_params, strict=cfg.strict,
                    table_options=cfg.table_options(), bom=args.bom, about=args.about or "counterpart")
    except Interrupted as e:
        print(f"\n{e}", file=sys.stderr)
        return 130
    for w in out["warnings"]:
        print(w, file=sys.stderr)
    if out["pdf"] is None:
        print("E001 nothing could be read from the inputs given; no report written", file=sys.stderr)
        return 1
    print(f"wrote {out['pdf']} and {len(out['pngs'])} PNG charts", file=sys.stderr)
    return 0


DEFAULT_TITLE = "Tenor report: how China and the US frame their relations"


def _scorer_options(parser) -> None:
    """The options the registered scorers declare (--model, --head ...), each with its help."""
    from analysis import scorers
    for opt, (help_, _names) in scorers.options().items():
        parser.add_argument(f"--{opt}", help=help_)


def _table_column_options(parser) -> None:
    """The options that say how to read input tables (tenor score and tenor report)."""
    parser.add_argument("--text-col", default="text", help="text column of input tables (default: text)")
    parser.add_argument("--speaker-col", help="speaker column of input tables (default: speaker, if present; "
                        "a column named here must exist)")
    parser.add_argument("--date-col", help="date column (default: date, if present)")
    parser.add_argument("--lang-col", help="language column (default: lang, if present)")
    parser.add_argument("--id-col", help="row id column (default: id, if present)")
    parser.add_argument("--rows", default="turns", choices=["turns", "statements"],
                        help="table rows are turns (an answer, a speech: split into statements that keep the "
                        "row's speaker and date; default) or statements (one row, one statement)")


def build_parser() -> argparse.ArgumentParser:
    from analysis import scorers
    ap = argparse.ArgumentParser(prog="tenor", description="Diplomatic-language stance and sentiment "
                                 "analyzer: documents -> attributed statements -> scores.")
    ap.add_argument("--version", action="version", version=f"tenor {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)

    sc = sub.add_parser("score", help="split documents into attributed statements (and score them)")
    sc.add_argument("inputs", nargs="+", help=".txt/.md documents, folders of them (with an optional "
                    "manifest.csv), or tables (.csv, .tsv, .jsonl, .jsonl.gz) of statements")
    sc.add_argument("--out", help="output CSV, one row per statement (with --store: also export the "
                    "store to this CSV)")
    sc.add_argument("--bom", action="store_true", help="start the CSV with a UTF-8 byte-order mark, so that "
                    "Excel reads Chinese text right")
    sc.add_argument("--scorers", default="all", help="comma-separated scorer names, 'all' (default) "
                    "or 'none'")
    sc.add_argument("--registry", help="speaker registry TSV (default: the one shipped with Tenor)")
    _scorer_options(sc)
    _table_column_options(sc)
    big = sc.add_argument_group("a corpus at scale (one table streamed in chunks into a store)")
    big.add_argument("--store", help="store folder (Parquet parts, queried with DuckDB): streams the "
                     "table in chunks with bounded memory and resumes an interrupted run")
    big.add_argument("--chunk-rows", type=int, default=500, help="rows per chunk (default: 500)")
    big.add_argument("--engine", default="local", choices=["local", "dask"],
                     help="local (this process, default) or dask (a Dask distributed cluster)")
    big.add_argument("--scheduler", help="Dask scheduler address (default: a local cluster)")
    big.add_argument("--workers", type=int, help="workers of the local Dask cluster (default: cores/threads)")
    big.add_argument("--threads", type=int, help="encoder threads per process (default: cores, at most 2; "
                     "part of the store's configuration: bfloat16 results depend on it)")
    big.add_argument("--overwrite", action="store_true", help="start the store afresh")
    big.add_argument("--quiet", action="store_true", help="no progress bar")
    sc.set_defaults(func=_score)

    qy = sub.add_parser("query", help="SQL over a store's statements (a DuckDB view named statements)")
    qy.add_argument("store", help="store folder made by tenor score --store")
    qy.add_argument("sql", help="e.g. \"SELECT speaker, avg(lexicon_score) FROM statements GROUP BY 1\"")
    qy.add_argument("--out", help="write the result to this CSV instead of printing it")
    qy.add_argument("--max-rows", type=int, default=60)
    qy.add_argument("--bom", action="store_true", help="with --out: a UTF-8 byte-order mark first (Excel)")
    qy.set_defaults(func=_query)

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
                    help="gold JSONL/CSV/TSV: text and stance (-2..+2 or -1/0/+1) or label (cooperative/"
                         "neutral/confrontational); lang and split optional (default: Tenor's gold corpus)")
    st.add_argument("--split", default="test", choices=["train", "dev", "test", "all"],
                    help="which split to report (default: test, the held-out one)")
    st.add_argument("--scorers", default="all", help="comma-separated scorer names (default: all)")
    st.set_defaults(func=_evaluate_stance)
    rp = sub.add_parser("report", help="a PDF report and PNG charts comparing speakers, sides and dates")
    rp.add_argument("inputs", nargs="*", help="documents, folders or tables, as for tenor score")
    rp.add_argument("--store", help="report on a corpus store made by tenor score --store instead")
    rp.add_argument("--out", default="reports", help="output folder (default: reports)")
    rp.add_argument("--title", default=DEFAULT_TITLE)
    rp.add_argument("--bom", action="store_true", help="statements.csv with a UTF-8 byte-order mark (Excel)")
    rp.add_argument("--about", choices=["counterpart", "all"], default=None,
                    help="the statements speakers and sides are compared over: counterpart (default: each "
                    "side's statements about the other, Chinese speakers on the US and US speakers on China) "
                    "or all (every statement, whoever it is about)")
    _table_column_options(rp)
    _scorer_options(rp)
    rp.set_defaults(func=_report)

    tr = sub.add_parser("train", help="fit a scorer's parameters on the gold corpus's training split")
    tr.add_argument("scorer", choices=scorers.available(), help="which scorer to fit")
    tr.add_argument("--model", default=None, help="encoder name or local model folder (scorers with an encoder)")
    tr.add_argument("--encoders", default=None, help="per language, the encoders whose embeddings are "
                    "concatenated, e.g. en=e5+mpnet,zh=e5 (scorers with an encoder; default: the shipped "
                    "per-language choice, or --model alone for every language)")
    tr.add_argument("--C", type=float, default=10.0, help="inverse regularisation (scorers with trained heads)")
    tr.add_argument("--gold", default=None, help="gold JSONL/CSV (default: Tenor's gold corpus)")
    tr.add_argument("--split", default="train", help="split to fit on (default: train)")
    tr.add_argument("--rounds", default=None, help="only these annotation rounds of the split, e.g. 1,2 "
                    "(what the shipped parameters were fitted on: round 3 lowered dev macro-F1; "
                    "docs/evaluation.md)")
    tr.add_argument("--calibrate", action="store_true", help="also fit each stance head's temperature on "
                    "the training statements (scorers with trained heads; the shipped per-language head "
                    "has one: docs/evaluation.md)")
    tr.add_argument("--extra", default=None, help="JSON file naming labelled stance sets outside the gold "
                    "and, per head language, the sample weight their statements get in its stance head "
                    "(scorers with trained heads; the shipped head learned from the gold only: docs/evaluation.md)")
    tr.add_argument("--out", default=None, help="where to write the fitted parameters "
                    "(default: the scorer's data folder)")
    tr.set_defaults(func=_train)
    return ap


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    if getattr(args, "what", None) == "speakers" and args.docs is None:
        from pathlib import Path
        args.docs = [str(Path(args.gold).parent)]
    from analysis.errors import TenorError
    try:
        return args.func(args)
    except TenorError as e:     # a coded error stops every command the same way: its message, exit 2
        print(e.problem, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
