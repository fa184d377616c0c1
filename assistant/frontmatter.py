"""The YAML front matter of a knowledge file: the block between two '---' lines at its top."""
from __future__ import annotations

import re

FRONT_MATTER = re.compile(r"^---\s*\n(.*?)\n---\s*\n", re.DOTALL)
