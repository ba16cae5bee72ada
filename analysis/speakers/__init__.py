"""Who speaks each sentence: the speaker registry, cue words, name index, document state and the
attribution rules."""
