"""An optional verdict model for claim check, trained on labelled pairs the user owns."""
