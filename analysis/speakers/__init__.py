"""Speakers: the registry of canonical names, the cue words, and the attributor that gives every statement its speaker by the annotation guidelines."""
