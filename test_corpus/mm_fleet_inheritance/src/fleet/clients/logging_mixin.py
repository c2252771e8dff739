"""Audit logging shared by the inspection tools."""
from __future__ import annotations

import logging

log = logging.getLogger("fleet.audit")


class AuditMixin:
    def audit(self, event: str) -> None:
        log.info("inspection event: %s", event)
