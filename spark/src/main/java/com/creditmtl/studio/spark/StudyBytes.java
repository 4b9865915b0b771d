package com.creditmtl.studio.spark;

import com.creditmtl.studio.study.SavedStudy;
import com.creditmtl.studio.study.StudyArchive;
import com.creditmtl.studio.study.StudyFileException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * Study files as bytes, so a job can broadcast one file to every task: read from any file
 * system Spark knows (local, HDFS, S3 with its connector), and opened again on an executor
 * through a private temporary file, with all of {@link StudyArchive}'s checks. Each call of
 * {@link #open} gives an independent network, as DL4J networks must not be shared by threads.
 */
final class StudyBytes {

    private StudyBytes() {
    }

    /** The whole file; a study is at most {@value StudyArchive#MAX_FILE_MB} MB. */
    static byte[] read(String location, Configuration hadoop) throws IOException {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(location);
        FileSystem fs = path.getFileSystem(hadoop);
        long size = fs.getFileStatus(path).getLen();
        if (size > (long) StudyArchive.MAX_FILE_MB << 20) {
            throw new IOException(location + " is larger than a study file may be");
        }
        try (InputStream in = fs.open(path)) {
            return in.readAllBytes();
        }
    }

    /** Writes bytes to a file of any file system Spark knows, replacing it. */
    static void write(String location, byte[] bytes, Configuration hadoop) throws IOException {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(location);
        FileSystem fs = path.getFileSystem(hadoop);
        try (OutputStream out = fs.create(path, true)) {
            out.write(bytes);
        }
    }

    /** The study in the bytes, checked as a file on disk would be. */
    static SavedStudy open(byte[] bytes) {
        try {
            Path file = Files.createTempFile("credit-mtl-", ".cmtl");
            try {
                Files.write(file, bytes);
                return StudyArchive.open(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (StudyFileException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
