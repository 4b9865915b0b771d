package com.creditmtl.studio.data;

import it.unimi.dsi.fastutil.doubles.DoubleOpenHashSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/**
 * The cells of one column while a file is read, each looked at once. A column stays numeric (a
 * growing array of doubles, NaN where missing) while every cell is a number or missing; at its
 * first other cell it turns into text codes over a dictionary of values, and the numbers read
 * before are kept as text in their shortest form ({@code 1e+05} becomes {@code 100000}).
 */
final class ColumnBuffer {

    /** Distinct numbers are counted up to this many; beyond it the count reads as "more". */
    static final int DISTINCT_LIMIT = 1000;
    private static final int MISSING_CODE = -1;

    final String name;
    private final NumberParser numbers;
    private final Set<String> missingTokens;
    private final double[] sentinels;

    private boolean text;
    private double[] values = new double[1024];
    private int[] codes;
    private final Map<String, Integer> dictionary = new HashMap<>();
    private final List<String> dictionaryValues = new ArrayList<>();
    private int size;

    int missing;
    int sentinelHits;
    int numbersSeen;
    int textSeen;
    long firstTextRow = -1;
    String firstText;
    /** Present cells that are no number, counted from the first of them ({@link #firstText}). */
    int textAfterNumbers;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double secondMax = Double.NEGATIVE_INFINITY;
    int maxCount;
    boolean integers = true;
    boolean steppedByOne = true;
    private double previous = Double.NaN;
    private final DoubleOpenHashSet distinctNumbers = new DoubleOpenHashSet();
    private boolean distinctOverflow;

    ColumnBuffer(String name, boolean forceText, NumberParser numbers,
            Set<String> missingTokens, double[] sentinels) {
        this.name = name;
        this.numbers = numbers;
        this.missingTokens = missingTokens;
        this.sentinels = sentinels;
        if (forceText) {
            toText();
        }
    }

    boolean isText() {
        return text;
    }

    int size() {
        return size;
    }

    /**
     * Adds one cell.
     *
     * @throws ImportException when the cell spells an infinity, which no model can learn from
     */
    void add(String cell, long row, String file) throws ImportException {
        if (text) {
            addText(cell);
            return;
        }
        if (cell.isEmpty()) {
            appendNumber(Double.NaN);
            missing++;
            return;
        }
        double value = numbers.parse(cell);
        if (Double.isNaN(value)) {
            if (missingTokens.contains(cell.strip())) {
                appendNumber(Double.NaN);
                missing++;
                return;
            }
            if (NumberParser.isInfinity(cell)) {
                throw new ImportException(ImportException.at(file, row, name, Sentence.of(
                        "import.infinite", "'" + cell + "' is an infinite number; declare it "
                                + "missing (add it to the missing tokens) or correct the file",
                        cell)));
            }
            firstTextRow = row;
            firstText = cell;
            toText();
            addText(cell);
            return;
        }
        if (Double.isInfinite(value)) {
            throw new ImportException(ImportException.at(file, row, name, Sentence.of(
                    "import.tooLarge", "'" + cell + "' is too large for a number", cell)));
        }
        if (isSentinel(value)) {
            sentinelHits++;
            missing++;
            appendNumber(Double.NaN);
            return;
        }
        track(value);
        appendNumber(value);
    }

    private boolean isSentinel(double value) {
        for (double sentinel : sentinels) {
            if (sentinel == value) {
                return true;
            }
        }
        return false;
    }

    private void track(double value) {
        numbersSeen++;
        min = Math.min(min, value);
        if (value > max) {
            secondMax = max;
            max = value;
            maxCount = 1;
        } else if (value == max) {
            maxCount++;
        } else if (value > secondMax) {
            secondMax = value;
        }
        if (integers && value != Math.rint(value)) {
            integers = false;
        }
        if (steppedByOne && !Double.isNaN(previous) && value != previous + 1) {
            steppedByOne = false;
        }
        previous = value;
        if (!distinctOverflow) {
            distinctNumbers.add(value);
            if (distinctNumbers.size() > DISTINCT_LIMIT) {
                distinctOverflow = true;
                distinctNumbers.clear();
                distinctNumbers.trim();
            }
        }
    }

    private void appendNumber(double value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = value;
    }

    private void addText(String cell) {
        if (size == codes.length) {
            codes = Arrays.copyOf(codes, codes.length * 2);
        }
        boolean absent = cell.isBlank()
                || (missingTokens.contains(cell.strip()));
        if (absent) {
            missing++;
            codes[size++] = MISSING_CODE;
            return;
        }
        textSeen++;
        if (firstTextRow >= 0 && Double.isNaN(numbers.parse(cell))) {
            textAfterNumbers++;
        }
        Integer code = dictionary.get(cell);
        if (code == null) {
            code = dictionaryValues.size();
            dictionary.put(cell, code);
            dictionaryValues.add(cell);
        }
        codes[size++] = code;
    }

    /** Turns the numbers read so far into text codes. */
    private void toText() {
        text = true;
        codes = new int[Math.max(values.length, 16)];
        int numericSize = size;
        size = 0;
        int missingBefore = missing;
        for (int r = 0; r < numericSize; r++) {
            double value = values[r];
            if (Double.isNaN(value)) {
                codes[size++] = MISSING_CODE;
            } else {
                addText(shortest(value));
            }
        }
        missing = missingBefore;
        values = null;
        distinctNumbers.clear();
        distinctNumbers.trim();
    }

    static String shortest(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    /** Distinct non-missing values, or -1 when more than {@link #DISTINCT_LIMIT} numbers. */
    int distinct() {
        if (text) {
            return dictionaryValues.size();
        }
        return distinctOverflow ? -1 : distinctNumbers.size();
    }

    /** The text of a row (null when missing), for columns turned to text. */
    String textAt(int row) {
        int code = codes[row];
        return code == MISSING_CODE ? null : dictionaryValues.get(code);
    }

    /** The value of a row, for numeric columns. */
    double numberAt(int row) {
        return values[row];
    }

    /** The numbers read so far, in an array that may be longer than the rows read. */
    double[] numbers() {
        return values;
    }

    /** The numbers, trimmed to the rows read; the buffer is released. */
    double[] takeNumbers() {
        double[] result = values.length == size ? values : Arrays.copyOf(values, size);
        values = null;
        return result;
    }

    List<String> dictionaryValues() {
        return dictionaryValues;
    }

    /** The column for the table, releasing the buffer. */
    Column<?> toColumn(String columnName) {
        if (!text) {
            return DoubleColumn.create(columnName, takeNumbers());
        }
        StringColumn column = StringColumn.create(columnName, size);
        for (int r = 0; r < size; r++) {
            int code = codes[r];
            if (code != MISSING_CODE) {
                column.set(r, dictionaryValues.get(code));
            }
        }
        codes = null;
        return column;
    }
}
