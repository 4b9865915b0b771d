package com.creditmtl.studio.study;

import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.data.CsvImporter;
import com.creditmtl.studio.model.TrainingSettings;
import com.creditmtl.studio.scoring.Explanation;
import com.creditmtl.studio.scoring.ReasonFinder;
import com.creditmtl.studio.scoring.ReasonTexts;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Times one what-if update (change a feature, get every task, score, grade and reasons) on a
 * study of the bundled table; not a test. Run from the project folder:
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     com.creditmtl.studio.study.WhatIfBenchmark assets/data/taiwan-credit-mtl.csv 5
 * </pre>
 *
 * Arguments: the table and the epochs to train (default settings otherwise).
 */
public final class WhatIfBenchmark {

    private static final int WARM_UP = 500;
    private static final int UPDATES = 2_000;

    private WhatIfBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "assets/data/taiwan-credit-mtl.csv");
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        CreditTable table = new CsvImporter().importFile(data);
        TrainingSettings settings = TrainingSettings.defaults(table.tasks()).withEpochs(epochs);
        Study study = new StudyTrainer().train(table, settings, report -> { }, () -> false);
        WhatIf whatIf = new WhatIf(study);
        int[] rows = study.split().test();
        String feature = table.featureNames().get(0);

        double[] millis = new double[UPDATES];
        for (int i = 0; i < WARM_UP + UPDATES; i++) {
            Map<String, Object> applicant = whatIf.applicant(table, rows[i % rows.length]);
            double value = (Double) applicant.get(feature);
            long start = System.nanoTime();
            WhatIf.Outcome outcome = whatIf.change(applicant, Map.of(feature, value * 1.5));
            long took = System.nanoTime() - start;
            if (outcome.predictions().length == 0) {
                throw new IllegalStateException();
            }
            if (i >= WARM_UP) {
                millis[i - WARM_UP] = took / 1e6;
            }
        }
        Arrays.sort(millis);

        ReasonFinder finder = new ReasonFinder(study.encoder(), study.preprocessor(),
                study.network(), study.scoringTask(), ReasonTexts.defaults());
        double[] networkMillis = new double[UPDATES];
        double[] reasonMillis = new double[UPDATES];
        for (int i = 0; i < UPDATES; i++) {
            Map<String, Object> applicant = whatIf.applicant(table, rows[i % rows.length]);
            long start = System.nanoTime();
            study.predictor().predict(new double[][] {study.encoder().encode(applicant)});
            long middle = System.nanoTime();
            finder.explain(applicant);
            networkMillis[i] = (middle - start) / 1e6;
            reasonMillis[i] = (System.nanoTime() - middle) / 1e6;
        }
        Arrays.sort(networkMillis);
        Arrays.sort(reasonMillis);
        double[] exactGaps = new double[500];
        double[] midpointGaps = new double[500];
        for (int i = 0; i < exactGaps.length; i++) {
            Map<String, Object> applicant = whatIf.applicant(table, rows[i]);
            Explanation exact = finder.explain(applicant);
            Explanation midpoint = finder.explain(applicant, 50);
            double change = Math.abs(exact.logit() - exact.referenceLogit());
            exactGaps[i] = Math.abs(exact.completenessGap());
            midpointGaps[i] = Math.abs(midpoint.completenessGap()) / Math.max(change, 1e-9);
        }
        Arrays.sort(exactGaps);
        Arrays.sort(midpointGaps);

        System.out.printf(Locale.ROOT, "table %s, %d rows, %d encoded inputs, layers %s, "
                        + "%d epochs%n", data, table.rowCount(), study.featureNames().size(),
                List.copyOf(settings.hiddenLayers()), study.history().size());
        System.out.printf(Locale.ROOT, "what-if update (change %s, all tasks, score, grade, "
                        + "reasons), %d updates after %d warm-up: median %.3f ms, p95 %.3f ms,"
                        + " max %.3f ms%n", feature, UPDATES, WARM_UP, millis[UPDATES / 2],
                millis[UPDATES * 95 / 100], millis[UPDATES - 1]);
        System.out.printf(Locale.ROOT, "of which the network's predictions: median %.3f ms, "
                        + "p95 %.3f ms, max %.3f ms; the reasons: median %.3f ms, p95 %.3f ms, "
                        + "max %.3f ms%n", networkMillis[UPDATES / 2],
                networkMillis[UPDATES * 95 / 100], networkMillis[UPDATES - 1],
                reasonMillis[UPDATES / 2], reasonMillis[UPDATES * 95 / 100],
                reasonMillis[UPDATES - 1]);
        System.out.printf(Locale.ROOT, "completeness over 500 applicants: exact gap max %.2e; "
                        + "50 midpoint steps, gap / |change of log-odds| median %.4f, p95 "
                        + "%.4f, max %.4f%n", exactGaps[exactGaps.length - 1],
                midpointGaps[250], midpointGaps[475], midpointGaps[499]);
    }
}
