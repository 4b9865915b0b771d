package com.creditmtl.studio.spark;

import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.eval.PopulationStability;
import com.creditmtl.studio.eval.PopulationStability.Reference;
import com.creditmtl.studio.eval.PopulationStability.Result;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.util.AccumulatorV2;
import tech.tablesaw.api.DoubleColumn;

/**
 * Applicants per drift bin of every feature, counted in each partition and added up in the
 * driver, where the population stability index is taken of the summed shares. Counts are kept
 * per partition number, so a task that Spark runs again replaces its partition's counts instead
 * of adding them twice.
 */
final class DriftCounts extends AccumulatorV2<DriftCounts.Partition, Map<Integer, long[][]>> {

    private static final long serialVersionUID = 1L;

    /** One partition's counts, {@code [feature][bin]} in the order of the references. */
    record Partition(int number, long[][] counts) implements java.io.Serializable {
    }

    private final Map<Integer, long[][]> byPartition = new HashMap<>();

    /** Counts of the table's rows per bin of each reference, added to {@code into}. */
    static void count(List<Reference> references, CreditTable table, long[][] into) {
        int rows = table.rowCount();
        for (int f = 0; f < references.size(); f++) {
            Reference reference = references.get(f);
            double[] shares;
            if (reference.numeric()) {
                DoubleColumn column = table.table().doubleColumn(reference.feature());
                double[] values = new double[rows];
                for (int r = 0; r < rows; r++) {
                    values[r] = column.getDouble(r);
                }
                shares = reference.numberShares(values);
            } else {
                List<String> values = new ArrayList<>(rows);
                for (int r = 0; r < rows; r++) {
                    values.add(table.category(reference.feature(), r));
                }
                shares = reference.levelShares(values);
            }
            for (int b = 0; b < shares.length; b++) {
                // shares are counts divided by rows: multiplying back is exact after rounding
                into[f][b] += Math.round(shares[b] * rows);
            }
        }
    }

    /** An empty count for the references. */
    static long[][] empty(List<Reference> references) {
        long[][] counts = new long[references.size()][];
        for (int f = 0; f < counts.length; f++) {
            counts[f] = new long[references.get(f).shares().length];
        }
        return counts;
    }

    /** Every feature's index and status from the counts of all partitions. */
    static List<Result> indices(List<Reference> references, Map<Integer, long[][]> partitions) {
        long[][] total = empty(references);
        for (long[][] counts : partitions.values()) {
            for (int f = 0; f < total.length; f++) {
                for (int b = 0; b < total[f].length; b++) {
                    total[f][b] += counts[f][b];
                }
            }
        }
        List<Result> results = new ArrayList<>();
        for (int f = 0; f < references.size(); f++) {
            long rows = 0;
            for (long count : total[f]) {
                rows += count;
            }
            double[] shares = new double[total[f].length];
            for (int b = 0; b < shares.length; b++) {
                shares[b] = rows == 0 ? 0 : total[f][b] / (double) rows;
            }
            Reference reference = references.get(f);
            double psi = PopulationStability.index(reference.shares(), shares);
            results.add(new Result(reference.feature(), psi, PopulationStability.Status.of(psi)));
        }
        return results;
    }

    @Override
    public boolean isZero() {
        return byPartition.isEmpty();
    }

    @Override
    public AccumulatorV2<Partition, Map<Integer, long[][]>> copy() {
        DriftCounts copy = new DriftCounts();
        copy.byPartition.putAll(byPartition);
        return copy;
    }

    @Override
    public void reset() {
        byPartition.clear();
    }

    @Override
    public void add(Partition partition) {
        byPartition.put(partition.number(), partition.counts());
    }

    @Override
    public void merge(AccumulatorV2<Partition, Map<Integer, long[][]>> other) {
        byPartition.putAll(other.value());
    }

    @Override
    public Map<Integer, long[][]> value() {
        return byPartition;
    }
}
