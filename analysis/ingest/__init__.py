"""Ingest: find the inputs (documents, folders, manifests, tables), decode their bytes and lay documents out as paragraphs, front matter and transcript turns."""
