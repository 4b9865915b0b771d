package com.creditmtl.studio.data;

import java.nio.charset.Charset;
import java.util.List;

/**
 * The physical format of a delimited text file, detected or chosen.
 *
 * @param charset the text encoding
 * @param byteOrderMark bytes of byte-order mark at the start of the file, skipped when reading
 * @param delimiter the cell separator
 * @param decimalComma whether numbers are written with a decimal comma
 * @param notes what detection found worth telling the analyst (a guessed encoding, say)
 */
public record FileFormat(Charset charset, int byteOrderMark, char delimiter,
        boolean decimalComma, List<Sentence> notes) {

    public FileFormat {
        notes = List.copyOf(notes);
    }

    /** The delimiter as the analyst writes it: {@code ,} {@code ;} {@code TAB} {@code |}. */
    public String delimiterName() {
        return delimiter == '\t' ? "TAB" : Character.toString(delimiter);
    }
}
