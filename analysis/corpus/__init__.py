"""A corpus at scale: the chunked, resumable runner and its Parquet store."""
