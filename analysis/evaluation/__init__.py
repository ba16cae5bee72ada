"""Evaluation: gold readers, metrics, speaker and stance evaluation, baselines."""
