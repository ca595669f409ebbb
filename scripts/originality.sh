#!/usr/bin/env bash
# The article's sentences must not appear in Closer: facts yes, wording no.
set -u
cd "$(dirname "$0")/.."
tool=../shared/tools/originality
if [ ! -x "$tool" ]; then
  echo "originality: $tool is not here (it comes with the project's shared folder); skipped"
  exit 0
fi
"$tool" content src README.md index.html
