package cq.jianxi.common.web;

import cq.jianxi.common.problem.ApiProblem;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** Checks an uploaded file (a plan, a list) is there and within its size limit, and reads it. */
public final class Uploads {

    private Uploads() {
    }

    /** The uploaded file's path after the checks, for a service to read off the event loop. */
    public static java.nio.file.Path checked(FileUpload file, long maxBytes) {
        if (file == null) {
            throw ApiProblem.invalidField("file", "请上传文件");
        }
        if (file.size() > maxBytes) {
            throw ApiProblem.invalidField("file", "文件过大（上限 " + maxBytes / (1024 * 1024) + " MB）");
        }
        return file.uploadedFile();
    }

    /** Reads the file whole; blocking, so call it on a worker. */
    public static byte[] readSmall(FileUpload file, long maxBytes) {
        checked(file, maxBytes);
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
