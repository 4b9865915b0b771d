package com.creditmtl.studio.ui;

import static com.creditmtl.studio.ui.MainView.numberColumn;
import static com.creditmtl.studio.ui.MainView.textColumn;

import com.creditmtl.studio.eval.Interval;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.converter.DoubleStringConverter;

/**
 * The Evaluation tab: the trained model's metrics per task on test and validation, its
 * calibration table and confusion matrices, and the comparison with baselines and the
 * cross-validation, started here and shown in tables. Binds controls to
 * {@link EvaluationViewModel} and holds no logic of its own.
 */
final class EvaluationView {

    private final EvaluationViewModel model;
    private final MainViewModel main;

    EvaluationView(EvaluationViewModel model, MainViewModel main) {
        this.model = model;
        this.main = main;
    }

    Region build() {
        VBox box = new VBox(8, MainView.heading("Metrics per task"), metricsTable(),
                new HBox(12, titled("Calibration on the test part (ten bins of predicted "
                        + "probability)", calibrationTable()),
                        titled("Confusion matrix at the cheapest cut-off (chosen on validation, "
                                + "applied to test)", confusionTable())),
                MainView.heading("Does multi-task learning help?"), controls(),
                comparisonTable(), MainView.heading("Cross-validation"), crossValidationTable());
        box.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private static VBox titled(String title, Region content) {
        Label label = new Label(title);
        label.setWrapText(true);
        VBox box = new VBox(4, label, content);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    private TableView<EvaluationViewModel.MetricsRow> metricsTable() {
        TableView<EvaluationViewModel.MetricsRow> table = new TableView<>(model.metrics());
        table.setId("evaluationMetricsTable");
        table.setPlaceholder(new Label("Metrics appear here after training"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(textColumn("Task", EvaluationViewModel.MetricsRow::task));
        table.getColumns().add(textColumn("Part", EvaluationViewModel.MetricsRow::part));
        table.getColumns().add(numberColumn("Rows", r -> r.metrics().rows(), "%,.0f"));
        table.getColumns().add(numberColumn("AUC", r -> r.metrics().auc(), "%.4f"));
        table.getColumns().add(textColumn("AUC 95 %", r -> interval(r.metrics().aucInterval(),
                "%.3f")));
        table.getColumns().add(numberColumn("Gini", r -> r.metrics().gini(), "%.4f"));
        table.getColumns().add(numberColumn("KS", r -> r.metrics().ks(), "%.4f"));
        table.getColumns().add(numberColumn("Brier", r -> r.metrics().brier(), "%.4f"));
        table.getColumns().add(numberColumn("Log loss", r -> r.metrics().logLoss(), "%.4f"));
        table.getColumns().add(numberColumn("PR-AUC", r -> r.metrics().prAuc(), "%.4f"));
        table.getColumns().add(numberColumn("MAE", r -> r.metrics().mae(), "%,.2f"));
        table.getColumns().add(textColumn("MAE 95 %", r -> interval(r.metrics().maeInterval(),
                "%,.2f")));
        table.getColumns().add(numberColumn("RMSE", r -> r.metrics().rmse(), "%,.2f"));
        table.getColumns().add(numberColumn("R²", r -> r.metrics().r2(), "%.4f"));
        table.setPrefHeight(190);
        return table;
    }

    private TableView<EvaluationViewModel.CalibrationRow> calibrationTable() {
        TableView<EvaluationViewModel.CalibrationRow> table =
                new TableView<>(model.calibration());
        table.setId("calibrationTable");
        table.setPlaceholder(new Label("Binary tasks only"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(textColumn("Task", EvaluationViewModel.CalibrationRow::task));
        table.getColumns().add(textColumn("Predicted", r -> String.format(Locale.ROOT,
                "%.1f–%.1f", r.bin().from(), r.bin().to())));
        table.getColumns().add(numberColumn("Rows", r -> r.bin().count(), "%,.0f"));
        table.getColumns().add(numberColumn("Mean predicted", r -> r.bin().meanPredicted(),
                "%.3f"));
        table.getColumns().add(numberColumn("Observed rate", r -> r.bin().observedRate(),
                "%.3f"));
        table.setPrefHeight(260);
        return table;
    }

    private TableView<EvaluationViewModel.ConfusionRow> confusionTable() {
        TableView<EvaluationViewModel.ConfusionRow> table = new TableView<>(model.confusion());
        table.setId("confusionTable");
        table.setPlaceholder(new Label("Binary tasks only"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(textColumn("Task", EvaluationViewModel.ConfusionRow::task));
        table.getColumns().add(textColumn("Part", EvaluationViewModel.ConfusionRow::part));
        table.getColumns().add(numberColumn("Cost ratio", r -> r.matrix().costRatio(),
                "%.1f"));
        table.getColumns().add(textColumn("Refuse from", r -> Double.isInfinite(
                r.matrix().cutoff()) ? "nobody" : String.format(Locale.ROOT, "%.4f",
                        r.matrix().cutoff())));
        table.getColumns().add(numberColumn("Bad refused", r -> r.matrix().truePositives(),
                "%,.0f"));
        table.getColumns().add(numberColumn("Good refused", r -> r.matrix().falsePositives(),
                "%,.0f"));
        table.getColumns().add(numberColumn("Good accepted", r -> r.matrix().trueNegatives(),
                "%,.0f"));
        table.getColumns().add(numberColumn("Bad accepted", r -> r.matrix().falseNegatives(),
                "%,.0f"));
        table.getColumns().add(numberColumn("Cost per applicant",
                r -> r.matrix().costPerApplicant(), "%.4f"));
        table.setPrefHeight(260);
        return table;
    }

    private HBox controls() {
        TextField costRatio = new TextField();
        costRatio.setId("costRatioField");
        costRatio.setPrefColumnCount(4);
        TextFormatter<Double> formatter = new TextFormatter<>(new DoubleStringConverter(),
                model.costRatioProperty().get());
        costRatio.setTextFormatter(formatter);
        formatter.valueProperty().addListener((obs, old, value) -> {
            if (value != null) {
                model.costRatioProperty().set(value);
            }
        });

        Spinner<Integer> folds = new Spinner<>(2, 20, model.foldsProperty().get());
        folds.setId("foldsSpinner");
        folds.setPrefWidth(80);
        folds.valueProperty().addListener((obs, old, value) -> model.foldsProperty().set(value));

        var idle = Bindings.or(model.runningProperty(),
                Bindings.or(main.busyProperty(), main.tableProperty().isNull()));
        Button compare = new Button("Compare with baselines");
        compare.setId("compareButton");
        compare.disableProperty().bind(idle);
        compare.setOnAction(e -> model.compare());
        Button crossValidate = new Button("Cross-validate");
        crossValidate.setId("crossValidateButton");
        crossValidate.disableProperty().bind(idle);
        crossValidate.setOnAction(e -> model.crossValidate());
        Button cancel = new Button("Cancel");
        cancel.setId("evaluationCancelButton");
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(e -> model.cancel());

        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(model.progressProperty());
        Label text = new Label();
        text.setId("evaluationProgressLabel");
        text.textProperty().bind(model.progressTextProperty());
        HBox row = new HBox(8, new Label("Cost ratio (bad accepted : good refused)"), costRatio,
                new Label("Folds"), folds, compare, crossValidate, cancel, bar, text);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private TableView<EvaluationViewModel.ComparisonRow> comparisonTable() {
        TableView<EvaluationViewModel.ComparisonRow> table = new TableView<>(model.comparison());
        table.setId("comparisonTable");
        table.setPlaceholder(new Label("Multi-task, single-task and linear models per task, on "
                + "the same split, appear here"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(textColumn("Task", EvaluationViewModel.ComparisonRow::task));
        table.getColumns().add(textColumn("Measure",
                EvaluationViewModel.ComparisonRow::measure));
        table.getColumns().add(numberColumn("Multi-task",
                EvaluationViewModel.ComparisonRow::multiTask, "%,.4f"));
        table.getColumns().add(numberColumn("Single-task",
                EvaluationViewModel.ComparisonRow::singleTask, "%,.4f"));
        table.getColumns().add(numberColumn("Linear", EvaluationViewModel.ComparisonRow::linear,
                "%,.4f"));
        table.getColumns().add(textColumn("Multi − single [95 %]",
                EvaluationViewModel.ComparisonRow::versusSingle));
        table.getColumns().add(textColumn("Multi − linear [95 %]",
                EvaluationViewModel.ComparisonRow::versusLinear));
        table.getColumns().add(textColumn("Verdict", EvaluationViewModel.ComparisonRow::verdict));
        table.setPrefHeight(150);
        return table;
    }

    private TableView<EvaluationViewModel.CrossValidationRow> crossValidationTable() {
        TableView<EvaluationViewModel.CrossValidationRow> table =
                new TableView<>(model.crossValidation());
        table.setId("crossValidationTable");
        table.setPlaceholder(new Label("Mean and standard deviation of every metric over the "
                + "folds appear here"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(textColumn("Task",
                EvaluationViewModel.CrossValidationRow::task));
        table.getColumns().add(textColumn("Metric",
                EvaluationViewModel.CrossValidationRow::metric));
        table.getColumns().add(numberColumn("Mean",
                EvaluationViewModel.CrossValidationRow::mean, "%,.4f"));
        table.getColumns().add(numberColumn("SD", EvaluationViewModel.CrossValidationRow::sd,
                "%,.4f"));
        table.setPrefHeight(220);
        return table;
    }

    private static String interval(Interval interval, String format) {
        if (Double.isNaN(interval.low())) {
            return "";
        }
        return String.format(Locale.ROOT, format + " – " + format, interval.low(),
                interval.high());
    }

}
