package com.creditmtl.studio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditmtl.studio.data.TaskType;
import com.creditmtl.studio.eval.Interval;
import com.creditmtl.studio.eval.TaskMetrics;
import com.creditmtl.studio.study.ModelComparison;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The words of the stages a comparison and a cross-validation report, in both languages. */
class EvaluationTextsTest {

    private final I18n english = new I18n(Locale.ENGLISH);
    private final I18n chinese = new I18n(Locale.SIMPLIFIED_CHINESE);

    @Test
    void comparisonStagesNameTheModelAndTheTask() {
        I18n.Message multi = EvaluationViewModel.comparisonStage("multi-task");
        I18n.Message single = EvaluationViewModel.comparisonStage("single-task overdue_days");
        I18n.Message linear = EvaluationViewModel.comparisonStage("linear bad");
        I18n.Message other = EvaluationViewModel.comparisonStage("warming up");

        assertEquals("Comparing with baselines: multi-task", english.get(multi));
        assertEquals("Comparing with baselines: single-task overdue_days", english.get(single));
        assertEquals("正在与基准模型比较：单任务网络 overdue_days", chinese.get(single));
        assertEquals("正在与基准模型比较：线性模型 bad", chinese.get(linear));
        assertEquals("正在与基准模型比较：warming up", chinese.get(other));
    }

    @Test
    void foldStagesCountTheFolds() {
        I18n.Message fold = EvaluationViewModel.foldStage("fold 2 of 5", 5);

        assertEquals("Cross-validating over 5 folds: fold 2 of 5", english.get(fold));
        assertEquals("正在进行 5 折交叉验证：第 2 折，共 5 折", chinese.get(fold));
        assertEquals("Cross-validating over 5 folds: done",
                english.get(EvaluationViewModel.foldStage("done", 5)));
        assertEquals("5 折交叉验证：完成", chinese.get(EvaluationViewModel.foldStage("done", 5)));
        assertEquals("与基准模型比较：完成",
                chinese.get(EvaluationViewModel.comparisonStage("done")));
    }

    @Test
    void withOneTaskTheSingleTaskColumnsStayEmptyAndSaySo() {
        TaskMetrics multi = TaskMetrics.binary("class", 1, 200, 0.79, 0.45);
        TaskMetrics linear = TaskMetrics.binary("class", 1, 200, 0.75, 0.40);
        ModelComparison.Result result = new ModelComparison.Result(List.of(
                new ModelComparison.TaskComparison("class", TaskType.BINARY, multi, multi,
                        linear, "auc", 0, new Interval(0, 0, "paired"), 0.04,
                        new Interval(0.01, 0.07, "paired"))), 720, 80, 200, "paired bootstrap");

        EvaluationViewModel.ComparisonRow row = EvaluationViewModel.comparisonRows(result)
                .get(0);

        assertTrue(Double.isNaN(row.singleTask()));
        assertTrue(Double.isNaN(row.versusSingle()));
        assertEquals("one task: the single-task network is this model, so only the linear "
                + "comparison says anything", english.get(row.verdictVersusSingle()));
        assertEquals("只有一个任务：单任务网络就是本模型，因此只有与线性模型的比较有意义",
                chinese.get(row.verdictVersusSingle()));
        assertEquals(0.79, row.multiTask(), 0);
        assertEquals(0.04, row.versusLinear(), 0);
    }
}
