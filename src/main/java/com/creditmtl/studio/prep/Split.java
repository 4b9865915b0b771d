package com.creditmtl.studio.prep;

/**
 * Row numbers of the three parts of a table: training, validation (for per-epoch loss and later
 * early stopping) and test (touched only by the final evaluation). Each part is in file order.
 */
public record Split(int[] train, int[] validation, int[] test) {

    public int total() {
        return train.length + validation.length + test.length;
    }
}
