#!/bin/sh
# Renders assets/icon.svg into the icon files the window and the installers use:
#   icon.png   256 x 256   Linux package (jpackage --icon), window icon
#   icon.ico   16-256      Windows installer and launcher
#   icon.icns  16-1024     macOS application bundle
# Needs rsvg-convert (librsvg2-bin), ImageMagick's convert (imagemagick) and
# png2icns (icnsutils): apt-get install -y librsvg2-bin imagemagick icnsutils
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for size in 16 24 32 48 64 128 256 512 1024; do
    rsvg-convert -w "$size" -h "$size" "$here/icon.svg" -o "$work/$size.png"
done

cp "$work/256.png" "$here/icon.png"
convert "$work/16.png" "$work/24.png" "$work/32.png" "$work/48.png" \
        "$work/64.png" "$work/128.png" "$work/256.png" "$here/icon.ico"
# png2icns picks the icon type from each picture's size (24 and 64 have none)
png2icns "$here/icon.icns" "$work/16.png" "$work/32.png" "$work/48.png" \
        "$work/128.png" "$work/256.png" "$work/512.png" "$work/1024.png" >/dev/null

# copy for the window (JavaFX Stage icons), loaded from the class path
resources="$here/../src/main/resources/com/creditmtl/studio/ui"
if [ -d "$here/../src/main/resources" ]; then
    mkdir -p "$resources"
    cp "$work/256.png" "$resources/icon.png"
    cp "$work/32.png" "$resources/icon-32.png"
fi
echo "icons written to $here"
