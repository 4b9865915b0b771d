package com.creditmtl.studio.ui;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.CsvImporter;
import com.creditmtl.studio.eval.PopulationStability;
import com.creditmtl.studio.study.PredictionExport;
import com.creditmtl.studio.study.Study;
import com.creditmtl.studio.study.StudyTrainer;
import com.creditmtl.studio.study.WhatIf;
import com.creditmtl.studio.ui.ApplicantsViewModel.ApplicantRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.controlsfx.control.RangeSlider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Applicants tab after a short training on a small synthetic portfolio: the what-if editor,
 * the scorecard settings, scoring a file of new applicants with its drift, saving and opening a
 * study file, the export, the filter bar and the change of language.
 */
@ExtendWith(ApplicationExtension.class)
class ApplicantsViewTest {

    private static final Logger LOGGER = LoggerFactory.getLogger(ApplicantsViewTest.class);

    @TempDir
    static Path folder;

    private ExecutorService executor;
    private MainViewModel main;
    private ApplicantsViewModel applicants;
    private ScoringViewModel scoring;
    private ApplicantsView view;

    @Start
    void start(Stage stage) {
        executor = StudioApp.backgroundExecutor();
        main = new MainViewModel(new CsvImporter(), new StudyTrainer(), executor);
        main.epochsProperty().set(20);
        main.batchSizeProperty().set(64);
        applicants = new ApplicantsViewModel(main, executor);
        scoring = new ScoringViewModel(main, applicants, executor);
        view = new ApplicantsView(applicants, scoring, main.i18n());
        stage.setScene(new Scene(view.build(), 1280, 800));
        stage.show();
    }

    @BeforeEach
    void train(FxRobot robot) throws Exception {
        Path file = SmallTable.write(folder, "portfolio.csv", 400, 7);
        robot.interact(() -> main.open(file, SmallTable.options()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> main.tableProperty().get() != null
                && !main.busyProperty().get());
        robot.interact(main::train);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> main.studyProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void testApplicantsFillTheTableWithEveryTask(FxRobot robot) {
        TableView<?> table = robot.lookup("#applicantTable").queryAs(TableView.class);
        Study study = main.studyProperty().get();

        assertEquals(study.split().test().length, table.getItems().size());
        // ID, score, grade, expected loss, actual and predicted of three tasks, the features
        assertEquals(8, table.getColumns().size());
        assertEquals(List.of("income", "debt", "region"), table.getColumns().get(7)
                .getColumns().stream().map(TableColumn::getText).toList());
        ApplicantRow first = applicants.rows().get(0);
        assertEquals(study.testResults().get(0), first.result());
        assertEquals(main.tableProperty().get().id(study.split().test()[0]), first.id());
    }

    @Test
    void editingAFeatureUpdatesEveryPredictionScoreAndReasonsAsWhatIfDoes(FxRobot robot) {
        robot.interact(() -> view.table().getSelectionModel().select(0));
        TextField debt = robot.lookup("#whatIf-debt").queryAs(TextField.class);
        ListView<?> reasons = robot.lookup("#whatIfReasons").queryAs(ListView.class);
        Label score = robot.lookup("#whatIfScore").queryAs(Label.class);
        ApplicantRow row = applicants.selectedProperty().get();

        robot.interact(() -> debt.setText("3.5"));

        WhatIf.Outcome[] expected = new WhatIf.Outcome[1];
        robot.interact(() -> {
            WhatIf whatIf = new WhatIf(main.studyProperty().get());
            expected[0] = whatIf.change(whatIf.applicant(row.table(), row.row()),
                    Map.of("debt", 3.5));
        });
        for (int t = 0; t < 3; t++) {
            assertEquals(expected[0].predictions()[t], applicants.outcomes().get(t).now(), 0,
                    applicants.outcomes().get(t).task());
        }
        assertNotEquals(applicants.outcomes().get(0).before(), applicants.outcomes().get(0).now(),
                1e-6);
        assertEquals(expected[0].score(), applicants.scoreProperty().get(), 0);
        assertEquals(expected[0].grade(), applicants.gradeProperty().get());
        assertFalse(expected[0].reasonTexts().isEmpty());
        assertEquals(expected[0].reasonTexts(), List.copyOf(reasons.getItems()));
        assertTrue(score.getText().endsWith("grade " + expected[0].grade()), score.getText());
    }

    @Test
    void aValueThatIsNoNumberIsNamedAndKeepsTheLastOutcome(FxRobot robot) {
        robot.interact(() -> view.table().getSelectionModel().select(0));
        TextField debt = robot.lookup("#whatIf-debt").queryAs(TextField.class);
        robot.interact(() -> debt.setText("2"));
        double before = applicants.outcomes().get(0).now();

        robot.interact(() -> debt.setText("2x"));

        assertEquals("debt: '2x' is not a number", text(applicants.whatIfMessageProperty()
                .get()));
        assertEquals(before, applicants.outcomes().get(0).now(), 0);
    }

    @Test
    void resetPutsTheApplicantsOwnValuesBack(FxRobot robot) {
        robot.interact(() -> view.table().getSelectionModel().select(1));
        TextField income = robot.lookup("#whatIf-income").queryAs(TextField.class);
        Button reset = robot.lookup("#whatIfResetButton").queryAs(Button.class);
        String original = income.getText();

        robot.interact(() -> income.setText("-4"));
        robot.interact(reset::fire);

        assertEquals(original, income.getText());
        for (ApplicantsViewModel.TaskOutcome outcome : applicants.outcomes()) {
            // one row through the network against a batch: the same up to float rounding
            assertEquals(outcome.before(), outcome.now(), 1e-4 * Math.max(1,
                    Math.abs(outcome.before())), outcome.task());
        }
    }

    @Test
    void whatIfTakesWellUnderAFrame(FxRobot robot) {
        robot.interact(() -> view.table().getSelectionModel().select(2));
        TextField debt = robot.lookup("#whatIf-debt").queryAs(TextField.class);

        robot.interact(() -> {
            for (int i = 0; i < 200; i++) {
                debt.setText(Double.toString(-2 + i * 0.02));
            }
        });

        List<Double> times = new ArrayList<>(applicants.whatIfMillis());
        times.sort(null);
        double median = times.get(times.size() / 2);
        LOGGER.info("What-if on the FX thread: median {} ms, 90th percentile {} ms over {}",
                median, times.get(times.size() * 9 / 10), times.size());
        assertTrue(median < 16, "median " + median + " ms");
    }

    @Test
    void baseOddsGiveTheBaseScoreOnceApplied(FxRobot robot) {
        ApplicantRow first = applicants.rows().get(0);
        double p = first.result().predicted()[0];
        double odds = (1 - p) / p;
        TextField baseOdds = robot.lookup("#baseOddsField").queryAs(TextField.class);
        TextField baseScore = robot.lookup("#baseScoreField").queryAs(TextField.class);
        Button apply = robot.lookup("#applyScorecardButton").queryAs(Button.class);

        robot.interact(() -> {
            baseScore.setText("520");
            baseOdds.setText(Double.toString(odds));
        });
        robot.interact(apply::fire);

        assertEquals(520, applicants.rows().get(0).result().score(), 1e-9);
        assertEquals(first.result().predicted()[0],
                applicants.rows().get(0).result().predicted()[0], 0);
        assertEquals(odds, main.studyProperty().get().scoreScale().baseOdds(), 0);
        assertEquals(520, main.studyProperty().get().testResults().get(0).score(), 1e-9);
        assertEquals("Applied: 520 points at odds of " + new java.text.DecimalFormat("0.####",
                java.text.DecimalFormatSymbols.getInstance(Locale.ENGLISH))
                .format(odds) + ":1, 20 points to double the odds",
                text(applicants.scorecardMessageProperty().get()));
    }

    @Test
    void invalidScorecardIsRefusedWithTheReasonAndChangesNothing(FxRobot robot) {
        double before = applicants.rows().get(0).result().score();
        TextField lowest = robot.lookup("#lowestScoreField").queryAs(TextField.class);
        Button apply = robot.lookup("#applyScorecardButton").queryAs(Button.class);
        Label message = robot.lookup("#scorecardMessage").queryAs(Label.class);

        robot.interact(() -> lowest.setText("700"));
        robot.interact(apply::fire);

        assertEquals("Not applied: the base score (600.0) must lie within the bounds 700.0 to "
                + "850.0", message.getText());
        assertEquals(before, applicants.rows().get(0).result().score(), 0);
    }

    @Test
    void scoringANewFileShowsItsApplicantsAndTheDrift(FxRobot robot) throws Exception {
        Path data = newApplicants("new.csv", "=cmd|' /C calc'!A0");
        TableView<?> table = robot.lookup("#applicantTable").queryAs(TableView.class);
        TableView<?> drift = robot.lookup("#driftTable").queryAs(TableView.class);

        robot.interact(() -> scoring.scoreFile(data));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !scoring.runningProperty().get()
                && table.getItems().size() == 60);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(3, drift.getItems().size());
        PopulationStability.Result top = scoring.drift().get(0);
        assertEquals("debt", top.feature());
        assertEquals(PopulationStability.Status.ACT, top.status());
        assertTrue(Double.isNaN(applicants.rows().get(0).result().actual()[0]));
        assertTrue(text(scoring.driftSummaryProperty().get()).startsWith(
                "Scored 60 applicants"));
        assertEquals("60 new applicants of new.csv", text(applicants.sourceProperty().get()));
        // debt moved up by 2: some applicants lie beyond the highest debt of training
        PopulationStability.Reference debt = main.studyProperty().get().driftReference()
                .stream().filter(reference -> reference.feature().equals("debt")).findFirst()
                .orElseThrow();
        long beyond = applicants.rows().stream().filter(row -> debt.outside(
                row.table().table().doubleColumn("debt").getDouble(row.row()))).count();
        assertTrue(beyond > 0 && beyond < 60, "beyond " + beyond);
        Label checks = robot.lookup("#scoringChecks").queryAs(Label.class);
        assertTrue(checks.isVisible());
        TabPane side = robot.lookup("#applicantSideTabs").queryAs(TabPane.class);
        assertEquals(2, side.getSelectionModel().getSelectedIndex(), "the Drift tab is shown");
        assertTrue(checks.getText().contains("\u26a0 debt: " + beyond + " of 60 applicants lie "
                + "outside the training range"), checks.getText());
    }

    @Test
    void aWhatIfValueOutsideTheTrainingRangeIsSaidAndStillEvaluated(FxRobot robot) {
        robot.interact(() -> view.table().getSelectionModel().select(0));
        TextField debt = robot.lookup("#whatIf-debt").queryAs(TextField.class);
        Label message = robot.lookup("#whatIfMessage").queryAs(Label.class);
        PopulationStability.Reference range = main.studyProperty().get().driftReference()
                .stream().filter(reference -> reference.feature().equals("debt")).findFirst()
                .orElseThrow();
        double before = applicants.outcomes().get(0).now();

        robot.interact(() -> debt.setText("-40"));

        assertTrue(message.getText().startsWith("debt = -40 lies outside the training range "),
                message.getText());
        assertTrue(message.getText().contains(" to " + new java.text.DecimalFormat("#,##0.####",
                java.text.DecimalFormatSymbols.getInstance(Locale.ENGLISH)).format(range.high())
                + "; the model extrapolates there."), message.getText());
        assertNotEquals(before, applicants.outcomes().get(0).now(), 1e-9);

        robot.interact(() -> debt.setText("0.5"));
        assertTrue(message.getText().startsWith("Updated in "), message.getText());
    }

    @Test
    void exportProtectsATextCellThatLooksLikeAFormula(FxRobot robot) throws Exception {
        Path data = newApplicants("formula.csv", "=cmd|' /C calc'!A0");
        robot.interact(() -> scoring.scoreFile(data));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !scoring.runningProperty().get()
                && applicants.rows().size() == 60);
        Path out = folder.resolve("export.csv");

        robot.interact(() -> applicants.export(applicants.filteredRows(), out));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> !applicants.exportingProperty().get());

        assertEquals("Exported 60 applicants to export.csv",
                text(applicants.exportMessageProperty().get()));
        List<String> lines = Files.readAllLines(out, UTF_8);
        assertEquals(61, lines.size());
        assertEquals(String.join(",", PredictionExport.header(applicants.studyProperty().get())),
                lines.get(0));
        assertTrue(lines.get(1).startsWith("'=cmd|' /C calc'!A0,"), lines.get(1));
    }

    @Test
    void savedStudyOpensAgainAndScoresAsTheTrainedOne(FxRobot robot) throws Exception {
        Path file = folder.resolve("saved.cmtl");
        Path data = newApplicants("again.csv", "B1");
        robot.interact(() -> scoring.scoreFile(data));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !scoring.runningProperty().get()
                && applicants.rows().size() == 60);
        double trainedScore = applicants.rows().get(5).result().score();

        robot.interact(() -> scoring.saveStudy(file));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !scoring.runningProperty().get());
        robot.interact(() -> scoring.openStudy(file));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !scoring.runningProperty().get());
        assertTrue(text(scoring.studyNameProperty().get()).startsWith("saved.cmtl"),
                text(scoring.studyNameProperty().get()) + "; " + main.errorProperty().get());
        assertTrue(applicants.rows().isEmpty());
        robot.interact(() -> scoring.scoreFile(data));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !scoring.runningProperty().get()
                && applicants.rows().size() == 60);

        assertEquals(trainedScore, applicants.rows().get(5).result().score(), 1e-6);
    }

    @Test
    void trainingAgainAfterOpeningAStudyShowsTheNewModelsTestApplicants(FxRobot robot)
            throws Exception {
        Path file = folder.resolve("first.cmtl");
        robot.interact(() -> scoring.saveStudy(file));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !scoring.runningProperty().get());
        robot.interact(() -> scoring.openStudy(file));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !scoring.runningProperty().get());
        Study first = main.studyProperty().get();

        robot.interact(main::train);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> main.studyProperty().get() != null
                && main.studyProperty().get() != first && !main.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("trained in this window", text(scoring.studyNameProperty().get()));
        assertEquals(main.studyProperty().get(), applicants.studyProperty().get());
        assertEquals(main.studyProperty().get().testResults().size(), applicants.rows().size());
    }

    @Test
    void columnsAreWideEnoughForTheirWidestValueAnywhereInTheTable(FxRobot robot)
            throws Exception {
        // short IDs first, the longest one in the last row, past the rows the width is read from
        String longestId = "APPLICANT-2026-12-000000000060";
        StringBuilder csv = new StringBuilder(SmallTable.HEADER).append('\n');
        String[] lines = SmallTable.rows(60, 99, 1).split("\n");
        for (int i = 0; i < lines.length; i++) {
            csv.append(i == lines.length - 1 ? lines[i].replaceFirst("^[^,]*", longestId)
                    : lines[i]).append('\n');
        }
        Path data = folder.resolve("long-ids.csv");
        Files.writeString(data, csv, UTF_8);
        TableView<ApplicantRow> table = view.table();

        robot.interact(() -> scoring.scoreFile(data));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !scoring.runningProperty().get()
                && table.getItems().size() == 60);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(longestId, applicants.rows().get(59).id());
        javafx.scene.text.Text text = new javafx.scene.text.Text(longestId);
        text.setFont(javafx.scene.text.Font.getDefault());
        double needed = ApplicantsView.fittedWidth(text.getLayoutBounds().getWidth(), 0,
                javafx.scene.text.Font.getDefault().getSize());
        TableColumn<?, ?> id = table.getColumns().stream()
                .filter(c -> "column-id".equals(c.getId())).findFirst().orElseThrow();
        assertTrue(id.getPrefWidth() >= needed, "ID column " + id.getPrefWidth()
                + " px for '" + longestId + "', which needs " + needed);
    }

    @Test
    void scoreRangeSliderKeepsTheApplicantsBetweenItsEndsAsTwoConditions(FxRobot robot) {
        RangeSlider slider = robot.lookup("#scoreRangeSlider").queryAs(RangeSlider.class);
        Label shown = robot.lookup("#scoreRangeText").queryAs(Label.class);
        List<Double> scores = new ArrayList<>(applicants.rows().stream()
                .map(r -> Math.floor(r.result().score())).toList());
        scores.sort(null);
        assertEquals(scores.get(0), slider.getMin());
        assertEquals(scores.get(scores.size() - 1), slider.getMax());
        assertTrue(applicants.filter().conditions().isEmpty(), "the whole range filters nothing");

        // the middle half of the scores, as dragging both ends there would leave them
        long low = Math.round(scores.get(scores.size() / 4));
        long high = Math.round(scores.get(3 * scores.size() / 4));
        robot.interact(() -> {
            slider.setLowValueChanging(true);
            slider.setLowValue(low);
            slider.setLowValueChanging(false);
            slider.setHighValueChanging(true);
            slider.setHighValue(high);
            slider.setHighValueChanging(false);
        });

        List<String> expected = applicants.rows().stream()
                .filter(r -> Math.floor(r.result().score()) >= low
                        && Math.floor(r.result().score()) <= high)
                .map(ApplicantRow::id).sorted().toList();
        assertTrue(!expected.isEmpty() && expected.size() < applicants.rows().size());
        assertEquals(expected, applicants.filtered().stream().map(ApplicantRow::id).sorted()
                .toList());
        assertEquals(2, applicants.filter().conditions().size());
        assertEquals(low + " to " + high, shown.getText());

        // removing the lower bound's chip puts that thumb back at the end
        robot.interact(() -> applicants.filter().remove(applicants.filter().conditions().get(0)));
        assertEquals(slider.getMin(), slider.getLowValue());
        assertEquals(high, slider.getHighValue(), 1e-9);
        robot.interact(() -> applicants.filter().clear());
        assertEquals(slider.getMax(), slider.getHighValue());
        assertEquals(applicants.rows().size(), applicants.filtered().size());
    }

    @Test
    void conditionsAddedThroughTheFilterBarShowAndExportExactlyTheMatchingRows(FxRobot robot)
            throws Exception {
        TableView<ApplicantRow> table = view.table();
        ApplicantFilter filter = applicants.filter();
        @SuppressWarnings("unchecked")
        ComboBox<ApplicantFilter.Column> column = robot.lookup("#applicantFilterColumn")
                .queryAs(ComboBox.class);
        @SuppressWarnings("unchecked")
        ComboBox<ApplicantFilter.Operator> operator = robot.lookup("#applicantFilterOperator")
                .queryAs(ComboBox.class);
        @SuppressWarnings("unchecked")
        ComboBox<String> value = robot.lookup("#applicantFilterValue").queryAs(ComboBox.class);
        Label count = robot.lookup("#applicantCount").queryAs(Label.class);
        Label message = robot.lookup("#applicantFilterMessage").queryAs(Label.class);
        int all = applicants.rows().size();
        // the median score, so that the condition keeps about half the applicants
        List<Double> scores = new ArrayList<>(applicants.rows().stream()
                .map(r -> Math.floor(r.result().score())).toList());
        scores.sort(null);
        long threshold = Math.round(scores.get(scores.size() / 2));
        List<String> expected = applicants.rows().stream()
                .filter(r -> Math.floor(r.result().score()) >= threshold
                        && Math.round(r.result().actual()[1] * 10) / 10.0 > 0)
                .map(ApplicantRow::id).toList();
        assertTrue(!expected.isEmpty() && expected.size() < all, expected.toString());

        // a value that is no number: a message beside the bar, no condition, no exception
        robot.interact(() -> column.getSelectionModel().select(column.getItems().stream()
                .filter(c -> c.key().equals("score")).findFirst().orElseThrow()));
        robot.interact(() -> value.getEditor().setText("abc"));
        robot.clickOn("#applicantFilterAddButton");
        assertTrue(message.isVisible());
        assertEquals("'abc' is not a number: Score takes numbers such as 700 or 0.25",
                message.getText());
        assertEquals(all, table.getItems().size());

        robot.interact(() -> {
            operator.getSelectionModel().select(ApplicantFilter.Operator.AT_LEAST);
            value.getEditor().setText(Long.toString(threshold));
        });
        robot.clickOn("#applicantFilterAddButton");
        robot.interact(() -> {
            column.getSelectionModel().select(column.getItems().stream()
                    .filter(c -> c.key().equals("task:days:actual")).findFirst()
                    .orElseThrow());
            operator.getSelectionModel().select(ApplicantFilter.Operator.GREATER);
            value.getEditor().setText("0");
        });
        robot.clickOn("#applicantFilterAddButton");

        assertFalse(message.isVisible());
        assertEquals(2, filter.conditions().size());
        assertEquals(List.of("Score ≥ " + threshold, "days · actual > 0"),
                robot.lookup("#applicantFilterChips .filter-chip .label").queryAll().stream()
                        .map(n -> ((Label) n).getText()).toList());
        assertEquals(expected, table.getItems().stream().map(ApplicantRow::id).toList());
        assertEquals(expected.size() + " of " + all + " applicants shown", count.getText());

        // sorting by score, highest first, keeps the same applicants
        TableColumn<ApplicantRow, ?> score = table.getColumns().get(1);
        robot.interact(() -> {
            score.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(score));
        });
        List<ApplicantRow> sorted = List.copyOf(table.getItems());
        assertEquals(Set.copyOf(expected), sorted.stream().map(ApplicantRow::id)
                .collect(Collectors.toSet()));
        for (int i = 1; i < sorted.size(); i++) {
            // by the score as shown, in whole points
            assertTrue(Math.floor(sorted.get(i - 1).result().score())
                    >= Math.floor(sorted.get(i).result().score()));
        }

        // with no row selected the export holds exactly the rows shown, in the order shown
        Path out = folder.resolve("filtered.csv");
        robot.interact(() -> applicants.export(view.chosenRows(), out));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> !applicants.exportingProperty().get());
        List<String> lines = Files.readAllLines(out, UTF_8);
        assertEquals(sorted.stream().map(ApplicantRow::id).toList(), lines.subList(1,
                lines.size()).stream().map(line -> line.split(",")[0]).toList());

        // removing the first chip leaves the days condition; Clear all shows everyone
        robot.clickOn("#applicantFilterRemove0");
        assertEquals(1, filter.conditions().size());
        assertEquals(applicants.rows().stream().filter(r -> Math.round(
                r.result().actual()[1] * 10) / 10.0 > 0).count(), table.getItems().size());
        robot.clickOn("#applicantFilterClearButton");
        assertEquals(all, table.getItems().size());
        assertEquals(all + " of " + all + " applicants shown", count.getText());

        // a condition no one meets says so instead of asking for a model
        robot.interact(() -> {
            column.getSelectionModel().select(column.getItems().stream()
                    .filter(c -> c.key().equals("grade")).findFirst().orElseThrow());
            value.getEditor().setText("no such grade");
        });
        robot.clickOn("#applicantFilterAddButton");
        assertEquals(0, table.getItems().size());
        assertEquals("No applicant meets every condition: remove one, or Clear all",
                robot.lookup("#applicantTablePlaceholder").queryAs(Label.class).getText());
    }

    @Test
    void everyHeadingReadsWholeAndATasksHeadingIsAsWideAsItsName(FxRobot robot)
            throws Exception {
        // the bundled table's task names, longer than "actual" and "predicted" together
        Path file = folder.resolve("long-task-names.csv");
        Files.writeString(file, "id,income,debt,region,default_probability,overdue_days,"
                + "overdue_amount\n" + SmallTable.rows(400, 7, 1), UTF_8);
        robot.interact(() -> main.open(file, com.creditmtl.studio.data.ImportOptions.builder()
                .idColumn("id").build()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> main.tableProperty().get() != null
                && !main.busyProperty().get() && main.studyProperty().get() == null);
        robot.interact(main::train);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> main.studyProperty().get() != null
                && !main.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        TableView<ApplicantRow> table = view.table();
        assertTrue(table.getColumns().stream()
                .anyMatch(c -> "default_probability".equals(c.getText())));
        for (Locale language : I18n.LANGUAGES) {
            robot.interact(() -> main.i18n().localeProperty().set(language));
            WaitForAsyncUtils.waitForFxEvents();
            int groups = 0;
            for (TableColumn<ApplicantRow, ?> column : table.getColumns()) {
                double needed = TableColumns.headingWidth(column.getText());
                // a heading over columns is as wide as the columns under it
                double width = column.getColumns().isEmpty() ? column.getWidth()
                        : column.getColumns().stream().mapToDouble(TableColumn::getWidth).sum();
                assertTrue(width >= needed, language + ": '" + column.getText()
                        + "' is " + width + " px wide and needs " + needed);
                if (!column.getColumns().isEmpty()) {
                    groups++;
                }
                for (TableColumn<ApplicantRow, ?> part : column.getColumns()) {
                    double partNeeded = TableColumns.headingWidth(part.getText());
                    assertTrue(part.getWidth() >= partNeeded, language + ": '" + part.getText()
                            + "' under '" + column.getText() + "' is " + part.getWidth()
                            + " px wide and needs " + partNeeded);
                }
            }
            assertTrue(groups >= 3, "a heading over each task's actual and predicted");
            for (javafx.scene.Node node : table.lookupAll(".column-header .label")) {
                Label heading = (Label) node;
                if (heading.getText() == null || heading.getText().isEmpty()) {
                    continue;
                }
                String drawn = heading.lookupAll(".text").stream()
                        .filter(n -> n.getParent() == heading)
                        .map(n -> ((javafx.scene.text.Text) n).getText())
                        .collect(Collectors.joining());
                assertEquals(heading.getText(), drawn, language + " heading");
            }
        }
    }

    @Test
    void theTabSpeaksChineseAndEnglishAgain(FxRobot robot) {
        Button add = robot.lookup("#applicantFilterAddButton").queryAs(Button.class);
        Label count = robot.lookup("#applicantCount").queryAs(Label.class);
        Label study = robot.lookup("#scoringStudyLabel").queryAs(Label.class);
        Button export = robot.lookup("#exportApplicantsButton").queryAs(Button.class);
        TabPane side = robot.lookup("#applicantSideTabs").queryAs(TabPane.class);
        Label source = robot.lookup("#applicantsSource").queryAs(Label.class);
        Label heading = robot.lookup("#whatIfReasonsHeading").queryAs(Label.class);
        int all = applicants.rows().size();

        robot.interact(() -> main.i18n().localeProperty().set(Locale.SIMPLIFIED_CHINESE));
        robot.interact(() -> view.table().getSelectionModel().select(0));

        assertEquals("添加", add.getText());
        assertEquals("显示 " + all + " / " + all + " 位申请人", count.getText());
        assertEquals("研究：本窗口中训练的模型", study.getText());
        assertEquals("导出 CSV…", export.getText());
        assertEquals(List.of("假设分析", "评分卡", "漂移"),
                side.getTabs().stream().map(Tab::getText).toList());
        assertEquals("portfolio.csv 的 " + all + " 位测试集申请人", source.getText());
        assertEquals("原因（最能提高违约风险的因素）", heading.getText());
        assertEquals(List.of("ID", "评分", "等级", "预期损失"), view.table().getColumns()
                .subList(0, 4).stream().map(TableColumn::getText).toList());
        assertEquals("实际值", view.table().getColumns().get(4).getColumns().get(0).getText());
        assertTrue(robot.lookup("#whatIfScore").queryAs(Label.class).getText()
                .startsWith("评分 "));
        assertTrue(robot.lookup("#whatIfMessage").queryAs(Label.class).getText()
                .startsWith("已更新"));

        robot.interact(() -> main.i18n().localeProperty().set(Locale.ENGLISH));

        assertEquals("Add", add.getText());
        assertEquals(all + " of " + all + " applicants shown", count.getText());
        assertEquals("Study: trained in this window", study.getText());
        assertEquals(List.of("What-if", "Scorecard", "Drift"),
                side.getTabs().stream().map(Tab::getText).toList());
        assertEquals("Score", view.table().getColumns().get(1).getText());
    }

    private String text(I18n.Message message) {
        return ApplicantsView.text(main.i18n(), message);
    }

    /** 60 new applicants whose debt is far higher than in training, the first with this ID. */
    private static Path newApplicants(String name, String firstId) throws Exception {
        StringBuilder csv = new StringBuilder(SmallTable.HEADER).append('\n');
        String[] lines = SmallTable.rows(60, 99, 1).split("\n");
        for (int i = 0; i < lines.length; i++) {
            String[] cells = lines[i].split(",");
            cells[2] = String.format(Locale.ROOT, "%.3f",
                    Double.parseDouble(cells[2]) + 2);
            if (i == 0) {
                cells[0] = "\"" + firstId.replace("\"", "\"\"") + "\"";
            }
            csv.append(String.join(",", cells)).append('\n');
        }
        Path file = folder.resolve(name);
        Files.writeString(file, csv, UTF_8);
        return file;
    }
}
