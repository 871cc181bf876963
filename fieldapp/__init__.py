"""fieldapp: offline field inspection terminal for township work-safety inspectors."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("fieldapp")
except PackageNotFoundError:  # running from a frozen build or a bare checkout
    __version__ = "0.0.0"
