"""Checks run by `make lint` that no off-the-shelf tool offers (see contracts.py)."""
