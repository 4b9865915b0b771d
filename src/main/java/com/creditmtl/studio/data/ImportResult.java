package com.creditmtl.studio.data;

/**
 * An imported table, the report of its import and the options it was read with, detected
 * values filled in, so that saving them reads the next file the same way.
 */
public record ImportResult(CreditTable table, ImportReport report, ImportOptions options) {
}
