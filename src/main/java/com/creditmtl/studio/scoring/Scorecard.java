package com.creditmtl.studio.scoring;

import com.creditmtl.studio.data.RefusedException;
import com.creditmtl.studio.data.TaskSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The analyst's scorecard settings: the score scale, the grade bands and the regression task
 * whose prediction is the amount at risk. The expected loss of an applicant is the default
 * probability times that predicted amount; without an amount task there is none.
 *
 * <p>Limits: one amount task only, and the loss is not discounted or netted of recoveries; the
 * amount is taken as predicted, in the task's original units.
 *
 * @param amountTask the name of the amount task, or null for none
 */
public record Scorecard(ScoreScale scale, GradeScale grades, String amountTask) {

    public static final Scorecard DEFAULT =
            new Scorecard(ScoreScale.DEFAULT, GradeScale.DEFAULT, null);

    public Scorecard {
        if (scale == null || grades == null) {
            throw new IllegalArgumentException("a scorecard needs a score scale and grades");
        }
        if (amountTask != null && amountTask.isBlank()) {
            amountTask = null;
        }
    }

    /**
     * The scorecard for these tasks with the default amount task: the first regression task
     * whose name contains "amount" (in any case), else none.
     */
    public static Scorecard forTasks(List<TaskSpec> tasks, ScoreScale scale, GradeScale grades) {
        String amount = tasks.stream()
                .filter(t -> !t.isBinary())
                .map(TaskSpec::name)
                .filter(name -> name.toLowerCase(Locale.ROOT).contains("amount"))
                .findFirst().orElse(null);
        return new Scorecard(scale, grades, amount);
    }

    public Scorecard withAmountTask(String task) {
        return new Scorecard(scale, grades, task);
    }

    /**
     * The amount task's index among the tasks, -1 when there is none.
     *
     * @throws IllegalArgumentException when the named task is not a regression task of them
     */
    public int amountIndex(List<TaskSpec> tasks) {
        if (amountTask == null) {
            return -1;
        }
        for (int t = 0; t < tasks.size(); t++) {
            if (tasks.get(t).name().equals(amountTask)) {
                if (tasks.get(t).isBinary()) {
                    throw new RefusedException("scorecard.amountBinary", "the amount task "
                            + amountTask + " is binary; it must be a regression task",
                            amountTask);
                }
                return t;
            }
        }
        List<String> names = tasks.stream().map(TaskSpec::name).toList();
        throw new RefusedException("scorecard.amountUnknown", "the amount task " + amountTask
                + " is not one of the tasks " + names, amountTask, String.join(", ", names));
    }

    public double score(double defaultProbability) {
        return scale.score(defaultProbability);
    }

    public String grade(double score) {
        return grades.grade(score);
    }

    /** Default probability × predicted amount; NaN when either is unknown. */
    public static double expectedLoss(double defaultProbability, double amount) {
        return defaultProbability * amount;
    }

    /** The settings as JSON, read back by {@link #fromJson}. */
    public ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode node = mapper.createObjectNode();
        node.put("base_score", scale.baseScore());
        node.put("base_odds", scale.baseOdds());
        node.put("points_to_double_odds", scale.pointsToDoubleOdds());
        node.put("lowest_score", scale.lowestScore());
        node.put("highest_score", scale.highestScore());
        ArrayNode bands = node.putArray("grades");
        for (int g = 0; g < grades.grades().size(); g++) {
            ObjectNode band = bands.addObject().put("grade", grades.grades().get(g));
            if (g < grades.lowerBounds().length) {
                band.put("from", grades.lowerBounds()[g]);
            }
        }
        if (amountTask == null) {
            node.putNull("amount_task");
        } else {
            node.put("amount_task", amountTask);
        }
        return node;
    }

    /**
     * @throws IllegalArgumentException naming the field that is missing or wrong
     */
    public static Scorecard fromJson(JsonNode node) {
        ScoreScale scale = new ScoreScale(number(node, "base_score"), number(node, "base_odds"),
                number(node, "points_to_double_odds"), number(node, "lowest_score"),
                number(node, "highest_score"));
        JsonNode bands = node.path("grades");
        if (!bands.isArray() || bands.isEmpty()) {
            throw new IllegalArgumentException("scorecard: 'grades' must be a list of bands");
        }
        List<String> names = new ArrayList<>();
        double[] bounds = new double[bands.size() - 1];
        for (int g = 0; g < bands.size(); g++) {
            JsonNode band = bands.get(g);
            if (!band.path("grade").isTextual()) {
                throw new IllegalArgumentException("scorecard: band " + (g + 1)
                        + " has no grade name");
            }
            names.add(band.get("grade").asText());
            if (g < bounds.length) {
                bounds[g] = number(band, "from");
            }
        }
        JsonNode amount = node.path("amount_task");
        if (!amount.isNull() && !amount.isMissingNode() && !amount.isTextual()) {
            throw new IllegalArgumentException("scorecard: 'amount_task' must be a task name");
        }
        return new Scorecard(scale, new GradeScale(names, bounds),
                amount.isTextual() ? amount.asText() : null);
    }

    private static double number(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isNumber()) {
            throw new IllegalArgumentException("scorecard: '" + field + "' must be a number");
        }
        return value.asDouble();
    }
}
