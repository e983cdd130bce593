#!/bin/sh
# The dashboard's map library, vendored into the package from the npm registry at pinned versions, checked against
# the registry's integrity hashes, with its licences. Run it to update the files under
# src/rasad/web/static/vendor/ (they are committed: the dashboard works offline, with nothing fetched at run time).
set -eu
LEAFLET=1.9.4
LEAFLET_SHA512=nxS1ynzJOmOlHp+iL3FyWqK89GtNL8U8rvlMOsQdTTssxZwCXh8N2NB3GDQOL+YR3XnWyZAxwQixURb+FA74PA==
CLUSTER=1.5.3
CLUSTER_SHA512=vPTw/Bndq7eQHjLBVlWpnGeLa3t+3zGiuM7fJwCkiMFq+nmRuG3RI3f7f4N4TDX7T4NpbAXpR2+NTRSEGfCSeA==
out="src/rasad/web/static/vendor"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
( cd "$work" && npm pack --silent "leaflet@$LEAFLET" "leaflet.markercluster@$CLUSTER" >/dev/null )
check() {  # file, expected sha512 (base64, as npm's "integrity" gives it)
  actual=$(openssl dgst -sha512 -binary "$1" | openssl base64 -A)
  [ "$actual" = "$2" ] || { echo "integrity mismatch for $1" >&2; exit 1; }
}
check "$work/leaflet-$LEAFLET.tgz" "$LEAFLET_SHA512"
check "$work/leaflet.markercluster-$CLUSTER.tgz" "$CLUSTER_SHA512"
mkdir -p "$work/leaflet" "$work/cluster"
tar xzf "$work/leaflet-$LEAFLET.tgz" -C "$work/leaflet"
tar xzf "$work/leaflet.markercluster-$CLUSTER.tgz" -C "$work/cluster"
rm -rf "$out/leaflet" "$out/markercluster"
mkdir -p "$out/leaflet" "$out/markercluster"
cp "$work/leaflet/package/dist/leaflet.js" "$work/leaflet/package/dist/leaflet.css" "$out/leaflet/"
cp "$work/leaflet/package/LICENSE" "$out/leaflet/LICENSE"
cp -r "$work/leaflet/package/dist/images" "$out/leaflet/images"
cp "$work/cluster/package/dist/leaflet.markercluster.js" "$work/cluster/package/dist/MarkerCluster.css" "$out/markercluster/"
cp "$work/cluster/package/MIT-LICENCE.txt" "$out/markercluster/LICENSE"
printf 'leaflet %s (BSD-2-Clause)\nleaflet.markercluster %s (MIT)\n' "$LEAFLET" "$CLUSTER" > "$out/VERSIONS"
echo "vendored leaflet $LEAFLET and leaflet.markercluster $CLUSTER into $out" >&2
