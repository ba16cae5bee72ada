"""Tenor: a diplomatic-language stance and sentiment analyzer.

    documents -> statements (segment + attribute speaker, date, lang)
              -> scores -> comparisons -> charts -> notebooks / reports
"""
__version__ = "0.1.0"

from analysis.extract.build import COLUMNS, Result, document_statements, statements  # noqa: E402

__all__ = ["COLUMNS", "Result", "document_statements", "statements", "__version__"]
