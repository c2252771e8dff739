"""Frame helpers shared by the patrol tools."""
import base64

import cv2


def to_data_url(frame) -> str:
    ok, buffer = cv2.imencode(".jpg", frame)
    if not ok:
        raise ValueError("could not encode frame")
    return "data:image/jpeg;base64," + base64.b64encode(buffer.tobytes()).decode("ascii")
