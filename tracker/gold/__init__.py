"""Gold annotations: loading them (brat standoff, FNC-1) and scoring the extractor against them."""
