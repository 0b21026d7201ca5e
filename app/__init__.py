"""FieldCase: the case manager's offline desktop client."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("fieldcase")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
