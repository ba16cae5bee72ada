"""Reports: charts (figures, never saved), pages, the documents report and the corpus report."""
