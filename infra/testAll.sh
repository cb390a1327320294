#!/usr/bin/env bash
# `npm test`: every suite runs (typecheck, ESLint, jest: unit, integration,
# end-to-end and browser; the web client's Vitest tests), even when an earlier
# one fails;
# the exit status is non-zero if any failed, with the list of those that did.
cd "$(dirname "$0")/.."
failed=()
run() {
  local name="$1"; shift
  echo "== $name: $*"
  if ! "$@"; then failed+=("$name"); fi
}
run typecheck npm run -s typecheck
run lint npm run -s lint
run jest npx jest
run web npm run -s test:web
if [ ${#failed[@]} -gt 0 ]; then
  echo "npm test: FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "npm test: all suites passed"
