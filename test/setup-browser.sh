#!/usr/bin/env bash
# Installs what the browser tests need on Debian: Chromium (Playwright's own download cannot work
# without internet) and a CJK font so that pages and test PDFs render Chinese. Idempotent.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
dpkg-query -W -f='${Status}' fonts-wqy-microhei 2>/dev/null | grep -q 'install ok installed' || need+=(fonts-wqy-microhei)
if [ ${#need[@]} -eq 0 ]; then
  echo "browser test dependencies already installed" >&2
  exit 0
fi
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
echo "installing ${need[*]} …" >&2
as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
