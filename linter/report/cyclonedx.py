"""The inventory as a CycloneDX 1.6 AI bill of materials, built with cyclonedx-python-lib.

Each Azure OpenAI deployment the project calls is a service (its endpoint when the code shows a
literal one, never a key or query string); each vision call that sends to it is a group of
properties on that service: `azure-face-policy:call:<n>:location` (path:line:column), `:media`,
`:rules`, `:suppressed` (code and reason). Calls to other providers and possible vision calls (client
not resolved) stay in the markdown and JSON inventory only. The document has no timestamp and a serial number derived from its content: the
same tree gives the same bytes."""

from __future__ import annotations

import uuid
from collections import defaultdict

from flake8_azure_face_policy import __version__
from flake8_azure_face_policy.report.inventory import InventoryEntry, suppression_text
from flake8_azure_face_policy.report.safe_text import safe_text

PROPERTY_PREFIX = "azure-face-policy"
UNSEEN_DEPLOYMENT = "deployment not visible in the code"


class MissingLibrary(Exception):
    """cyclonedx-python-lib is not installed; the message says how to install it."""


def render_cyclonedx(entries: list[InventoryEntry], skipped: list[tuple[str, str]]) -> str:
    try:
        from cyclonedx.model import Property, XsUri
        from cyclonedx.model.bom import Bom
        from cyclonedx.model.component import Component, ComponentType
        from cyclonedx.model.service import Service
        from cyclonedx.output.json import JsonV1Dot6
    except ImportError as error:
        raise MissingLibrary("--format cyclonedx needs cyclonedx-python-lib: pip install 'flake8-azure-face-policy[cyclonedx]'") from error

    by_service: dict[tuple[str, str], list[InventoryEntry]] = defaultdict(list)
    for entry in entries:
        if entry.provider != "not_azure" and not entry.unresolved:
            by_service[(entry.deployment or UNSEEN_DEPLOYMENT, entry.endpoint)].append(entry)
    services = []
    for number, ((deployment, endpoint), calls) in enumerate(sorted(by_service.items()), start=1):
        properties = []
        for position, call in enumerate(calls, start=1):
            name = f"{PROPERTY_PREFIX}:call:{position}"
            properties += [
                Property(name=f"{name}:location", value=safe_text(f"{call.path}:{call.line}:{call.column}")),
                Property(name=f"{name}:client", value=f"{call.family} {call.method}"),
                Property(name=f"{name}:media", value=", ".join(call.media)),
                Property(name=f"{name}:rules", value=safe_text(", ".join(call.rules) or f"none: {call.why_no_rule}")),
            ]
            properties += [Property(name=f"{name}:suppressed", value=safe_text(suppression_text(item))) for item in call.suppressions]
        services.append(
            Service(
                name=safe_text(deployment),
                group="Azure OpenAI",
                bom_ref=f"azure-openai-deployment-{number}",
                endpoints=[XsUri(endpoint)] if endpoint else None,
                description=f"{len(calls)} vision call(s) found by flake8-azure-face-policy",
                properties=properties,
            )
        )
    bom = Bom(serial_number=uuid.UUID(int=0), services=services, properties=[Property(name=f"{PROPERTY_PREFIX}:skipped", value=safe_text(f"{path}: {reason}")) for path, reason in skipped])
    bom.metadata.timestamp = None
    bom.metadata.tools.components.add(Component(name="flake8-azure-face-policy", version=__version__, type=ComponentType.APPLICATION))
    content = JsonV1Dot6(bom).output_as_string(indent=2)
    bom.serial_number = uuid.uuid5(uuid.NAMESPACE_URL, f"flake8-azure-face-policy:{content}")
    return JsonV1Dot6(bom).output_as_string(indent=2) + "\n"
