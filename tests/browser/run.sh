#!/usr/bin/env bash
# Runs the browser tests (accessibility and user journey) against a throwaway `mfx` server.
# Build the binary first (`cargo build`); MFX_BIN chooses another one.
set -euo pipefail

# A relative MFX_BIN is taken from where the script was called.
if [[ -n "${MFX_BIN:-}" ]]; then
  MFX_BIN="$(realpath -m -- "$MFX_BIN")"
  export MFX_BIN
fi

cd "$(dirname "${BASH_SOURCE[0]}")"
npm ci --no-audit --no-fund
node --test --test-concurrency=1 accessibility.test.js journey.test.js conflict.test.js password.test.js account.test.js admin.test.js attachments.test.js misleading.test.js reading.test.js journeys.test.js phone.test.js work_plan.test.js timeline.test.js search.test.js data.test.js archive.test.js
