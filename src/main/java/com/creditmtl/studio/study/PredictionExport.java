package com.creditmtl.studio.study;

import com.creditmtl.studio.data.CreditTable;
import com.creditmtl.studio.data.TaskSpec;
import com.creditmtl.studio.scoring.Reason;
import com.creditmtl.studio.scoring.ReasonFinder;
import com.creditmtl.studio.scoring.ReasonTexts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a study's predictions for any selection of a table's applicants as CSV: the ID, every
 * task's prediction in original units, the score, the grade and up to
 * {@value ReasonFinder#MAX_REASONS} reasons as sentences. Every text cell (ID, grade, reasons)
 * is protected against being run as a spreadsheet formula; the numbers are the program's own and
 * written as they are. The file is written atomically ({@link StudyFiles#writeAtomically}).
 *
 * <p>The table must have the study's feature columns; its task columns are not read, so new
 * applicants without outcomes can be exported. Without a binary task the score, grade and reason
 * cells stay empty.
 */
public final class PredictionExport {

    private static final Logger LOGGER = LoggerFactory.getLogger(PredictionExport.class);

    private PredictionExport() {
    }

    /** The header of an export of the study's tasks. */
    public static List<String> header(Study study) {
        List<String> header = new ArrayList<>();
        header.add("ID");
        for (TaskSpec task : study.tasks()) {
            header.add(task.name() + "_predicted");
        }
        header.add("score");
        header.add("grade");
        for (int k = 1; k <= ReasonFinder.MAX_REASONS; k++) {
            header.add("reason_" + k);
        }
        return header;
    }

    /** With the bundled reason sentences. */
    public static void write(Study study, CreditTable table, int[] rows, Path file)
            throws IOException {
        write(study, table, rows, ReasonTexts.defaults(), file);
    }

    /**
     * @param rows the selected applicants, as row numbers of {@code table}
     */
    public static void write(Study study, CreditTable table, int[] rows, ReasonTexts texts,
            Path file) throws IOException {
        double[][] predicted = study.predictor().predict(study.encoder().transform(table, rows));
        int binary = study.scoringTask();
        ReasonFinder reasons = binary < 0 ? null : new ReasonFinder(study.encoder(),
                study.preprocessor(), study.network(), binary, texts);

        StudyFiles.writeAtomically(file, writer -> {
            CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();
            try (CSVPrinter printer = new CSVPrinter(writer, format)) {
                printer.printRecord(header(study).stream().map(CsvCells::text).toList());
                for (int r = 0; r < rows.length; r++) {
                    printer.printRecord(row(study, table, rows[r], predicted, r, reasons));
                }
            }
        });
        LOGGER.info("Wrote predictions of {} applicants to {}", rows.length, file);
    }

    private static List<String> row(Study study, CreditTable table, int row,
            double[][] predicted, int r, ReasonFinder reasons) {
        List<String> cells = new ArrayList<>();
        cells.add(CsvCells.text(table.id(row)));
        for (int t = 0; t < study.tasks().size(); t++) {
            cells.add(number(predicted[t][r], study.tasks().get(t).isBinary() ? 6 : 2));
        }
        List<Reason> found = List.of();
        if (reasons == null) {
            cells.add("");
            cells.add("");
        } else {
            double score = study.scoreScale().score(predicted[study.scoringTask()][r]);
            cells.add(number(StudyFiles.shownScore(score), 1));
            cells.add(CsvCells.text(study.gradeScale().grade(score)));
            Map<String, Object> applicant = study.encoder().applicant(table, row);
            found = reasons.explain(applicant).reasons();
        }
        for (int k = 0; k < ReasonFinder.MAX_REASONS; k++) {
            cells.add(k < found.size() ? CsvCells.text(found.get(k).text()) : "");
        }
        return cells;
    }

    private static String number(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
