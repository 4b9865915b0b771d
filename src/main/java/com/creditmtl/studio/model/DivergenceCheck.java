package com.creditmtl.studio.model;

import com.creditmtl.studio.data.Sentence;
import java.util.List;
import java.util.Locale;

/**
 * Tells a diverging run from a training one after each epoch: a task whose training loss is
 * infinite, became NaN after a first epoch with a number, or has grown to {@link
 * #GROWTH_LIMIT} times its value after the first epoch, diverges; so does a run whose every
 * loss is NaN. A task with no known label in the training part has a NaN training loss from
 * the start and is not flagged for that. A loss that merely rises a little (noise, a too large
 * step now and then) is not flagged either; the check is meant for runs whose numbers have
 * left any useful range.
 */
public final class DivergenceCheck {

    /** How many times its first epoch's training loss a task's loss may grow to. */
    public static final double GROWTH_LIMIT = 1e3;

    private double[] first;

    /** @throws TrainingDivergedException when a task of the report diverges */
    public void check(EpochReport report, TrainingSettings settings) {
        List<TaskLoss> losses = report.losses();
        if (first == null) {
            first = losses.stream().mapToDouble(TaskLoss::trainLoss).toArray();
        }
        boolean allNaN = losses.stream().allMatch(l -> Double.isNaN(l.trainLoss())
                && Double.isNaN(l.validationLoss()));
        for (int t = 0; t < losses.size(); t++) {
            double loss = losses.get(t).trainLoss();
            boolean broken = Double.isInfinite(loss) || allNaN
                    || Double.isNaN(loss) && !Double.isNaN(first[t]);
            boolean grown = Double.isFinite(first[t]) && first[t] > 0
                    && loss > GROWTH_LIMIT * first[t];
            if (broken || grown) {
                String name = losses.get(t).task();
                Sentence what = broken
                        ? Sentence.of("diverged.became", "its training loss became " + loss,
                                String.valueOf(loss))
                        : Sentence.of("diverged.grew", String.format(Locale.ROOT,
                                "its training loss grew from %.4g to %.4g", first[t], loss),
                                String.format(Locale.ROOT, "%.4g", first[t]),
                                String.format(Locale.ROOT, "%.4g", loss));
                Sentence cause = cause(settings, t);
                throw new TrainingDivergedException(name, report.epoch(), Sentence.of(
                        "diverged", String.format(Locale.ROOT, "Training diverged on task %s "
                                + "in epoch %d: %s. Likely cause: %s.", name, report.epoch(),
                                what, cause), name, report.epoch(), what, cause));
            }
        }
    }

    private static Sentence cause(TrainingSettings settings, int task) {
        String figure = String.format(Locale.ROOT, "%.4g", settings.learningRate());
        String rate = "the learning rate " + figure + " is too high; try a tenth of it";
        if (task < settings.tasks().size() && !settings.tasks().get(task).isBinary()) {
            return Sentence.of("diverged.causeRateOrRange", rate + ", or the target has a very "
                    + "wide range (unscaled amounts); try log targets or the absolute-error "
                    + "loss", figure);
        }
        return Sentence.of("diverged.causeRate", rate, figure);
    }
}
