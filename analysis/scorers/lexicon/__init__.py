"""The lexicon scorer's package: entries (data files), automata, matcher, masking, tone, rules,
english (batches), scorer (LexiconScorer, registered) and train."""
