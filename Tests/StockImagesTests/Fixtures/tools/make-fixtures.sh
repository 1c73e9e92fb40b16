#!/bin/sh
# Rebuilds the fixtures in .. from the Debian packages named in ../README.md (run it there, on a
# machine with nodejs, git, vim-common, libpng-dev, python3-dev, adwaita-icon-theme,
# libjpeg-turbo-progs and libjpeg62-turbo-dev installed).
set -eu
cd "$(dirname "$0")/.."
cp /usr/share/doc/nodejs/full-white-stripe.jpg progressive.jpg
jpegtran -copy none progressive.jpg > baseline.jpg
jpegtran -copy none -grayscale progressive.jpg > grayscale.jpg
cc -O2 -o /tmp/cmyk-jpeg tools/cmyk-jpeg.c -ljpeg
djpeg -pnm progressive.jpg | /tmp/cmyk-jpeg cmyk > cmyk-adobe.jpg
djpeg -pnm progressive.jpg | /tmp/cmyk-jpeg ycck > ycck-adobe.jpg
cp /usr/share/gitweb/static/git-logo.png palette.png
cp /usr/share/icons/locolor/32x32/apps/gvim.png palette-4bit-trns.png
cp /usr/share/doc/libpng-dev/examples/pngtest.png rgba-interlaced.png
cp /usr/share/doc/python3/_static/minus.png gray.png
cp /usr/share/icons/Adwaita/48x48/legacy/system-shutdown.png gray-alpha.png
python3 tools/png16.py > rgb16.png
python3 tools/many-scans.py > many-scans.jpg
