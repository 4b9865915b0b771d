#!/usr/bin/env bash
# Smoke test of the Linux package: install the .deb, run one short headless training with the
# installed launcher, open the window under Xvfb, wait for it, take a screenshot, close it and
# remove the package again.
#
#   installer/smoke-test.sh [path/to/credit-mtl-studio_*.deb]
#
# As root the package is installed with dpkg -i and purged with dpkg -P (the package must not
# be installed already); otherwise, or with UNPACK=1, it is unpacked with dpkg-deb -x into a
# temporary folder and started from there. Exit code 0 only when the window "Credit MTL Studio" appeared within
# TIMEOUT seconds (default 90) and the training run succeeded (SKIP_CLI=1 leaves it out).
# Results in target/installer/smoke/: screenshot.png, app.log, train.log.
#
# Needs xvfb-run, xdotool, ImageMagick's import and GTK 3; as root they are installed when
# missing (apt-get install -y xvfb xdotool imagemagick libgtk-3-0 x11-utils).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
package=credit-mtl-studio
title="Credit MTL Studio"
timeout=${TIMEOUT:-90}
settle=${SETTLE:-10}
results=${RESULTS:-$root/target/installer/smoke}

deb=${1:-$(ls "$root"/target/installer/${package}_*.deb 2>/dev/null | head -n 1 || true)}
[ -n "$deb" ] && [ -f "$deb" ] || { echo "error: no .deb given or found; run installer/build-linux.sh" >&2; exit 1; }
deb=$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")

is_root=false
[ "$(id -u)" = 0 ] && [ "${UNPACK:-0}" != 1 ] && is_root=true

missing=()
for tool in xvfb-run xdotool import; do
    command -v "$tool" >/dev/null || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
    if $is_root; then
        echo "== installing test tools (${missing[*]})"
        apt-get install -y xvfb xdotool imagemagick libgtk-3-0 x11-utils >/dev/null
    else
        echo "error: missing ${missing[*]}: apt-get install -y xvfb xdotool imagemagick libgtk-3-0 x11-utils" >&2
        exit 1
    fi
fi

rm -rf "$results"
mkdir -p "$results"
scratch=$(mktemp -d)
installed=false
app_pid=

cleanup() {
    if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
        kill "$app_pid" 2>/dev/null || true
    fi
    if $installed; then
        echo "== dpkg -P $package"
        dpkg -P "$package" >/dev/null 2>"$results/dpkg-remove.log" \
            || echo "warning: dpkg -P $package failed, see $results/dpkg-remove.log" >&2
        for left in /opt/$package /usr/bin/$package /usr/share/applications/$package-*.desktop; do
            [ -e "$left" ] || [ -L "$left" ] && echo "warning: $left is left after removal" >&2
        done
    fi
    rm -rf "$scratch"
}
trap cleanup EXIT

# --- install -------------------------------------------------------------------------------
if $is_root; then
    if dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        echo "error: $package is installed already; remove it first (dpkg -r $package)" >&2
        exit 1
    fi
    echo "== dpkg -i $(basename "$deb")"
    installed=true
    if ! dpkg -i "$deb" >"$scratch/dpkg.log" 2>&1; then
        echo "dpkg -i left dependencies open; apt-get install -f" >&2
        apt-get install -y -f >>"$scratch/dpkg.log" 2>&1 || { cat "$scratch/dpkg.log" >&2; exit 1; }
    fi
    prefix=""
    [ -L /usr/bin/$package ] || { echo "FAIL: /usr/bin/$package was not linked" >&2; exit 1; }
    menu_entry=$(ls /usr/share/applications/"$package"-*.desktop 2>/dev/null | head -n 1 || true)
    [ -n "$menu_entry" ] || { echo "FAIL: no menu entry in /usr/share/applications" >&2; exit 1; }
    echo "   menu entry $menu_entry, command /usr/bin/$package"
else
    echo "== dpkg-deb -x $(basename "$deb") (not root: unpacked, not installed)"
    dpkg-deb -x "$deb" "$scratch/root"
    prefix="$scratch/root"
fi
launcher="$prefix/opt/$package/bin/$title"
[ -x "$launcher" ] || { echo "FAIL: launcher $launcher missing" >&2; exit 1; }

# --- headless training through the installed launcher ---------------------------------------
if [ "${SKIP_CLI:-0}" != 1 ]; then
    cli=$launcher
    $is_root && cli=/usr/bin/$package
    echo "== $cli train (1 epoch, headless)"
    started=$(date +%s.%N)
    if ! (cd "$scratch" && "$cli" train --data "$prefix/opt/$package/lib/app/data/taiwan-credit-mtl.csv" \
            --epochs 1 --batch 256 --quiet --out "$scratch/run") >"$results/train.log" 2>&1; then
        tail -n 20 "$results/train.log" >&2
        echo "FAIL: training through the installed launcher failed" >&2
        exit 1
    fi
    [ -s "$scratch/run/metrics.json" ] || { echo "FAIL: no metrics.json written" >&2; exit 1; }
    echo "   done in $(echo "$(date +%s.%N) - $started" | bc | cut -c1-5) s"
fi

# --- the window under Xvfb ---------------------------------------------------------------------
# Everything that needs the display runs inside one xvfb-run session.
cat > "$scratch/in-display.sh" <<'INNER'
#!/usr/bin/env bash
set -u
launcher=$1 title=$2 timeout=$3 settle=$4 results=$5 workdir=$6
cd "$workdir"
started=$(date +%s.%N)
"$launcher" >"$results/app.log" 2>&1 &
pid=$!
echo "$pid" >"$results/app.pid"
seen=
while :; do
    if xdotool search --onlyvisible --name "$title" >/dev/null 2>&1; then
        seen=$(echo "$(date +%s.%N) - $started" | bc)
        break
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
        echo "the app ended before its window appeared" >"$results/window.txt"
        import -window root "$results/screenshot.png" 2>/dev/null
        exit 1
    fi
    if [ "$(echo "$(date +%s.%N) - $started > $timeout" | bc)" = 1 ]; then
        echo "no window titled '$title' within $timeout s" >"$results/window.txt"
        import -window root "$results/screenshot.png" 2>/dev/null
        kill "$pid" 2>/dev/null
        exit 1
    fi
    sleep 0.5
done
# let the bundled table load and the window draw before the picture
sleep "$settle"
xwininfo -root -tree >"$results/windows.txt" 2>&1
import -window root "$results/screenshot.png"
echo "window after $seen s" >"$results/window.txt"
kill "$pid" 2>/dev/null
for _ in $(seq 20); do kill -0 "$pid" 2>/dev/null || exit 0; sleep 0.5; done
kill -9 "$pid" 2>/dev/null
exit 0
INNER
chmod +x "$scratch/in-display.sh"
mkdir -p "$scratch/work"

echo "== starting the window under Xvfb (timeout $timeout s)"
status=0
xvfb-run -a -s "-screen 0 1280x800x24" \
    "$scratch/in-display.sh" "$launcher" "$title" "$timeout" "$settle" "$results" "$scratch/work" || status=$?
app_pid=$(cat "$results/app.pid" 2>/dev/null || true)
rm -f "$results/app.pid"

echo "   $(cat "$results/window.txt" 2>/dev/null || echo 'no result')"
echo "   screenshot: $results/screenshot.png"
if [ "$status" != 0 ]; then
    tail -n 20 "$results/app.log" >&2 || true
    echo "FAIL: the window did not appear" >&2
    exit 1
fi
echo "PASS"
