package com.creditmtl.studio.ui;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.data.CsvImporter;
import com.creditmtl.studio.data.ImportOptions;
import com.creditmtl.studio.data.RefusedException;
import com.creditmtl.studio.data.Sentence;
import com.creditmtl.studio.data.TaskDefinition;
import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.data.TaskType;
import com.creditmtl.studio.eval.LeakageGuard;
import com.creditmtl.studio.eval.PopulationStability;
import com.creditmtl.studio.model.DivergenceCheck;
import com.creditmtl.studio.model.EpochReport;
import com.creditmtl.studio.model.TaskLoss;
import com.creditmtl.studio.model.TrainingDivergedException;
import com.creditmtl.studio.model.TrainingSettings;
import com.creditmtl.studio.scoring.ScoreScale;
import com.creditmtl.studio.study.FeatureDrift;
import com.creditmtl.studio.study.StudyArchive;
import com.creditmtl.studio.study.StudyFileException;
import com.creditmtl.studio.study.TradeOffExplorer;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's refusals and findings put in words by {@link I18n}: Chinese from the bundle's
 * {@code engine.*} patterns, English exactly as the engine (and so the command line) writes it,
 * and the English patterns of the bundle saying the same as the engine.
 */
class EngineSentencesTest {

    private final I18n chinese = new I18n(Locale.SIMPLIFIED_CHINESE);
    private final I18n english = new I18n(Locale.ENGLISH);

    private static final List<TaskSpec> TASKS = List.of(
            new TaskSpec("default_probability", TaskType.BINARY, 0.5),
            new TaskSpec("overdue_amount", TaskType.REGRESSION, 0.5));

    private static EpochReport report(int epoch, double defaultLoss, double amountLoss) {
        return new EpochReport(epoch, 5, List.of(
                new TaskLoss("default_probability", 0.5, defaultLoss, defaultLoss),
                new TaskLoss("overdue_amount", 0.5, amountLoss, amountLoss)), epoch);
    }

    /**
     * The sentence written from the English bundle's pattern, its sentence arguments likewise:
     * the bundle's English must say what the engine says.
     */
    private static String fromEnglishPattern(Sentence sentence) throws Exception {
        Properties english = new Properties();
        try (InputStream in = I18n.class.getResourceAsStream("messages.properties");
                Reader reader = new InputStreamReader(in, UTF_8)) {
            english.load(reader);
        }
        Object[] args = sentence.args().toArray();
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Sentence inner) {
                args[i] = fromEnglishPattern(inner);
            }
        }
        return new MessageFormat(english.getProperty(I18n.ENGINE_PREFIX + sentence.key()),
                Locale.ENGLISH).format(args);
    }

    @Test
    void aDivergedRunNamesTheTaskAndTheCauseInChinese() throws Exception {
        TrainingSettings settings = TrainingSettings.defaults(TASKS);
        DivergenceCheck check = new DivergenceCheck();
        check.check(report(1, 0.6, 2.0), settings);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> check.check(report(2, 0.6, 2500.0), settings));

        assertEquals("训练失败：任务 overdue_amount 在第 2 轮训练发散：其训练损失从 2.000 增长到 "
                + "2500。可能的原因：学习率 0.001000 过高，可尝试降到原来的十分之一；或目标值的范围"
                + "过宽（金额未经缩放），可尝试对目标取对数或改用绝对误差损失。",
                chinese.get("status.trainingFailed", I18n.sentenceOf(e)));

        String old = "Training diverged on task overdue_amount in epoch 2: its training loss grew "
                + "from 2.000 to 2500. Likely cause: the learning rate 0.001000 is too high; try "
                + "a tenth of it, or the target has a very wide range (unscaled amounts); try "
                + "log targets or the absolute-error loss.";
        assertEquals(old, e.getMessage());
        assertEquals("Training failed: " + old,
                english.get("status.trainingFailed", I18n.sentenceOf(e)));
        assertEquals(old, fromEnglishPattern(e.sentence()));
    }

    @Test
    void aNaNLossOfABinaryTaskBlamesTheLearningRateInChinese() {
        TrainingSettings settings = TrainingSettings.defaults(TASKS);
        DivergenceCheck check = new DivergenceCheck();
        check.check(report(1, 0.6, 2.0), settings);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> check.check(report(2, Double.NaN, 2.0), settings));

        assertEquals("任务 default_probability 在第 2 轮训练发散：其训练损失变为 NaN。可能的原因："
                + "学习率 0.001000 过高，可尝试降到原来的十分之一。", chinese.explain(e));
        assertEquals("Training diverged on task default_probability in epoch 2: its training "
                + "loss became NaN. Likely cause: the learning rate 0.001000 is too high; try a "
                + "tenth of it.", english.explain(e));
    }

    @Test
    void leakageFlagsReadInChineseAndAsBeforeInEnglish() throws Exception {
        LeakageGuard.Flag excluded = new LeakageGuard.Flag("paid_off", "default_probability",
                "auc", 0.97, false);
        LeakageGuard.Flag kept = new LeakageGuard.Flag("paid_off", "default_probability",
                "auc", 0.97, true);
        LeakageGuard.Flag suspect = new LeakageGuard.Flag("arrears", "overdue_amount",
                "correlation", 0.8512, false);

        assertEquals("paid_off 几乎单凭自身就能预测任务 default_probability（AUC 0.970）；已排除"
                + "（如需使用，请保留该特征）", chinese.get(excluded.sentence()));
        assertEquals("paid_off 几乎单凭自身就能预测任务 default_probability（AUC 0.970）；已按选择"
                + "保留", chinese.get(kept.sentence()));
        assertEquals("arrears 单独预测任务 overdue_amount 的效果好得可疑（|相关系数| 0.851）；仍会"
                + "使用，但请确认在审批时已能取得该信息", chinese.get(suspect.sentence()));

        assertEquals("paid_off predicts task default_probability almost alone (AUC 0.970); left "
                + "out (keep it to use it)", excluded.describe());
        assertEquals("arrears alone predicts task overdue_amount suspiciously well (|correlation| "
                + "0.851); used, but check that it is known when applying", suspect.describe());
        for (LeakageGuard.Flag flag : List.of(excluded, kept, suspect)) {
            assertEquals(flag.describe(), english.get(flag.sentence()));
            assertEquals(flag.describe(), fromEnglishPattern(flag.sentence()));
        }

        List<Sentence> tooGood = LeakageGuard.tooGood(List.of(
                com.creditmtl.studio.eval.TaskMetrics.binary("paid", 1, 100, 0.991, 0.9),
                com.creditmtl.studio.eval.TaskMetrics.binary("default_probability", 1, 100,
                        0.97, 0.9)), List.of(kept, suspect));
        assertEquals(2, tooGood.size());
        for (Sentence warning : tooGood) {
            assertEquals(warning.english(), fromEnglishPattern(warning));
        }
        assertTrue(chinese.get(tooGood.get(0)).startsWith("任务 paid 的测试 AUC 达到 0.991，"),
                chinese.get(tooGood.get(0)));
        assertTrue(chinese.get(tooGood.get(1)).contains("泄漏检查怀疑的特征有 paid_off；"),
                chinese.get(tooGood.get(1)));
    }

    @Test
    void aRefusedScorecardAndTaskDefinitionAreSaidInChinese() throws Exception {
        IllegalArgumentException bounds = assertThrows(IllegalArgumentException.class,
                () -> new ScoreScale(600, 50, 20, 900, 850));
        assertEquals("未应用：最低分（900.0）必须低于最高分（850.0）",
                chinese.get("applicants.scorecard.notApplied", I18n.sentenceOf(bounds)));
        assertEquals("Not applied: the lowest score (900.0) must be below the highest (850.0)",
                english.get("applicants.scorecard.notApplied", I18n.sentenceOf(bounds)));

        RefusedException task = assertThrows(RefusedException.class,
                () -> TaskDefinition.parse("default:logistic"));
        assertEquals("任务“default:logistic”：类型必须是 binary 或 regression，而不是“logistic”",
                chinese.explain(task));
        assertEquals("task 'default:logistic': the type must be binary or regression, not "
                + "'logistic'", english.explain(task));
        assertEquals(task.getMessage(), fromEnglishPattern(task.sentence()));

        RefusedException step = assertThrows(RefusedException.class,
                () -> new TradeOffExplorer.Options(0.3, 0.1, 5));
        assertEquals("无法探索：步长必须能把 1 等分为不超过 100 份（0.5、0.25、0.2、0.1、0.05 等），"
                + "当前为 0.3", chinese.get("tradeoff.status.invalid", I18n.sentenceOf(step)));
        assertEquals(step.getMessage(), fromEnglishPattern(step.sentence()));
    }

    @Test
    void aStudyFileThatIsNotOneIsRefusedInChinese(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("notes.cmtl");
        Files.writeString(folder.resolve("notes.cmtl"), "not a zip");
        StudyFileException e = assertThrows(StudyFileException.class,
                () -> StudyArchive.open(file));

        String reason = e.getMessage().substring(e.getMessage().indexOf('(') + 1,
                e.getMessage().length() - 1);
        assertEquals(file + " 已损坏或不是研究文件（" + reason + "）", chinese.explain(e));
        assertEquals(file + " is damaged or not a study file (" + reason + ")",
                english.explain(e));
        assertEquals(e.getMessage(), fromEnglishPattern(e.sentence()));
    }

    @Test
    void theImportDialogRefusesATaskAndNotesAGuessedEncodingInChinese(@TempDir Path folder)
            throws Exception {
        Path file = folder.resolve("loans.csv");
        Files.write(file, "id,region,default_probability\n1,Zürich,0\n2,Genève,1\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        ImportDialogViewModel dialog = new ImportDialogViewModel(file, chinese);

        dialog.refreshPreview();
        assertTrue(dialog.detectedProperty().get().endsWith(" · 不是 UTF-8 编码；已按 "
                + "windows-1252 读取（如字符显示异常，请选择其他编码）"),
                dialog.detectedProperty().get());

        dialog.tasksProperty().set("default_probability:logistic");
        RefusedException refused = assertThrows(RefusedException.class, dialog::options);
        dialog.reportProblem(refused);
        assertEquals("任务“default_probability:logistic”：类型必须是 binary 或 regression，"
                + "而不是“logistic”", dialog.problemProperty().get());
    }

    @Test
    void scoringChecksReadInChineseAndTheEnglishPatternsSayWhatTheEngineSays(
            @TempDir Path folder) throws Exception {
        Path file = folder.resolve("new.csv");
        Files.writeString(file, "id,late,income\nA1,2,40000\nA2,7,\nA1,1250.5,52000\n");
        CreditTable table = new CsvImporter().readFeatures(file, ImportOptions.builder()
                .idColumn("id").build(), List.of("late", "income"), List.of()).table();
        List<PopulationStability.Reference> references = List.of(
                PopulationStability.Reference.numeric("late", new double[] {0, 1, 2, 3}),
                PopulationStability.Reference.numeric("income", new double[] {30000, 90000}));

        List<Sentence> checks = FeatureDrift.checks(references, table);

        assertEquals(List.of("income: 1 of 3 applicants have no value, against 0.0 % in "
                + "training (first: applicant A2); the model fills it in as in training (the "
                + "training median)",
                "late: 2 of 3 applicants lie outside the training range 0 to 3 (first: applicant "
                + "A2, 7); the model extrapolates there, so read their predictions with care",
                "1 applicant ID appears more than once (first: A1, 2 times); each row is scored "
                + "on its own, so match the output to the input by row, not by ID"),
                checks.stream().map(Sentence::english).toList());
        for (Sentence check : checks) {
            assertEquals(check.english(), fromEnglishPattern(check));
            assertEquals(check.english(), english.get(check));
        }

        // ten features beyond their range: the eight with most applicants outside, then a count
        StringBuilder wide = new StringBuilder("id");
        List<PopulationStability.Reference> ten = new java.util.ArrayList<>();
        for (int f = 0; f < 10; f++) {
            wide.append(",f").append(f);
            ten.add(PopulationStability.Reference.numeric("f" + f, new double[] {0, 1}));
        }
        for (int row = 0; row < 12; row++) {
            wide.append("\nB").append(row);
            for (int f = 0; f < 10; f++) {
                // feature f lies outside for the first f + 1 applicants
                wide.append(',').append(row <= f ? 5 : 0.5);
            }
        }
        Path wideFile = folder.resolve("wide.csv");
        Files.writeString(wideFile, wide + "\n");
        List<String> names = new java.util.ArrayList<>();
        for (int f = 0; f < 10; f++) {
            names.add("f" + f);
        }
        List<Sentence> condensed = FeatureDrift.checks(ten, new CsvImporter().readFeatures(
                wideFile, ImportOptions.builder().idColumn("id").build(), names, List.of())
                .table());
        assertEquals(9, condensed.size());
        assertTrue(condensed.get(0).english().startsWith("f9: 10 of 12 applicants"),
                condensed.get(0).english());
        assertTrue(condensed.get(7).english().startsWith("f2: 3 of 12 applicants"),
                condensed.get(7).english());
        assertEquals("2 more features have values outside their training range, for as many "
                + "applicants as the last above or fewer", condensed.get(8).english());
        assertEquals(condensed.get(8).english(), fromEnglishPattern(condensed.get(8)));
        assertEquals("另有 2 个特征的取值超出训练范围，每个涉及的申请人不多于上面最后一项",
                chinese.get(condensed.get(8)));
        assertEquals("late：3 位申请人中有 2 位的取值超出训练范围 0 至 3（第一位：申请人 A2，取值 7）；"
                + "模型在此属于外推，请审慎解读其预测", chinese.get(checks.get(1)));
        assertEquals("有 1 个申请人编号出现不止一次（第一个：A1，共 2 次）；每一行单独评分，请按行而不是"
                + "按编号将输出与输入对应", chinese.get(checks.get(2)));
    }

    @Test
    void unlearntCategoriesAndEmptyIdsAreCheckedNotTakenForRepeatedIds(@TempDir Path folder)
            throws Exception {
        Path file = folder.resolve("regions.csv");
        Files.writeString(file, "id,region\n,north\nA2,mars\nA3,north\n,south\n");
        CreditTable table = new CsvImporter().readFeatures(file, ImportOptions.builder()
                .idColumn("id").build(), List.of(), List.of("region")).table();
        List<PopulationStability.Reference> references = List.of(
                PopulationStability.Reference.categorical("region",
                        List.of("north", "south", "north"), List.of("north", "south")));

        List<Sentence> checks = FeatureDrift.checks(references, table);

        assertEquals(List.of("region: 1 of 4 applicants have a value the model did not learn "
                + "(first: applicant A2, 'mars'); it counts such values as (other), against 0.0 "
                + "% in training", "2 applicants have no ID (first: row 1); they are scored, "
                + "with an empty ID in the output, so match them to the input by row"),
                checks.stream().map(Sentence::english).toList());
        for (Sentence check : checks) {
            assertEquals(check.english(), fromEnglishPattern(check));
        }
        assertEquals("有 2 位申请人没有编号（第一位：第 1 行）；他们照常评分，输出中编号为空，请按行与输入对应",
                chinese.get(checks.get(1)));
    }

    @Test
    void aFailureWrappingAnExplainedOneSpeaksWithItsWordsAndAnUnexplainedOneAsItIs() {
        RefusedException refused = assertThrows(RefusedException.class,
                () -> TrainingSettings.defaults(TASKS).withEpochs(0));
        assertEquals("训练轮数至少为 1，当前为 0", chinese.explain(new RuntimeException(refused)));
        assertEquals("epochs must be at least 1, was 0",
                english.explain(new RuntimeException(refused)));

        IllegalStateException unexpected = new IllegalStateException("out of native memory");
        assertEquals("out of native memory", chinese.explain(unexpected));
        assertEquals("out of native memory", english.explain(unexpected));
    }
}
