"""Optional models a user trains on attribution annotations they own (nothing trained ships)."""
