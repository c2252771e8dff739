"""Frames from the officer's body-worn camera."""
import base64

import cv2


def live_frame() -> str:
    capture = cv2.VideoCapture(0)  # the body-worn camera on the officer's vest
    ok, frame = capture.read()
    ok, buffer = cv2.imencode(".jpg", frame)
    return base64.b64encode(buffer).decode()
