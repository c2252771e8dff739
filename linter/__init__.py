"""flake8-azure-face-policy: flags Azure OpenAI vision calls that serve prohibited facial recognition."""

__version__ = "0.1.0"
