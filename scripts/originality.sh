#!/usr/bin/env bash
# The article's sentences must not appear in Closer: facts yes, wording no.
# The check's tool comes with the project's shared folder (../shared/tools/originality);
# CLOSER_ORIGINALITY_TOOL names another place. Without the tool the check fails: a check that
# cannot run has not passed.
set -u
cd "$(dirname "$0")/.."
tool=${CLOSER_ORIGINALITY_TOOL:-../shared/tools/originality}
if [ ! -x "$tool" ]; then
  echo "originality: FAILED: no tool to run at $tool ($(realpath -m "$tool")); it comes with the project's shared folder, or set CLOSER_ORIGINALITY_TOOL to where it is" >&2
  exit 1
fi
"$tool" content src README.md index.html docs
