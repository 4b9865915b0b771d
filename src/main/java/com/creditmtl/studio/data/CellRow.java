package com.creditmtl.studio.data;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.RecordWrapper;
import java.io.Reader;
import java.util.Arrays;

/**
 * One record of a delimited file as FastCSV splits it: its cells, the line it starts on and
 * whether its last cell was quoted (which tells an unclosed quote at the end of a file apart).
 */
record CellRow(long line, String[] cells, boolean lastQuoted) {

    int size() {
        return cells.length;
    }

    String get(int index) {
        return cells[index];
    }

    /** A reader of rows with the given delimiter, double quotes, no comments. */
    static CsvReader<CellRow> reader(Reader in, char delimiter) {
        return CsvReader.builder()
                .fieldSeparator(delimiter)
                .quoteCharacter('"')
                .skipEmptyLines(true)
                .ignoreDifferentFieldCount(true)
                .acceptCharsAfterQuotes(false)
                .detectBomHeader(false)
                .build(new Handler(), in);
    }

    /** Collects the cells of each record into a fresh array. */
    private static final class Handler extends AbstractBaseCsvCallbackHandler<CellRow> {
        private String[] cells = new String[32];
        private boolean lastQuoted;

        @Override
        protected void handleBegin(long startingLineNumber) {
            lastQuoted = false;
        }

        @Override
        protected void handleField(int index, char[] buffer, int offset, int length,
                boolean quoted) {
            if (index == cells.length) {
                cells = Arrays.copyOf(cells, cells.length * 2);
            }
            cells[index] = new String(buffer, offset, length);
            lastQuoted = quoted;
        }

        @Override
        protected RecordWrapper<CellRow> buildRecord() {
            return wrapRecord(new CellRow(getStartingLineNumber(),
                    Arrays.copyOf(cells, getFieldCount()), lastQuoted));
        }
    }
}
