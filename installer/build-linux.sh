#!/usr/bin/env bash
# Builds the Linux app image and .deb package of Credit MTL Studio with JDK 17's jpackage.
#
#   installer/build-linux.sh            # uses target/credit-mtl-studio.jar, builds it if missing
#   BUILD=1 installer/build-linux.sh    # runs "mvn -B -q package -DskipTests" first
#   DETECT_MODULES=1 installer/...      # asks jdeps for the JDK modules instead of the fixed list
#   DEB_COMPRESSION=gzip installer/...  # faster .deb (default xz, as dpkg-deb does)
#   RUNTIME_COMPRESS=2 installer/...    # zip-compressed Java runtime: smaller image, larger .deb
#
# Output in target/installer/:
#   image/Credit MTL Studio/            the app image (bin/, lib/app/, lib/runtime/)
#   credit-mtl-studio_<version>-1_amd64.deb
#
# Needs a JDK 17 with jmods (JAVA_HOME, else /usr/lib/jvm/java-17-openjdk-amd64), and for the
# .deb fakeroot and dpkg-deb (apt-get install -y fakeroot).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

name="Credit MTL Studio"
package=credit-mtl-studio
main_jar=credit-mtl-studio.jar
main_class=com.creditmtl.studio.Main
vendor=${VENDOR:-"Credit MTL Studio project"}
maintainer=${MAINTAINER:-"credit-mtl-studio@example.org"}
description="Desktop workbench for multi-task credit scoring"
out=target/installer

# --- tools -------------------------------------------------------------------------------
jdk=${JAVA_HOME:-}
if [ -z "$jdk" ] || [ ! -x "$jdk/bin/jpackage" ]; then
    jdk=/usr/lib/jvm/java-17-openjdk-amd64
fi
for tool in jpackage jlink jdeps; do
    [ -x "$jdk/bin/$tool" ] || { echo "error: $jdk/bin/$tool not found; set JAVA_HOME to a JDK 17" >&2; exit 1; }
done
jdk_version=$("$jdk/bin/jpackage" --version)
case "$jdk_version" in
    17*) ;;
    *) echo "warning: jpackage $jdk_version; this script was written for JDK 17" >&2 ;;
esac
[ -d "$jdk/jmods" ] || { echo "error: $jdk/jmods missing (jlink needs the JDK's jmods)" >&2; exit 1; }
for tool in fakeroot dpkg-deb; do
    command -v "$tool" >/dev/null || { echo "error: $tool missing: apt-get install -y fakeroot" >&2; exit 1; }
done

# --- version: the pom's project version, without -SNAPSHOT (packages need a plain number) ----
pom_version=$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p' pom.xml | head -n 1)
version=${VERSION:-${pom_version%-SNAPSHOT}}
[ -n "$version" ] || { echo "error: no <version> found in pom.xml" >&2; exit 1; }

# --- the jar and its libraries -------------------------------------------------------------
if [ "${BUILD:-0}" = 1 ] || [ ! -f "target/$main_jar" ] || [ ! -d target/lib ]; then
    echo "== mvn -B -q package -DskipTests"
    mvn -B -q package -DskipTests
elif [ -n "$(find src/main pom.xml -newer "target/$main_jar" -type f 2>/dev/null | head -n 1)" ]; then
    echo "warning: src/main or pom.xml changed after target/$main_jar was built; BUILD=1 rebuilds it" >&2
fi
# The jar is thin: its manifest names lib/*.jar, copied by the dependency plugin. Only Linux
# x86-64 native libraries should be there (.mvn/maven.config sets javacpp.platform).
foreign=$(ls target/lib | grep -E -- \
    '-(windows|macosx|android|ios)-[a-z0-9_]+\.jar$|-linux-(armhf|arm64|ppc64le|x86)\.jar$|-(win|mac|mac-aarch64|linux-aarch64)\.jar$' \
    || true)
if [ -n "$foreign" ]; then
    echo "error: target/lib holds native jars of other platforms:" >&2
    echo "$foreign" >&2
    echo "build with -Djavacpp.platform=linux-x86_64 (see .mvn/maven.config)" >&2
    exit 1
fi

# --- JVM options -----------------------------------------------------------------------------
# The same as com.creditmtl.studio.model.NativeRuntime.JVM_OPTIONS (JavaCPP's per-allocation
# process-size check off); the app sets it itself too when missing, but then only after the JVM
# has started. The bundled table is found through the credit.mtl.data property: installed, the
# jar lies in lib/app/ and neither the working folder nor the jar's parent holds assets/data/.
# $APPDIR is expanded by the jpackage launcher to the image's lib/app folder.
native_source=src/main/java/com/creditmtl/studio/model/NativeRuntime.java
if [ -f "$native_source" ] && ! grep -q 'JVM_OPTIONS = List.of("-D" + MAX_PHYSICAL_BYTES + "=0")' "$native_source"; then
    echo "warning: NativeRuntime.JVM_OPTIONS changed; update the java options in $0" >&2
fi
java_options=(
    --java-options '-Dorg.bytedeco.javacpp.maxPhysicalBytes=0'
    --java-options '-Dcredit.mtl.data=$APPDIR/data/taiwan-credit-mtl.csv'
)

# --- JDK modules for the runtime ------------------------------------------------------------
# jdeps over the whole class path fails here: several jars (nd4j-api, commons-csv, ...) carry
# module descriptors that jdeps cannot resolve. Measured once jar by jar, with those descriptors
# removed, for version 0.1.0: java.base, java.compiler, java.desktop, java.logging,
# java.management, java.naming, java.rmi, java.sql, java.xml, jdk.jfr, jdk.management,
# jdk.unsupported. Added by hand: jdk.charsets (GB18030 and other encodings the importer
# offers), jdk.localedata (number formats of the user's locale), jdk.crypto.ec (TLS, should a
# library fetch something), java.scripting and jdk.zipfs (cheap, asked for by some libraries
# through reflection). JavaFX is not a JDK module here: its jars stay on the class path.
modules=java.base,java.compiler,java.desktop,java.logging,java.management,java.naming,java.rmi,java.scripting,java.sql,java.xml,jdk.charsets,jdk.crypto.ec,jdk.jfr,jdk.localedata,jdk.management,jdk.unsupported,jdk.zipfs

if [ "${DETECT_MODULES:-0}" = 1 ]; then
    echo "== jdeps, jar by jar (a minute or two)"
    scratch=$(mktemp -d)
    detected=java.base
    for jar in "target/$main_jar" target/lib/*.jar; do
        case "$(basename "$jar")" in javafx-*) continue ;; esac
        copy="$scratch/$(basename "$jar")"
        cp "$jar" "$copy"
        zip -q -d "$copy" module-info.class 'META-INF/versions/*/module-info.class' >/dev/null 2>&1 || true
        found=$("$jdk/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 "$copy" 2>/dev/null | tail -n 1 || true)
        case "$found" in java.*|jdk.*) detected="$detected,$found" ;; esac
    done
    rm -rf "$scratch"
    detected=$(echo "$detected,jdk.charsets,jdk.localedata" | tr , '\n' | sort -u | paste -sd, -)
    echo "jdeps found: $detected"
    modules=$detected
fi

# --- staging ---------------------------------------------------------------------------------
rm -rf "$out"
mkdir -p "$out/input/lib" "$out/input/data"
cp "target/$main_jar" "$out/input/"
cp target/lib/*.jar "$out/input/lib/"
cp assets/data/taiwan-credit-mtl.csv assets/data/credit-g.csv assets/data/UCI_Credit_Card.csv \
   assets/data/README.md "$out/input/data/"

start=$(date +%s)
echo "== jlink ($modules)"
# Not compressed: jlink --compress=2 takes the runtime from 100 MB to 61 MB, but the xz-packed
# .deb then grows from 198 MB to 214 MB (xz does better on the raw modules file than on zip).
# RUNTIME_COMPRESS=2 chooses the smaller installation instead.
"$jdk/bin/jlink" --add-modules "$modules" --output "$out/runtime" \
    --strip-debug --no-header-files --no-man-pages --strip-native-commands \
    --compress="${RUNTIME_COMPRESS:-0}"

echo "== jpackage --type app-image"
"$jdk/bin/jpackage" --type app-image --dest "$out/image" \
    --name "$name" --app-version "$version" --vendor "$vendor" --description "$description" \
    --icon assets/icon.png \
    --input "$out/input" --main-jar "$main_jar" --main-class "$main_class" \
    --runtime-image "$out/runtime" \
    "${java_options[@]}"
image_done=$(date +%s)

# installer/linux-resources holds our postinst and prerm: besides the menu entry they link
# /usr/bin/credit-mtl-studio to the launcher for the command line. (A second jpackage launcher
# would do it too, but JDK 17 gives every launcher a menu entry.)
# dpkg-deb compresses with xz by default; DEB_COMPRESSION=gzip is much faster, a little larger.
export DPKG_DEB_COMPRESSOR_TYPE=${DEB_COMPRESSION:-xz}
echo "== jpackage --type deb ($DPKG_DEB_COMPRESSOR_TYPE)"
"$jdk/bin/jpackage" --type deb --dest "$out" \
    --app-image "$out/image/$name" \
    --name "$name" --app-version "$version" --vendor "$vendor" --description "$description" \
    --icon assets/icon.png \
    --linux-package-name "$package" --linux-deb-maintainer "$maintainer" \
    --linux-app-category misc --linux-menu-group "Office;Finance;" --linux-shortcut \
    --linux-package-deps "libgtk-3-0 | libgtk-3-0t64" \
    --resource-dir installer/linux-resources
deb_done=$(date +%s)

deb=$(ls "$out"/*.deb)
echo
echo "app image: $out/image/$name  $(du -sh "$out/image/$name" | cut -f1) (runtime $(du -sh "$out/image/$name/lib/runtime" | cut -f1), app $(du -sh "$out/image/$name/lib/app" | cut -f1)); $((image_done - start)) s with jlink"
echo "package:   $deb  $(du -h "$deb" | cut -f1); $((deb_done - image_done)) s"
