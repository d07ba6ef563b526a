#!/bin/sh
# Per-user install of the Linux bundle (no root): the program under ~/.local/opt, a `counter-app` command
# in ~/.local/bin, the menu entry and its icon. The build copies this script into the bundle, so from an
# unpacked archive run `sh counter-app/install.sh`; from the repository:
#
#     sh packaging/linux/install.sh [path/to/dist/counter-app]
#
# Running it again upgrades in place. The data (database, backups) stay in ~/.local/share/counter_app.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
if [ -x "$here/counter-app" ]; then default=$here; else default=$here/../../dist/counter-app; fi
bundle=${1:-$default}
[ -x "$bundle/counter-app" ] || { echo "Không thấy $bundle/counter-app: hãy đóng gói trước (packaging/README.md)." >&2; exit 1; }
bundle=$(cd "$bundle" && pwd)

prefix=${XDG_DATA_HOME:-$HOME/.local/share}
opt=$HOME/.local/opt/counter-app
bin=$HOME/.local/bin

mkdir -p "$HOME/.local/opt" "$bin" "$prefix/applications" "$prefix/icons/hicolor/256x256/apps"
rm -rf "$opt.new"
cp -a "$bundle" "$opt.new"           # copy first, then swap: a failed copy leaves the old version working
rm -rf "$opt"
mv "$opt.new" "$opt"
ln -sf "$opt/counter-app" "$bin/counter-app"
cp "$opt/counter-app.desktop" "$prefix/applications/counter-app.desktop"
icon=$opt/_internal/resources/icons/counter_app.png
cp "$icon" "$prefix/icons/hicolor/256x256/apps/counter-app.png"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$prefix/applications" || true

echo "Đã cài vào $opt. Chạy thử: $bin/counter-app --self-test"
