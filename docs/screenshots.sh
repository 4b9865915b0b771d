#!/usr/bin/env bash
# Takes the README's pictures of every tab from the real window under Xvfb.
#
# Needs: apt-get install -y xvfb xdotool imagemagick libgtk-3-0, and the jar
# (mvn -B -q package -DskipTests). Run from the clone's top folder:
#
#   docs/screenshots.sh            # English pictures into docs/
#   docs/screenshots.sh zh-CN      # one picture of the Training tab in Chinese
#
# The window opens on the bundled table with the product defaults (a preferences node of
# its own, cleared first), trains with Ctrl+T, then shows each tab with Ctrl+1 ... Ctrl+6.
# The trade-off grid runs from Run > Explore trade-offs (Ctrl+Shift+T) and takes 1.5 to 3
# minutes on 2 cores.
set -euo pipefail

language="${1:-en}"
top="$(cd "$(dirname "$0")/.." && pwd)"
jar="$top/target/credit-mtl-studio.jar"
out="$top/docs"
[ -f "$jar" ] || { echo "no $jar: run mvn -B -q package -DskipTests first" >&2; exit 1; }
for tool in Xvfb xdotool import; do
    command -v "$tool" >/dev/null || { echo "$tool is missing (see the top of $0)" >&2; exit 1; }
done

display=":$((90 + RANDOM % 9))"
Xvfb "$display" -screen 0 1280x820x24 >/dev/null 2>&1 &
xvfb=$!
export DISPLAY="$display"
node="credit-mtl-screenshots"
log="$(mktemp)"
app=""
cleanup() {
    [ -n "$app" ] && kill "$app" 2>/dev/null || true
    kill "$xvfb" 2>/dev/null || true
    rm -f "$log"
}
trap cleanup EXIT
sleep 1

case "$language" in
    en) locale=(-Duser.language=en -Duser.country=US) ;;
    zh-CN) locale=(-Duser.language=zh -Duser.country=CN) ;;
    *) echo "language is en or zh-CN, not $language" >&2; exit 1 ;;
esac

# forget what an earlier run remembered (Java keeps a user's preferences under ~/.java on
# Linux), so the window starts with the product defaults
rm -rf "$HOME/.java/.userPrefs/$node"

(cd "$top" && java "${locale[@]}" -Dcredit.mtl.prefs="$node" -Dcredit.mtl.log.level=INFO \
    -jar "$jar" >"$log" 2>&1) &
app=$!

wait_for() {  # wait_for PATTERN SECONDS: until the log shows the pattern
    local waited=0
    until grep -q "$1" "$log"; do
        sleep 1
        waited=$((waited + 1))
        if [ "$waited" -ge "$2" ]; then
            echo "gave up waiting for '$1'; the log:" >&2
            cat "$log" >&2
            exit 1
        fi
    done
}

window=""
for _ in $(seq 1 60); do
    window="$(xdotool search --name "Credit MTL Studio" 2>/dev/null | head -1 || true)"
    [ -n "$window" ] && break
    sleep 1
done
[ -n "$window" ] || { echo "the window did not open" >&2; cat "$log" >&2; exit 1; }
wait_for "Imported" 60
sleep 2

key() { xdotool key --window "$window" "$@"; sleep 1.5; }
shot() { import -window root "$out/$1"; echo "wrote docs/$1"; }

if [ "$language" = "zh-CN" ]; then
    key ctrl+t
    wait_for "Longest FX-thread stall" 120
    sleep 6
    shot view-training-zh.png
    exit 0
fi

key ctrl+1
shot view-data.png
key ctrl+t
wait_for "Longest FX-thread stall" 120
sleep 6
shot view-training.png
key ctrl+2
shot view-tasks.png
key ctrl+4
sleep 2
shot view-evaluation.png
key ctrl+5
# an applicant in the table, to fill the what-if editor and the reasons
xdotool mousemove --window "$window" 420 300 click 1
sleep 2
shot view-applicants.png
key ctrl+6
key ctrl+shift+t
wait_for "Trade-off grid finished" 400
sleep 2
shot view-trade-offs.png
