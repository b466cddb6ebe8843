"""What the tests that run the README's Python examples share: where the source and README
are, the wfsim binary they are given, and the README's python blocks."""

import os
import re
import sys

SOURCE_DIR = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
README = os.path.join(SOURCE_DIR, "README.md")


def wfsim_binary():
    """The wfsim binary: the first argument (taken off sys.argv, so that unittest does not see
    it) or WFSIM_BINARY in the environment; "" when neither gives one."""
    if len(sys.argv) > 1 and not sys.argv[1].startswith("-"):
        return sys.argv.pop(1)
    return os.environ.get("WFSIM_BINARY", "")


def readme_python_blocks():
    with open(README, encoding="utf-8") as f:
        return re.findall(r"```python\n(.*?)```", f.read(), flags=re.S)
