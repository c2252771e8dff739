"""Coverage-guided fuzzing of the analysis entry point with atheris. Run by hand, not in CI:

    pip install atheris
    mkdir -p /tmp/afp-fuzz && python tests/fuzz/fuzz_analyse.py -max_total_time=600 /tmp/afp-fuzz test_corpus

libFuzzer writes the inputs it finds to the first folder and reads the corpus as seeds.

Any exception escaping `analyse`, or a finding whose message spans lines, is a crash. Inputs are
bytes decoded as Python would (UTF-8, else Latin-1) and prefixed with a vision call, so the
fuzzer reaches the data flow, evidence and decision code rather than stopping at the prefilter.
What it finds is fixed and kept as a case in tests/test_reliability.py.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from flake8_azure_face_policy.engine import analyse

PREFIX = (
    "from openai import AzureOpenAI\nclient = AzureOpenAI(api_version='v')\n"
    "client.chat.completions.create(model='d', messages=[{'role': 'user', 'content': [{'type': 'image_url', 'image_url': {'url': u}}]}])\n"
)


def test_one_input(data: bytes) -> None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    for finding in analyse(PREFIX + text, None):
        if "\n" in finding.message or "\r" in finding.message:
            raise AssertionError(f"multi-line message: {finding.message!r}")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
