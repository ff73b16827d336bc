#!/bin/sh
# Install the VisitDesk folder this script sits in: for everyone (as root, into /opt) or for
# the current user (into ~/.local). Adds the menu entry, the icon and the .visit.json type.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
if [ "$(id -u)" = 0 ]; then
    APPS=/opt/visitdesk BIN=/usr/local/bin SHARE=/usr/local/share
else
    APPS="$HOME/.local/opt/visitdesk" BIN="$HOME/.local/bin" SHARE="$HOME/.local/share"
fi
if [ "$HERE" != "$APPS" ]; then
    rm -rf "$APPS"
    mkdir -p "$(dirname "$APPS")"
    cp -a "$HERE" "$APPS"
fi
mkdir -p "$BIN"
ln -sf "$APPS/visitdesk" "$BIN/visitdesk"
ln -sf "$APPS/visitdesk-gui" "$BIN/visitdesk-gui"
mkdir -p "$SHARE"
cp -a "$APPS/share/." "$SHARE/"
update-desktop-database "$SHARE/applications" 2>/dev/null || true
update-mime-database "$SHARE/mime" 2>/dev/null || true
gtk-update-icon-cache -f -t "$SHARE/icons/hicolor" 2>/dev/null || true
echo "VisitDesk is installed in $APPS; start it from the menu or with visitdesk-gui."
