"""Rule-based extraction: one module per fact kind, plus the helpers they share.

`factsheet.extract(article)` runs them all; see that module for the order and why.
"""
