#!/usr/bin/env bash
# Measures the Spark jobs against the desktop on this machine (docs/spark.md, "Figures"):
#  1. trains a study with the desktop jar (default settings) on the bundled table;
#  2. generates ROWS applicants (default 1,000,000) from it;
#  3. scores them with the desktop's score command, then with ScoreJob in local[1], local[2]
#     and local[4], with reasons and without;
#  4. compares the Spark output with the core's scoring at full precision (ScoreComparison);
#  5. trains with TrainJob in local[2] and prints both trainings' test metrics.
# Run from anywhere: spark/bench.sh [ROWS]. Needs about 6 GB of memory and 1 GB of disk.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
WORK=target/spark-bench
mkdir -p "$WORK"

mvn -B -q package -DskipTests
mvn -B -q -f spark/pom.xml compile dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=compile
CP="spark/target/classes:$(cat spark/target/classpath.txt)"
OPENS=$(mvn -B -q -f spark/pom.xml help:evaluate -Dexpression=spark.add.opens -DforceStdout \
    -Dstyle.color=never | sed 's/\x1b\[[0-9;]*m//g')
export OMP_NUM_THREADS=1
TIMEFORMAT="%R s wall"
spark_java() {
    # shellcheck disable=SC2086
    java $OPENS -Dorg.bytedeco.javacpp.maxPhysicalBytes=0 -Xmx6g -cp "$CP" "$@"
}

echo "== desktop train (defaults)"
time java -jar target/credit-mtl-studio.jar \
    train --data assets/data/taiwan-credit-mtl.csv --out "$WORK/desktop-train" --overwrite \
    --quiet | grep -E "Trained|AUC|MAE"
STUDY="$WORK/desktop-train/study.cmtl"

echo "== generating $ROWS applicants"
spark_java com.creditmtl.studio.spark.ApplicantGenerator assets/data/taiwan-credit-mtl.csv \
    "$ROWS" 11 "$WORK/applicants.csv"
ls -l "$WORK/applicants.csv"

echo "== desktop score"
time java -Xmx6g \
    -jar target/credit-mtl-studio.jar score --study "$STUDY" \
    --data "$WORK/applicants.csv" --out "$WORK/desktop.csv" --overwrite | grep Scored

for cores in 1 2 4; do
    echo "== Spark score, local[$cores], with reasons, then without"
    spark_java com.creditmtl.studio.spark.ScoreJob --study "$STUDY" \
        --data "$WORK/applicants.csv" --out "$WORK/spark-$cores" --master "local[$cores]"
    spark_java com.creditmtl.studio.spark.ScoreJob --study "$STUDY" \
        --data "$WORK/applicants.csv" --out "$WORK/spark-$cores-no-reasons" \
        --master "local[$cores]" --no-reasons
done

echo "== comparison with the core's scoring (local[2] output)"
spark_java com.creditmtl.studio.spark.ScoreComparison "$STUDY" "$WORK/applicants.csv" \
    "$WORK/spark-2" "$WORK/desktop.csv" "$WORK/desktop-drift.json"

echo "== Spark train, local[2], 2 partitions (defaults)"
time spark_java com.creditmtl.studio.spark.TrainJob --data assets/data/taiwan-credit-mtl.csv \
    --out "$WORK/spark-train" --master "local[2]" --quiet
