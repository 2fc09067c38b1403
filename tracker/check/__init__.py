"""Claim check: does each article support, deny, or only report a given claim?"""

from tracker.check.checker import Assessment, CheckSettings, ClaimChecker, Evidence, check_claims

__all__ = ["ClaimChecker", "CheckSettings", "Assessment", "Evidence", "check_claims"]
