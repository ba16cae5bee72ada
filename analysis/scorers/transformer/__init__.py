"""The transformer scorer: sentence encoders assembled offline, trained linear heads."""
