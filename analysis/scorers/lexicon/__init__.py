"""The diplomatic lexicon scorer."""
