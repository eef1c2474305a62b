#!/bin/sh
# Runs mutation testing one library at a time: `npm run test:mutation` for all of them,
# `npm run test:mutation -- timers commanding` for some. Reports land in reports/mutation/.
set -eu
cd "$(dirname "$0")/.."
if [ "$#" -eq 0 ]; then
  set -- event-store commanding projections timers leads-domain organisation-domain \
    opportunities-domain contracts-domain service-domain
fi
for target in "$@"; do
  echo "== mutation testing: $target"
  LTC_MUTATION_TARGET="$target" node node_modules/@stryker-mutator/core/bin/stryker.js run stryker.config.js
done
