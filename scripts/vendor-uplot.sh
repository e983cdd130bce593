#!/bin/sh
# The trends panel's charting library (uPlot), vendored into the package from the npm registry at a pinned version,
# checked against the registry's integrity hash, with its licence. Run it to update the files under
# src/rasad/web/static/vendor/uplot/ (they are committed: the dashboard works offline, with nothing fetched at run
# time). scripts/vendor-leaflet.sh does the same for the map.
set -eu
UPLOT=1.6.32
UPLOT_SHA512=KIMVnG68zvu5XXUbC4LQEPnhwOxBuLyW1AHtpm6IKTXImkbLgkMy+jabjLgSLMasNuGGzQm/ep3tOkyTxpiQIw==
out="src/rasad/web/static/vendor"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
( cd "$work" && npm pack --silent "uplot@$UPLOT" >/dev/null )
actual=$(openssl dgst -sha512 -binary "$work/uplot-$UPLOT.tgz" | openssl base64 -A)
[ "$actual" = "$UPLOT_SHA512" ] || { echo "integrity mismatch for uplot-$UPLOT.tgz" >&2; exit 1; }
tar xzf "$work/uplot-$UPLOT.tgz" -C "$work"
rm -rf "$out/uplot"
mkdir -p "$out/uplot"
cp "$work/package/dist/uPlot.iife.min.js" "$work/package/dist/uPlot.min.css" "$out/uplot/"
cp "$work/package/LICENSE" "$out/uplot/LICENSE"
grep -v '^uplot ' "$out/VERSIONS" > "$work/VERSIONS" || true
printf 'uplot %s (MIT)\n' "$UPLOT" >> "$work/VERSIONS"
cp "$work/VERSIONS" "$out/VERSIONS"
echo "vendored uplot $UPLOT into $out/uplot" >&2
