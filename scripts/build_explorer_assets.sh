#!/usr/bin/env bash
# Rebuild the graph library that `tracker explore` inlines into its pages.
#
# Installs the exact versions pinned in js/package-lock.json from the npm registry and copies
# the minified bundle and its licence into tracker/present/assets/, where they are committed
# (so installing tracker or running its tests needs no npm).  Run it after changing the
# version in js/package.json (then `npm install` there first to update the lock file).
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --prefix js --ignore-scripts --no-audit --no-fund
assets=tracker/present/assets
cp js/node_modules/cytoscape/dist/cytoscape.min.js "$assets/cytoscape.min.js"
cp js/node_modules/cytoscape/LICENSE "$assets/cytoscape.LICENSE"
version=$(node -p "require('./js/node_modules/cytoscape/package.json').version")
echo "cytoscape $version: $(wc -c < "$assets/cytoscape.min.js") bytes -> $assets/cytoscape.min.js"
