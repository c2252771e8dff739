"""Questions the depot asks about vans and drivers."""
from __future__ import annotations

import base64

import cv2

from .base import BaseVisionClient
from .logging_mixin import AuditMixin


class InspectionClient(AuditMixin, BaseVisionClient):
    def damage(self, image_url: str) -> str:
        self.audit("damage check")
        # ok: AFP201
        return self.ask("Describe any body damage on this van and which panel it is on.", image_url)

    def driver_name(self, image_url: str) -> str:
        self.audit("driver check")
        # ruleid: AFP201
        return self.ask("Who is the driver in this cab photo? Give their full name.", image_url)

    def _gate_frame(self) -> str:
        """The gate camera's current frame as a data URL."""
        camera = cv2.VideoCapture(0)
        ok, frame = camera.read()
        encoded = base64.b64encode(cv2.imencode(".jpg", frame)[1].tobytes()).decode()
        return f"data:image/jpeg;base64,{encoded}"

    def gate_plate(self) -> str:
        # ok: AFP201
        reply = self._client.chat.completions.create(
            model=self._deployment,
            messages=[{"role": "user", "content": [
                {"type": "text", "text": "Read the licence plate of the van at the gate."},
                {"type": "image_url", "image_url": {"url": self._gate_frame()}},
            ]}],
        )
        return reply.choices[0].message.content

    def gate_driver(self) -> str:
        # ruleid: AFP201
        reply = self._client.chat.completions.create(
            model=self._deployment,
            messages=[{"role": "user", "content": [
                {"type": "text", "text": "Is the person at the wheel the same person as the driver on today's roster? Verify them by their face."},
                {"type": "image_url", "image_url": {"url": self._gate_frame()}},
            ]}],
        )
        return reply.choices[0].message.content
